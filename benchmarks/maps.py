"""`make bench`, maps: how long a map takes to draw and how big its SVG is.

python -m benchmarks.maps [--runs 20]

Draws the real content's maps (the seed article with the ATACMS reach from Ukraine,
each place's small map, the places index) through the same code as a build, and
prints the geodata load time, the median CPU time to draw each map and each map's
SVG size. Targets (issue 15): drawing <= 20 ms, each map <= 30 KB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from generator.geo.world import world
from generator.render.filters import distance
from generator.render.pages import environment
from generator.render.placemaps import Figure, Maps
from generator.stages.load import load
from generator.stages.resolve import resolve
from generator.stages.validate import validate

REPO = Path(__file__).resolve().parent.parent
DRAW_MS, SVG_KB = 20.0, 30.0


def svg_of(figure: Figure) -> str:
    """The map's <figure> as a page has it."""
    template = environment().from_string(
        '{% import "_map.svg.j2" as mp with context %}{{ mp.figure(fig) }}')
    return template.render(fig=figure)


def timed(make, runs: int) -> tuple[float, str | None]:
    """Median CPU milliseconds to draw a map afresh and write its SVG, over `runs`
    draws (CPU time: the machine is shared), and the SVG."""
    times, svg = [], None
    for _ in range(runs):
        start = time.process_time()
        figure = make()
        svg = svg_of(figure) if figure is not None else None
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times), svg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.maps", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    start = time.process_time()
    world()
    print(f"geodata load (once per build): {(time.process_time() - start) * 1000:.0f} ms")
    content = load(REPO / "content", REPO).then(validate).then(resolve).unwrap().content
    jobs: list[tuple[str, Callable[[], Figure | None]]] = [
        (f"article {a}", partial(lambda a: Maps(content, distance).article(a), a))
        for a in content.articles]
    jobs += [(f"place {p}", partial(lambda p: Maps(content, distance).place(p), p))
             for p in content.places]
    jobs += [("places index", lambda: Maps(content, distance).index())]
    worst_ms = worst_kb = 0.0
    for name, make in jobs:
        ms, svg = timed(make, args.runs)
        if svg is None:
            continue
        kb = len(svg.encode()) / 1000
        worst_ms, worst_kb = max(worst_ms, ms), max(worst_kb, kb)
        print(f"map {name}: draw {ms:.1f} ms (median of {args.runs}), SVG {kb:.1f} KB")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"maps: slowest draw {worst_ms:.1f} ms (target <= {DRAW_MS:.0f}), "
          f"largest SVG {worst_kb:.1f} KB (target <= {SVG_KB:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
