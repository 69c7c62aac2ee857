"""The files an article refers to: actors (content/actors/) and weapons
(content/weapons/)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from generator.stages.models.fields import Day, Id, Markdown, Strict, Text, empty


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
    titles: list[DatedTitle] = empty()
    """Titles held for a time, with from/to dates: an article shows the title as it was
    on the article's date (President-elect on an article of November 2024)."""
    affiliation: Id | None = None
    """Id of the actor this one belongs to or works for."""
    iso: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    """For a country: its ISO 3166-1 alpha-2 code (UA, RU, US), which puts it on maps."""
    aliases: list[Text] = empty()
    """Other names and spellings readers may search for, e.g. Zelensky."""
    summary: Text
    """Who this is, in one or two sentences (Markdown)."""
    moved_from: list[Id] = empty()
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
    aliases: list[Text] = empty()
    """Other names readers may search for."""
    category: Text
    """What kind of weapon, e.g. ballistic missile, tank, fighter jet."""
    range: Range | None = None
    """Maximum range, with its unit."""
    origin: Id | None = None
    """Id of the actor (usually a country) that makes it."""
    summary: Text
    """What it is, in one or two sentences (Markdown)."""
    moved_from: list[Id] = empty()
    """Ids this weapon had before `explainer rename`: its old address redirects here."""
