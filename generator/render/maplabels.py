"""Markers and their labels, placed so that no two labels overlap.

Each label tries four positions (right, left, above, below its marker) and takes the
first that stays inside the map and clear of every label and marker already placed.
Places of the story are placed first and always drawn; a context city whose label
finds no room is left out. Text width is estimated from its length (no fonts are
read at build time), generously, so real labels fit inside their boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FONT = 12.5             # px, in the viewBox
CHAR = 0.6              # average glyph width, as a share of the font size
GAP = 7                 # between a marker and its label


@dataclass(frozen=True)
class Candidate:
    """A marker before its label is placed."""

    name: str
    x: float
    y: float
    css: str
    """ex-map__place, ex-map__place--within, ex-map__city, ex-map__origin…"""
    required: bool = True


@dataclass(frozen=True)
class Marker:
    name: str
    x: float
    y: float
    css: str
    label_x: float
    label_y: float
    anchor: str
    """SVG text-anchor: start, end or middle."""
    required: bool = True


Box = tuple[float, float, float, float]


def text_box(text: str, x: float, y: float, size: float, spacing: float = 0.0) -> Box:
    """The box of a centred label whose baseline is at y."""
    w = len(text) * (size * CHAR + spacing)
    return (x - w / 2, y - size, x + w / 2, y + size * 0.25)


def positions(c: Candidate) -> list[tuple[float, float, str, Box]]:
    """(x, y, anchor, box) for the label right, left, above, below, then diagonally."""
    w, h = len(c.name) * FONT * CHAR, FONT
    options = []
    for dx, dy in ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)):
        left = c.x + GAP * 0.7 * dx - (w if dx < 0 else w / 2 if dx == 0 else 0)
        top = c.y - h / 2 + (GAP + h / 2) * dy
        anchor = "start" if dx > 0 else "end" if dx < 0 else "middle"
        x = c.x + GAP * 0.7 * dx if dx else c.x
        if dy == 0:
            x = c.x + GAP * dx
            left = x if dx > 0 else x - w
        options.append((x, top + h * 0.85, anchor, (left, top, left + w, top + h)))
    return options


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(candidates: Sequence[Candidate], width: int, height: int,
                 limit: int = 99, reserved: Sequence[Box] = ()) -> list[Marker]:
    """Markers with their labels; optional ones dropped past `limit` or without room.
    Labels keep clear of every marker and of the `reserved` boxes (country names)."""
    dots = [(c.x - 4, c.y - 4, c.x + 4, c.y + 4) for c in candidates]
    labels: list[Box] = list(reserved)
    markers: list[Marker] = []
    for c in sorted(candidates, key=lambda c: not c.required):
        own = (c.x - 4, c.y - 4, c.x + 4, c.y + 4)
        if not c.required and (len(markers) - sum(m.required for m in markers) >= limit
                               or any(overlaps(own, b) for b in labels)):
            continue
        others = [d for d in dots if d != own]
        options = [o for o in positions(c) if inside(o[3], width, height)] or positions(c)
        fits = [o for o in options if not any(overlaps(o[3], b) for b in labels + others)]
        if not fits and not c.required:
            continue
        x, y, anchor, box = (fits or options)[0]
        labels.append(box)
        markers.append(Marker(c.name, c.x, c.y, c.css, round(x, 1), round(y, 1), anchor,
                              c.required))
    return markers


def inside(box: Box, width: int, height: int) -> bool:
    return box[0] >= 2 and box[1] >= 2 and box[2] <= width - 2 and box[3] <= height - 2
