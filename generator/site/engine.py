"""The site engine, reached through one adapter on its public API, never patched.

The generator writes Markdown into a docs folder; an `Engine` turns a docs folder into a
site folder, with the settings of `mkdocs.yml`, and runs the live preview. Everything
else in explainer asks this module: nothing imports MkDocs or runs its command elsewhere.

Three engines read `mkdocs.yml`, chosen by name (`explainer build --engine NAME`):
- MkDocs (the default): `mkdocs.config.load_config(..., docs_dir=...)` and
  `mkdocs.commands.build.build(config)`, so a staged copy of docs/ is built by naming
  it, not by changing folders.
- ProperDocs, a fork of MkDocs with the same API under the `properdocs` package. Its
  `properdocs.replacement` redirects the `mkdocs` modules Material's plugins import to
  ProperDocs' own for the whole process, whatever that process imported before.
- Zensical, which has its own command and no Python API: site/zensical.py.

MkDocs and ProperDocs build in a child process of their own (`python -m
generator.site.engine --engine NAME`), which calls that API: `explainer build` holds
every page it rendered while the engine runs, and MkDocs' build in the same process
took it to 438 MB at 1,000 articles; apart, the generator peaks at 286 MB and MkDocs at
217 MB, for 0.1 CPU s of a Python start.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
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
        """The engine's name, as `--engine` and messages give it."""
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
    """MkDocs 1.x through its Python API, in a child process (`serve` too:
    site/servesearch.py)."""

    package: str = "mkdocs"

    @property
    def name(self) -> str:
        return self.package

    def build(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
              dirty: bool = False, site_url: str | None = None) -> None:
        built_apart(self.name, config, docs, site, strict=strict, dirty=dirty,
                    site_url=site_url)

    def build_here(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
                   dirty: bool = False, site_url: str | None = None) -> None:
        """Build in this process, through the API."""
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
        # MkDocs' `serve` with Pagefind indexing each build it makes (site/servesearch.py).
        command = [sys.executable, "-m", "generator.site.servesearch", str(config),
                   "--dev-addr", f"{host}:{port}"]
        return subprocess.Popen(command, cwd=config.parent, env={**os.environ, **QUIET})


@dataclass(frozen=True)
class ProperDocs:
    """ProperDocs through the same API as MkDocs, in a child process that it takes over."""

    name: str = "properdocs"

    def build(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
              dirty: bool = False, site_url: str | None = None) -> None:
        built_apart(self.name, config, docs, site, strict=strict, dirty=dirty,
                    site_url=site_url)

    def build_here(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
                   dirty: bool = False, site_url: str | None = None) -> None:
        """Build in this process, which ProperDocs then owns (mkdocs.* is ProperDocs')."""
        importlib.import_module("properdocs.replacement")
        MkDocs(self.name).build_here(config, docs, site, strict=strict, dirty=dirty,
                                     site_url=site_url)

    def site_url(self, config: Path) -> str | None:
        return MkDocs().site_url(config)            # the same file, read the same way

    def serve(self, config: Path, host: str, port: int) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", self.name, "serve", "--dirty",
                   "--dev-addr", f"{host}:{port}", "-f", str(config)]
        return subprocess.Popen(command, cwd=config.parent, env={**os.environ, **QUIET})


def built_apart(name: str, config: Path, docs: Path, site: Path, *, strict: bool,
                dirty: bool, site_url: str | None) -> None:
    """`build_here` of the engine called name, in a child process: its messages are
    printed as its own command prints them; it says why it failed, this one that it
    did."""
    command = [sys.executable, "-m", "generator.site.engine", str(config), "--child",
               "--engine", name, "--docs", str(docs), "--site", str(site),
               *(["--strict"] if strict else []), *(["--dirty"] if dirty else []),
               *(["--site-url", site_url] if site_url else [])]
    if subprocess.run(command, env={**os.environ, **QUIET}, check=False).returncode:
        raise BuildFailed(f"{name} build failed")


def engines() -> dict[str, Engine]:
    """Every engine by name (Zensical's adapter lives in its own module)."""
    from generator.site.zensical import Zensical

    return {"mkdocs": MkDocs(), "properdocs": ProperDocs(), "zensical": Zensical()}


ENGINE_NAMES = ("mkdocs", "properdocs", "zensical")


def installed(name: str) -> bool:
    """Whether the engine called name is installed (ProperDocs and Zensical are extras)."""
    return importlib.util.find_spec(name) is not None


def engine(name: str = DEFAULT) -> Engine:
    """The engine called name (ValueError naming the known ones otherwise)."""
    known = engines()
    if name not in known:
        raise ValueError(f"unknown engine {name!r}; known: {', '.join(known)}")
    if not installed(name):
        raise ValueError(f"engine {name!r} is not installed: "
                         f"pip install -e '.[engines]' (or make setup) installs it")
    return known[name]


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
    """`python -m generator.site.engine CONFIG [--engine NAME] [--strict] [--dirty]
    [--docs DOCS] [--site SITE] [--site-url URL] [--child]`: build DOCS (the docs/
    beside CONFIG) into SITE (the site/ beside it), in this process: how the adapter
    builds with MkDocs and ProperDocs, and how the benchmark times the engine. With
    --child (the adapter's), a failure is left for the parent to report."""
    cli = argparse.ArgumentParser(prog="python -m generator.site.engine")
    cli.add_argument("config", type=Path)
    cli.add_argument("--engine", default=DEFAULT, choices=ENGINE_NAMES)
    cli.add_argument("--strict", action="store_true")
    cli.add_argument("--dirty", action="store_true")
    cli.add_argument("--docs", type=Path)
    cli.add_argument("--site", type=Path)
    cli.add_argument("--site-url")
    cli.add_argument("--child", action="store_true")
    args = cli.parse_args(argv)
    root = args.config.resolve().parent
    chosen = engine(args.engine)
    build = chosen.build_here if isinstance(chosen, (MkDocs, ProperDocs)) else chosen.build
    try:
        build(args.config.resolve(), args.docs or root / "docs", args.site or root / "site",
              strict=args.strict, dirty=args.dirty, site_url=args.site_url)
    except BuildFailed as exc:
        if not args.child:
            print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
