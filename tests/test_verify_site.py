"""The editorial checks on the real content, and what the site shows of them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.pipeline import Project, check
from generator.stages.load import load
from generator.stages.validate import validate

from .conftest import ROOT, SEED, run_explainer
from .test_site import ARTICLE, head_of, text_of
from .test_verify import FIXTURE

ARTICLE_ID = "us-allows-ukraine-deep-strikes-in-russia"

VERIFIED = "Verified word for word against the "
UNVERIFIED = "Unverified quote: not yet checked against the source report"
RECORD = ROOT / "content/verification/us-allows-ukraine-deep-strikes-in-russia.json"


def recorded_proof() -> str:
    """What the real article's quotes say, from the committed verification record."""
    on = dt.date.fromisoformat(json.loads(RECORD.read_text())["verified_on"])
    return (f"Verified word for word against the Reuters report of 17 November 2024, "
            f"on {on.day} {on:%B %Y}")


def test_real_content_quotes_are_verbatim_and_checks_pass():
    if not SEED.exists():
        pytest.skip(f"original report not found at {SEED}: quotes not checked")
    checked = check(Project(ROOT))
    assert [e.format() for e in checked.problems] == []
    verified = checked.value
    article = verified.resolved.content.articles[ARTICLE_ID]
    assert article.quotes and all(verified.quote_verified(ARTICLE_ID, q) for q in article.quotes)


@pytest.mark.slow
def test_article_page_shows_provenance_of_quotes_and_facts(built_site):
    page = text_of(built_site / ARTICLE)
    marker = recorded_proof()    # with the report at hand or not: the record says so
    article = load(ROOT / "content", ROOT).then(validate).unwrap().articles[
        "us-allows-ukraine-deep-strikes-in-russia"]
    assert page.count(marker) == len(article.quotes)
    assert page.count("From the report by Reuters.") == 1     # the outlet, said once
    assert "via Reuters" not in page
    quotes = text_of(built_site / "quotes/index.html")     # few quotes: all on the index
    assert quotes.count(marker) == len(article.quotes)


@pytest.mark.slow
def test_corrections_page_is_in_the_navigation(built_site):
    assert "No corrections so far." in text_of(built_site / "corrections" / "index.html")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="corrections/"' in home


@pytest.fixture(scope="module")
def integrity_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The made-up report's explainer (with a correction), built like the real site."""
    root = tmp_path_factory.mktemp("integrity") / "project"
    shutil.copytree(FIXTURE, root)
    for name in ("theme", "mkdocs.yml", "content/pages"):
        source, target = ROOT / name, root / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    result = run_explainer(root, "build", SOURCE_DATE_EPOCH="1731801600")
    assert result.returncode == 0, result.stderr
    return root / "site"


ENTRY = "An earlier version said the missile flew 390 km; the report says 290 km."


@pytest.mark.slow
def test_corrections_are_listed_site_wide_and_on_the_article(integrity_site):
    listing = text_of(integrity_site / "corrections" / "index.html")
    assert f"5 March 2025, Ruritania tests a long-range missile: {ENTRY}" in listing
    html = (integrity_site / "corrections" / "index.html").read_text(encoding="utf-8")
    assert 'href="../articles/ruritania-tests-missile/"' in html
    article = text_of(integrity_site / "articles" / "ruritania-tests-missile" / "index.html")
    assert f"5 March 2025: {ENTRY}" in article


@pytest.mark.slow
def test_verified_quotes_are_marked_on_the_built_page(integrity_site):
    article = text_of(integrity_site / "articles" / "ruritania-tests-missile" / "index.html")
    assert article.count(VERIFIED) == 3 and UNVERIFIED not in article


@pytest.mark.slow
def test_correction_notes_are_in_the_articles_json_ld(integrity_site):
    head = head_of(integrity_site / "articles" / "ruritania-tests-missile" / "index.html")
    [data] = [json.loads(text) for text in head.json_ld]
    assert data["correction"] == [{"@type": "CorrectionComment", "text": ENTRY,
                                   "datePublished": "2025-03-05T00:00:00+00:00"}]
    assert data["dateModified"] == "2025-03-05T00:00:00+00:00"
