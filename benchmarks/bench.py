"""`make bench`: build N synthetic articles and print what it costs, beside its targets.

python -m benchmarks.bench [--sizes 100 1000 3000] [--full-upto 1000] [--repeats 3]
                           [--out benchmarks/out] [--no-preview]

For each N: a fresh project copy with synthetic content (benchmarks/synth.py); clean
builds paired with the floor (benchmarks/floor.py: the same engine on plain pages of the
same visible words, and Pagefind) and with libyaml's own load of the same files,
medians of the CPU times shown; then page sizes, the bytes search fetches
(benchmarks/searchbytes.py), peak memory, a no-op regeneration, one-article edits, and
the time from saving an edit to `explainer serve` showing it (benchmarks/preview.py), and
each installed engine's clean and incremental build of the same docs/.
Sizes above --full-upto time only generate and build. Last, how each cost grows with N.
Figures are printed and saved as JSON in the output folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator.site.engine import ENGINE_NAMES, installed

from . import synth, trash
from .child import ENGINE, INDEX, peak_kb
from .floor import make_floor
from .preview import preview_latency
from .report import machine, render, scaling
from .searchbytes import search_bytes

REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = ["content/site.yaml", "content/glossary.yaml", "content/pages", "theme",
                 "mkdocs.yml"]
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1731801600",
       "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--full-upto", type=int, default=1000, metavar="N",
                        help="sizes above N time only generate and build, once")
    parser.add_argument("--repeats", type=int, default=3,
                        help="paired runs of the build and the floor (medians are shown)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--no-preview", action="store_true",
                        help="skip the `explainer serve` edit-to-preview timing")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop `serve` on the way out
    args.out.mkdir(parents=True, exist_ok=True)
    print(machine(), flush=True)
    results = []
    trash.use(args.out / "trash")                   # old output deleted once timing ends
    try:
        for n in args.sizes:
            full = n <= args.full_upto
            result = run_size(n, args.out / f"n{n}", args.repeats if full else 1, full,
                              preview=full and not args.no_preview)
            (args.out / f"results-{n}.json").write_text(json.dumps(result, indent=1))
            print(render(result), flush=True)
            results.append(result)
    finally:
        trash.empty()
    if len(results) > 1:
        print(scaling(results), flush=True)
    return 0


def run_size(n: int, out: Path, repeats: int, full: bool,
             preview: bool = True) -> dict[str, Any]:
    root = fresh_project(out / "project", n)
    result: dict[str, Any] = {"n": n, "load_average": os.getloadavg(), "repeats": repeats}
    builds: list[dict[str, Any]] = []
    floors: list[dict[str, Any]] = []
    loads: list[dict[str, Any]] = []
    for _ in range(repeats):                        # paired: build, then floor, in turn
        clean(root)
        timing, build = timed_child("build", root)
        builds.append({**build, **timing._asdict()})
        loads.append(timed_child("yaml", root)[1])
        if full:
            floors.append(floor_build(root, out / "floor", fresh=not floors))
    result["build"], result["yaml"] = median(builds), median(loads)
    if not full:
        return result
    result["floor"] = median(floors)
    result["sizes"] = site_sizes(root / "site", n)
    result["search"] = search_bytes(root / "site", busiest_actor(root / "content"))
    result["noop"] = timed_child("generate", root)[1]["written"]
    article = sorted((root / "content" / "articles").glob("*.yaml"))[n // 2]
    result["edit_body"] = edit_and_regenerate(root, article, "body")
    result["edit_headline"] = edit_and_regenerate(root, article, "headline")
    result["incremental"] = incremental_build(root, article)
    result["engines"] = engine_builds(root, article)
    if preview:
        result["preview"] = preview_latency(
            root, f"articles/{article.stem}/", lambda: edit(article, "body"),
            out / "serve.log")
    return result


def median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each number the median of the runs (the others as in the last run)."""
    out = dict(runs[-1])
    for key, value in out.items():
        if isinstance(value, float):
            out[key] = statistics.median(run[key] for run in runs)
        elif isinstance(value, int) and not isinstance(value, bool):
            out[key] = statistics.median_low(run[key] for run in runs)
    return out


def busiest_actor(content: Path) -> str:
    """The name of the actor most articles name: a query that finds many pages."""
    counts: dict[str, int] = {}
    for path in (content / "articles").glob("*.yaml"):
        for actor in yaml.load(path.read_text("utf-8"), Loader=synth.LOADER)["actors"]:
            counts[actor["ref"]] = counts.get(actor["ref"], 0) + 1
    busiest = max(sorted(counts), key=lambda ref: counts[ref])
    actor = yaml.load((content / "actors" / f"{busiest}.yaml").read_text("utf-8"),
                      Loader=synth.LOADER)
    return str(actor["name"])


