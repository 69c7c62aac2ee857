"""Search in `explainer serve`: typed in the search box of the preview, as a writer
would, in Chromium; a saved edit is found after the one reload it causes."""

from __future__ import annotations

import os
import time
from urllib.parse import urlsplit

import pytest

from .conftest import copy_project
from .test_drafts import held_article
from .test_serve import ACTOR, CHROMIUM_ARGS, PAGE, SUMMARY, Server, edit, fetch

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory):
    """`explainer serve` of the real project with one draft in it, and a Chromium page
    that may ask nothing of another host."""
    from playwright.sync_api import sync_playwright
    root = copy_project(tmp_path_factory.mktemp("serve-search") / "project")
    held_article(root, "a-draft", "Zqxdraft headline", "draft: true\npublished: 2024-11-19")
    server = Server(root).started()
    server.wait_for(lambda: fetch(server.base + "pagefind/pagefind-entry.json"))
    elsewhere: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", lambda route: route.continue_() if urlsplit(
                route.request.url).netloc == urlsplit(server.origin).netloc
                else (elsewhere.append(route.request.url), route.abort()))
            yield server, root, page, elsewhere
            browser.close()
    finally:
        server.stop()


def search(page, term: str) -> list[str]:
    """Type term into the search box; the paths of the results."""
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(term)
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")


def test_a_query_typed_in_the_preview_opens_its_page(preview):
    server, _, page, elsewhere = preview
    base = urlsplit(server.base).path
    page.goto(server.base)
    assert search(page, "Grenell")[0] == base + PAGE
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(server.base + PAGE)
    assert page.locator("article h1").inner_text().rstrip("¶") == "Richard Grenell"
    # Drafts are in the preview's index (never in the built site's: test_drafts.py),
    # and in the listings that serve shows them in.
    page.goto(server.base)
    assert search(page, "Zqxdraft")[0] == base + "articles/a-draft/"
    assert elsewhere == []


def test_a_saved_edit_is_found_after_the_one_reload(preview):
    """The page reloads once (the index is not written where serve watches); the new
    index is served a moment later, made in the background."""
    server, root, page, elsewhere = preview
    entry = server.base + "pagefind/pagefind-entry.json"
    before = fetch(entry)
    page.goto(server.base + PAGE)
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    started = time.monotonic()
    edit(root / ACTOR, SUMMARY, "Zqxsaved " + SUMMARY)
    page.wait_for_function(
        "document.querySelector('article')?.innerText.includes('Zqxsaved')", timeout=30_000)
    shown = time.monotonic() - started
    server.wait_for(lambda: fetch(entry) not in (None, before))
    searchable = time.monotonic() - started
    page.wait_for_timeout(max(0, 1500 - 1000 * (searchable - shown)))
    assert loads == [server.base + PAGE]  # a second reload would have come by now
    page.reload()
    assert search(page, "Zqxsaved") == [urlsplit(server.base).path + PAGE]
    assert elsewhere == []
    # The preview's index is outside the project: not in docs/, not in site/.
    assert list(root.rglob("pagefind*")) == []
    print(f"save -> page shown {shown:.1f}s, new index served {searchable:.1f}s")
