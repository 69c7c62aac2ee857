"""Run inside a fresh Python process so that its time and peak memory are its own.

`python -m benchmarks.child generate ROOT`: load -> validate -> resolve -> render -> write.
`python -m benchmarks.child build ROOT`: the same, then the engine's strict build and the
Pagefind index, as `explainer build` does. Each prints one JSON object: stage seconds,
files written, and the peak resident memory of this process (the generator), of MkDocs
and of Pagefind (its children). `python -m benchmarks.child yaml ROOT`: libyaml's own
load of the same files, the floor of any loader.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from generator.pipeline import Project, generate
from generator.site.engine import BuildFailed

TIME = "/usr/bin/time"


def main(command: str, root: str) -> dict[str, object]:
    project = Project(Path(root).resolve())
    start, start_cpu = time.perf_counter(), time.process_time()
    start_sys = resource.getrusage(resource.RUSAGE_SELF).ru_stime
    checked, report = generate(project)
    generated = time.perf_counter()
    result: dict[str, object] = {
        "generate_s": generated - start,
        "generate_cpu_s": time.process_time() - start_cpu,
        "generate_sys_s": resource.getrusage(resource.RUSAGE_SELF).ru_stime - start_sys,
        "content_files": len(checked.value.resolved.content.paths),
        "warnings": len(checked.warnings),
        "pages": len(report.written) + report.unchanged,
        "written": report.written,
        "removed": report.removed,
        "generator_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    if command == "build":
        peak = peak_kb([*ENGINE, str(project.config), "--strict"], project.root)
        result["mkdocs_s"] = time.perf_counter() - generated
        result["mkdocs_cpu_s"] = engine_cpu = children_cpu()
        result["mkdocs_rss_kb"] = peak
        indexed = time.perf_counter()
        result["search_rss_kb"] = peak_kb(INDEX + [str(project.site)], project.root)
        result["search_s"] = time.perf_counter() - indexed
        result["search_cpu_s"] = children_cpu() - engine_cpu
    return result


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def yaml_floor(root: str) -> dict[str, object]:
    """libyaml's CSafeLoader on every content file: the least any loader can cost."""
    files = sorted((Path(root) / "content").rglob("*.yaml"))
    start = time.process_time()
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {"files": len(files), "load_cpu_s": time.process_time() - start}


ENGINE = [sys.executable, "-m", "generator.site.engine"]  # + CONFIG [--dirty]: a build
"""The engine adapter's build, in a process of its own, as `explainer build` runs it."""
INDEX = [sys.executable, "-m", "generator.site.search"]
"""Pagefind's index of a built site, as `explainer build` makes it (generator/site/search.py)."""


def peak_kb(command: list[str], cwd: Path) -> int:
    """Run one step of `explainer build` as the command runs it, in a process of its
    own (the engine adapter's strict build, or Pagefind's index); its peak RSS in KB.

    A process started from this one inherits the generator's high-water mark in
    ru_maxrss (Linux carries it across exec), so /usr/bin/time, whose own footprint is
    tiny, reports the step's own peak. Without it the figure is max(generator, step).
    """
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        timed = Path(TIME).is_file()
        run = [TIME, "-f", "%M", "-o", out.name, *command] if timed else command
        if subprocess.run(run, cwd=cwd, check=False).returncode != 0:
            raise BuildFailed(f"{' '.join(command)} failed")
        if timed:
            return int(out.read().split()[-1])
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


if __name__ == "__main__":
    if sys.argv[1] == "yaml":
        print(json.dumps(yaml_floor(sys.argv[2])))
    else:
        print(json.dumps(main(sys.argv[1], sys.argv[2])))