def clean(root: Path) -> None:
    """No generated pages and no site: the next build is a clean one."""
    for name in ("site", "docs", ".explainer"):
        trash.discard(root / name)
    for name in PROJECT_FILES:
        if name.startswith("docs/") and (REPO / name).exists():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, root / name)


def fresh_project(root: Path, n: int) -> Path:
    trash.discard(root)
    for name in PROJECT_FILES:
        source, target = REPO / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    synth.generate(root / "content", n)
    # As a real project commits them: each article's verification record. In a process of
    # its own: Linux starts a child's peak RSS at its parent's, so checking N articles
    # here would count in every generator's "peak memory" measured after it.
    run([sys.executable, "-m", "generator.cli", "--root", str(root), "verify"], REPO)
    return root


def run(command: list[str], cwd: Path) -> tuple[Timing, str]:
    """Wall and CPU seconds and stdout of a command; its failure stops the benchmark."""
    before, start = cpu_of_children(), time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True,
                          check=False)
    timing = Timing(time.perf_counter() - start, cpu_of_children() - before)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return timing, done.stdout


class Timing(NamedTuple):
    """Wall-clock seconds, and CPU seconds of the process and everything it waited for.

    Other work on the machine stretches wall time; CPU time barely moves with it.
    """

    wall_s: float
    cpu_s: float


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_child(command: str, root: Path) -> tuple[Timing, dict[str, Any]]:
    wall, stdout = run([sys.executable, "-m", "benchmarks.child", command, str(root)], REPO)
    return wall, json.loads(stdout)


def floor_build(root: Path, floor: Path, fresh: bool) -> dict[str, Any]:
    """The floor project (made from the built site the first time), built and indexed."""
    counts = make_floor(root, floor) if fresh else json.loads((floor / "counts.json").read_text())
    (floor / "counts.json").write_text(json.dumps(counts))
    trash.discard(floor / "site")
    engine, _ = run([*ENGINE, str(floor / "mkdocs.yml")], REPO)
    before, start = cpu_of_children(), time.perf_counter()
    peak = peak_kb([*INDEX, str(floor / "site")], REPO)
    indexed = Timing(time.perf_counter() - start, cpu_of_children() - before)
    return {**counts, "mkdocs_cpu_s": engine.cpu_s, "search_cpu_s": indexed.cpu_s,
            "search_rss_kb": peak, "wall_s": engine.wall_s + indexed.wall_s,
            "cpu_s": engine.cpu_s + indexed.cpu_s}


def site_sizes(site: Path, n: int) -> dict[str, Any]:
    html = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(html, key=lambda p: html[p])
    return {
        "html_pages": len(html),
        "html_avg_b": sum(html.values()) / len(html),
        "html_max_b": html[largest],
        "html_max_page": largest.relative_to(site).as_posix(),
        "site_b": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


def edit(article: Path, kind: str) -> str:
    """Save a one-article edit as a writer would; return the text the page now shows."""
    data = yaml.load(article.read_text("utf-8"), Loader=synth.LOADER)
    marker = f"Edited{time.monotonic_ns()}"
    if kind == "headline":
        data["headline"] += f" {marker}"
    else:
        data["key_facts"][0]["text"] += f" {marker}."
    synth.dump(article, data)
    return marker


def edit_and_regenerate(root: Path, article: Path, kind: str) -> dict[str, Any]:
    edit(article, kind)
    timing, result = timed_child("generate", root)
    return {"written": result["written"], "generate_s": result["generate_s"],
            **timing._asdict()}


def incremental_build(root: Path, article: Path) -> dict[str, float]:
    """A body edit, regenerated, then a dirty build (MkDocs' --dirty: changed pages only)."""
    edit(article, "body")
    generate, _ = timed_child("generate", root)
    mkdocs, _ = run([*ENGINE, str(root / "mkdocs.yml"), "--dirty"], REPO)
    return {"wall_s": generate.wall_s + mkdocs.wall_s, "cpu_s": generate.cpu_s + mkdocs.cpu_s}


def engine_builds(root: Path, article: Path) -> dict[str, dict[str, float]]:
    """Each installed engine's clean strict build of the same docs/, then its rebuild
    after a key-fact edit (MkDocs' and ProperDocs' --dirty, Zensical's cache)."""
    timings = {}
    for name in ENGINE_NAMES:
        if not installed(name):
            continue
        site = root / f"site-{name}"
        trash.discard(site)
        command = [*ENGINE, str(root / "mkdocs.yml"), "--engine", name, "--site", str(site)]
        built, _ = run([*command, "--strict"], REPO)
        edit(article, "body")
        timed_child("generate", root)
        rebuilt, _ = run([*command, "--dirty"], REPO)      # as serve rebuilds: not strict
        timings[name] = {"clean_cpu_s": built.cpu_s, "clean_wall_s": built.wall_s,
                         "dirty_cpu_s": rebuilt.cpu_s, "dirty_wall_s": rebuilt.wall_s}
        trash.discard(site)
    return timings


if __name__ == "__main__":
    sys.exit(main())
