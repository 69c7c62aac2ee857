"""`make bench` (and `python -m benchmarks.draft`): drafting the seed report, timed.

Prints the wall and CPU time of `explainer draft` on the seed report as a writer runs
it (a fresh process, into a copy of content/; target under 2 s), the best of five
drafts inside one process, and the share of quotations given to the right speaker
over every test report (tests/fixtures/draft/expected.yaml; target 100 %).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.authoring.draft import draft
from generator.authoring.draft.entities import known
from generator.authoring.draft.extract import extract
from generator.pipeline import Project

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "000_2fc7071a9cad3196.txt"
FIXTURES = REPO / "tests" / "fixtures" / "draft"
TARGET_S = 2.0


def main() -> int:
    if not SEED.exists():
        print(f"draft: the seed report is not at {SEED}; nothing to time")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        wall, cpu = cli_time(Path(folder))
        best = min(in_process(Path(folder), n) for n in range(5))
    right, total = speaker_share()
    load = os.getloadavg()[0]
    print(f"draft (seed report, load average {load:.1f}): {wall:.2f} s wall, {cpu:.2f} s "
          f"CPU as `explainer draft` "
          f"(target < {TARGET_S:.0f} s: {'met' if wall < TARGET_S else 'MISSED'}); "
          f"{best * 1000:.0f} ms inside one process (best of 5)")
    print(f"draft speakers: {right} of {total} quotations given to the right speaker "
          f"({100 * right / total:.0f} %, target 100 %)")
    return 0


def fresh(root: Path) -> Project:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(REPO / "content", root / "content")
    return Project(root)


def cli_time(folder: Path) -> tuple[float, float]:
    project = fresh(folder / "cli")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator.cli", "--root", str(project.root),
                    "draft", str(SEED), "--date", "2024-11-17"], check=True,
                   capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def in_process(folder: Path, n: int) -> float:
    project = fresh(folder / f"run{n}")
    start = time.perf_counter()
    draft(project, SEED, date=dt.date(2024, 11, 17))
    return time.perf_counter() - start


def speaker_share() -> tuple[int, int]:
    expected = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))
    right = total = 0
    for name, wanted in expected.items():
        report, content = (SEED, REPO) if name == "seed" else (
            FIXTURES / "reports" / name, FIXTURES)
        found = extract(report.read_text(encoding="utf-8"),
                        known(content / "content", content), wanted["date"])
        for quote, (start, speaker) in zip(found.quotes, wanted["quotes"], strict=False):
            s = quote.speaker
            got = s.id or (f"new: {s.new}" if s.new else None)
            right += quote.text.startswith(start) and got == speaker
        total += max(len(found.quotes), len(wanted["quotes"]))
    return right, total


if __name__ == "__main__":
    sys.exit(main())
