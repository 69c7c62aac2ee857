"""Maps in a real browser: drawn at both widths, no sideways scroll, accessible."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

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


def test_the_dark_palette_changes_the_map_and_its_legend(open_page):
    fills, keys = {}, {}
    for scheme in ("light", "dark"):
        page = open_page(PAGES[0], width=1280, scheme=scheme)
        unfold_map(page)
        fills[scheme] = page.locator("svg.ex-map__svg rect.ex-map__water").evaluate(
            "r => getComputedStyle(r).fill")
        keys[scheme] = page.locator(".ex-map__key--reach").first.evaluate(
            "k => [getComputedStyle(k).backgroundColor, getComputedStyle(k).borderTopColor]")
    assert fills["light"] != fills["dark"]
    # the legend's swatch of the reach follows the palette, as the reach drawn does
    assert keys["light"][0] != keys["dark"][0] and keys["light"][1] != keys["dark"][1]


# Each label's size as drawn on the screen, its colour and the colour of the halo and
# water behind it: the halo (paint-order: stroke) is what a label is read against.
LABELS = """svg => [...svg.querySelectorAll('text')].map(t => {
  const style = getComputedStyle(t);
  return {text: t.textContent, cls: t.getAttribute('class'),
          px: parseFloat(style.fontSize) * svg.getScreenCTM().a,
          fill: style.fill, halo: style.stroke,
          water: getComputedStyle(svg.querySelector('.ex-map__water')).fill};
})"""


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("path", PAGES)
def test_map_labels_are_readable_on_a_phone_in_dark_mode(open_page, path):
    page = open_page(path, width=WIDTHS["phone"], scheme="dark")
    unfold_map(page)
    labels = page.locator("svg.ex-map__svg").first.evaluate(LABELS)
    assert labels and all(label["water"] != "rgb(217, 230, 240)" for label in labels)
    for label in labels:
        assert label["px"] >= 10, label              # drawn at 10 px or more on the screen
        assert contrast(label["fill"], label["halo"]) >= 4.5, label
        assert contrast(label["fill"], label["water"]) >= 4.5, label
    names = {label["text"] for label in labels if "ex-map__label" in (label["cls"] or "")}
    if path.startswith("articles/"):
        assert {"Kursk region", "Kyiv", "Moscow"} <= names


def test_a_screen_reader_hears_the_map_and_its_text_alternative(open_page):
    page = open_page(PAGES[0], width=WIDTHS["phone"], scheme="dark")
    unfold_map(page)
    img = page.get_by_role("img", name="Map: how far ATACMS reaches from Ukraine's border "
                           "with Russia", exact=True)
    expect(img).to_have_count(1)
    expect(img).to_have_accessible_description(re.compile(
        r"^Shaded: the part of Russia within 190 miles \(306 km\).*Within reach: .*Kursk "
        r"region.*Beyond reach: .*Moscow"))
    # the distances right below the map are text in the accessibility tree, not hidden
    spoken = page.locator(".ex-map__text").aria_snapshot()
    assert re.search(r'link "Kursk region".*?: within reach, about \d+ km \(\d+ miles\)',
                     spoken, re.S)
    assert "Moscow (a city shown for scale): beyond reach, about 460 km (280 miles)" in spoken


def test_the_map_makes_no_request_to_another_host(open_page, site_url):
    page = open_page(PAGES[0], width=WIDTHS["phone"], scheme="dark")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload(wait_until="networkidle")
    unfold_map(page)
    page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(site_url) for url in requested), requested
    # and nothing in it could ask for one: no link, image, font, style sheet or script
    svg = page.locator("svg.ex-map__svg").evaluate("svg => svg.outerHTML")
    assert not re.search(r"href|url\(|@import|<image|<use|<script|<foreignObject", svg)
