"""The site's own settings (content/site.yaml) and the glossary (content/glossary.yaml)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.stages.models.fields import (
    LANGUAGE,
    Email,
    RelativePath,
    Strict,
    Text,
    TimeZone,
    Url,
    empty,
)


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
    authors: list[Author] = empty()
    """Who writes the explainers (a desk, or people); the publisher when left out.
    An article can name its own authors."""
    contact: Contact | None = None
    """How readers reach the editors: shown on About, beside each article's
    corrections and in the page data."""
    timezone: TimeZone = "UTC"
    """The time zone dates are given in, as an IANA name like Europe/London."""


class Term(Strict):
    term: Text
    """The abbreviation or term exactly as it appears in text, e.g. ATACMS."""
    definition: Text
    """What it means, shown as a tooltip wherever the term appears."""


class Glossary(Strict):
    """content/glossary.yaml: abbreviations and terms."""

    terms: list[Term] = empty()
    """The terms, each shown as a tooltip wherever it appears."""
