"""The content model: what each YAML file may hold, as pydantic models.

Every field documents itself (the docstrings become the JSON Schema descriptions that
editors show), unknown fields are errors, and closed sets are Literals.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from generator.checks.rules import RuleName
from generator.stages.safety import check_markdown, check_relative_path, check_url

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL = r"^https?://\S+$"
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"
EMAIL = r"^[^@\s<>()\[\]\\,;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"


def _time_zone(value: str) -> str:
    """An IANA time zone name that this machine knows, e.g. UTC or Europe/London."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{value}' is not a time zone name like UTC or Europe/London"
                         ) from None
    return value


def _real_date(value: object) -> object:
    """Dates are written 2024-11-17; numbers are never dates."""
    if isinstance(value, (int, float, bool)):
        raise ValueError("write the date as YYYY-MM-DD, e.g. 2024-11-17")
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _partial_date(value: object) -> str:
    """A date with year, month or day precision: 2024, 2024-08 or 2024-11-17."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError("write the date as YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None
    return value


Id = Annotated[str, Field(pattern=SLUG, description="The id (file name without .yaml) "
                          "of another content file: lowercase words joined by hyphens.")]
# Real dates only, for editors (JSON Schema's "format": "date" lets 2024-11-31 pass):
# each month's days, and 29 February in leap years.
_MONTH_DAY = (r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]"
              r"|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))")
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
REAL_DATE = rf"^(?:\d{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
PARTIAL_DATE = rf"^(?:\d{{4}}(?:-(?:0[1-9]|1[0-2]))?|\d{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"
Day = Annotated[dt.date, BeforeValidator(_real_date), Field(json_schema_extra={
    "pattern": REAL_DATE,
    "patternErrorMessage": "not a real date: write YYYY-MM-DD, e.g. 2024-11-17"})]
PartialDate = Annotated[str, BeforeValidator(_partial_date), Field(json_schema_extra={
    "pattern": PARTIAL_DATE,
    "patternErrorMessage": "not a real date: write YYYY, YYYY-MM or YYYY-MM-DD"})]
Markdown = Annotated[str, AfterValidator(check_markdown)]
Text = Annotated[str, Field(min_length=1), AfterValidator(check_markdown)]
Url = Annotated[str, Field(pattern=URL), AfterValidator(check_url)]
RelativePath = Annotated[str, AfterValidator(check_relative_path)]
Email = Annotated[str, Field(pattern=EMAIL)]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
SHORT = 140
"""The longest "In short" bullet, in characters: two lines on a phone."""
Short = Annotated[str, Field(min_length=1, max_length=SHORT), AfterValidator(check_markdown)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


class Publisher(Strict):
    name: Text
    """Who publishes this explainer site."""
    url: Url | None = None
    """The publisher's home page (the site's own address when left out)."""
    logo: RelativePath = "assets/images/logo.png"
    """The publisher's logo: a square image in the site, as a path inside it."""


class Author(Strict):
    """Who wrote an explainer: a person, or a desk or newsroom."""

    name: Text
    """The name as readers should see it, e.g. Explainer desk."""
    kind: Literal["person", "organization"] = "organization"
    """person, or organization for a desk or newsroom."""
    url: Url | None = None
    """A page about them, if there is one."""


class Contact(Strict):
    """How readers reach the editors, e.g. to report an error."""

    email: Email | None = None
    """An address readers can write to, e.g. corrections@example.org."""
    url: Url | None = None
    """A web page with a contact form, if there is one."""


class Site(Strict):
    """content/site.yaml: the site's own settings."""

    title: Text
    """The site's name, shown in the header and the browser tab."""
    tagline: Text | None = None
    """The home page's heading, e.g. The news, explained in a minute (the header already
    shows the title); left out, the heading is "Latest explainers"."""
    description: Text
    """One sentence saying what the site is, for search engines and link previews."""
    url: Url
    """Where the site is published, e.g. https://owner.github.io/repo/."""
    language: Annotated[str, Field(pattern=LANGUAGE)] = "en"
    """The language of the content, as a code like en or en-GB."""
    publisher: Publisher
    """Who publishes the site."""
    authors: list[Author] = []
    """Who writes the explainers (a desk, or people); the publisher when left out.
    An article can name its own authors."""
    contact: Contact | None = None
    """How readers reach the editors: shown on About, beside each article's
    corrections and in the page data."""
    timezone: TimeZone = "UTC"
    """The time zone dates are given in, as an IANA name like Europe/London."""


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
    additional_reporting: list[Text] = []
    """Reporters credited with additional reporting."""
    editors: list[Text] = []
    """Editors credited at the end of the report."""
    dateline: Text
    """The place the report was filed from, e.g. WASHINGTON."""
    text: RelativePath | None = None
    """Path to a local plain-text copy of the report, used to verify quotes."""
    accept: list[Acceptance] = []
    """Warnings about the source accepted, each with a reason (e.g. no-source-url)."""


class KeyFact(Strict):
    text: Text
    """The fact, in our own words."""
    attribution: Text
    """Who says so, as the report gives it: "two U.S. officials", "the sources"."""
    status: Status
    """confirmed (on the record), reported (sourced reporting), claimed (one side
    says so) or disputed (contested)."""
    actors: list[Id] = []
    """Ids of actors this fact is about."""
    weapons: list[Id] = []
    """Ids of weapons this fact is about."""
    accept: list[Acceptance] = []
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
    accept: list[Acceptance] = []
    """Warnings of the editorial checks accepted for this quote, each with a reason."""


