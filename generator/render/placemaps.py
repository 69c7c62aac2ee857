"""Which maps the pages show, computed from resolved content (once each per render).

An article with places or a reach gets a map; every place gets a small map of its
own; the places index maps them all; a weapon's page shows its reach as each article
that asks for it draws it. Maps are drawn on first use, so a page filtered out by
serve costs nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import shapely

from generator.checks.units import KM_PER_MILE
from generator.geo.geodesy import Origin, border
from generator.geo.world import CREDIT, World, world
from generator.kinds import KINDS
from generator.render.mapextent import ReachSpec, Spot
from generator.render.maps import MapView, draw
from generator.stages.models import Article, Reach
from generator.stages.validate import Content

PHONE_WIDTH = 400
"""The width (viewBox px) of a story's, a place's and a weapon's maps: near a phone's,
so that on a 390 px screen the map is drawn at almost its own size and its 12.5 px
labels stay readable (wider, it would shrink them); wide screens scale it up."""
INDEX_MOST = 40
"""The places index maps at most this many places, those the most articles name: its
map stays as light with 1,000 places as with 40 (the list below it has them all)."""


@dataclass(frozen=True)
class Figure:
    """A map with what the page says around it."""

    key: str
    """The figure's id on its page, also the prefix of its title and description ids."""
    view: MapView
    title: str
    desc: str
    credit: str = CREDIT


@dataclass
class Maps:
    """The maps of one render, drawn on first use."""

    content: Content
    distance: Any
    """render's `distance` filter: 'up to 190 miles (306 km)'."""
    memo: dict[tuple[str, ...], Figure | None] = field(default_factory=dict)

    @property
    def world(self) -> World:
        return world()

    def article(self, article_id: str) -> Figure | None:
        """The article's map: its places and reaches; None when it has neither."""
        def make() -> Figure | None:
            a = self.content.articles[article_id]
            ids = article_places(a)
            if not ids and not a.reach:
                return None
            return self.figure("ex-map", [self.spot(i) for i in ids],
                               [self.reach(r) for r in a.reach], width=PHONE_WIDTH)
        return self.cached(("article", article_id), make)

    def place(self, place_id: str) -> Figure | None:
        return self.cached(("place", place_id), lambda: self.figure(
            "ex-map", [self.spot(place_id)], [], width=PHONE_WIDTH, min_half_km=350,
            context=5))

    def index(self) -> Figure | None:
        ids = most_named(self.content, INDEX_MOST)
        return self.cached(("index",), lambda: self.figure(
            "ex-map", [self.spot(i) for i in ids], [], width=PHONE_WIDTH, far_km=None)
            if ids else None)

    def weapon(self, weapon_id: str, articles: list[str]) -> list[tuple[str, Figure]]:
        """(article id, map) for every reach of this weapon an article draws."""
        found: list[tuple[str, Figure]] = []
        for article_id in articles:
            a = self.content.articles[article_id]
            for n, r in enumerate(a.reach):
                if r.weapon != weapon_id:
                    continue
                key = ("weapon", article_id, str(n), str(len(found) + 1))
                if key not in self.memo:
                    self.memo[key] = self.figure(
                        f"ex-map-{len(found) + 1}", [self.spot(i) for i in article_places(a)],
                        [self.reach(r)], width=PHONE_WIDTH)
                figure = self.memo[key]
                if figure is not None:
                    found.append((article_id, figure))
        return found

    def cached(self, key: tuple[str, ...], make: Any) -> Figure | None:
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def spot(self, place_id: str) -> Spot:
        p = self.content.places[place_id]
        iso = self.content.actors[p.country].iso
        return Spot(p.name, p.coordinates.lon, p.coordinates.lat, iso,
                    KINDS["place"].page(place_id))

    def reach(self, r: Reach) -> ReachSpec:
        """A reach as geography: its origin (a place's point, or the border of a
        country with the target) and its range in km."""
        c = self.content
        weapon = c.weapons[r.weapon]
        assert weapon.range is not None          # resolve refused a reach without one
        km = weapon.range.value * (KM_PER_MILE if weapon.range.unit == "mi" else 1)
        target = c.actors[r.toward] if r.toward else None
        target_shape = self.world.country(target.iso) if target and target.iso else None
        if r.from_place:
            spot = self.spot(r.from_place)
            origin = Origin(spot.name, shapely.Point(spot.lon, spot.lat))
            source_iso = None
        else:
            source = c.actors[r.from_country or ""]
            shape = self.world.country(source.iso or "")
            assert shape is not None and target_shape is not None
            origin = Origin(f"{source.name}'s border with {target.name if target else ''}",
                            border(shape.shape, target_shape.shape))
            source_iso = source.iso
        return ReachSpec(weapon.name, km, self.distance(weapon.range), origin, source_iso,
                         target.iso if target else None, target.name if target else None)

    def figure(self, key: str, spots: list[Spot], reaches: list[ReachSpec],
               **options: Any) -> Figure:
        view = draw(self.world, spots, reaches, **options)
        return Figure(key, view, title(spots, reaches), description(view))


def article_places(a: Article) -> list[str]:
    """The places an article names: its list, then its key facts' and events'."""
    ids = [p.ref for p in a.places] + [i for f in a.key_facts for i in f.places] + \
        [i for e in a.timeline for i in e.places] + [r.from_place for r in a.reach
                                                      if r.from_place]
    return list(dict.fromkeys(ids))


def most_named(content: Content, count: int) -> list[str]:
    """The ids of the `count` places the most articles name (ties by id), in id order."""
    named = Counter(i for a in content.articles.values() for i in article_places(a))
    return sorted(sorted(content.places, key=lambda i: (-named[i], i))[:count])


def within_range(range_text: str) -> str:
    """'up to 190 miles (306 km)' -> 'within 190 miles (306 km)'."""
    return "within " + range_text.removeprefix("up to ")


def title(spots: list[Spot], reaches: list[ReachSpec]) -> str:
    if reaches:
        r = reaches[0]
        return f"Map: how far {r.weapon} reaches from {r.origin.label}"
    if len(spots) == 1:
        return f"Map: where {spots[0].name} is"
    return "Map of the places in the stories"


def description(view: MapView) -> str:
    """What the map shows, in words, for screen readers."""
    parts = []
    for r in view.reaches:
        s = r.spec
        area = f"the part of {s.target_name}" if s.target_name else "the land"
        parts.append(f"Shaded: {area} {within_range(s.range_text)} of {s.origin.label}, "
                     f"the range of {s.weapon}.")
        within = [row.name for row in r.rows if row.within]
        beyond = [row.name for row in r.rows if not row.within]
        if within:
            parts.append(f"Within reach: {', '.join(within)}.")
        if beyond:
            parts.append(f"Beyond reach: {', '.join(beyond)}.")
    marked = [m.name for m in view.markers if m.required]
    if marked:
        parts.append(f"Marked: {', '.join(marked)}.")
    if view.off_map:
        parts.append(f"Too far away to show: {', '.join(view.off_map)}.")
    return " ".join(parts)
