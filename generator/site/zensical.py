"""Zensical as a site engine: its own command on a copy of mkdocs.yml that names the folders.

Zensical (0.0.73, the newest release whose dependencies the package index has) reads
`mkdocs.yml` but has no Python API and no option for the docs folder, and does not know
MkDocs' `!ENV` and `!relative` tags. So each build writes a copy of the settings beside
the site it builds, with the tags worked out (`!ENV` from the environment,
`!relative $docs_dir` from the docs folder being built), `docs_dir` and `site_dir`
relative to the copy (Zensical wants the docs folder inside the copy's folder, and named
relatively) and the theme's `custom_dir` absolute, then runs `zensical build` there
(its cache goes beside that copy too). It runs no MkDocs plugins or hooks; explainer has none of its own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.site.engine import BuildFailed


EXCEPTION = re.compile(r"^[\w.]+(Error|Exception): ")
ANSI = re.compile(r"\x1b\[[0-9;]*m")        # colours, which Zensical writes even to a file


@dataclass(frozen=True)
class Zensical:
    """Zensical through its command line."""

    name: str = "zensical"

    def build(self, config: Path, docs: Path, site: Path, *, strict: bool = True,
              dirty: bool = False, site_url: str | None = None) -> None:
        copy = docs.resolve().parent / f".{site.name}.zensical.yml"
        write_settings(config, copy, docs, site, site_url)
        command = [sys.executable, "-m", "zensical", "build", "-f", str(copy),
                   *(["--strict"] if strict else []), *([] if dirty else ["--clean"])]
        done = subprocess.run(command, cwd=copy.parent, check=False, text=True,
                              stderr=subprocess.PIPE)
        said = without_traceback(done.stderr)
        sys.stderr.write(said if sys.stderr.isatty() else ANSI.sub("", said))
        if done.returncode:
            raise BuildFailed(f"{self.name} build failed")

    def site_url(self, config: Path) -> str | None:
        url = settings(config, config.parent / "docs").get("site_url")
        return str(url) if url else None

    def serve(self, config: Path, host: str, port: int) -> subprocess.Popen[bytes]:
        copy = config.with_name(".serve.zensical.yml")       # ignored by git
        preview = config.parent / ".explainer" / "zensical-serve"   # site/ stays as built
        write_settings(config, copy, config.parent / "docs", preview, None)
        command = [sys.executable, "-m", "zensical", "serve", "-f", str(copy),
                   "--dev-addr", f"{host}:{port}"]
        return subprocess.Popen(command, cwd=copy.parent)


def without_traceback(said: str) -> str:
    """Zensical's messages, with the Python traceback it prints on failing left out (its
    last line, the reason, is kept: "Aborted because --strict flag is set")."""
    kept, inside = [], False
    for line in said.splitlines(keepends=True):
        if line.startswith("Traceback ("):
            inside = True
        elif not (inside and line.startswith(" ")):
            inside = False
            kept.append(EXCEPTION.sub("", line))
    return "".join(kept)


def write_settings(config: Path, copy: Path, docs: Path, site: Path,
                   site_url: str | None) -> None:
    """Write config's settings into copy, for building docs into site."""
    data = settings(config, docs)
    folder = copy.parent.resolve()       # Zensical panics on an absolute docs_dir
    data.update(docs_dir=os.path.relpath(docs.resolve(), folder),
                site_dir=os.path.relpath(site.resolve(), folder))
    if site_url:
        data["site_url"] = site_url
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((config.parent / theme["custom_dir"]).resolve())
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def settings(config: Path, docs: Path) -> dict[str, Any]:
    """config's settings, with MkDocs' `!ENV` and `!relative $docs_dir` tags worked out."""

    class Loader(yaml.SafeLoader):
        pass

    def environment(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        names = ([loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode)
                 else loader.construct_sequence(node))  # type: ignore[arg-type]
        *variables, fallback = names if len(names) > 1 else [*names, None]
        return next((os.environ[v] for v in variables if v in os.environ), fallback)

    def relative(loader: yaml.SafeLoader, node: yaml.Node) -> str:
        path = str(loader.construct_scalar(node))  # type: ignore[arg-type]
        if not path.startswith("$docs_dir"):
            raise BuildFailed(f"{config}: Zensical's adapter knows only "
                              f"!relative $docs_dir paths, not {path!r}")
        return str(docs.resolve()) + path.removeprefix("$docs_dir")

    Loader.add_constructor("!ENV", environment)
    Loader.add_constructor("!relative", relative)
    data: dict[str, Any] = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)
    return data
