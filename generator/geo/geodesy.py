"""Distances and reach on the WGS 84 ellipsoid (pyproj's Geod), in longitude/latitude.

A reach is measured from an origin: one point (a place), or a border (the line where
one country meets the target). The area within reach is the union of geodesic circles
of the weapon's range around points spaced along the origin, clipped to land or to
the target country: the circles' points are exact on the ellipsoid; between them
(36 to a circle) and between circles (20 km apart) the union falls short of the true
buffer by about 1 km at 300 km, a third of a pixel on the map.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

GEOD = pyproj.Geod(ellps="WGS84")
CIRCLE_POINTS = 36       # vertices of one geodesic circle (1.2 km short at 306 km)
SPACING_DEG = 0.18       # about 20 km between circle centres along a border
MEASURE_DEG = 0.02       # about 2 km between the border points distances are taken to


@dataclass(frozen=True)
class Origin:
    """Where a reach is measured from."""

    label: str
    """As the map says it: "Kursk" or "Ukraine's border with Russia"."""
    geometry: BaseGeometry
    """A Point or (Multi)LineString, in lon/lat."""

    def points(self, step: float) -> np.ndarray:
        """(n, 2) lon/lat points along the origin, at most `step` degrees apart."""
        return np.asarray(shapely.get_coordinates(shapely.segmentize(self.geometry, step)))


def border(source: BaseGeometry, target: BaseGeometry) -> BaseGeometry:
    """The line where two country shapes meet; the whole outline of `source` when they
    do not (the reach is then measured from anywhere in its territory)."""
    shared = shapely.line_merge(shapely.intersection(source.boundary, target.boundary))
    if shared.is_empty or shared.length < 0.05:
        return source.boundary
    return shared


def distances_km(origin: Origin, lons: np.ndarray, lats: np.ndarray,
                 coarse: bool = False) -> np.ndarray:
    """Geodesic distance in km from each point to the nearest point of the origin.

    First to points 20 km apart along the origin (`coarse`: that is the answer, up to
    half a kilometre long); then, near the coarse points that come within 15 km of
    the nearest, to points 2 km apart."""
    sparse = origin.points(SPACING_DEG)
    rough = pairwise_km(sparse, lons, lats)
    best = rough.min(axis=1)
    if coarse:
        return np.asarray(best)
    fine = origin.points(MEASURE_DEG)
    result = []
    for i, (lon, lat) in enumerate(zip(lons, lats, strict=True)):
        mask = np.zeros(len(fine), bool)
        for x, y in sparse[rough[i] <= best[i] + 15]:
            mask |= (np.abs(fine[:, 0] - x) <= 0.25) & (np.abs(fine[:, 1] - y) <= 0.15)
        near = pairwise_km(fine[mask], [lon], [lat]).min() if mask.any() else best[i]
        result.append(float(near))
    return np.array(result)


def pairwise_km(points: np.ndarray, lons: Sequence[float] | np.ndarray,
                lats: Sequence[float] | np.ndarray) -> np.ndarray:
    """(n, m) geodesic km from each of n (lon, lat) to each of m `points`."""
    n, m = len(lons), len(points)
    _, _, metres = GEOD.inv(np.tile(points[:, 0], n), np.tile(points[:, 1], n),
                            np.repeat(np.asarray(lons, float), m),
                            np.repeat(np.asarray(lats, float), m))
    return np.asarray(metres, dtype=float).reshape(n, m) / 1000.0


def circles(centres: np.ndarray, radius_km: float) -> np.ndarray:
    """Geodesic circles around each centre, as an array of shapely polygons."""
    n = len(centres)
    azimuths = np.tile(np.linspace(0.0, 360.0, CIRCLE_POINTS, endpoint=False), n)
    lons = np.repeat(centres[:, 0], CIRCLE_POINTS)
    lats = np.repeat(centres[:, 1], CIRCLE_POINTS)
    x, y, _ = GEOD.fwd(lons, lats, azimuths, np.full(lons.shape, radius_km * 1000.0))
    return np.asarray(shapely.polygons(np.stack([x, y], axis=1).reshape(n, CIRCLE_POINTS, 2)))


def reach_area(origin: Origin, radius_km: float, clip: BaseGeometry) -> BaseGeometry:
    """Everything within `radius_km` of the origin, clipped to `clip` (land, or the
    target country), in lon/lat."""
    area = shapely.union_all(circles(origin.points(SPACING_DEG), radius_km))
    return shapely.intersection(area, clip)
