"""Phones first and the site's chrome, on every page of the built site: nothing scrolls
sideways at 390 px, weapon tables turn into cards below 600 px, the current section's tab
is marked on wide screens and the empty left sidebar is gone."""

from __future__ import annotations

import pytest

from .conftest import WIDTHS
from .test_reader import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE, DESKTOP = WIDTHS["phone"], WIDTHS["desktop"]
# Sideways scrolling anywhere: the page itself, or a box that scrolls inside it.
OVERFLOW = """() => {
  const out = [];
  if (document.documentElement.scrollWidth > window.innerWidth) out.push('page');
  for (const el of document.querySelectorAll('.md-content *')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      out.push(el.className || el.tagName);
  }
  return out;
}"""
TAB = {"articles": "Articles", "actors": "Actors", "weapons": "Weapons", "places": "Places",
       "timeline": "Timeline", "quotes": "Quotes", "glossary": "Glossary",
       "corrections": "Corrections", "tags": "Tags", "about": "About", "": "Home"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_on_a_phone(open_page, built_site, site_url, scheme):
    page = open_page("", width=PHONE, scheme=scheme)
    sideways = {}
    for path in site_pages(built_site):
        page.goto(site_url + path)
        found = page.evaluate(OVERFLOW)
        if found:
            sideways[path] = found
    assert sideways == {}


def unfold(page, section: str) -> None:
    """Open the article's folded section of that name, if the page has one."""
    fold = page.locator("details.ex-more > summary", has_text=section)
    if fold.count():
        fold.click()


@pytest.mark.parametrize("path", ["weapons/", "articles/us-allows-ukraine-deep-strikes-in-russia/"])
def test_weapon_tables_are_cards_on_a_phone_and_tables_on_a_desktop(open_page, path):
    phone = open_page(path, width=PHONE)
    unfold(phone, "Weapons")
    rows = phone.locator(".ex-weapons tbody tr")
    assert rows.count() == 5
    for i in range(rows.count()):
        box = rows.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE, box
        assert rows.nth(i).evaluate("tr => getComputedStyle(tr).display") == "block"
    label = phone.locator(".ex-weapons td:nth-child(3)").first.evaluate(
        "td => getComputedStyle(td, '::before').content")
    assert label == '"Range: "'
    head = phone.locator(".ex-weapons thead").first
    assert not head.is_visible() or head.bounding_box()["height"] <= 1
    desktop = open_page(path, width=DESKTOP)
    unfold(desktop, "Weapons")
    assert desktop.locator(".ex-weapons tbody tr").first.evaluate(
        "tr => getComputedStyle(tr).display") == "table-row"
    assert desktop.locator(".ex-weapons thead").first.is_visible()


def test_every_page_marks_its_sections_tab_and_has_no_empty_sidebar(
        open_page, built_site, site_url):
    page = open_page("", width=DESKTOP)
    wrong = {}
    for path in site_pages(built_site):
        page.goto(site_url + path)
        active = page.locator(".md-tabs__item--active .md-tabs__link")
        expected = TAB[path.split("/")[0]]
        names = [t.strip() for t in active.all_inner_texts()]
        if names != [expected] or active.get_attribute("aria-current") not in ("page", "true"):
            wrong[path] = names
        if page.locator(".md-sidebar--primary").is_visible():
            wrong[path] = "left sidebar shown"
    assert wrong == {}
    content = page.locator(".md-content").bounding_box()
    assert content["x"] < 100, "the text starts where the sidebar was"
