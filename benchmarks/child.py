"""Run inside a fresh Python process so that its time and peak memory are its own.

`python -m benchmarks.child generate ROOT`: load -> validate -> resolve -> render -> write.
`python -m benchmarks.child build ROOT`: the same, then `mkdocs build --strict`, exactly
as `explainer build` does. Prints one JSON object: stage seconds, files written, and
the peak resident memory of this process (the generator) and of MkDocs (its child).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from generator.build import Project, generate, mkdocs


def main(command: str, root: str) -> dict[str, object]:
    project = Project(Path(root).resolve())
    start, start_cpu = time.perf_counter(), time.process_time()
    verified, report = generate(project)
    generated = time.perf_counter()
    result: dict[str, object] = {
        "generate_s": generated - start,
        "generate_cpu_s": time.process_time() - start_cpu,
        "content_files": len(verified.resolved.content.paths),
        "warnings": len(verified.warnings),
        "pages": len(report.written) + report.unchanged,
        "written": report.written,
        "removed": report.removed,
        "generator_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    if command == "build":
        mkdocs(project, "build", "--strict", "--quiet")
        result["mkdocs_s"] = time.perf_counter() - generated
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        result["mkdocs_cpu_s"] = usage.ru_utime + usage.ru_stime
        result["mkdocs_rss_kb"] = usage.ru_maxrss
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
