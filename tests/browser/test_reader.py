"""What a reader sees in a real browser, on a phone and a desktop, light and dark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTICLE = "articles/us-allows-ukraine-deep-strikes-in-russia/"
SEARCHES = {
    "ATACMS": ("weapons/atacms/", "ATACMS"),
    "Zelensky": ("actors/volodymyr-zelenskiy/", "Volodymyr Zelenskiy"),
    "Grenell": ("actors/richard-grenell/", "Richard Grenell"),
    "North Korea": ("actors/north-korea/", "North Korea"),
    "Kursk Oblast": ("places/kursk-region/", "Kursk region"),     # a place, by its alias
    "Warsaw": ("places/warsaw/", "Warsaw"),                       # a place, by its name
}
SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("term", SEARCHES)
def test_search_finds_the_page_and_opens_it(open_page, site_url, term, width):
    path, heading = SEARCHES[term]
    page = open_page("", width=width)
    if width < 600:   # on a phone the search box hides behind the header's icon
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("document.querySelector('.md-search-result__meta')"
                           ".textContent.trim() === 'Type to start searching'")
    box.press_sequentially(term, delay=10)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = [h.split("?")[0] for h in results.evaluate_all(
        "links => links.map(a => a.href)")]
    assert site_url + path in hrefs[:3], hrefs
    result = results.nth(hrefs.index(site_url + path))
    assert result.is_visible()
    result.click()
    page.wait_for_url(site_url + path + "*")
    assert page.locator("article h1").inner_text().removesuffix("¶") == heading


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_abbreviation_shows_its_definition_on_hover_and_focus(open_page, width):
    page = open_page(ARTICLE, width=width)
    abbr = page.locator("article abbr", has_text="ATACMS").first
    tooltip = page.locator(".md-tooltip2--active")
    abbr.hover()
    tooltip.wait_for()
    assert tooltip.inner_text().startswith("Army Tactical Missile System")
    page.mouse.move(0, 0)
    tooltip.wait_for(state="detached")
    page.locator("article abbr", has_text="Kursk").first.focus()
    tooltip.wait_for()
    assert tooltip.inner_text().startswith("A Russian region on the border with Ukraine")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_timeline_and_chart_are_drawn_and_fit_the_screen(open_page, width):
    page = open_page(ARTICLE, width=width)
    for section in ("Weapons", "Timeline"):          # folded until the reader opens them
        page.locator("details.ex-more > summary", has_text=section).click()
    for selector in (".ex-timeline", ".ex-chart svg", ".ex-chart svg rect"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, selector
    dots = page.locator(".ex-timeline li").evaluate_all(
        "items => items.map(li => getComputedStyle(li, '::before').width)")
    assert len(dots) == 6 and all(d != "auto" and float(d[:-2]) > 0 for d in dots)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ('' is home)."""
    return sorted(p.parent.relative_to(site).as_posix().removeprefix(".") + "/"
                  for p in site.rglob("index.html"))


def one_of_each_kind(pages: list[str]) -> list[str]:
    """Home, each index and site-wide page, and the first page of each kind."""
    picked: dict[str, str] = {}
    for path in pages:
        picked.setdefault(path if path.count("/") < 2 else path.split("/")[0], path)
    return sorted(picked.values())


def axe_violations(page, site_url: str, axe_source: str, paths: list[str]):
    """Run axe-core on each page; return (serious or critical, lower, needs review)."""
    serious: dict[str, list[str]] = {}
    lower: dict[str, list[str]] = {}
    review: dict[str, list[str]] = {}
    for path in paths:
        page.goto(site_url + path.lstrip("/"))
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "axe.run(document, {resultTypes: ['violations', 'incomplete']})")
        for v in result["incomplete"]:
            review.setdefault(path, []).append(
                f"{v['id']}: {len(v['nodes'])} element(s), e.g. {v['nodes'][0]['target']}")
        for v in result["violations"]:
            found = serious if v["impact"] in SERIOUS else lower
            found.setdefault(path, []).append(
                f"{v['id']} ({v['impact']}): {v['help']}, {len(v['nodes'])} element(s), "
                f"e.g. {v['nodes'][0]['target']}")
    return serious, lower, review


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
def test_pages_have_no_serious_accessibility_violation(
        open_page, built_site, site_url, axe_source, scheme, width):
    """Every page in light mode on a desktop; one page of each kind dark on a phone."""
    pages = site_pages(built_site)
    if scheme == "dark":
        pages = one_of_each_kind(pages)
    page = open_page("", width=width, scheme=scheme)
    serious, lower, review = axe_violations(page, site_url, axe_source, pages)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}-{width}.json").write_text(json.dumps(
        {"pages": pages, "serious_or_critical": serious, "lower": lower,
         "needs_review": review}, indent=1))
    assert len(pages) > (30 if scheme == "light" else 10)
    assert serious == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_article_screenshots(open_page, width, scheme):
    page = open_page(ARTICLE, width=width, scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"article-{width}-{scheme}.png"
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    assert (ARTIFACTS / name).stat().st_size > 10_000
