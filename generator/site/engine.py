"""The site engine, reached through one adapter on its public API, never patched.

The generator writes Markdown into a docs folder; an `Engine` turns a docs folder into a
site folder, with the settings of `mkdocs.yml`, and runs the live preview. Everything
else in explainer asks this module: nothing imports MkDocs or runs its command elsewhere.

MkDocs is the engine today: `mkdocs.config.load_config(..., docs_dir=...)` and
`mkdocs.commands.build.build(config)`, in this process, so a staged copy of docs/ is
built by naming it, not by changing folders. A second engine is one more entry in
`ENGINES`. ProperDocs (a fork of MkDocs with the same API under the `properdocs`
package) builds through `MkDocs("properdocs")` once `properdocs.replacement` is imported:
that redirects the `mkdocs` modules Material's plugins import to ProperDocs' own, for the
whole process (tried with ProperDocs 1.6.7: the same site, strict), so a process builds
with one of the two; `python -m generator.site.engine --engine NAME` gives each its own.
Zensical, which has its own command, is a class with the same members (`name`, `build`,
`site_url`, `serve`) that runs `zensical build`/`serve`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# Material for MkDocs prints a notice about its future when started as the `mkdocs`
# command; explainer's users cannot act on it. Every engine command started here gets it.
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
DEFAULT = "mkdocs"


class BuildFailed(Exception):
    """The engine failed; its own output (printed above) says why."""


class Engine(Protocol):
    """What explainer needs from a site engine."""

    @property
    def name(self) -> str:
        """The engine's name, as `ENGINES` and messages give it."""
        ...

    def build(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
              dirty: bool = False, site_url: str | None = None) -> None:
        """Build the pages in docs/ into site/ with the settings of config (its docs_dir
        and site_dir replaced, and its site_url when one is given); strict turns every
        warning into a failure; dirty rebuilds only the pages changed since site/ was
        built. Raises BuildFailed; what it wrote into site/ is then incomplete."""
        ...

    def site_url(self, config: Path) -> str | None:
        """The address config says the site is published at (the preview serves the
        site under its path)."""
        ...

    def serve(self, config: Path, host: str, port: int) -> subprocess.Popen[bytes]:
        """Start the live preview of the config's docs_dir at host:port, rebuilding
        changed pages and reloading the browser; the caller stops the process."""
        ...


@dataclass(frozen=True)
class MkDocs:
    """MkDocs 1.x through its Python API (and its CLI for `serve`)."""

    package: str = "mkdocs"

    @property
    def name(self) -> str:
        return self.package

    def build(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
              dirty: bool = False, site_url: str | None = None) -> None:
        load_config = importlib.import_module(f"{self.package}.config").load_config
        build = importlib.import_module(f"{self.package}.commands.build").build
        failure = importlib.import_module(f"{self.package}.exceptions").MkDocsException
        with printed_log(self.package):
            try:
                build(load_config(str(config), docs_dir=str(docs), site_dir=str(site),
                                  strict=strict, site_url=site_url), dirty=dirty)
            except failure as exc:       # Abort, ConfigurationError, BuildError, PluginError
                exc.show(file=sys.stderr)     # as the command prints it
                raise BuildFailed(f"{self.name} build failed") from None

    def site_url(self, config: Path) -> str | None:
        load_config = importlib.import_module(f"{self.package}.config").load_config
        url: str | None = load_config(str(config)).site_url
        return url

    def serve(self, config: Path, host: str, port: int) -> subprocess.Popen[bytes]:
        # `--livereload` explicitly: with click newer than 8.2.1, MkDocs 1.6.1 does not
        # reload without it. `--dirty` rebuilds only the pages whose Markdown changed.
        command = [sys.executable, "-m", self.package, "serve", "--livereload", "--dirty",
                   "--dev-addr", f"{host}:{port}", "-f", str(config)]
        return subprocess.Popen(command, cwd=config.parent, env={**os.environ, **QUIET})


ENGINES: dict[str, Engine] = {"mkdocs": MkDocs()}


def engine(name: str = DEFAULT) -> Engine:
    """The engine called name (ValueError naming the known ones otherwise)."""
    try:
        return ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown engine {name!r}; known: {', '.join(ENGINES)}") from None


@contextmanager
def printed_log(logger_name: str) -> Iterator[None]:
    """The engine's messages on stderr as its own command prints them (`WARNING -  ...`),
    for the duration of one build."""
    logger = logging.getLogger(logger_name)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(Formatter())
    saved = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


class Formatter(logging.Formatter):
    """`LEVEL   -  message`, the layout of MkDocs' command line."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


def main(argv: list[str] | None = None) -> int:
    """`python -m generator.site.engine CONFIG [--strict] [--dirty] [--engine NAME]`: build
    the docs/ beside CONFIG into site/ (the benchmark times an engine in its own process)."""
    cli = argparse.ArgumentParser(prog="python -m generator.site.engine")
    cli.add_argument("config", type=Path)
    cli.add_argument("--engine", default=DEFAULT, choices=ENGINES)
    cli.add_argument("--strict", action="store_true")
    cli.add_argument("--dirty", action="store_true")
    args = cli.parse_args(argv)
    root = args.config.resolve().parent
    try:
        engine(args.engine).build(args.config.resolve(), root / "docs", root / "site",
                                  strict=args.strict, dirty=args.dirty)
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
