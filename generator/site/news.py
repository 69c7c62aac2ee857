"""What `explainer serve` says after a save: only what changed since the last one.

The first run lists every problem, as `explainer check` does; after that a save prints
the problems it brought (in full, with the writer's line and a hint), one line for each
problem it fixed, and the pages it rewrote. A problem that only moved (a line was added
above it) is neither new nor fixed: problems are compared without their positions.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TextIO

from generator.errors import ContentError
from generator.report import count

Key = tuple[str, str, str, str]


def key(problem: ContentError) -> Key:
    return problem.path, problem.severity, problem.message, problem.hint


class News:
    """The problems last reported, to tell a save's news from what was known."""

    def __init__(self, stream: TextIO | None = None):
        self.known: Counter[Key] | None = None
        self.stream = stream

    def problems(self, problems: list[ContentError]) -> None:
        """Print the problems that are new and name the ones that are gone."""
        out = self.stream or sys.stderr
        now = Counter(key(p) for p in problems)
        before = self.known if self.known is not None else Counter()
        fresh, seen = [], Counter[Key]()
        for problem in sorted(problems):
            seen[key(problem)] += 1
            if seen[key(problem)] > before[key(problem)]:
                fresh.append(problem)
        for problem in fresh:
            print(problem.format(), file=out)
        gone = sorted((before - now).items())
        for (path, _, message, _), n in gone:
            print(f"fixed: {path}: {message}" + (f" ({n} times)" if n > 1 else ""),
                  file=out)
        if fresh or gone:
            print(count(problems) or "no problems left in content/", file=out)
        self.known = now
        out.flush()
