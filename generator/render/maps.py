"""Maps drawn at build time: country shapes, places, and how far a weapon reaches.

This module computes a typed view (SVG path data in pixels, marker positions, the
text alternative's rows); the SVG itself is written by `partials/_map.svg.j2`, so
names typed by writers are escaped like everywhere else. Everything is deterministic:
the same content gives the same bytes.

A regional map uses a Lambert azimuthal equal-area projection centred on what it shows
(areas compare truly, and distances from the centre are close to true, so the scale
bar holds); a map that spans continents uses Equal Earth.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from generator.checks.units import KM_PER_MILE, show
from generator.geo.geodesy import distances_km, reach_area
from generator.geo.world import City, World
from generator.render.mapextent import (
    ReachSpec,
    Spot,
    context_cities,
    duplicate,
    extent_points,
    focus_point,
    split_far,
)
from generator.render.mapframe import Frame, fit, nice_round_km, svg_path
from generator.render.maplabels import Candidate, Marker, place_labels, text_box

WIDE = 5_000            # km: a map wider than this shows the world (Equal Earth)
FAR = 3_000             # km from the map's focus: a place farther off is listed, not drawn
PADDING = 0.1           # of the map's width, around what it must show
MIN_HALF_KM = 150       # the smallest map shows 300 km across
COUNTRY_FONT = 12       # px: country names, in capitals (the CSS says the same)


@dataclass(frozen=True)
class Row:
    """One line of the text alternative: a place or city, and how far it is."""

    name: str
    page: str | None
    """The docs path of the place's page; None for a context city."""
    context: bool
    """A city picked from the gazetteer for scale, not a place of the story."""
    within: bool
    km: float
    distance: str
    """"about 100 km (60 miles)"."""


@dataclass(frozen=True)
class ReachView:
    spec: ReachSpec
    path: str
    origin_path: str
    rows: list[Row]


@dataclass(frozen=True)
class Shape:
    css: str
    path: str
    name: str = ""
    """The name of a disputed shape (Crimea), for the legend."""


@dataclass(frozen=True)
class Label:
    """A country's name, written across its visible part."""

    name: str
    x: float
    y: float


@dataclass(frozen=True)
class ScaleBar:
    km_px: float
    km_label: str
    mi_px: float
    mi_label: str


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    shapes: list[Shape]
    countries: list[Label]
    reaches: list[ReachView]
    markers: list[Marker]
    scale: ScaleBar | None
    off_map: list[str]
    """Places of the story too far away to draw on this map."""
    disputed: list[str]
    """Names of the disputed shapes in view (Crimea), for the legend."""


def distance_text(km: float) -> str:
    """'about 460 km (290 miles)': a round figure, the miles rounded as coarsely."""
    rounded, step = nice_round_km(km)
    miles = max(1.0, round(km / KM_PER_MILE / step) * step)
    return f"about {show(rounded)} km ({show(miles)} miles)"


def draw(world: World, spots: Sequence[Spot], reaches: Sequence[ReachSpec] = (),
         width: int = 520, min_half_km: float = MIN_HALF_KM, far_km: float | None = FAR,
         context: int = 4) -> MapView:
    """The map of these places and reaches: the article map, a place's small map, or
    the places index (far_km None: every place drawn, however far apart)."""
    areas = [reach_area(r.origin, r.range_km, clip_for(world, r)) for r in reaches]
    shown, off_map = split_far(spots, focus_point(spots, reaches), far_km)
    cities = [c for r in reaches for c in context_cities(world, r, shown, context)]
    frame = fit(*extent_points(shown, reaches, areas, cities), width, min_half_km,
                PADDING, WIDE)
    box = frame.lonlat_box()
    if not reaches:
        cities = [c for c in world.cities_in(*box.bounds)[:80] if not duplicate(c, shown)][:40]
    views = [reach_view(frame, box, r, a, shown, cities)
             for r, a in zip(reaches, areas, strict=True)]
    names = country_labels(world, frame, box, reaches, areas)
    bar = frame.scale_bar()
    reserved = [text_box(n.name.upper(), n.x, n.y, COUNTRY_FONT, 1.5) for n in names]
    if bar:                                     # the scale bar, bottom left
        reserved.append((0, frame.height - 42, max(bar[0], bar[2]) + 76, frame.height))
    markers = place_labels(candidates(frame, shown, cities, views), frame.width,
                           frame.height, context, reserved)
    drawn = {m.name for m in markers if not m.required}
    views = [replace(v, rows=[r for r in v.rows if not r.context or r.name in drawn])
             for v in views]
    shapes = land_shapes(world, frame, box, reaches, {s.iso for s in shown})
    return MapView(frame.width, frame.height, shapes, names, views, markers,
                   ScaleBar(*bar) if bar else None, [s.name for s in off_map],
                   sorted({s.name for s in shapes if s.name}))


