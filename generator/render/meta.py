"""Machine-readable data about pages: JSON-LD (schema.org) and absolute URLs.

The generator writes these into each page's front matter; `theme/main.html` reads them
and emits them in the page head (escaped there for HTML), so the Markdown stays plain.

Every absolute URL the generator writes starts with one address, `site_url()`: the
`SITE_URL` environment variable (set by CI from the GitHub Pages configuration) over
`url` in content/site.yaml. MkDocs is given the same address for the canonical links
and the sitemap.

Who wrote what is told as it is: the explainer's authors are the site's own (or the
article's), and the report it is based on is `isBasedOn`, a NewsArticle by the outlet's
reporters. Types and properties are schema.org's (tests check them against its
vocabulary).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from functools import lru_cache
from typing import Any

from generator.kinds import KINDS
from generator.render import markup
from generator.stages.models import ACTOR_KINDS, Actor, Article, Author, Site

PREVIEWS = "assets/previews"
"""Where each article's own link-preview image goes (render/preview.py draws it)."""


def preview_path(article_id: str) -> str:
    """The docs path of an article's link-preview image."""
    return f"{PREVIEWS}/{article_id}.png"

SITE_URL_VARIABLE = "SITE_URL"
_WEB_ADDRESS = re.compile(r"https?://[^/?#\s]+(/[^\s?#]*)?")


def schema_type(kind: str) -> str:
    """The schema.org type of an actor or author kind: Person, Organization, Country."""
    return ACTOR_KINDS[kind][1]


def site_url(site: Site) -> str:
    """The site's address, always ending in one slash: SITE_URL over site.yaml's url."""
    override = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if override and not _WEB_ADDRESS.fullmatch(override):
        raise ValueError(f"{SITE_URL_VARIABLE}={override!r} is not a web address like "
                         "https://owner.github.io/repo/")
    return (override or site.url).rstrip("/") + "/"


base_url = site_url


def page_url(site: Site, path: str) -> str:
    """Absolute URL of a generated page: articles/x.md -> https://.../articles/x/."""
    url = markup.page_url(path)
    return site_url(site) + ("" if url == "./" else url)


def modified(article: Article) -> str:
    """The last time the explainer changed: its update or latest correction."""
    dates = [article.published, *([article.updated] if article.updated else []),
             *(c.date for c in article.corrections)]
    return max(dates).isoformat()


def timestamp(day: dt.date | str, site: Site) -> str:
    """A date as the start of that day in the site's time zone, with its offset:
    2024-11-18 -> 2024-11-18T00:00:00+00:00 (schema.org and Atom want time and zone)."""
    return _start(dt.date.fromisoformat(day) if isinstance(day, str) else day,
                  site.timezone)


@lru_cache(maxsize=1 << 12)
def _start(day: dt.date, timezone: str) -> str:
    """`timestamp`, once per day (each article's page and the feed write a few)."""
    return dt.datetime.combine(day, dt.time(), zoneinfo.ZoneInfo(timezone)).isoformat()


def person_or_org(author: Author | None, name: str, kind: str = "person") -> dict[str, Any]:
    """A schema.org Person or Organization for an author."""
    if author is not None:
        name, kind = author.name, author.kind
    data: dict[str, Any] = {"@type": schema_type(kind), "name": name}
    if author is not None and author.url:
        data["url"] = author.url
    return data


def authors(site: Site, article: Article) -> list[dict[str, Any]]:
    """Who wrote the explainer: the article's authors, the site's, or the publisher."""
    named = article.authors or site.authors
    if not named:
        return [publisher(site)]
    return [person_or_org(author, author.name) for author in named]


