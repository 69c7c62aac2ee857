"""The home page as a front page, in Chromium at 390 and 1280 px, light and dark: the
lead story with its In short, the topics, and the main actors by how central they are."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CENTRAL = ["Ukraine", "Russia", "Donald Trump", "Joe Biden", "Volodymyr Zelenskiy",
           "United States"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_home_leads_with_the_story_and_its_central_actors(open_page, site_url, width, scheme):
    page = open_page("", width=width, scheme=scheme)
    heading = page.locator("article h1").inner_text().removesuffix("¶")
    assert heading != page.locator(".md-header__topic").first.inner_text().strip()
    lead = page.locator(".ex-lead")
    assert lead.locator("h2").inner_text().startswith("U.S. lets Ukraine strike deep")
    assert lead.locator(".ex-short li").count() == 4
    cards = page.locator("h2:has-text('Main actors') + .ex-cards .ex-card__name")
    names = [n.strip() for n in cards.all_inner_texts()]
    assert names[:2] == ["Ukraine", "Russia"] and set(CENTRAL) <= set(names[:8]), names
    assert "Alex Plitsas" not in names[:6]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"home-{width}-{scheme}.png"), full_page=True)
    topic = page.locator(".ex-topics a", has_text="U.S. policy")
    topic.click()
    page.wait_for_url(site_url + "tags/#tag:us-policy")
    assert page.locator("[id='tag:us-policy']").count() == 1
