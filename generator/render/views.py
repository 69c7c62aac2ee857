"""What pages show, as typed values built in Python: the parts several pages share.

A page's view is a frozen dataclass per page kind (in `entities`, `indexes` and
`sitewide`); its fields are the only names its template sees. Templates only format:
every grouping, sorting, selecting and chart is computed here. The parts below (a link
to a file's page, a quote, an event, an actor's card, an article in a list) are built by
`Parts`, which knows the resolved content and which quotes were verified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from markupsafe import Markup, escape

from generator.kinds import KINDS
from generator.render.escape import block, one_line
from generator.render.filters import distance
from generator.render.mentions import Names, Prose, mentioned, names
from generator.render.placemaps import Maps
from generator.render.story import outlook, texts
from generator.stages.models import ACTOR_KINDS, Event, KeyFact, Quote, Site
from generator.stages.resolve import Resolved

if TYPE_CHECKING:
    from generator.checks.verify import Verified

T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    """A link to one file's page: the writer's title for it, and the page's docs path."""

    text: str
    path: str


@dataclass(frozen=True)
class QuoteCard:
    """A quotation with its speaker, and whether it was checked against the source."""

    text: Prose
    """The words, with the first mention of each known name linked (the words unchanged)."""
    venue: str
    context: str
    speaker: Link
    speaker_title: str | None
    proof: str
    """How it was verified, as readers are told ('' when it was not)."""
    article: Link | None
    """The article it is from, on pages that gather quotes from several."""


@dataclass(frozen=True)
class EventLine:
    """One dated event of a timeline."""

    date: str
    text: str
    article: Link | None
    """The article it is from, on pages that gather events from several."""
    ahead: str | None = None
    """"Scheduled" or "Expected" when it comes after the date of its article."""


@dataclass(frozen=True)
class FactLine:
    """A key fact on the page of something it is about: who says so, and where from."""

    status: str
    text: str
    attribution: str
    article: Link


@dataclass(frozen=True)
class Card:
    """An actor in a list of cards: name, title and, in an article, their role."""

    link: Link
    title: str | None
    role: str | None = None


@dataclass(frozen=True)
class Mention:
    """An article in a list: its headline and when it was published."""

    link: Link
    published: dt.date


@dataclass(frozen=True)
class Group:
    """Actors of one kind (People, Countries...), under that heading."""

    label: str
    cards: list[Card]


