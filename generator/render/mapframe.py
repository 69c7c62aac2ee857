"""A map's frame: its projection, the box it shows, and geometry turned into SVG paths.

Coordinates go lon/lat -> projected metres (pyproj) -> pixels of the SVG's viewBox,
y downwards. Shapes are clipped to the frame and simplified to half a pixel, so a
country with thousands of border points costs a few hundred bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from generator.checks.units import KM_PER_MILE

SIMPLIFY_PX = 0.5       # regional maps
SIMPLIFY_WORLD_PX = 1.2  # world maps, whose borders are short in pixels
MIN_AREA_PX = 2.0        # an island smaller than this is not drawn
NICE = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)


@dataclass(frozen=True)
class Frame:
    """What one map shows and how: lon/lat in, pixels out."""

    crs: str
    """The PROJ string of the projection."""
    left: float
    top: float
    px_per_m: float
    width: int
    height: int

    @property
    def transformer(self) -> pyproj.Transformer:
        return _transformer(self.crs)

    @property
    def world_view(self) -> bool:
        return self.crs.startswith("+proj=eqearth")

    def pixels(self, lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.transformer.transform(lons, lats)
        return ((np.asarray(x) - self.left) * self.px_per_m,
                (self.top - np.asarray(y)) * self.px_per_m)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.pixels(np.array([lon]), np.array([lat]))
        return round(float(x[0]), 1), round(float(y[0]), 1)

    def inside(self, x: float, y: float, margin: float = 0.0) -> bool:
        return (margin <= x <= self.width - margin) and (margin <= y <= self.height - margin)

    def lonlat_box(self) -> BaseGeometry:
        """A lon/lat box holding everything the frame shows (the world, for world maps)."""
        if self.world_view:
            return shapely.box(-180, -90, 180, 90)
        edge = np.linspace(0.0, 1.0, 24)
        xs = np.concatenate([edge * self.width, np.full(24, self.width),
                             edge * self.width, np.zeros(24)])
        ys = np.concatenate([np.zeros(24), edge * self.height,
                             np.full(24, self.height), edge * self.height])
        inverse = _transformer(self.crs, inverse=True)
        lons, lats = inverse.transform(self.left + xs / self.px_per_m,
                                       self.top - ys / self.px_per_m)
        if not (np.all(np.isfinite(lons)) and np.all(np.isfinite(lats))):
            return shapely.box(-180, -90, 180, 90)
        return shapely.box(max(-180, np.min(lons) - 2), max(-90, np.min(lats) - 2),
                           min(180, np.max(lons) + 2), min(90, np.max(lats) + 2))

    def path(self, geometry: BaseGeometry, box: BaseGeometry | None = None) -> str:
        """SVG path data for a lon/lat geometry, clipped to the frame."""
        return svg_path(self.project(geometry, box))

    def project(self, geometry: BaseGeometry, box: BaseGeometry | None = None
                ) -> BaseGeometry:
        """A lon/lat geometry in pixels, clipped to the frame and simplified."""
        if geometry.is_empty:
            return geometry
        return self.project_all([geometry], box)[0]

    def project_all(self, geometries: list[BaseGeometry], box: BaseGeometry | None = None
                    ) -> list[BaseGeometry]:
        """Many lon/lat geometries in pixels at once (one projection call for all)."""
        parts = np.asarray(geometries, dtype=object)
        if box is not None:
            parts = shapely.clip_by_rect(parts, *box.bounds)

        def to_px(coords: np.ndarray) -> np.ndarray:
            return np.column_stack(self.pixels(coords[:, 0], coords[:, 1]))

        drawn = shapely.transform(parts, to_px)
        drawn = shapely.clip_by_rect(drawn, -2, -2, self.width + 2, self.height + 2)
        tolerance = SIMPLIFY_WORLD_PX if self.world_view else SIMPLIFY_PX
        return list(shapely.simplify(drawn, tolerance, preserve_topology=False))

    def scale_bar(self) -> tuple[float, str, float, str] | None:
        """Bars about a quarter of the width: (km px, label, miles px, label); none on
        world maps, whose scale changes across the map."""
        if self.world_view:
            return None
        target_km = self.width / 4 / self.px_per_m / 1000
        km = max((n for n in NICE if n <= target_km), default=NICE[0])
        mi = max((n for n in NICE if n * KM_PER_MILE <= target_km), default=NICE[0])
        return (round(km * 1000 * self.px_per_m, 1), f"{km:,} km",
                round(mi * KM_PER_MILE * 1000 * self.px_per_m, 1), f"{mi:,} miles")


def _transformer(crs: str, inverse: bool = False) -> pyproj.Transformer:
    key = (crs, inverse)
    if key not in _TRANSFORMERS:
        source, target = ("EPSG:4326", crs) if not inverse else (crs, "EPSG:4326")
        _TRANSFORMERS[key] = pyproj.Transformer.from_crs(source, target, always_xy=True)
    return _TRANSFORMERS[key]


_TRANSFORMERS: dict[tuple[str, bool], pyproj.Transformer] = {}


def fit(lons: np.ndarray, lats: np.ndarray, width: int, min_half_km: float,
        padding: float, wide_km: float) -> Frame:
    """The frame that shows all these points, with padding, `width` pixels wide."""
    lon0, lat0 = centre(lons, lats)
    crs = f"+proj=laea +lat_0={lat0:.2f} +lon_0={lon0:.2f} +datum=WGS84 +units=m"
    x, y = _transformer(crs).transform(lons, lats)
    span = max(np.ptp(x), np.ptp(y)) / 1000
    if span > wide_km:    # centred on Greenwich: the data is cut at the antimeridian
        crs = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m"
        x, y = _transformer(crs).transform(lons, lats)
    half = max(min_half_km * 1000, 1.0)
    x0, x1, y0, y1 = np.min(x), np.max(x), np.min(y), np.max(y)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max(x1 - x0, 2 * half) * (1 + 2 * padding)
    h = max(y1 - y0, 2 * half) * (1 + 2 * padding)
    h = min(max(h, 0.55 * w), 1.0 * w)      # between 0.55 and 1 times as tall as wide
    w = max(w, h)
    height = round(width * h / w)
    return Frame(crs, cx - w / 2, cy + h / 2, width / w, width, height)


def centre(lons: np.ndarray, lats: np.ndarray) -> tuple[float, float]:
    """The middle of the points: of their bounding box, longitudes taken on the side
    of the globe that keeps them together."""
    lons = np.asarray(lons, float)
    shifted = np.where(lons < 0, lons + 360, lons)
    use = shifted if np.ptp(shifted) < np.ptp(lons) else lons
    lon = (np.min(use) + np.max(use)) / 2
    lon = lon - 360 if lon > 180 else lon
    return round(float(lon), 2), round(float((np.min(lats) + np.max(lats)) / 2), 2)


def svg_path(geometry: BaseGeometry) -> str:
    """Path data for every ring of every polygon (or every line), in tenths of a pixel
    (the template scales them by 0.1) and relative moves: 'm1234 567 5-3 2 8z…'.

    After a move, further pairs are implicit relative line-tos, and each move is
    relative to where the pen is: the start of the ring just closed, or the end of
    the line just drawn. Small integers keep a map's SVG to a few KB."""
    pen = np.zeros(2, dtype=np.int64)
    out = []
    for part in shapely.get_parts(geometry):
        if isinstance(part, shapely.Polygon) and part.area >= MIN_AREA_PX:
            rings = [r for r in (part.exterior, *part.interiors) if len(r.coords) >= 4]
            for ring in rings:
                text, pen = _relative(np.asarray(ring.coords)[:-1], pen, closed=True)
                out.append(text)
        elif isinstance(part, shapely.LineString) and len(part.coords) >= 2:
            text, pen = _relative(np.asarray(part.coords), pen, closed=False)
            out.append(text)
    return "".join(out)


def _relative(coords: np.ndarray, pen: np.ndarray, closed: bool) -> tuple[str, np.ndarray]:
    """One subpath, and where the pen is after it."""
    tenths = np.rint(coords * 10).astype(np.int64)
    steps = np.diff(tenths, axis=0)
    steps = steps[np.any(steps != 0, axis=1)]          # points that rounded together
    numbers = np.concatenate([tenths[0] - pen, steps.ravel()]).tolist()
    text = "m" + " ".join(map(str, numbers)).replace(" -", "-") + ("z" if closed else "")
    return text, (tenths[0] if closed else tenths[0] + steps.sum(axis=0))


def nice_round_km(km: float) -> tuple[float, int]:
    """A distance as the site says it, 'about' a round figure, and the step it was
    rounded to: 12.4 -> 12 (1), 97 -> 95 (5), 457 -> 460 (10), 7,712 -> 7,700 (100)."""
    step = 1 if km < 20 else 5 if km < 100 else 10 if km < 1000 else \
        100 if km < 10_000 else 1000
    return float(max(1, round(km / step)) * step), step


