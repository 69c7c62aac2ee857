"""Search in the preview: MkDocs' own `serve`, with Pagefind indexing each build it makes.

`python -m generator.site.servesearch CONFIG --dev-addr HOST:PORT` runs MkDocs' `serve`
on its public parts (site/livebuild.py: rebuilt when explainer says pages changed) with
this file as a hook (MkDocs' `hooks` option):
- after every build, the first and each rebuild, `on_post_build` asks the indexer to
  index the pages serve just built (its own temporary build folder) with Pagefind, in the
  background, so a save's page reload does not wait for it (at 1,000 articles Pagefind
  takes seconds). Each index goes into a folder of its own outside the project; a build
  made while one is indexed is indexed after it;
- `on_serve` puts a small WSGI app in front of MkDocs' server (wsgiref's `set_app`) that
  answers `pagefind/…` from the newest complete index, falling back to the one before it
  (Pagefind names its files after their content: a page that loaded the older entry file
  still finds its chunks), and passes every other request to MkDocs.
Nothing is written into docs/ (so a save reloads the browser once) or site/ (so the
drafts serve shows are searchable in the preview, never in the published index, which
`explainer build` makes from its own build). No address but the preview's is asked for.
"""

from __future__ import annotations

import argparse
import contextlib
import mimetypes
import posixpath
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
TYPES = {".js": "application/javascript", ".json": "application/json",
         ".css": "text/css"}


class Indexer:
    """The preview's Pagefind indexes, made one at a time on a thread of their own."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="explainer-search-"))
        self.folders: list[Path] = []          # complete indexes, newest last
        self.site: Path | None = None
        self.wanted = threading.Event()
        self.closed = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def request(self, site: Path) -> None:
        self.site = site
        self.wanted.set()

    def run(self) -> None:
        from generator.site import search

        made = 0
        while self.wanted.wait() and not self.closed:
            self.wanted.clear()
            made += 1
            folder = self.root / str(made)
            assert self.site
            problem = search.index(self.site, folder)
            if problem:
                print(f"explainer: search in the preview is out of date: {problem}",
                      file=sys.stderr, end="", flush=True)
                continue
            self.folders = [*self.folders[-1:], folder]
            for old in sorted(self.root.iterdir()):
                if old not in self.folders and old != folder:
                    shutil.rmtree(old, ignore_errors=True)

    def close(self) -> None:
        """Remove every index, once the one being made (if any) is done: removed while
        Pagefind writes it, its folders could be made again and left behind."""
        self.closed = True
        self.wanted.set()
        self.thread.join(timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)

    def find(self, name: str) -> Path | None:
        """The file called name (a path inside the bundle) in the newest index having it."""
        relative = posixpath.normpath("/" + name).lstrip("/")
        for folder in reversed(self.folders):
            if relative and (path := folder / relative).is_file():
                return path
        return None


INDEXER: Indexer | None = None


def on_post_build(config: MkDocsConfig) -> None:
    global INDEXER
    INDEXER = INDEXER or Indexer()
    INDEXER.request(Path(config.site_dir))


def on_serve(server: LiveReloadServer, config: MkDocsConfig,
             builder: Callable[..., Any]) -> LiveReloadServer:
    app = server.get_app()
    assert app, "MkDocs' server has its app from the start"
    server.set_app(answering_search(app, server.mount_path + "pagefind/"))
    return server


def on_shutdown() -> None:
    if INDEXER:
        INDEXER.close()


def answering_search(app: WSGIApp, prefix: str) -> WSGIApp:
    """`app`, with the requests under prefix answered from the newest index."""
    def answer(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        found = INDEXER.find(path[len(prefix):]) if INDEXER and path.startswith(
            prefix) else None
        if found is None:
            return app(environ, start_response)
        data = found.read_bytes()
        kind = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0]
        start_response("200 OK", [("Content-Type", kind or "application/octet-stream"),
                                  ("Content-Length", str(len(data))),
                                  ("Cache-Control", "no-store")])
        return [data]
    return answer


def main(argv: list[str] | None = None) -> int:
    """Serve CONFIG's docs at --dev-addr, rebuilding only changed pages (`--dirty`) when
    explainer says they changed and reloading the browser, with search, until interrupted."""
    from generator.site.engine import printed_log
    from generator.site.livebuild import serve

    cli = argparse.ArgumentParser(prog="python -m generator.site.servesearch")
    cli.add_argument("config", type=Path)
    cli.add_argument("--dev-addr", required=True)
    args = cli.parse_args(argv)
    signal.signal(signal.SIGTERM, interrupt)    # explainer stops us: clean up as on Ctrl+C
    with printed_log("mkdocs"), contextlib.suppress(KeyboardInterrupt):
        serve(args.config.resolve(), args.dev_addr, hooks=[str(Path(__file__).resolve())])
    return 0


def interrupt(*_: object) -> None:
    """Stop as Ctrl+C does, so that MkDocs and the indexer remove their temporary folders."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
