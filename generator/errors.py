"""The one error type of the pipeline: a problem located in a content file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Generic, Literal, TypeVar

from generator.stages.safety import INVISIBLE

Severity = Literal["error", "warning", "todo"]
"""An error blocks the build; a warning does not; a to-do is what a draft still lacks."""
SHOWN_AS = {"error": "error", "warning": "warning", "todo": "to do"}
Loc = tuple[str | int, ...]
"""A place inside a document: its keys and list indices, as pydantic gives them."""
MAX_ERRORS_PER_FILE = 200
"""Problems listed per file and stage: a hostile file must not flood the report."""
T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, at a line and column (both 1-based)."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"
    source_line: str = field(default="", compare=False)

    def format(self) -> str:
        """`path:line:column: severity: message`, then the writer's line and a hint."""
        text = f"{self.path}:{self.line}:{self.column}: {SHOWN_AS[self.severity]}: " \
            f"{self.message}"
        if self.source_line and self.column <= len(self.source_line) + 1:
            text += f"\n    {self.source_line}\n    {' ' * (self.column - 1)}^"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ContentErrors(Exception):
    """The problems that stop a run: every problem of the content, raised once after
    all stages have run (`Result.unwrap`), or what stops writing (a path outside the
    output, a folder that cannot be written). The CLI prints them and exits 1."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(e.format() for e in self.errors))


@dataclass(frozen=True)
class Result(Generic[T]):
    """What a stage made, with every problem (error or warning) it found on the way.

    The value is always usable: it holds what could be made of the valid input (a file
    with errors is left out, or kept in part), so the next stage runs on it and a writer
    sees every problem in one run. Nothing is raised until `unwrap`, at the very end.
    """

    value: T
    problems: tuple[ContentError, ...] = ()

    @property
    def errors(self) -> list[ContentError]:
        return sorted(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> list[ContentError]:
        return sorted(p for p in self.problems if p.severity == "warning")

    @property
    def todos(self) -> list[ContentError]:
        """What drafts still lack: neither errors nor warnings."""
        return sorted(p for p in self.problems if p.severity == "todo")

    def then(self, stage: Callable[[T], Result[U]]) -> Result[U]:
        """Run the next stage on this value; its problems are added to these."""
        following = stage(self.value)
        return Result(following.value, self.problems + following.problems)

    def unwrap(self) -> T:
        """The value, or ContentErrors with every problem when any is an error."""
        if self.errors:
            raise ContentErrors(self.problems)
        return self.value


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
    text: str | None = None,
) -> ContentError:
    """Build a ContentError, quoting the writer's own line when the text is known."""
    source_line = ""
    if text is not None:
        lines = _lines(text)
        if 1 <= line <= len(lines):
            source_line = shown(lines[line - 1])[:160]
    return ContentError(str(path), line, column, message, hint, severity, source_line)
