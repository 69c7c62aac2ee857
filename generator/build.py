"""The pipeline in a few lines: load -> validate -> resolve -> render -> write -> MkDocs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, ContentErrors
from .load import Loaded, load
from .render import render
from .resolve import dangling, resolve
from .validate import validate, validate_document
from .verify import Verified, verify
from .write import WriteReport, write


@dataclass(frozen=True)
class Project:
    """Where things live, relative to the project root."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


def check(project: Project, sources: Mapping[str, Path] | None = None) -> Verified:
    """Read and check all content; nothing is written. Raises ContentErrors."""
    try:
        loaded = load(project.content, project.root)   # YAML with positions
    except ContentErrors as exc:                        # still check the files that loaded
        raise ContentErrors(exc.errors + invalid(exc.partial)) from None
    try:
        content = validate(loaded)                  # typed models, every error located
    except ContentErrors as exc:                    # still check the valid files' references
        raise ContentErrors(exc.errors + (dangling(exc.partial) if exc.partial else [])
                            ) from None
    resolved = resolve(content)                     # cross-references and backlinks
    return verify(resolved, project.root, sources)  # quotes, attributions, units


def invalid(loaded: Loaded | None) -> list[ContentError]:
    """The model errors of the files that could be read, when others could not."""
    errors: list[ContentError] = []
    for doc in loaded.documents if loaded else []:
        try:
            validate_document(doc)
        except ContentErrors as exc:
            errors.extend(exc.errors)
    return errors


def generate(project: Project) -> tuple[Verified, WriteReport]:
    """Check everything, then write the Markdown pages into docs/."""
    verified = check(project)                       # everything read before anything written
    pages = render(verified.resolved, verified)     # Markdown text per page
    return verified, write(pages, project.docs)     # only changed files are touched


def build(project: Project, strict: bool = True) -> tuple[Verified, WriteReport]:
    """Generate the pages, then build the static site with MkDocs."""
    result = generate(project)
    mkdocs(project, "build", *(["--strict"] if strict else []))
    return result


def mkdocs(project: Project, *args: str) -> None:
    command = [sys.executable, "-m", "mkdocs", *args, "-f", str(project.config)]
    completed = subprocess.run(command, cwd=project.root, check=False)
    if completed.returncode != 0:
        raise BuildFailed(f"mkdocs {args[0]} failed (exit {completed.returncode})")


class BuildFailed(Exception):
    """MkDocs itself failed; its own output says why."""


__all__ = ["Project", "check", "generate", "build", "ContentErrors", "BuildFailed"]
