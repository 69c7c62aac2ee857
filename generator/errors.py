"""The one error type of the pipeline: a problem located in a content file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from generator.stages.safety import INVISIBLE

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]
"""A place inside a document: its keys and list indices, as pydantic gives them."""
MAX_ERRORS_PER_FILE = 200
"""Problems listed per file and stage: a hostile file must not flood the report."""


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, at a line and column (both 1-based)."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"
    loc: Loc = field(default=(), compare=False)
    source_line: str = field(default="", compare=False)

    def format(self) -> str:
        """`path:line:column: severity: message`, then the writer's line and a hint."""
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.source_line and self.column <= len(self.source_line) + 1:
            text += f"\n    {self.source_line}\n    {' ' * (self.column - 1)}^"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ContentErrors(Exception):
    """Raised by a stage with every problem it found, not just the first.

    `partial` is what the stage could still produce from the files without problems,
    so that later checks can run on them in the same `explainer check`.
    """

    def __init__(self, errors: list[ContentError], partial: Any = None):
        self.errors = sorted(errors)
        self.partial = partial
        super().__init__("\n".join(e.format() for e in self.errors))

    @property
    def fatal(self) -> list[ContentError]:
        return [e for e in self.errors if e.severity == "error"]


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    """A file's lines, split once however many errors it has."""
    return text.splitlines()


def shown(line: str) -> str:
    """A writer's line as the terminal may show it: tabs as spaces, and invisible
    formatting characters (which would reorder the terminal's own text) as �."""
    return INVISIBLE.sub("\ufffd", line.replace("\t", " "))


def located(
    path: Path | str,
    line: int,
    column: int,
    message: str,
    hint: str = "",
    *,
    severity: Severity = "error",
    loc: Loc = (),
    text: str | None = None,
) -> ContentError:
    """Build a ContentError, quoting the writer's own line when the text is known."""
    source_line = ""
    if text is not None:
        lines = _lines(text)
        if 1 <= line <= len(lines):
            source_line = shown(lines[line - 1])[:160]
    return ContentError(
        str(path), line, column, message, hint, severity, loc, source_line
    )
