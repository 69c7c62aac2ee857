"""The views of one file's own page: an actor, a weapon, a place (an article's is in
`article`).

An actor's or weapon's page shows the first page of each of its backlink lists
(quotes, events, articles); the further pages are `indexes.MorePage`s of the same
chunks, split once per entity by `listings.backlinks`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.kinds import KINDS
from generator.render import meta
from generator.render.filters import day
from generator.render.listings import Chunk
from generator.render.mentions import Prose
from generator.render.placemaps import Figure
from generator.render.story import shown_aliases
from generator.render.views import Card, Link, Parts
from generator.stages.models import Actor, Coordinates, Place, Range, Weapon


@dataclass(frozen=True)
class WeaponRow:
    """A weapon in a list or table: its name, type and range, and what the list adds."""

    link: Link
    category: str
    range: Range | None
    role: str | None = None
    """Its role in the story, in an article's table."""
    origin: Link | None = None
    """The actor that makes it, in the weapons index."""


@dataclass(frozen=True)
class TitleSpan:
    """A title held for a time, and when: "5 November 2024 – 19 January 2025"."""

    title: str
    when: str


@dataclass(frozen=True)
class ActorPage:
    actor: Actor
    title: str | None
    """Its title as it is now (the latest of its dated titles, else its title)."""
    summary: Prose
    """Its summary, other actors and weapons it names linked."""
    titles: list[TitleSpan]
    """Its dated titles, in order, when it has any."""
    aliases: list[str]
    """The aliases a reader is shown (not mere variants of its name)."""
    search_names: list[str]
    """Every name and alias, for its search entry."""
    ld: dict[str, Any]
    affiliation: Link | None
    quotes: Chunk
    events: Chunk
    articles: Chunk
    members: list[Card]
    weapons: list[WeaponRow]
    """The weapons it makes."""
    places: list[Link]
    """For a country: the places that lie in it."""


@dataclass(frozen=True)
class WeaponPage:
    weapon: Weapon
    summary: Prose
    aliases: list[str]
    """The aliases a reader is shown (not mere variants of its names)."""
    search_names: list[str]
    origin: Link | None
    events: Chunk
    articles: Chunk
    reaches: list[tuple[Link, Figure]]
    """Its reach as each article that asks for one draws it."""


@dataclass(frozen=True)
class PlacePage:
    place: Place
    summary: Prose
    aliases: list[str]
    """The aliases a reader is shown (not mere variants of its name)."""
    search_names: list[str]
    country: Link
    coordinates: str
    """51.60° N, 36.10° E."""
    map: Figure | None
    articles: Chunk
    facts: Chunk
    events: Chunk


def weapon_row(parts: Parts, weapon_id: str, role: str | None = None,
               origin: bool = False) -> WeaponRow:
    weapon = parts.content.weapons[weapon_id]
    maker = parts.link("actor", weapon.origin) if origin and weapon.origin else None
    return WeaponRow(parts.link("weapon", weapon_id), weapon.category, weapon.range,
                     role, maker)


def span(since: dt.date | None, until: dt.date | None) -> str:
    """When a title was held, in words: "from 20 January 2025", "until ...", "a – b"."""
    if since and until:
        return f"{day(since)} – {day(until)}"
    return f"from {day(since)}" if since else f"until {day(until)}" if until else ""


def backlink_lists(parts: Parts, lists: dict[str, list[Chunk]], *shown: str
                   ) -> dict[str, Chunk]:
    """An entity's first page of the lists its page shows (quotes, events, articles,
    facts), as cards and lines."""
    return {what: lists[what][0].map(parts.listed(what)) for what in shown}


def actor_page(parts: Parts, actor_id: str, lists: dict[str, list[Chunk]]) -> ActorPage:
    content = parts.content
    actor = content.actors[actor_id]
    links = parts.resolved.links["actor"][actor_id]
    return ActorPage(
        actor=actor,
        title=parts.title(actor_id),
        summary=parts.prose(actor.summary, True, {KINDS["actor"].page(actor_id)}),
        titles=[TitleSpan(t.title, span(t.since, t.until)) for t in actor.titles],
        aliases=shown_aliases([actor.name], actor.aliases),
        search_names=[actor.name, *actor.aliases],
        ld=meta.actor_ld(content.site, actor_id, actor,
                         content.actors.get(actor.affiliation or "")),
        affiliation=parts.link("actor", actor.affiliation) if actor.affiliation else None,
        **backlink_lists(parts, lists, "quotes", "events", "articles"),
        members=[parts.card(member) for member in links.members],
        weapons=[weapon_row(parts, weapon) for weapon in links.weapons],
        places=[parts.link("place", place) for place in links.places],
    )


def weapon_page(parts: Parts, weapon_id: str, lists: dict[str, list[Chunk]]) -> WeaponPage:
    weapon = parts.content.weapons[weapon_id]
    shown = backlink_lists(parts, lists, "events", "articles")
    return WeaponPage(
        weapon=weapon,
        summary=parts.prose(weapon.summary, True, {KINDS["weapon"].page(weapon_id)}),
        aliases=shown_aliases([weapon.name, weapon.full_name or ""], weapon.aliases),
        search_names=[weapon.name, *([weapon.full_name] if weapon.full_name else []),
                      *weapon.aliases],
        origin=parts.link("actor", weapon.origin) if weapon.origin else None,
        events=shown["events"],
        articles=shown["articles"],
        reaches=[(parts.link("article", a), figure) for a, figure in parts.maps.weapon(
            weapon_id, parts.resolved.links["weapon"][weapon_id].articles)],
    )


def place_page(parts: Parts, place_id: str, lists: dict[str, list[Chunk]]) -> PlacePage:
    place = parts.content.places[place_id]
    shown = backlink_lists(parts, lists, "articles", "facts", "events")
    return PlacePage(
        place=place,
        summary=parts.prose(place.summary, True, {KINDS["place"].page(place_id)}),
        aliases=shown_aliases([place.name], place.aliases),
        search_names=[place.name, *place.aliases],
        country=parts.link("actor", place.country),
        coordinates=latlon(place.coordinates),
        map=parts.maps.place(place_id),
        articles=shown["articles"],
        facts=shown["facts"],
        events=shown["events"],
    )


def latlon(point: Coordinates) -> str:
    """51.60° N, 36.10° E."""
    return (f"{abs(point.lat):.2f}° {'N' if point.lat >= 0 else 'S'}, "
            f"{abs(point.lon):.2f}° {'E' if point.lon >= 0 else 'W'}")


@dataclass(frozen=True)
class MovedPage:
    """The old address of a renamed file (`moved_from`): it sends readers on."""

    link: Link
    redirect: str
    """The new page's address, relative to the old one's: ../<new id>/."""


def moved_page(parts: Parts, kind: str, id_: str) -> MovedPage:
    return MovedPage(parts.link(kind, id_), f"../{id_}/")
