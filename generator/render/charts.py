"""Charts drawn at build time: the geometry of a weapon-range bar chart.

This module only computes numbers (bar lengths, axis ticks in km and miles); the SVG
itself is written by `chartsvg.py`, writers' text escaped by the same functions as
everywhere else.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.checks.units import KM_PER_MILE
from generator.stages.models import Range, Weapon

WIDTH = 400          # the SVG's viewBox width; it scales to the column
ROW = 36             # height of one bar's row
TOP = 34             # room for the miles axis above the bars
BOTTOM = 30          # room for the km axis below
VALUE_ROOM = 160     # room right of the longest bar for its value label


@dataclass(frozen=True)
class Bar:
    id: str
    name: str
    range: Range
    y: float
    length: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class RangeChart:
    """A horizontal bar per weapon with a known range, longest first."""

    bars: list[Bar]
    missing: list[str]
    label_width: float
    plot_width: float
    height: float
    km_ticks: list[Tick]
    mile_ticks: list[Tick]

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def plot_left(self) -> float:
        return self.label_width + 10

    @property
    def axis_bottom(self) -> float:
        return self.height - BOTTOM


def km(r: Range) -> float:
    return r.value if r.unit == "km" else r.value * KM_PER_MILE


def range_chart(weapons: Mapping[str, Weapon], ids: Sequence[str]) -> RangeChart | None:
    """The chart for these weapons, or None when none of them has a known range."""
    known = sorted(((i, weapons[i].name, r) for i in ids
                    if (r := weapons[i].range) is not None),
                   key=lambda t: (-km(t[2]), t[1]))
    if not known:
        return None
    label_width = min(120.0, 9.0 * max(len(name) for _, name, _ in known) + 8)
    plot_width = WIDTH - label_width - 10 - VALUE_ROOM
    step = nice_step(km(known[0][2]))
    scale_km = step * math.ceil(km(known[0][2]) / step)
    px_per_km = plot_width / scale_km
    bars = [Bar(i, name, r, TOP + 8 + n * ROW, km(r) * px_per_km)
            for n, (i, name, r) in enumerate(known)]
    mile_step = nice_step(scale_km / KM_PER_MILE)
    return RangeChart(
        bars=bars,
        missing=[weapons[i].name for i in ids if weapons[i].range is None],
        label_width=label_width,
        plot_width=plot_width,
        height=TOP + 8 + len(bars) * ROW + BOTTOM,
        km_ticks=ticks(scale_km, step, px_per_km),
        mile_ticks=ticks(scale_km / KM_PER_MILE, mile_step, px_per_km * KM_PER_MILE),
    )


def nice_step(top: float) -> float:
    """A round tick step giving two to five intervals up to `top`."""
    magnitude = 10.0 ** math.floor(math.log10(top))
    for factor in (0.5, 1, 2, 2.5, 5, 10):
        if top / (factor * magnitude) <= 5:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def ticks(top: float, step: float, px_per_unit: float) -> list[Tick]:
    count = int(top // step + 1e-9)
    return [Tick(round(n * step * px_per_unit, 1), f"{n * step:,g}") for n in range(count + 1)]
