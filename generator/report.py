"""How problems are shown: text for writers, GitHub annotations, JSON for other tools.

Every format lists the same problems in the same order (by file, line and column).
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from generator.errors import ContentError

FORMATS = ("text", "github", "json")


def report(problems: list[ContentError], fmt: str = "text",
           stream: TextIO | None = None) -> None:
    """Print every problem in the chosen format, followed (for text) by a count."""
    problems = sorted(problems)
    if fmt == "github":
        out = stream or sys.stdout
        for problem in problems:
            print(github(problem), file=out)
    elif fmt == "json":
        print(as_json(problems), file=stream or sys.stdout)
    else:
        out = stream or sys.stderr
        for problem in problems:
            print(problem.format(), file=out)
        summary = count(problems)
        if summary:
            print(summary, file=out)
    (stream or sys.stdout).flush()


def only(problems: list[ContentError], paths: set[str] | None) -> list[ContentError]:
    """The problems of the files named (all of them when no file is named)."""
    return problems if paths is None else [p for p in problems if p.path in paths]


def count(problems: list[ContentError]) -> str:
    """`2 errors, 1 warning, 3 to-dos in content/`, or an empty string when there are
    none."""
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for word, severity in (
        ("error", "error"), ("warning", "warning"), ("to-do", "todo"))
        if (n := sum(p.severity == severity for p in problems))]
    return f"{', '.join(parts)} in content/" if parts else ""


def github(problem: ContentError) -> str:
    """A GitHub Actions workflow command, shown on the line in a pull request."""
    message = problem.message + (f" (hint: {problem.hint})" if problem.hint else "")
    props = ",".join(f"{key}={_escape(str(value), prop=True)}" for key, value in (
        ("file", problem.path), ("line", problem.line), ("col", problem.column),
        ("title", "explainer check")))
    level = "notice" if problem.severity == "todo" else problem.severity
    return f"::{level} {props}::{_escape(message)}"


def _escape(text: str, *, prop: bool = False) -> str:
    """GitHub's escaping for workflow command data (and, stricter, for properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_json(problems: list[ContentError]) -> str:
    """`{"errors": n, "warnings": n, "todos": n, "problems": [...]}`, stable and
    indented."""
    items = [{"path": p.path, "line": p.line, "column": p.column, "severity": p.severity,
              "message": p.message, "hint": p.hint} for p in problems]
    counts = {f"{severity}s": sum(p.severity == severity for p in problems)
              for severity in ("error", "warning", "todo")}
    return json.dumps({**counts, "problems": items}, indent=2, ensure_ascii=False)