def candidates(frame: Frame, spots: Sequence[Spot], cities: Sequence[City],
               views: Sequence[ReachView]) -> list[Candidate]:
    """The markers to place: the story's places first, then cities for scale."""
    found = [Candidate(s.name, *frame.point(s.lon, s.lat), spot_css(s, views))
             for s in spots]
    found += [Candidate(c.name, *frame.point(c.lon, c.lat), "ex-map__city", False)
              for c in cities]
    return [c for c in found if frame.inside(c.x, c.y, 4)]


def country_labels(world: World, frame: Frame, box: BaseGeometry,
                   reaches: Sequence[ReachSpec], areas: Sequence[BaseGeometry]
                   ) -> list[Label]:
    """The names of the countries a reach is fired from and into, each inside its
    visible part and clear of the reach area where there is room."""
    projected = [frame.project(a, box) for a in areas]
    reach_px = projected[0] if len(projected) == 1 else shapely.union_all(projected)
    labels = []
    for iso in dict.fromkeys([r.source_iso for r in reaches] + [r.target_iso for r in reaches]):
        country = world.country(iso) if iso else None
        if country is None:
            continue
        visible = frame.project(country.shape, box)
        clear = visible.difference(reach_px.buffer(6, quad_segs=2))
        spot = max(shapely.get_parts(clear if clear.area > 400 else visible),
                   key=lambda g: g.area, default=None)
        if spot is not None and not spot.is_empty:
            x, y = shapely.get_coordinates(shapely.point_on_surface(spot))[0]
            labels.append(Label(country.name, round(float(x), 1), round(float(y), 1)))
    return labels


def clip_for(world: World, reach: ReachSpec) -> BaseGeometry:
    """Where a reach is drawn: inside the target country, or on land."""
    target = world.country(reach.target_iso) if reach.target_iso else None
    if target is not None:
        return target.shape
    lon, lat = shapely.get_coordinates(reach.origin.geometry.centroid)[0]
    degrees = reach.range_km / 111 * 2 + 1
    box = shapely.box(lon - 2 * degrees, lat - degrees, lon + 2 * degrees, lat + degrees)
    return shapely.union_all([c.shape for c in world.within(box)])


def land_shapes(world: World, frame: Frame, box: BaseGeometry,
                reaches: Sequence[ReachSpec], home: set[str | None]) -> list[Shape]:
    """Each country in view, styled by its part in the story: fired into, fired from,
    or (on maps without a reach) the country a place lies in."""
    targets = {r.target_iso for r in reaches} or (home if len(home) == 1 else set())
    sources = {r.source_iso for r in reaches}
    shapes = []
    countries = list(world.within(box))
    drawn = frame.project_all([c.shape for c in countries], box)
    for country, geometry in zip(countries, drawn, strict=True):
        css = ("ex-map__land--disputed" if country.iso is None
               else "ex-map__land--target" if country.iso in targets
               else "ex-map__land--source" if country.iso in sources else "")
        path = svg_path(geometry)
        if path:
            shapes.append(Shape(f"ex-map__land {css}".strip(), path,
                                country.name if country.iso is None else ""))
    return shapes


def reach_view(frame: Frame, box: BaseGeometry, reach: ReachSpec, area: BaseGeometry,
               spots: Sequence[Spot], cities: Sequence[City]) -> ReachView:
    """The reach's area and origin as paths, and how far each place is from it."""
    named = [(s.name, s.lon, s.lat, s.page) for s in spots
             if reach.target_iso is None or s.iso == reach.target_iso]
    named += [(c.name, c.lon, c.lat, None) for c in cities
              if reach.target_iso is None or c.country == reach.target_iso]
    rows = []
    if named:
        km = distances_km(reach.origin, np.array([n[1] for n in named]),
                          np.array([n[2] for n in named]))
        rows = sorted((Row(name, page, page is None, bool(d <= reach.range_km),
                           round(float(d), 1), distance_text(float(d)))
                       for (name, _, _, page), d in zip(named, km, strict=True)),
                      key=lambda r: (r.km, r.name))
    origin = reach.origin.geometry
    return ReachView(reach, frame.path(area, box),
                     frame.path(origin, box) if origin.geom_type != "Point" else "", rows)


def spot_css(spot: Spot, views: Sequence[ReachView]) -> str:
    """A place is marked as within or beyond the (first) reach it is measured against."""
    for view in views:
        row = next((r for r in view.rows if r.name == spot.name and not r.context), None)
        if row is not None:
            return "ex-map__place ex-map__place--" + ("within" if row.within else "beyond")
    return "ex-map__place"
