"""Machine-readable data about pages: JSON-LD (schema.org) and absolute URLs.

The generator writes these into each page's front matter; `theme/main.html` reads them
and emits them in the page head (escaped there for HTML), so the Markdown stays plain.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import KINDS
from generator.stages.models import ACTOR_KINDS, Actor, Article, Site

SOCIAL_IMAGE = "assets/images/social.png"
"""The link-preview image, shipped in theme/ (1200 x 630 PNG)."""



def schema_type(actor: Actor) -> str:
    """Person, Organization or Country."""
    return ACTOR_KINDS[actor.kind][1]


def base_url(site: Site) -> str:
    """The site's address, always ending in one slash."""
    return site.url.rstrip("/") + "/"


def page_url(site: Site, path: str) -> str:
    """Absolute URL of a generated page: articles/x.md -> https://.../articles/x/."""
    stem = path.removesuffix(".md").removesuffix("index")
    return base_url(site) + (stem + "/" if stem and not stem.endswith("/") else stem)


def modified(article: Article) -> str:
    """The last time the explainer changed: its update or latest correction."""
    dates = [article.published, *([article.updated] if article.updated else []),
             *(c.date for c in article.corrections)]
    return max(dates).isoformat()


def publisher(site: Site) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": site.publisher.name}
    if site.publisher.url:
        org["url"] = site.publisher.url
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
        "mainEntityOfPage": url,
        "image": base_url(site) + SOCIAL_IMAGE,
        "inLanguage": site.language,
        "datePublished": article.published.isoformat(),
        "dateModified": modified(article),
        "author": [{"@type": "Person", "name": name} for name in article.source.bylines],
        "dateline": article.source.dateline,
        "publisher": publisher(site),
        "isBasedOn": source_ld(article),
    }
    if article.tags:
        data["keywords"] = article.tags
    if article.corrections:
        data["correction"] = [{"@type": "CorrectionComment", "text": c.text,
                               "datePublished": c.date.isoformat()}
                              for c in article.corrections]
    return data


def source_ld(article: Article) -> dict[str, Any]:
    source = article.source
    data: dict[str, Any] = {"@type": "NewsArticle",
                            "publisher": {"@type": "Organization", "name": source.outlet}}
    if source.url:
        data["url"] = source.url
    if source.published:
        data["datePublished"] = source.published.isoformat()
    return data


def actor_ld(site: Site, actor_id: str, actor: Actor,
             affiliation: Actor | None) -> dict[str, Any]:
    """schema.org Person, Organization or Country for one actor."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type(actor),
        "name": actor.name,
        "description": actor.summary,
        "url": page_url(site, KINDS["actor"].page(actor_id)),
    }
    if actor.aliases:
        data["alternateName"] = actor.aliases
    if actor.title and actor.kind == "person":
        data["jobTitle"] = actor.title
    if affiliation is not None and actor.affiliation and actor.kind != "country":
        key = "affiliation" if actor.kind == "person" else "parentOrganization"
        data[key] = {"@type": schema_type(affiliation), "name": affiliation.name,
                     "url": page_url(site, KINDS["actor"].page(actor.affiliation))}
    return data
