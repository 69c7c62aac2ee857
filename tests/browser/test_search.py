"""Search finds the story, whatever the search engine: type in the site's search box as a
reader would, and open the article from the results (nothing here names a theme's or a
search engine's own classes beyond 'search' in the results' box)."""

from __future__ import annotations

import pytest

from .conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTICLE = "articles/us-allows-ukraine-deep-strikes-in-russia/"
OPENERS = "label[for='__search'], button[aria-label*='search' i], [role=button][title*='search' i]"
# Whether the box can take a click where it is (on a phone it hides behind the header).
REACHABLE = """box => { const r = box.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return r.width > 0 && (hit === box || box.contains(hit)); }"""


def search(page, term: str):
    """Type term into the search box (opening it first on a phone); the results' links."""
    page.wait_for_load_state("networkidle")      # the search index is loaded
    box = page.get_by_placeholder("Search").first
    if not box.evaluate(REACHABLE):
        page.locator(OPENERS).locator("visible=true").first.click()
    box.click()
    box.press_sequentially(term, delay=20)
    return page.locator(f"[class*='search'] a[href*='{ARTICLE}']")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("term", ["Zelensky", "Ukrainian president"])
def test_names_the_article_spells_otherwise_find_and_open_it(open_page, site_url, term, width):
    page = open_page("", width=width)
    results = search(page, term)
    results.first.wait_for()
    results.first.click()
    page.wait_for_url(site_url + ARTICLE + "*")
    assert page.locator("article h1").inner_text().startswith("U.S. lets Ukraine strike")
