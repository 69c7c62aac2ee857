"""Search in the preview: MkDocs' own `serve`, with Pagefind indexing each build it makes.

`python -m generator.site.servesearch CONFIG --dev-addr HOST:PORT` runs MkDocs' `serve`
through its public API (`mkdocs.commands.serve.serve`, as the `mkdocs serve` command
does) with this file as a hook (MkDocs' `hooks` option). After every build, the first
and each rebuild, `on_post_build` indexes the pages just built into `pagefind/` of
serve's own temporary build folder, which MkDocs' server answers from: nothing is
written into docs/ (so the browser reloads once) or site/ (so the drafts serve shows are
searchable in the preview and never in the published index, which `explainer build`
makes from its own build). The hook runs inside the rebuild, before MkDocs tells the
browser to reload and while it holds back requests, so a reloaded page searches the
index of the pages it shows. No address but the preview's own is asked for.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    """MkDocs' hook: index serve's build folder; a failure is said, the pages stay up."""
    from generator.site import search

    problem = search.index(Path(config.site_dir))
    if problem:
        print(f"explainer: search in the preview is out of date: {problem}",
              file=sys.stderr, end="", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Serve CONFIG's docs at --dev-addr, rebuilding only changed pages (`--dirty`) and
    reloading the browser, with search, until interrupted."""
    from mkdocs.commands.serve import serve

    from generator.site.engine import printed_log

    cli = argparse.ArgumentParser(prog="python -m generator.site.servesearch")
    cli.add_argument("config", type=Path)
    cli.add_argument("--dev-addr", required=True)
    args = cli.parse_args(argv)
    with printed_log("mkdocs"):
        serve(str(args.config), livereload=True, build_type="dirty",
              dev_addr=args.dev_addr, hooks=[str(Path(__file__).resolve())])
    return 0


if __name__ == "__main__":
    sys.exit(main())