class Event(Strict):
    date: PartialDate
    """When: 2024, 2024-08 or 2024-11-17."""
    event: Text
    """What happened, in our words."""
    actors: list[Id] = []
    """Ids of actors involved."""
    weapons: list[Id] = []
    """Ids of weapons involved."""
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
    tags: list[Text] = []
    """Topics, for the tags page."""
    authors: list[Author] = []
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
    actors: list[ArticleActor] = []
    """Who acts or speaks in the story."""
    weapons: list[ArticleWeapon] = []
    """The weapon systems the story names."""
    quotes: list[Quote] = []
    """Direct quotations, verbatim and attributed."""
    timeline: list[Event] = []
    """What happened when."""
    questions: list[Question] = []
    """Questions a reader may ask, each answered in a card, e.g. "Why now?"."""
    unknowns: list[Text] = []
    """What we don't know yet."""
    corrections: list[Correction] = []
    """Corrections made to this explainer, oldest first."""

    @field_validator("quotes")
    @classmethod
    def _one_pull_quote(cls, quotes: list[Quote]) -> list[Quote]:
        pulled = [str(i + 1) for i, q in enumerate(quotes) if q.pull]
        if len(pulled) > 1:
            raise ValueError(f"only one quote can have pull: true (quotes {' and '.join(pulled)}"
                             " have it)")
        return quotes


class DatedTitle(Strict):
    """A title an actor held for a while, e.g. President-elect until an inauguration."""

    model_config = ConfigDict(populate_by_name=True)

    title: Text
    """The title or role, e.g. U.S. President-elect."""
    since: Day | None = Field(None, alias="from")
    """The first day with this title (YYYY-MM-DD); left out, it had it before any date
    the site shows."""
    until: Day | None = Field(None, alias="to")
    """The last day with this title; left out, it still has it."""

    @model_validator(mode="after")
    def _in_order(self) -> DatedTitle:
        if self.since is None and self.until is None:
            raise ValueError("give the title a from: date, a to: date or both")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"from: {self.since} is after to: {self.until}")
        return self

    def covers(self, day: dt.date) -> bool:
        """Whether the actor held this title on that day."""
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until)


ActorKind = Literal["person", "organization", "country", "group"]
ACTOR_KINDS: dict[str, tuple[str, str]] = {
    "person": ("People", "Person"),
    "organization": ("Organizations", "Organization"),
    "country": ("Countries", "Country"),
    "group": ("Groups", "Organization"),
}
"""Each kind of actor (the keys are ActorKind's, in order; a test holds them together):
its heading where pages group actors, and its schema.org type."""


class Actor(Strict):
    """content/actors/<id>.yaml: a person, organisation, country or group."""

    name: Text
    """The name as we write it, e.g. Volodymyr Zelenskiy."""
    kind: ActorKind
    """person, organization, country or group."""
    title: Markdown | None = None
    """Title or role, or for a country a one-line description, e.g. President of
    Ukraine; the line under the name on cards. Dated titles below take precedence on
    the days they cover."""
    titles: list[DatedTitle] = []
    """Titles held for a time, with from/to dates: an article shows the title as it was
    on the article's date (President-elect on an article of November 2024)."""
    affiliation: Id | None = None
    """Id of the actor this one belongs to or works for."""
    aliases: list[Text] = []
    """Other names and spellings readers may search for, e.g. Zelensky."""
    summary: Text
    """Who this is, in one or two sentences (Markdown)."""
    moved_from: list[Id] = []
    """Ids this actor had before `explainer rename`: its old address redirects here."""

    def title_on(self, day: dt.date) -> str | None:
        """The title as it was on that day: the dated title covering it, else `title`."""
        dated = [t.title for t in self.titles if t.covers(day)]
        return dated[-1] if dated else self.title

    def current_title(self) -> str | None:
        """The title today: the latest dated title still held, else `title`."""
        held = [t for t in self.titles if t.until is None]
        return held[-1].title if held else self.title


class Range(Strict):
    value: Annotated[float, Field(gt=0)]
    """The number, e.g. 190."""
    unit: Literal["km", "mi"]
    """km or mi."""
    qualifier: Literal["up to", "about"] | None = None
    """Optional: "up to" or "about"."""


class Weapon(Strict):
    """content/weapons/<id>.yaml: a weapon system."""

    name: Text
    """Short name, e.g. ATACMS."""
    full_name: Markdown | None = None
    """Full name, e.g. Army Tactical Missile System."""
    aliases: list[Text] = []
    """Other names readers may search for."""
    category: Text
    """What kind of weapon, e.g. ballistic missile, tank, fighter jet."""
    range: Range | None = None
    """Maximum range, with its unit."""
    origin: Id | None = None
    """Id of the actor (usually a country) that makes it."""
    summary: Text
    """What it is, in one or two sentences (Markdown)."""
    moved_from: list[Id] = []
    """Ids this weapon had before `explainer rename`: its old address redirects here."""


class Term(Strict):
    term: Text
    """The abbreviation or term exactly as it appears in text, e.g. ATACMS."""
    definition: Text
    """What it means, shown as a tooltip wherever the term appears."""


class Glossary(Strict):
    """content/glossary.yaml: abbreviations and terms."""

    terms: list[Term] = []
    """The terms, each shown as a tooltip wherever it appears."""

