"""Date sanity: possible but improbable dates are warnings at the date they are about."""

from __future__ import annotations

import datetime as dt

from generator.checks.dates import date_findings
from generator.pipeline import Project, check

from .test_verify import findings, project

SOON = (dt.date.today() + dt.timedelta(days=30)).isoformat()


def test_published_before_the_report(tmp_path):
    root = project(tmp_path, ("  dateline: STRELSAU\n",
                              "  dateline: STRELSAU\n  published: 2025-03-05\n"))
    assert findings(root) == ["3:12: warning: published 2025-03-04 is before the report it "
                              "explains (2025-03-05, source.published)"]


def test_published_in_the_future_without_draft(tmp_path):
    root = project(tmp_path, ("published: 2025-03-04", f"published: {SOON}"))
    assert findings(root) == [f"3:12: warning: published {SOON} is in the future: the "
                              "article is scheduled and left out of the site until that day"]


def test_a_scheduled_draft_is_no_surprise(tmp_path):
    root = project(tmp_path, ("published: 2025-03-04", f"draft: true\npublished: {SOON}"))
    assert findings(root) == []


def test_tomorrow_is_a_time_zone_not_a_typo(tmp_path):
    article = check(Project(project(tmp_path))).unwrap().resolved.content.articles[
        "ruritania-tests-missile"]
    today = article.published - dt.timedelta(days=1)
    assert date_findings(article, today) == []
    assert [f.message for f in date_findings(article, today - dt.timedelta(days=1))] == [
        f"published {article.published} is in the future: the article is scheduled and "
        "left out of the site until that day"]


def test_timeline_event_after_published(tmp_path):
    root = project(tmp_path, ("corrections:\n", "timeline:\n  - date: 2025-04\n"
                              "    event: The next test is planned.\ncorrections:\n"))
    assert findings(root) == [
        '55:11: warning: timeline item 1 ("The next test is planned."): 2025-04 is after '
        "the article's published date (2025-03-04)"]
    root = project(tmp_path / "scheduled", (
        "corrections:\n", "timeline:\n  - date: 2025-04\n    event: The next test is planned."
        "\n    scheduled: true\ncorrections:\n"))
    assert findings(root) == []
