"""An explainer (content/articles/<id>.yaml) and its parts: source, key facts, cast,
places and reaches for its map, quotes, timeline, questions and corrections."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from generator.checks.rules import RuleName
from generator.stages.models.fields import (
    Day,
    Id,
    PartialDate,
    RelativePath,
    Short,
    Strict,
    Text,
    Url,
    empty,
)
from generator.stages.models.places import ArticlePlace, Reach
from generator.stages.models.site import Author
from generator.stages.safety import check_markdown

Status = Literal["confirmed", "reported", "claimed", "disputed"]


class Acceptance(Strict):
    """A warning of `explainer check` the writer has considered and accepts."""

    rule: RuleName
    """The rule whose warning is accepted, as `explainer check` names it."""
    reason: Text
    """Why the warning does not apply here, in a short sentence."""


class Source(Strict):
    """The report an article summarises."""

    outlet: Text
    """The news organisation, e.g. Reuters."""
    headline: Text | None = None
    """The report's own headline, as the outlet published it."""
    url: Url | None = None
    """Link to the original report, when it is online. Never guess it: when the
    address is unknown, accept the `no-source-url` warning with a reason."""
    published: Day | None = None
    """When the report itself was published."""
    bylines: list[Text] = Field(min_length=1)
    """The reporters named in the byline."""
    additional_reporting: list[Text] = empty()
    """Reporters credited with additional reporting."""
    editors: list[Text] = empty()
    """Editors credited at the end of the report."""
    dateline: Text
    """The place the report was filed from, e.g. WASHINGTON."""
    text: RelativePath | None = None
    """Path to a local plain-text copy of the report, used to verify quotes."""
    accept: list[Acceptance] = empty()
    """Warnings about the source accepted, each with a reason (e.g. no-source-url)."""


class KeyFact(Strict):
    text: Text
    """The fact, in our own words."""
    attribution: Text
    """Who says so, as the report gives it: "two U.S. officials", "the sources"."""
    status: Status
    """confirmed (on the record), reported (sourced reporting), claimed (one side
    says so) or disputed (contested)."""
    actors: list[Id] = empty()
    """Ids of actors this fact is about."""
    weapons: list[Id] = empty()
    """Ids of weapons this fact is about."""
    places: list[Id] = empty()
    """Ids of places this fact is about."""
    accept: list[Acceptance] = empty()
    """Warnings of the editorial checks accepted for this fact, each with a reason."""


class ArticleActor(Strict):
    ref: Id
    """The actor's id (a file in content/actors/)."""
    role: Text
    """What this actor does in this story."""
    principal: bool = False
    """true for the few actors the story is about: shown at the top of the article,
    and ranked first among the main actors on the home page."""


class ArticleWeapon(Strict):
    ref: Id
    """The weapon's id (a file in content/weapons/)."""
    role: Text
    """What this weapon has to do with this story."""


class Quote(Strict):
    speaker: Id
    """The id of the actor who said it."""
    text: Text
    """The words, verbatim, without surrounding quotation marks."""
    venue: Text
    """Where it was said, e.g. "post on X", "statement", "interview with Reuters"."""
    context: Text
    """What it responds to, in our words."""
    pull: bool = False
    """true for the one quote shown large near the top of the article (without it, the
    first quote is)."""
    accept: list[Acceptance] = empty()
    """Warnings of the editorial checks accepted for this quote, each with a reason."""


class Event(Strict):
    date: PartialDate
    """When: 2024, 2024-08 or 2024-11-17."""
    event: Text
    """What happened, in our words."""
    actors: list[Id] = empty()
    """Ids of actors involved."""
    weapons: list[Id] = empty()
    """Ids of weapons involved."""
    places: list[Id] = empty()
    """Ids of places where it happened."""
    scheduled: bool = False
    """true for an event still to come when the article is published (a vote, an
    inauguration); shown as planned rather than as having happened."""


class Question(Strict):
    """A question a reader may ask, answered in a short card of its own."""

    question: Annotated[str, Field(min_length=1, max_length=80),
                        AfterValidator(check_markdown)]
    """The question as a reader would ask it, e.g. "What are ATACMS?" or "Why now?"."""
    answer: Annotated[str, Field(min_length=1, max_length=500),
                      AfterValidator(check_markdown)]
    """The answer in two or three sentences of our own, readable without the rest of
    the page (Markdown)."""


class Correction(Strict):
    date: Day
    """When the correction was made."""
    text: Text
    """What was wrong and what it now says."""


class Article(Strict):
    """content/articles/<id>.yaml: one explainer of one news report."""

    headline: Text
    """The explainer's headline."""
    standfirst: Text
    """One sentence that sums up the story."""
    draft: bool = False
    """true while the article is unfinished: `explainer serve` shows it with a Draft
    banner, the published site leaves it out, and empty fields are listed as to-dos."""
    published: Day
    """When the story is published (YYYY-MM-DD). A later date than today schedules it:
    the site leaves it out until that day."""
    updated: Day | None = None
    """When the explainer was last updated, if it was."""
    tags: list[Text] = empty()
    """Topics, for the tags page."""
    authors: list[Author] = empty()
    """Who wrote this explainer, when not the site's authors (content/site.yaml)."""
    source: Source
    """The report this explainer summarises."""
    in_short: list[Short] = Field(min_length=3, max_length=5)
    """The story in 3 to 5 short bullets, shown first: together with the headline they
    fit on one phone screen. Each is one sentence of at most 140 characters."""
    summary: Text
    """What happened, in our own words (Markdown)."""
    why_it_matters: Text
    """Why the reader should care (Markdown)."""
    key_facts: list[KeyFact] = Field(min_length=1)
    """The key facts, each with who says so."""
    actors: list[ArticleActor] = empty()
    """Who acts or speaks in the story."""
    weapons: list[ArticleWeapon] = empty()
    """The weapon systems the story names."""
    places: list[ArticlePlace] = empty()
    """Where the story happens: each place is marked on the article's map."""
    reach: Annotated[list[Reach], Field(max_length=3)] = empty()
    """Weapon reaches to draw on the article's map (at most three)."""
    quotes: list[Quote] = empty()
    """Direct quotations, verbatim and attributed."""
    timeline: list[Event] = empty()
    """What happened when."""
    questions: list[Question] = empty()
    """Questions a reader may ask, each answered in a card, e.g. "Why now?"."""
    unknowns: list[Text] = empty()
    """What we don't know yet."""
    corrections: list[Correction] = empty()
    """Corrections made to this explainer, oldest first."""

    @field_validator("quotes")
    @classmethod
    def _one_pull_quote(cls, quotes: list[Quote]) -> list[Quote]:
        pulled = [str(i + 1) for i, q in enumerate(quotes) if q.pull]
        if len(pulled) > 1:
            raise ValueError(f"only one quote can have pull: true (quotes {' and '.join(pulled)}"
                             " have it)")
        return quotes
