"""The view of an article's page, laid out for a reader with one minute: the story in
short, one quote, the principal actors and the account first; the full key facts, the
rest of the cast and the timeline stay on the page, folded away.

Every text a writer wrote in the story (summary, why it matters, facts, quotes,
unknowns, answers) arrives escaped, with the first mention of each known actor or
weapon linked (`mentions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.render import meta
from generator.render.charts import RangeChart, range_chart
from generator.render.entities import WeaponRow, weapon_row
from generator.render.filters import day
from generator.render.mentions import Prose
from generator.render.placemaps import Figure
from generator.render.story import pull_quote, search_names, starts, weapon_groups
from generator.render.views import Card, EventLine, Group, Link, Parts, QuoteCard, contact
from generator.stages.models import Article

STATUS_HELP = {
    "confirmed": "on the record: said in public or by a named source",
    "reported": "reported by the outlet, from its own reporting or sources it does not name",
    "claimed": "said by one side, not independently verified",
    "disputed": "contested by others",
}
"""What each status badge of a key fact means, as the legend says."""


@dataclass(frozen=True)
class Banner:
    """What the preview says on a page the published site does not have."""

    title: str
    text: str


@dataclass(frozen=True)
class Fact:
    status: str
    text: Prose
    attribution: str


@dataclass(frozen=True)
class Answer:
    """A reader's question and its short answer, as a card of its own."""

    question: str
    answer: Prose


@dataclass(frozen=True)
class WeaponGroup:
    """Weapons that play the same part in the story, under one line saying which."""

    role: str
    weapons: list[WeaponRow]


@dataclass(frozen=True)
class PlaceRow:
    """A place an article names: its link, its role, and whether its map shows it."""

    link: Link
    role: str
    off_map: bool
    """Too far from the rest to draw on the article's map (listed only)."""


@dataclass(frozen=True)
class ArticlePage:
    article: Article
    held: Banner | None
    """The Draft or Scheduled banner of an article held back (serve only)."""
    ld: dict[str, Any]
    image: str
    """Its link-preview image (site-relative), drawn at build time with its headline."""
    byline: str
    """Who wrote the explainer: 'Explainer desk'."""
    contact: Markup | None
    """How readers report an error, as a Markdown sentence."""
    updated: str | None
    """When it last changed (update or correction), if after it was published."""
    statuses: dict[str, str]
    pull: QuoteCard | None
    """The quote shown large near the top: the writer's pick, else the first."""
    quotes: list[QuoteCard]
    """The other quotes."""
    principal: list[Card]
    """The actors the story is about, at the top: name and title on the article's date."""
    groups: list[Group]
    """Everyone in the story with their part in it, by kind (folded away)."""
    cast_size: int
    summary: Prose
    why_it_matters: Prose
    facts: list[Fact]
    unknowns: list[Prose]
    questions: list[Answer]
    weapons: list[WeaponGroup]
    weapon_count: int
    chart: RangeChart | None
    map: Figure | None
    """Its places and reaches on a map, below why it matters; None when it names no
    place."""
    places: list[PlaceRow]
    timeline: list[EventLine]
    """What happened up to the article's date, oldest first."""
    ahead: list[EventLine]
    """What comes after it (scheduled or expected), soonest first."""
    search_names: list[str]
    """Names, aliases and titles of its actors and weapons, for its search entry."""


def article_page(parts: Parts, article_id: str) -> ArticlePage:
    content = parts.content
    article = content.articles[article_id]
    modified = meta.modified(article)
    figure = parts.maps.article(article_id)
    events = [(starts(e.date) > article.published, parts.event(e, on=article.published))
              for e in sorted(article.timeline, key=lambda e: e.date)]
    return ArticlePage(
        article=article,
        held=banner(parts.resolved.held.get(article_id), article),
        ld=meta.article_ld(content.site, article_id, article),
        image=meta.preview_path(article_id),
        byline=meta.byline(content.site, article),
        contact=contact(content.site),
        updated=modified if modified != article.published.isoformat() else None,
        statuses=STATUS_HELP,
        **quotes(parts, article_id, article),
        **cast(parts, article),
        summary=parts.prose(article.summary, paragraphs=True),
        why_it_matters=parts.prose(article.why_it_matters, paragraphs=True),
        facts=[Fact(f.status, parts.prose(f.text), f.attribution) for f in article.key_facts],
        unknowns=[parts.prose(u) for u in article.unknowns],
        questions=[Answer(q.question, parts.prose(q.answer)) for q in article.questions],
        weapons=[WeaponGroup(role, [weapon_row(parts, w) for w in ids])
                 for role, ids in weapon_groups(article.weapons)],
        weapon_count=len(article.weapons),
        chart=range_chart(content.weapons, [w.ref for w in article.weapons]),
        map=figure,
        places=[PlaceRow(parts.link("place", p.ref), p.role, figure is not None and
                         content.places[p.ref].name in figure.view.off_map)
                for p in article.places],
        timeline=[line for later, line in events if not later],
        ahead=[line for later, line in events if later],
        search_names=search_names(content, article),
    )


def banner(why: str | None, article: Article) -> Banner | None:
    """The Draft or Scheduled banner of a held-back article (serve only)."""
    if why == "draft":
        return Banner("Draft", "Not on the published site: remove draft: true from the "
                      "file to publish it.")
    if why == "scheduled":
        return Banner("Scheduled", "Not on the published site until "
                      f"{day(article.published)}, its published date.")
    return None


def quotes(parts: Parts, article_id: str, article: Article) -> dict[str, Any]:
    """The pull quote and the rest, each speaker with their title on the article's date."""
    cards = [parts.quote(q, article_id, linked=False) for q in article.quotes]
    pulled = pull_quote(article.quotes)
    if pulled is None:
        return {"pull": None, "quotes": cards}
    return {"pull": cards[pulled], "quotes": cards[:pulled] + cards[pulled + 1:]}


def cast(parts: Parts, article: Article) -> dict[str, Any]:
    """The principal actors' cards (who they are), and everyone's grouped by kind (with
    what they do in the story), principal actors first within each kind."""
    day = article.published
    principal = [parts.card(a.ref, on=day) for a in article.actors if a.principal]
    ordered = sorted(article.actors, key=lambda a: not a.principal)
    everyone = [(a.ref, parts.card(a.ref, a.role, day)) for a in ordered]
    return {"principal": principal, "groups": parts.groups(everyone),
            "cast_size": len(everyone)}
