"""The seed article as a one-minute read, in Chromium: how tall it is with its sections
folded, that the folds open by keyboard and by link, and that names in the prose link
to their pages without changing a quote's words."""

from __future__ import annotations

import json

import pytest

from .conftest import ARTIFACTS, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTICLE = "articles/us-allows-ukraine-deep-strikes-in-russia/"
PHONE_SCREEN = 844        # a 390 x 844 phone: the screens counted in the issue
BUDGET = 4                # screens, with every section folded


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_article_fits_four_phone_screens_with_its_sections_folded(open_page, scheme):
    heights = {}
    for name, width in WIDTHS.items():
        page = open_page(ARTICLE, width=width, scheme=scheme)
        folds = page.locator("details.ex-more")
        assert folds.count() == 7      # where it happens (the map), then the six of the story
        assert folds.evaluate_all("ds => ds.every(d => !d.open)")
        heights[name] = page.evaluate("document.documentElement.scrollHeight")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"article-height-{scheme}.json").write_text(json.dumps(
        {"phone_px": heights["phone"], "desktop_px": heights["desktop"],
         "phone_screens": round(heights["phone"] / PHONE_SCREEN, 2)}, indent=1))
    assert heights["phone"] <= BUDGET * PHONE_SCREEN, heights


def test_the_story_in_short_and_its_people_come_first(open_page):
    page = open_page(ARTICLE, width=WIDTHS["phone"])
    page.set_viewport_size({"width": WIDTHS["phone"], "height": PHONE_SCREEN})
    short = page.locator(".ex-short li")
    assert short.count() == 4
    assert short.last.bounding_box()["y"] + short.last.bounding_box()["height"] \
        <= 1.35 * PHONE_SCREEN, "headline and In short: about one phone screen"
    order = page.evaluate("""() => ['.ex-short', '.ex-quote--pull', '.ex-cards--principal',
        '#what-happened', '.ex-folds'].map(
            s => document.querySelector(s).getBoundingClientRect().top)""")
    assert order == sorted(order)
    principal = page.locator(".ex-cards--principal li").all_inner_texts()
    assert any("Donald Trump" in card and "President-elect" in card for card in principal)
    assert "Atlantic Council" in page.locator(".ex-quote--pull").inner_text()


def test_folded_sections_open_and_close_from_the_keyboard(open_page):
    page = open_page(ARTICLE, width=WIDTHS["phone"])
    summary = page.locator("details.ex-more > summary", has_text="Key facts")
    for _ in range(200):                       # Tab through the page until it is reached
        page.keyboard.press("Tab")
        if summary.evaluate("s => s === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Key facts fold")
    details = summary.locator("..")
    first_fact = details.locator(".ex-facts li").first
    assert not first_fact.is_visible()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") and first_fact.is_visible()
    page.keyboard.press(" ")
    assert not details.evaluate("d => d.open")


def test_a_link_to_a_folded_heading_opens_its_section(open_page):
    page = open_page(ARTICLE + "#timeline", width=WIDTHS["desktop"])
    timeline = page.locator("details.ex-more", has=page.locator("#timeline"))
    timeline.locator(".ex-timeline").first.wait_for()
    assert timeline.evaluate("d => d.open")
    ahead = timeline.locator(".ex-timeline--ahead li")
    assert ahead.count() == 1
    assert ahead.inner_text().startswith("20 January 2025 Scheduled")
    assert "Donald Trump is due to take office" in ahead.inner_text()


def test_names_in_the_prose_link_to_their_pages_and_quotes_keep_their_words(
        open_page, site_url):
    page = open_page(ARTICLE, width=WIDTHS["desktop"])
    paragraph = page.locator("#what-happened ~ p").first
    links = paragraph.locator("a").evaluate_all(
        "as => as.map(a => [a.textContent, a.getAttribute('href')])")
    assert links[:3] == [["United States", "../../actors/united-states/"],
                         ["Ukraine", "../../actors/ukraine/"],
                         ["Russia", "../../actors/russia/"]]
    page.locator("details.ex-more > summary", has_text="Who said what").click()
    quote = page.locator("figure.ex-quote blockquote", has_text="way too late")
    named = quote.locator("a").evaluate_all("as => as.map(a => a.textContent)")
    assert named == ["ATACMS", "HIMARS", "Bradley Fighting Vehicles", "Abrams Tanks", "F-16"]
    assert " ".join(quote.inner_text().split()) == (
        "“However, like everything else, I believe history will say the decision came way "
        "too late. Just like the ATACMS, HIMARS, Bradley Fighting Vehicles, Abrams Tanks and "
        "F-16. They were all needed much sooner”")
    assert page.locator("article a a").count() == 0, "a link inside a link"
    quote.locator("a", has_text="Abrams Tanks").click()
    page.wait_for_url(site_url + "weapons/abrams/")