def byline(site: Site, article: Article) -> str:
    """The explainer's authors as one line: 'Ana Ruiz and the Explainer desk'."""
    names = [a.name for a in article.authors or site.authors] or [site.publisher.name]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def publisher(site: Site) -> dict[str, Any]:
    """The site's publisher, with its address, logo and contact point."""
    base = site_url(site)
    org: dict[str, Any] = {"@type": "Organization", "name": site.publisher.name,
                           "url": site.publisher.url or base,
                           "logo": {"@type": "ImageObject",
                                    "url": base + site.publisher.logo.lstrip("/")}}
    if site.contact and (site.contact.email or site.contact.url):
        point: dict[str, Any] = {"@type": "ContactPoint", "contactType": "corrections"}
        if site.contact.email:
            point["email"] = site.contact.email
        if site.contact.url:
            point["url"] = site.contact.url
        org["contactPoint"] = point
    return org


def article_ld(site: Site, article_id: str, article: Article) -> dict[str, Any]:
    """schema.org NewsArticle for one explainer."""
    url = page_url(site, KINDS["article"].page(article_id))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": [site_url(site) + preview_path(article_id)],
        "inLanguage": site.language,
        "datePublished": timestamp(article.published, site),
        "dateModified": timestamp(modified(article), site),
        "author": authors(site, article),
        "publisher": publisher(site),
        "isBasedOn": source_ld(site, article),
    }
    if article.tags:
        data["keywords"] = article.tags
    if article.corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text,
                               "datePublished": timestamp(c.date, site)}
                              for c in article.corrections]
    return data


def source_ld(site: Site, article: Article) -> dict[str, Any]:
    """The report the explainer is based on: its outlet, reporters, dateline and date."""
    source = article.source
    data: dict[str, Any] = {"@type": "NewsArticle",
                            "publisher": {"@type": "Organization", "name": source.outlet},
                            "author": [{"@type": "Person", "name": name}
                                       for name in source.bylines],
                            "dateline": source.dateline}
    if source.headline:
        data["headline"] = source.headline
    if source.url:
        data["url"] = source.url
    if source.published:
        data["datePublished"] = timestamp(source.published, site)
    if source.additional_reporting:
        data["contributor"] = [{"@type": "Person", "name": name}
                               for name in source.additional_reporting]
    if source.editors:
        data["editor"] = [{"@type": "Person", "name": name} for name in source.editors]
    return data


def actor_ld(site: Site, actor_id: str, actor: Actor,
             affiliation: Actor | None) -> dict[str, Any]:
    """schema.org Person, Organization or Country for one actor."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type(actor.kind),
        "name": actor.name,
        "description": actor.summary,
        "url": page_url(site, KINDS["actor"].page(actor_id)),
    }
    if actor.aliases:
        data["alternateName"] = actor.aliases
    if actor.current_title() and actor.kind == "person":
        data["jobTitle"] = actor.current_title()
    link = affiliation_property(actor, affiliation) if affiliation is not None else None
    if link is not None and affiliation is not None and actor.affiliation:
        data[link] = {"@type": schema_type(affiliation.kind), "name": affiliation.name,
                      "url": page_url(site, KINDS["actor"].page(actor.affiliation))}
    return data


AFFILIATIONS = {  # (actor kind, kind of the actor it belongs to) -> schema.org property
    ("person", "country"): "nationality", ("person", "person"): "colleague",
    ("person", "organization"): "affiliation", ("person", "group"): "affiliation",
    ("organization", "country"): "areaServed", ("group", "country"): "areaServed",
    ("organization", "organization"): "parentOrganization",
    ("organization", "group"): "parentOrganization",
    ("group", "organization"): "parentOrganization", ("group", "group"): "parentOrganization",
}


def affiliation_property(actor: Actor, affiliation: Actor) -> str | None:
    """The schema.org property that links an actor to the one it belongs to: a person's
    organization is their `affiliation`, their country their `nationality`, a person
    they work with a `colleague`; an organization's parent is its `parentOrganization`,
    its country the `areaServed`. Other pairs have no fitting property: none is given."""
    return AFFILIATIONS.get((actor.kind, affiliation.kind))
