"""Search as a reader uses it: Pagefind in Material's search box, on a phone and a desktop.

(Finding and opening the right page for ATACMS, Zelensky, Grenell and North Korea is
in test_reader.py; names an article spells otherwise are found at the end of this file.)
"""

from __future__ import annotations

import gzip
import json

import pytest

from ..searchindex import SIGNATURE
from .conftest import WIDTHS
from .test_reader import SERIOUS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTICLE = "articles/us-allows-ukraine-deep-strikes-in-russia/"
QUERY_BUDGET = 300 * 1024      # bytes, gzip-compressed, for opening search and one query


def open_search(page, width: int) -> None:
    if width < 600:   # on a phone the search box hides behind the header's icon
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator("input.md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta')"
                           ".textContent.trim() === 'Type to start searching'")


def result_paths(page, site_url: str) -> list[str]:
    return [h.removeprefix(site_url) for h in page.locator(
        ".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")]


def search(page, term: str) -> None:
    page.locator("input.md-search__input").fill(term)
    page.locator(".md-search-result__item").first.wait_for()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_first_page_load_fetches_no_index_and_a_query_fetches_little(
        open_page, site_url, built_site, width):
    requests: list[str] = []
    page = open_page("", width=width)
    page.on("request", lambda request: requests.append(request.url))
    page.reload(wait_until="networkidle")
    assert [url for url in requests if "pagefind" in url or "search_index" in url] == []
    requests.clear()
    open_search(page, width)
    search(page, "Ukraine")
    page.wait_for_load_state("networkidle")
    fetched = [url.removeprefix(site_url).split("?")[0] for url in requests]
    assert fetched and all(path.startswith("pagefind/") for path in fetched), fetched
    gzipped = sum(len(gzip.compress((built_site / path).read_bytes())) for path in fetched)
    assert gzipped <= QUERY_BUDGET
    assert not (built_site / "search" / "search_index.json").exists()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_results_can_be_narrowed_by_kind_and_topic(open_page, site_url, width):
    page = open_page("", width=width)
    open_search(page, width)
    search(page, "Ukraine")
    everything = result_paths(page, site_url)
    assert {path.split("/")[0] for path in everything} >= {"actors", "articles"}
    page.select_option("select[data-ex-filter=kind]", "Actor")
    page.wait_for_function("[...document.querySelectorAll('.md-search-result__item > a')]"
                           ".every(a => a.href.includes('/actors/'))")
    assert page.locator(".md-search-result__meta").inner_text().endswith("matching documents")
    page.select_option("select[data-ex-filter=kind]", "")
    page.select_option("select[data-ex-filter=topic]", "North Korea")
    page.wait_for_function("[...document.querySelectorAll('.md-search-result__item > a')]"
                           ".every(a => a.href.includes('/articles/'))")
    assert result_paths(page, site_url) == ["articles/us-allows-ukraine-deep-strikes-in-russia/"]


def test_search_works_from_the_keyboard(open_page, site_url):
    page = open_page("actors/")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    assert box.evaluate("box => box === document.activeElement")
    assert page.locator("#__search").is_checked()
    page.wait_for_function("document.querySelector('.md-search-result__meta')"
                           ".textContent.trim() === 'Type to start searching'")
    page.keyboard.type("Grenell")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__item > a").first
    assert first.evaluate("link => link === document.activeElement")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.keyboard.press("s")
    page.keyboard.press("Control+A")
    page.keyboard.type("ATACMS")
    page.wait_for_function("document.querySelector('.md-search-result__item > a')?.href"
                           ".includes('/weapons/atacms/')")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "weapons/atacms/")


def test_results_show_page_text_as_text(open_page, site_url):
    """An excerpt is Pagefind's plain text of the page with <mark> around the matches:
    text that looks like markup (as writers' text may) is shown as typed, never run."""
    def hostile(route) -> None:
        response = route.fetch()
        data = gzip.decompress(response.body())
        fragment = json.loads(data[len(SIGNATURE):])
        words = fragment["content"].split(" ")
        words[2] = "<img/src/onerror=window.pwned=1>"
        fragment["content"] = " ".join(words)
        body = gzip.compress(SIGNATURE + json.dumps(fragment).encode())
        route.fulfill(response=response, body=body)

    page = open_page("")
    page.route("**/pagefind/fragment/*", hostile)
    open_search(page, 1280)
    search(page, "Grenell")
    page.wait_for_timeout(300)
    results = page.locator(".md-search-result__list")
    assert results.locator("img").count() == 0
    assert "<img" in results.inner_text()
    assert results.locator("mark").count() > 0
    assert page.evaluate("window.pwned") is None


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
def test_open_search_has_no_serious_accessibility_violation(
        open_page, axe_source, scheme, width):
    page = open_page("", width=width, scheme=scheme)
    open_search(page, width)
    search(page, "Ukraine")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run(document.querySelector('.md-search'))")
    serious = [f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})"
               for v in result["violations"] if v["impact"] in SERIOUS]
    assert serious == []


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("term", ["Zelensky", "Ukrainian president"])
def test_names_the_article_spells_otherwise_find_and_open_it(open_page, site_url, term, width):
    """The article's hidden list of its actors' and weapons' names and aliases is indexed:
    typed as a reader would, each finds and opens the story."""
    page = open_page("", width=width)
    open_search(page, width)
    page.locator("input.md-search__input").press_sequentially(term, delay=20)
    results = page.locator(f".md-search-result__item > a[href*='{ARTICLE}']")
    results.first.wait_for()
    results.first.click()
    page.wait_for_url(site_url + ARTICLE + "*")
    assert page.locator("article h1").inner_text().startswith("U.S. lets Ukraine strike")


@pytest.mark.parametrize(("term", "place", "name"), [
    ("Kursk Oblast", "places/kursk-region/", "Kursk region"),    # an alias
    ("Warszawa", "places/warsaw/", "Warsaw"),                     # the local name
])
def test_a_place_is_found_by_its_alias_and_opened(open_page, site_url, term, place, name):
    page = open_page("", width=WIDTHS["phone"])
    open_search(page, WIDTHS["phone"])
    page.locator("input.md-search__input").press_sequentially(term, delay=20)
    results = page.locator(f".md-search-result__item > a[href*='{place}']")
    results.first.wait_for()
    results.first.click()
    page.wait_for_url(site_url + place + "*")
    assert page.locator("article h1").inner_text().startswith(name)
    assert page.locator("svg.ex-map__svg").count() == 1
