"""What a map must show: the story's places and the weapons' reaches (its inputs), its
focus, the places near enough to draw, the cities that let a reader judge a distance,
and every point its frame must hold. `maps.draw` projects and lays out the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from generator.geo.geodesy import GEOD, Origin, distances_km
from generator.geo.world import City, World

CONTEXT_REACH = 1.6     # context cities up to this many times the range from the origin


@dataclass(frozen=True)
class Spot:
    """A place to mark on the map."""

    name: str
    lon: float
    lat: float
    iso: str | None
    """The ISO code of the country it lies in."""
    page: str | None = None
    """The docs path of the place's page, for links."""


@dataclass(frozen=True)
class ReachSpec:
    """A weapon's reach to draw, already resolved to geography."""

    weapon: str
    range_km: float
    range_text: str
    """As the site writes ranges: "up to 190 miles (306 km)"."""
    origin: Origin
    source_iso: str | None
    """The country it is fired from, when the origin is a border."""
    target_iso: str | None
    target_name: str | None


def focus_point(spots: Sequence[Spot], reaches: Sequence[ReachSpec]) -> tuple[float, float]:
    """What the map is about: the first reach's origin, else the first place."""
    if reaches:
        lon, lat = shapely.get_coordinates(reaches[0].origin.geometry.centroid)[0]
        return float(lon), float(lat)
    return (spots[0].lon, spots[0].lat) if spots else (0.0, 0.0)


def split_far(spots: Sequence[Spot], focus: tuple[float, float], far_km: float | None
              ) -> tuple[list[Spot], list[Spot]]:
    """The places near enough to draw, and those left for the text alone."""
    if far_km is None or not spots:
        return list(spots), []
    _, _, metres = GEOD.inv(np.full(len(spots), focus[0]), np.full(len(spots), focus[1]),
                            [s.lon for s in spots], [s.lat for s in spots])
    near = list(np.asarray(metres) / 1000 <= far_km)
    return ([s for s, n in zip(spots, near, strict=True) if n],
            [s for s, n in zip(spots, near, strict=True) if not n])


def duplicate(city: City, spots: Sequence[Spot]) -> bool:
    """A gazetteer city that is one of the story's places (same name, or within 25 km)."""
    return any(city.name == s.name or (abs(city.lat - s.lat) < 0.25
                                       and abs(city.lon - s.lon) < 0.35) for s in spots)


def context_cities(world: World, reach: ReachSpec, spots: Sequence[Spot], count: int
                   ) -> list[City]:
    """The most populous cities within CONTEXT_REACH times the range of the origin (in
    the target country, when there is one), so a reader can judge the distance."""
    radius = reach.range_km * CONTEXT_REACH
    west, south, east, north = reach.origin.geometry.bounds
    dlat = radius / 110 + 0.5
    dlon = dlat / max(0.1, np.cos(np.radians(min(80.0, max(abs(south), abs(north)) + dlat))))
    pool = [c for c in world.cities_in(west - dlon, south - dlat, east + dlon, north + dlat)
            if (reach.target_iso is None or c.country == reach.target_iso)
            and not duplicate(c, spots)][:count * 8]
    if not pool:
        return []
    near = distances_km(reach.origin, np.array([c.lon for c in pool]),
                        np.array([c.lat for c in pool]), coarse=True) <= radius
    return [c for c, n in zip(pool, near, strict=True) if n][:count]


def extent_points(spots: Sequence[Spot], reaches: Sequence[ReachSpec],
                  areas: Sequence[BaseGeometry], cities: Sequence[City]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Every lon/lat point the map must show."""
    points = [np.array([[s.lon, s.lat] for s in spots] + [[c.lon, c.lat] for c in cities])
              .reshape(-1, 2)]
    points += [shapely.get_coordinates(r.origin.geometry) for r in reaches]
    points += [shapely.get_coordinates(shapely.envelope(a)) for a in areas if not a.is_empty]
    all_points = np.concatenate(points)
    return all_points[:, 0], all_points[:, 1]
