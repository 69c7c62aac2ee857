"""Date sanity: dates that are possible but probably typos. Warnings only.

An explainer comes after its report; a `published` date more than a day ahead makes a
scheduled article (left out of the site until then), which is rarely meant without
`draft: true`; a timeline event after the article's own date has not happened yet when
the article appears, so it must say it is scheduled (`scheduled: true`).
"""

from __future__ import annotations

import datetime as dt

from generator.checks.findings import Finding
from generator.stages.hints import item_label
from generator.stages.models import Article
from generator.stages.salvage import absent

FUTURE_GRACE = dt.timedelta(days=1)
"""A date up to a day ahead is a time zone, not a typo."""


def date_findings(article: Article, today: dt.date) -> list[Finding]:
    """The article's improbable dates, each at the date it is about."""
    findings: list[Finding] = []
    if absent(article.published):          # not a date: reported already, nothing to compare
        return findings
    source = article.source.published
    if source is not None and article.published < source:
        findings.append(Finding(
            ("published",), f"published {article.published} is before the report it "
            f"explains ({source}, source.published)", "check both dates; the explainer "
            "comes after the report"))
    if article.published > today + FUTURE_GRACE and not article.draft:
        findings.append(Finding(
            ("published",), f"published {article.published} is in the future: the article "
            "is scheduled and left out of the site until that day",
            "if the date is a typo, correct it; to hold the article back, set draft: true"))
    for i, event in enumerate(article.timeline):
        if not absent(event.date) and not event.scheduled and \
                earliest(event.date) > article.published:
            findings.append(Finding(
                ("timeline", i, "date"), f"timeline item {i + 1}"
                f"{item_label({'event': event.event})}: {event.date} is after the "
                f"article's published date ({article.published})",
                "if it is still to come, add `scheduled: true` to the event; "
                "otherwise correct the date"))
    return findings


def earliest(partial: str) -> dt.date:
    """The first day a date of year, month or day precision can mean."""
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])
