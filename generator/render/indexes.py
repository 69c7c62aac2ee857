"""The views of index and listing pages: each kind's index, the quotes by initial, the
timeline and the articles by year, and an actor's or weapon's further backlink pages.

Every long list arrives split (`listings.Lists`); these views turn one page of it into
what that page shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import groupby

from generator.kinds import KINDS
from generator.render.charts import RangeChart, range_chart
from generator.render.entities import WeaponRow, weapon_row
from generator.render.listings import Chunk, Lists
from generator.render.placemaps import INDEX_MOST, Figure
from generator.render.views import EventLine, Group, Link, Mention, Parts, QuoteCard
from generator.stages.models import Quote

Pending = tuple[str, str, Callable[[], object]]
"""A page to render: its docs path, its template and how to build its view."""
MORE_HEADINGS = {"quotes": "Quotes by", "events": "Timeline of", "articles": "Articles about",
                 "facts": "Key facts about"}


@dataclass(frozen=True)
class Entry:
    """One line of an index of split lists: a year or an initial, and how many items."""

    label: str
    path: str
    total: int


@dataclass(frozen=True)
class ArticlesIndex:
    latest: list[Mention]
    years: list[Entry]


@dataclass(frozen=True)
class ActorsIndex:
    groups: list[Group]


@dataclass(frozen=True)
class WeaponsIndex:
    weapons: list[WeaponRow]
    chart: RangeChart | None


@dataclass(frozen=True)
class PlaceEntry:
    """A place in the places index."""

    link: Link
    kind: str
    country: Link
    articles: int
    """How many articles name it."""


@dataclass(frozen=True)
class PlacesIndex:
    map: Figure | None
    """The places on one map (the most named, when there are many); None when there is
    none."""
    mapped: int
    """How many places the map shows."""
    places: list[PlaceEntry]


@dataclass(frozen=True)
class QuotesIndex:
    """Every quote by speaker while they are few; else one entry per initial."""

    speakers: list[Speaker]
    entries: list[Entry]


@dataclass(frozen=True)
class TimelineIndex:
    """Every event while they are few; else one entry per year."""

    events: list[EventLine]
    entries: list[Entry]


@dataclass(frozen=True)
class Speaker:
    """One speaker's quotes on a page of quotes by initial."""

    speaker: Link
    title: str | None
    quotes: list[QuoteCard]


@dataclass(frozen=True)
class QuotesPage:
    letter: str
    chunk: Chunk
    speakers: list[Speaker]


@dataclass(frozen=True)
class YearPage:
    """One page of a year's events or articles."""

    year: str
    chunk: Chunk
    index: str
    """The docs path of the page listing every year."""


@dataclass(frozen=True)
class MorePage:
    """A further page of one actor's or weapon's quotes, events or articles."""

    what: str
    heading: str
    name: str
    owner: str
    """The docs path of the actor's or weapon's own page."""
    chunk: Chunk


def entries(split: dict[str, list[Chunk]]) -> list[Entry]:
    return [Entry(label, chunks[0].path, chunks[0].total) for label, chunks in split.items()]


# Each kind's index: (parts, lists, cap) -> its view.

def articles_index(parts: Parts, lists: Lists, cap: int) -> ArticlesIndex:
    return ArticlesIndex([parts.mention(a) for a in parts.resolved.article_order[:cap]],
                         entries(lists.article_years))


def actors_index(parts: Parts, lists: Lists, cap: int) -> ActorsIndex:
    return ActorsIndex(parts.groups([(a, parts.card(a)) for a in parts.content.actors]))


def weapons_index(parts: Parts, lists: Lists, cap: int) -> WeaponsIndex:
    weapons = parts.content.weapons
    return WeaponsIndex([weapon_row(parts, w, origin=True) for w in weapons],
                        range_chart(weapons, list(weapons)))


def by_speaker(parts: Parts, items: list[tuple[str, str, Quote]]) -> list[Speaker]:
    """(speaker, article, quote) triples, already in speaker order, under each speaker."""
    return [Speaker(parts.link("actor", speaker), parts.title(speaker),
                    [parts.quote(quote, article) for _, article, quote in said])
            for speaker, said in groupby(items, key=lambda item: item[0])]


def places_index(parts: Parts, lists: Lists, cap: int) -> PlacesIndex:
    links = parts.resolved.links["place"]
    figure = parts.maps.index()
    return PlacesIndex(figure, min(len(parts.content.places), INDEX_MOST) if figure else 0, [
        PlaceEntry(parts.link("place", id_), place.kind, parts.link("actor", place.country),
                   len(links[id_].articles))
        for id_, place in parts.content.places.items()])


def quotes_page(parts: Parts, letter: str, chunk: Chunk) -> QuotesPage:
    return QuotesPage(letter, chunk, by_speaker(parts, chunk.items))


def quotes_index(parts: Parts, lists: Lists) -> QuotesIndex:
    return QuotesIndex(by_speaker(parts, lists.quotes), entries(lists.quote_letters))


def timeline_index(parts: Parts, lists: Lists) -> TimelineIndex:
    return TimelineIndex([parts.event(e, a) for a, e in lists.events],
                         entries(lists.event_years))


def year_page(parts: Parts, what: str, year: str, chunk: Chunk) -> YearPage:
    index = KINDS["article"].index if what == "articles" else "timeline/index.md"
    return YearPage(year, chunk.map(parts.listed(what)), index)


def more_page(parts: Parts, kind: str, id_: str, what: str, chunk: Chunk) -> MorePage:
    return MorePage(what, MORE_HEADINGS[what], parts.content.title(kind, id_),
                    KINDS[kind].page(id_), chunk.map(parts.listed(what)))


def listing_pages(parts: Parts, lists: Lists) -> Iterator[Pending]:
    """The site-wide listings' pages, then the backlink pages beyond each entity's own."""
    yield "quotes/index.md", "quotes_index.md.j2", partial(quotes_index, parts, lists)
    yield "timeline/index.md", "timeline_index.md.j2", partial(timeline_index, parts, lists)
    for letter, chunks in lists.quote_letters.items():
        for chunk in chunks:
            yield chunk.path, "quotes_letter.md.j2", partial(quotes_page, parts, letter, chunk)
    for year, chunks in lists.event_years.items():
        for chunk in chunks:
            yield chunk.path, "timeline_year.md.j2", partial(
                year_page, parts, "events", year, chunk)
    for year, chunks in lists.article_years.items():
        for chunk in chunks:
            yield chunk.path, "articles_year.md.j2", partial(
                year_page, parts, "articles", year, chunk)
    for kind, by_id in lists.backlinks.items():
        for id_, by_list in by_id.items():
            for what, chunks in by_list.items():
                for chunk in chunks[1:]:
                    yield chunk.path, "backlinks_more.md.j2", partial(
                        more_page, parts, kind, id_, what, chunk)