class Parts:
    """Builds the shared parts from the resolved content and the verified quotes."""

    def __init__(self, resolved: Resolved, verified: Verified | None):
        self.resolved = resolved
        self.content = resolved.content
        self.proof: Callable[[str, Quote], str] = (
            verified.quote_verified if verified else lambda article_id, quote: "")
        self.maps = Maps(self.content, distance)
        """The render's maps, each drawn on first use."""
        self._links: dict[tuple[str, str], Link] = {}
        self._titles: dict[tuple[str, dt.date | None], str | None] = {}
        self._shown: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        self._proses: dict[tuple[str, bool], Prose] = {}
        self._mentions: dict[str, Mention] = {}

    @cached_property
    def names(self) -> Names:
        """Every actor's and weapon's names and aliases, for linking them in the prose."""
        return names(self.content)

    @cached_property
    def mentions(self) -> dict[str, int]:
        """docs path of each actor and weapon -> in how many texts of all the articles
        its name or an alias appears."""
        return mentioned(self.prose(text, paragraphs)
                         for article in self.content.articles.values()
                         for text, paragraphs in texts(article))

    def prose(self, text: str, paragraphs: bool = False,
              seen: set[str] | None = None) -> Prose:
        """Writers' text escaped (one line, or paragraphs), with names linked. A text
        linked on its own (no `seen`) is escaped and linked once: the articles' texts
        are all linked to count `mentions` before the first page is made."""
        if seen is not None:
            return self.names.link(str(block(text)) if paragraphs else one_line(text), seen)
        prose = self._proses.get((text, paragraphs))
        if prose is None:
            prose = self._proses[text, paragraphs] = self.names.link(
                str(block(text)) if paragraphs else one_line(text))
        return prose

    def link(self, kind: str, id_: str) -> Link:
        """The link to a file's page, made once per file (pages link 60,000 times to
        some 2,000 files at 1,000 articles)."""
        link = self._links.get((kind, id_))
        if link is None:
            link = self._links[kind, id_] = Link(self.content.title(kind, id_),
                                                 KINDS[kind].page(id_))
        return link

    def title(self, actor_id: str, on: dt.date | None = None) -> str | None:
        """An actor's title as it was on a day (an article's date), else as it is now:
        once per actor and day."""
        key = (actor_id, on)
        if key not in self._titles:
            actor = self.content.actors[actor_id]
            self._titles[key] = actor.title_on(on) if on else actor.current_title()
        return self._titles[key]

    def quote(self, quote: Quote, article_id: str, linked: bool = True) -> QuoteCard:
        """A card for a quote of the article named, the speaker with the title they had
        on the article's date; `linked` adds a link to the article (not on its own page).
        A linked card is made once per quote: its speaker's pages and the quotes index
        show the same."""
        if not linked:
            return self._quote(quote, article_id, None)
        return self._once("quotes", article_id, quote,
                          lambda: self._quote(quote, article_id, self.link("article", article_id)))

    def _quote(self, quote: Quote, article_id: str, article: Link | None) -> QuoteCard:
        day = self.content.articles[article_id].published
        return QuoteCard(self.prose(quote.text), quote.venue, quote.context,
                         self.link("actor", quote.speaker),
                         self.title(quote.speaker, day), self.proof(article_id, quote),
                         article)

    def event(self, event: Event, article_id: str | None = None,
              on: dt.date | None = None) -> EventLine:
        """An event line, marked as ahead when it comes after the date `on` (or after the
        date of the article named). A line of an article's event, linked to it, is made
        once per event: the pages of all it involves and the timeline show the same."""
        if on is None and article_id:
            return self._once("timeline", article_id, event,
                              lambda: self._event(event, article_id, None))
        return self._event(event, article_id, on)

    def _event(self, event: Event, article_id: str | None, on: dt.date | None) -> EventLine:
        day = on or (self.content.articles[article_id].published if article_id else None)
        return EventLine(event.date, event.event,
                         self.link("article", article_id) if article_id else None,
                         outlook(event, day) if day else None)

    def _once(self, field: str, article_id: str, item: Any, make: Callable[[], T]) -> T:
        """What `make` gives for an item of an article's list `field` (its quotes, its
        timeline), made once per item. The item is known by its identity, which is
        stable for the render: the content holds every item to the end of it, and the
        entry holds the item it was made for. Looking for it in the article's list
        instead was a tenth of the views' time (21,700 items at 1,000 articles)."""
        kept = self._shown.get((field, article_id, id(item)))
        if kept is not None and kept[0] is item:
            made: T = kept[1]
            return made
        shown = make()
        self._shown[field, article_id, id(item)] = (item, shown)
        return shown

    def fact(self, fact: KeyFact, article_id: str) -> FactLine:
        return FactLine(fact.status, fact.text, fact.attribution,
                        self.link("article", article_id))

    def card(self, actor_id: str, role: str | None = None,
             on: dt.date | None = None) -> Card:
        return Card(self.link("actor", actor_id), self.title(actor_id, on), role)

    def mention(self, article_id: str) -> Mention:
        """An article in a list, made once per article (it is in the lists of all it
        names)."""
        mention = self._mentions.get(article_id)
        if mention is None:
            mention = self._mentions[article_id] = Mention(
                self.link("article", article_id), self.content.articles[article_id].published)
        return mention

    def listed(self, what: str) -> Callable[[Any], Any]:
        """How an item of a long list is shown: (article id, quote) as a quote card,
        (article id, event) as an event line, an article id as a mention."""
        shows: dict[str, Callable[[Any], Any]] = {
            "quotes": lambda item: self.quote(item[1], item[0]),
            "events": lambda item: self.event(item[1], item[0]),
            "articles": self.mention,
            "facts": lambda item: self.fact(item[1], item[0]),
        }
        return shows[what]

    def groups(self, cards: list[tuple[str, Card]]) -> list[Group]:
        """(actor id, card) pairs under the heading of each kind of actor, in the order
        of ACTOR_KINDS, keeping their order within a kind; empty kinds left out."""
        actors = self.content.actors
        grouped = [Group(label, [card for id_, card in cards if actors[id_].kind == kind])
                   for kind, (label, _) in ACTOR_KINDS.items()]
        return [group for group in grouped if group.cards]


def contact(site: Site) -> Markup | None:
    """How to reach the editors, as Markdown links: 'Write to x@y or use the form.'"""
    if site.contact is None or not (site.contact.email or site.contact.url):
        return None
    ways = []
    if site.contact.email:
        ways.append(f"write to [{escape(site.contact.email)}]"
                    f"(mailto:{escape(site.contact.email)})")
    if site.contact.url:
        ways.append(f"use [the contact form]({escape(site.contact.url)})")
    text = " or ".join(ways)
    return Markup(text[:1].upper() + text[1:] + ".")
