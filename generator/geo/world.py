"""The committed geodata, loaded once per process: country shapes, ISO codes, cities.

`data/world.json.gz` is made by `prepare.py` from Natural Earth (boundaries, public
domain) and GeoNames (country codes and cities, CC BY 4.0); `data/README.md` says how.
Shapes are shapely geometries in longitude/latitude degrees.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

DATA = Path(__file__).parent / "data" / "world.json.gz"
CREDIT = "Boundaries: Natural Earth. Cities: GeoNames (CC BY 4.0)."


@dataclass(frozen=True)
class Country:
    iso: str | None
    """ISO 3166-1 alpha-2 code; None for disputed shapes (Crimea, Somaliland)."""
    name: str
    shape: BaseGeometry


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class World:
    countries: tuple[Country, ...]
    iso_names: dict[str, str]
    """Every ISO 3166-1 alpha-2 code GeoNames knows, with the country's name."""
    cities: tuple[City, ...]
    """Cities of 100,000 people or more, most populous first."""
    tree: shapely.STRtree
    by_iso: dict[str, Country]
    city_lonlat: np.ndarray
    """(n, 2) longitudes and latitudes of `cities`, for fast box tests."""

    def country(self, iso: str) -> Country | None:
        return self.by_iso.get(iso)

    def cities_in(self, west: float, south: float, east: float, north: float
                  ) -> list[City]:
        """The cities inside a lon/lat box, most populous first."""
        lon, lat = self.city_lonlat[:, 0], self.city_lonlat[:, 1]
        inside = (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
        return [self.cities[int(i)] for i in np.flatnonzero(inside)]

    def within(self, box: BaseGeometry) -> Iterator[Country]:
        """The countries whose shapes meet a lon/lat box, in a stable order."""
        for index in sorted(self.tree.query(box, predicate="intersects")):
            yield self.countries[int(index)]


def rings(encoded: list[int], scale: int) -> np.ndarray:
    """A delta-encoded ring back to (lon, lat) pairs."""
    return np.cumsum(np.asarray(encoded, dtype=np.int64).reshape(-1, 2), axis=0) / scale


@cache
def world() -> World:
    """The geodata, read and decoded on first use."""
    data = json.loads(gzip.decompress(DATA.read_bytes()))
    scale = data["scale"]
    countries = []
    for entry in data["countries"]:
        parts = [shapely.Polygon(rings(p[0], scale), [rings(h, scale) for h in p[1:]])
                 for p in entry["polygons"]]
        shape = shapely.MultiPolygon(parts)
        if not shape.is_valid:       # Fiji and Russia, cut at the antimeridian
            shape = shapely.make_valid(shape)
        countries.append(Country(entry["iso"], entry["name"], shape))
    cities = tuple(City(*row) for row in data["cities"])
    return World(tuple(countries), data["iso"], cities,
                 shapely.STRtree([c.shape for c in countries]),
                 {c.iso: c for c in countries if c.iso},
                 np.array([(c.lon, c.lat) for c in cities], dtype=float).reshape(-1, 2))
