"""Maps in a real browser: drawn at both widths, no sideways scroll, accessible."""

from __future__ import annotations

import re

import pytest

from .conftest import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = ["articles/us-allows-ukraine-deep-strikes-in-russia/", "places/kursk-region/",
         "places/", "weapons/atacms/"]


def unfold_map(page) -> None:
    """On an article the map is folded (the one-minute read): open it as a reader does."""
    fold = page.locator("details.ex-more", has=page.locator("svg.ex-map__svg"))
    if fold.count():
        fold.locator("summary").click()
        assert fold.evaluate("d => d.open")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES)
def test_maps_are_drawn_and_fit_the_screen(open_page, path, width):
    page = open_page(path, width=width)
    unfold_map(page)
    svg = page.locator("svg.ex-map__svg").first
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.locator("svg.ex-map__svg path.ex-map__land").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
def test_maps_have_no_accessibility_violation_at_all(open_page, axe_source, scheme, width):
    page = open_page(PAGES[0], width=width, scheme=scheme)
    unfold_map(page)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run('.ex-map', {resultTypes: ['violations']})")
    assert result["violations"] == []
    names = page.locator("svg.ex-map__svg").evaluate(
        "svg => [svg.getAttribute('role'), svg.querySelector('title').textContent]")
    assert names[0] == "img" and names[1].startswith("Map: how far ATACMS reaches")
    text = page.locator(".ex-map__text").inner_text()
    assert re.search(r"Kursk region: within reach, about \d+ km \(\d+ miles\)", text)
    assert "Moscow (a city shown for scale): beyond reach, about 460 km (280 miles)" in text


def test_the_dark_palette_changes_the_map(open_page):
    fills = {}
    for scheme in ("light", "dark"):
        page = open_page(PAGES[0], width=1280, scheme=scheme)
        unfold_map(page)
        fills[scheme] = page.locator("svg.ex-map__svg rect.ex-map__water").evaluate(
            "r => getComputedStyle(r).fill")
    assert fills["light"] != fills["dark"]
