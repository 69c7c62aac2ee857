"""Drafts and scheduled articles: checked like any other, left out of the built site
entirely, shown by `serve` with a banner saying why."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, run_explainer
from .searchindex import indexed_pages
from .test_serve import CHROMIUM_ARGS, Server

REAL = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
SOON = dt.date.today() + dt.timedelta(days=30)


def held_article(root: Path, id_: str, headline: str, line: str) -> Path:
    """A copy of the real article under another id and headline, with `line` (a draft
    flag or a published date) in place of its published date."""
    text = (ROOT / REAL).read_text(encoding="utf-8")
    original = next(t for t in text.splitlines() if t.startswith("headline:"))
    text = text.replace(original, f"headline: {headline}").replace(
        "\npublished: 2024-11-18\n", f"\n{line}\n")
    path = root / "content" / "articles" / f"{id_}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def held_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("held") / "project")
    held_article(root, "a-draft", "Zqxdraft headline", "draft: true\npublished: 2024-11-19")
    held_article(root, "a-scheduled", "Zqxscheduled headline", f"published: {SOON}")
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def test_held_articles_are_nowhere_in_the_built_site(held_site):
    """No page, listing, feed or search entry, sitemap line or backlink names them."""
    site = held_site / "site"
    assert (site / "articles" / "us-allows-ukraine-deep-strikes-in-russia").is_dir()
    assert not (site / "articles" / "a-draft").exists()
    assert not (site / "articles" / "a-scheduled").exists()
    found = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
             and p.suffix in (".html", ".xml", ".json", ".md", ".txt")
             and ("Zqx" in (text := p.read_text(encoding="utf-8", errors="replace"))
                  or "a-draft" in text or "a-scheduled" in text)]
    assert found == []
    indexed = indexed_pages(site)          # the published search index, unpacked
    assert "articles/us-allows-ukraine-deep-strikes-in-russia/" in indexed
    assert [url for url, fragment in indexed.items() if "Zqx" in json.dumps(fragment)] == []
    docs = [p.name for p in (held_site / "docs" / "articles").glob("*.md")]
    assert "a-draft.md" not in docs and "a-scheduled.md" not in docs


def test_held_articles_are_still_checked(tmp_path):
    root = copy_project(tmp_path / "project")
    path = held_article(root, "a-draft", "Zqxdraft headline",
                        "draft: true\npublished: 2024-11-19")
    path.write_text(path.read_text().replace("ref: richard-grenell", "ref: richard-grenel"))
    result = run_explainer(root, "check")
    assert result.returncode == 1
    assert "content/articles/a-draft.yaml:" in result.stderr
    assert "error: no actor with id 'richard-grenel'" in result.stderr


@pytest.mark.browser
def test_serve_shows_drafts_and_scheduled_articles_with_a_banner(project):
    from playwright.sync_api import sync_playwright
    held_article(project, "a-draft", "Zqxdraft headline",
                 "draft: true\npublished: 2024-11-19")
    held_article(project, "a-scheduled", "Zqxscheduled headline", f"published: {SOON}")
    server = Server(project).started()
    try:
        server.wait_for(lambda: "Zqxdraft" in server.page("articles/a-draft/"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS, headless=True)
            try:
                page = browser.new_page()
                for path, title, text in (
                        ("a-draft", "Draft", "Not on the published site: remove draft: "
                         "true from the file to publish it."),
                        ("a-scheduled", "Scheduled", "Not on the published site until "
                         f"{SOON.day} {SOON:%B %Y}, its published date.")):
                    page.goto(server.base + f"articles/{path}/")
                    banner = page.locator("article .admonition.warning")
                    assert banner.is_visible()
                    assert banner.locator(".admonition-title").inner_text() == title
                    assert text in banner.inner_text()
                    box = banner.bounding_box()
                    heading = page.locator("article h1").bounding_box()
                    assert box and heading and box["y"] > heading["y"]
                    assert box["y"] < 600, "the banner is seen without scrolling"
                page.goto(server.base + "articles/us-allows-ukraine-deep-strikes-in-russia/")
                assert page.locator("article .admonition.warning").count() == 0
            finally:
                browser.close()
    finally:
        server.stop()


def test_a_draft_with_to_dos_waits_for_them_and_blocks_nothing(tmp_path):
    """Its empty fields are to-dos (not errors); it gets a preview page once they are
    done, and never a page on the site."""
    from generator.pipeline import Project, check
    from generator.site.incremental import Session
    root = copy_project(tmp_path / "project")
    path = held_article(root, "a-draft", "Zqxdraft headline",
                        "draft: true\npublished: 2024-11-19")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("standfirst:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    path.write_text("".join(lines[:start] + ["standfirst:\n"] + lines[end:]),
                    encoding="utf-8")
    checked = check(Project(root))
    assert checked.errors == []
    assert [(t.path, t.message) for t in checked.todos] == [
        ("content/articles/a-draft.yaml", "standfirst is empty")]
    session = Session(Project(root))
    session.generate()
    assert not (root / "docs/articles/a-draft.md").exists()
    assert (root / "docs/articles/us-allows-ukraine-deep-strikes-in-russia.md").exists()
    path.write_text(text, encoding="utf-8")
    session.generate()
    assert '!!! warning "Draft"' in (root / "docs/articles/a-draft.md").read_text()
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    assert not (root / "site/articles/a-draft").exists()
