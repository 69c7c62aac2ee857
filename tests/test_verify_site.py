"""The editorial checks on the real content, and what the site shows of them."""

from __future__ import annotations

import pytest

from generator.build import Project, check
from generator.load import load
from generator.render import render
from generator.resolve import resolve
from generator.validate import validate
from generator.verify import verify

from .conftest import ROOT, SEED
from .test_site import ARTICLE, text_of
from .test_verify import FIXTURE

VERIFIED = "Quote verified word for word against the source report"
UNVERIFIED = "Unverified quote: not yet checked against the source report"


def test_real_content_quotes_are_verbatim_and_checks_pass():
    if not SEED.exists():
        pytest.skip(f"original report not found at {SEED}: quotes not checked")
    verified = check(Project(ROOT))
    assert [e.format() for e in verified.findings] == []
    article = verified.resolved.content.articles["us-allows-ukraine-deep-strikes-in-russia"]
    assert article.quotes and all(verified.quote_verified(q) for q in article.quotes)


@pytest.mark.slow
def test_article_page_shows_provenance_of_quotes_and_facts(built_site):
    page = text_of(built_site / ARTICLE)
    marker = VERIFIED if SEED.exists() else UNVERIFIED
    assert page.count(marker) == 5
    assert page.count("· via Reuters") == 14
    assert marker in text_of(built_site / "quotes" / "index.html")


@pytest.mark.slow
def test_corrections_page_is_in_the_navigation(built_site):
    assert "No corrections so far." in text_of(built_site / "corrections" / "index.html")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="corrections/"' in home


def test_corrections_are_listed_site_wide_and_on_the_article():
    resolved = resolve(validate(load(FIXTURE / "content", FIXTURE)))
    pages = {p.path: p.text for p in render(resolved, verify(resolved, FIXTURE))}
    entry = ("An earlier version said the missile flew 390 km; the report says 290 km.")
    assert (f"- **5 March 2025**, [Ruritania tests a long-range missile]"
            f"(articles/ruritania-tests-missile.md): {entry}") in pages["corrections.md"]
    assert f"- **5 March 2025**: {entry}" in pages["articles/ruritania-tests-missile.md"]
    assert pages["articles/ruritania-tests-missile.md"].count(VERIFIED) == 3
