"""One problem found by the editorial checks, and where it sits in its file.

A finding names a location path (like validate's errors) and, optionally, the words it
is about; it is placed at those words inside the value when they can be found there,
so a unit mismatch in a long summary points at its own line and column. A finding of
a rule is printed with the rule's name in brackets, the name a writer may accept.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from generator.checks.rules import RuleName, tagged
from generator.errors import ContentError, Loc, Severity, located
from generator.stages.load import Document


@dataclass(frozen=True)
class Finding:
    """One problem, at a location in an article or other document."""

    loc: Loc
    message: str
    hint: str = ""
    severity: Severity = "warning"
    rule: RuleName | None = None
    """The rule's name, for warnings a writer may accept."""

    @property
    def text(self) -> str:
        """The message as printed: with the rule's name in brackets, if it has one."""
        return tagged(self.message, self.rule) if self.rule else self.message
    needle: str | None = None
    """The words inside the value to point at."""


def place(doc: Document, findings: list[Finding]) -> list[ContentError]:
    """Locate findings at their values, or at the words they are about inside them."""
    if not findings:
        return []
    starts = [0, *accumulate(len(line) for line in doc.text.splitlines(keepends=True))]
    values = sorted(starts[p.line - 1] + p.column - 1 for p in doc.positions.values())
    return [locate(doc, f, starts, values) for f in findings]


def locate(doc: Document, f: Finding, starts: list[int], values: list[int]) -> ContentError:
    error = doc.error(f.loc, f.text, f.hint, severity=f.severity)
    if not f.needle:
        return error
    start = starts[error.line - 1] + error.column - 1
    following = bisect_right(values, start)
    end = values[following] if following < len(values) else len(doc.text)
    for needle in (f.needle, f.needle.split()[0]):
        at = doc.text.find(needle, start, end)
        if at >= 0:
            line = bisect_right(starts, at)
            column = at - starts[line - 1] + 1
            return located(doc.path, line, column, f.text, f.hint,
                           severity=error.severity, text=doc.text)
    return error
