"""The views of the pages about the whole site: home, glossary, corrections, the feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import slugify
from markupsafe import Markup

from generator.kinds import KINDS
from generator.render import meta
from generator.render.entities import WeaponRow, weapon_row
from generator.render.listings import CAP
from generator.render.story import centrality, topics
from generator.render.views import Card, Link, Parts, contact
from generator.stages.models import Site, Term
from generator.stages.resolve import Backlinks

TOP = 12
"""Actors and weapons on the home page: the most central actors, the weapons most
articles mention."""


@dataclass(frozen=True)
class Topic:
    """A tag, linked to its list on the tags page, and how many articles carry it."""

    name: str
    url: str
    """The address of its list from the home page. The tags plugin adds the anchors
    after MkDocs checks Markdown links, so this is an HTML link (the link check of the
    built site still follows it)."""
    count: int


@dataclass(frozen=True)
class Teaser:
    link: Link
    dateline: str
    published: dt.date
    standfirst: str


@dataclass(frozen=True)
class HomePage:
    site: Site
    heading: str
    """The page's own heading (the header already shows the site's name)."""
    lead: Teaser | None
    """The newest explainer, shown with its In short."""
    lead_short: list[str]
    latest: list[Teaser]
    """The next newest, at most CAP in all with the lead."""
    topics: list[Topic]
    all_articles: int | None
    """How many explainers there are, when there are more than the home page shows."""
    actors: list[Card]
    weapons: list[WeaponRow]
    indexes: dict[str, str]
    """Each kind's index page (docs path)."""


@dataclass(frozen=True)
class TermsPage:
    """The glossary (sorted by term) or the abbreviations snippet (as written)."""

    terms: list[Term]


@dataclass(frozen=True)
class Entry:
    """A glossary entry, and the page of the actor or weapon it names, if there is one."""

    term: str
    definition: str
    page: str | None


@dataclass(frozen=True)
class GlossaryPage:
    entries: list[Entry]
    """Sorted by term."""


@dataclass(frozen=True)
class Correction:
    date: dt.date
    article: Link
    text: str


@dataclass(frozen=True)
class CorrectionsPage:
    corrections: list[Correction]
    """Every correction of every article, newest first."""


@dataclass(frozen=True)
class FeedEntry:
    headline: str
    url: str
    published: str
    modified: str
    """Timestamps with time and zone (the site's)."""
    authors: list[dict[str, Any]]
    """The explainer's authors (name, and url when known), not the report's."""
    via: str | None
    """The original report's address, when known."""
    tags: list[str]
    standfirst: str


@dataclass(frozen=True)
class FeedPage:
    site: Site
    base: str
    publisher_url: str
    updated: str
    entries: list[FeedEntry]


@dataclass(frozen=True)
class ContactPage:
    contact: Markup | None
    """How readers reach the editors, as a Markdown sentence (None: not given)."""


def ranked(links: dict[str, Backlinks], parts: Parts, kind: str) -> list[str]:
    """The ids most articles mention, most first, then by title: at most TOP."""
    order = sorted(links, key=lambda i: (-len(links[i].articles),
                                         parts.content.title(kind, i), i))
    return [i for i in order if links[i].articles][:TOP]


def home_page(parts: Parts) -> HomePage:
    """A front page: the lead story with its In short, the next newest, the topics, the
    most central actors (principal in the most articles, then most often named) and the
    weapons most articles mention."""
    content, order = parts.content, parts.resolved.article_order
    teasers = [Teaser(parts.link("article", a), content.articles[a].source.dateline,
                      content.articles[a].published, content.articles[a].standfirst)
               for a in order[:CAP]]
    links = parts.resolved.links
    return HomePage(
        site=content.site,
        heading=content.site.tagline or "Latest explainers",
        lead=teasers[0] if teasers else None,
        lead_short=content.articles[order[0]].in_short if order else [],
        latest=teasers[1:],
        topics=[Topic(name, f"tags/#tag:{slugify(name, '-')}", count)
                for name, count in topics(content)],
        all_articles=len(order) if len(order) > CAP else None,
        actors=[parts.card(a) for a in centrality(content, parts.mentions, TOP)],
        weapons=[weapon_row(parts, w) for w in ranked(links["weapon"], parts, "weapon")],
        indexes={kind.name: kind.index for kind in KINDS.values()},
    )


def glossary_page(parts: Parts) -> GlossaryPage:
    """Every term; one that is the name or an alias of an actor or weapon links to it."""
    terms = sorted(parts.content.glossary.terms, key=lambda t: t.term.lower())
    return GlossaryPage([Entry(t.term, t.definition, parts.names.page_of(t.term))
                         for t in terms])


def abbreviations_page(parts: Parts) -> TermsPage:
    return TermsPage(list(parts.content.glossary.terms))


def corrections_page(parts: Parts) -> CorrectionsPage:
    articles = parts.content.articles
    found = [Correction(fix.date, parts.link("article", a), fix.text)
             for a in parts.resolved.article_order for fix in articles[a].corrections]
    return CorrectionsPage(sorted(found, key=lambda fix: fix.date, reverse=True))


def feed_page(parts: Parts) -> FeedPage:
    site = parts.content.site
    base = meta.site_url(site)
    entries = [FeedEntry(a.headline, base + KINDS["article"].url(id_),
                         meta.timestamp(a.published, site),
                         meta.timestamp(meta.modified(a), site), meta.authors(site, a),
                         a.source.url, a.tags, a.standfirst)
               for id_ in parts.resolved.article_order for a in [parts.content.articles[id_]]]
    updated = max((meta.modified(a) for a in parts.content.articles.values()),
                  default="1970-01-01")
    return FeedPage(site, base, site.publisher.url or base, meta.timestamp(updated, site),
                    entries)


def contact_page(parts: Parts) -> ContactPage:
    return ContactPage(contact(parts.content.site))
