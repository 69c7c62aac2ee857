"""Maps and places in the built site: the seed article's reach, place pages, the index."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.geo.world import world
from generator.render.placemaps import INDEX_MOST

from .conftest import copy_project, run_explainer
from .searchindex import indexed_pages
from .test_site import ARTICLE, text_of

pytestmark = pytest.mark.slow


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg class=\"ex-map__svg\".*?</svg>", html, re.S)


def test_the_article_map_has_a_title_a_description_and_the_reach(built_site):
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    [svg] = svgs(html)
    assert 'role="img"' in svg and 'aria-labelledby="ex-map-title"' in svg
    assert 'aria-describedby="ex-map-desc"' in svg
    title = re.search(r'<title id="ex-map-title">(.*?)</title>', svg).group(1)
    assert title == "Map: how far ATACMS reaches from Ukraine&#39;s border with Russia"
    desc = re.search(r'<desc id="ex-map-desc">(.*?)</desc>', svg).group(1)
    assert ("Shaded: the part of Russia within 190 miles (306 km) of Ukraine&#39;s border "
            "with Russia, the range of ATACMS.") in desc
    assert re.search(r"Within reach: [^.]*Kursk region", desc)
    assert re.search(r"Beyond reach: [^.]*Moscow", desc)
    assert 'class="ex-map__reach"' in svg and 'class="ex-map__origin"' in svg
    assert len(svg.encode()) <= 30_000
    assert "<script" not in svg and "href" not in svg and "http" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_the_text_alternative_says_who_is_within_reach_in_both_units(built_site):
    text = text_of(built_site / ARTICLE)
    assert ("How far ATACMS reaches: up to 190 miles (306 km) from Ukraine's border "
            "with Russia, into Russia.") in text
    assert re.search(r"Kursk region: within reach, about \d+ km \(\d+ miles\)", text)
    assert "Moscow (a city shown for scale): beyond reach, about 460 km (280 miles)" in text
    assert ("Washington: Where the decision was taken and the report was filed (too far "
            "away to show on this map)") in text


def test_place_pages_show_a_map_and_where_the_place_appears(built_site):
    page = built_site / "places" / "kursk-region" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert len(svgs(html)) == 1
    text = text_of(page)
    assert "Kursk region" in text and "Also known as Kursk Oblast" in text
    assert "Region in Russia" in text and "51.60° N, 36.10° E" in text
    assert "Kind" not in text
    assert "Appears in" in text
    assert "U.S. lets Ukraine strike deep inside Russia" in text
    assert "most have moved to the Kursk region" in text          # a key fact
    assert "Ukraine launches an incursion" in text                # a timeline event


def test_the_places_index_maps_every_place(built_site):
    page = built_site / "places" / "index.html"
    [svg] = svgs(page.read_text(encoding="utf-8"))
    for name in ("Kursk region", "Kyiv", "Warsaw", "Washington"):
        assert f">{name}</text>" in svg
        assert name in text_of(page)
    assert "Kursk region: region in Russia · 1 article" in text_of(page)


def test_the_weapon_page_shows_its_reach_from_the_article(built_site):
    page = built_site / "weapons" / "atacms" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert len(svgs(html)) == 1
    assert "Kursk region: within reach" in text_of(page)


def test_the_search_index_holds_places_by_name_and_alias(built_site):
    pages = indexed_pages(built_site)
    assert "Kursk Oblast" in pages["places/kursk-region/"]["content"]
    assert "Warszawa" in pages["places/warsaw/"]["content"]
    assert pages["places/warsaw/"]["filters"]["kind"] == ["Place"]


def test_the_places_index_map_stays_light_with_many_places(tmp_path):
    """120 more places (GeoNames cities of the story's countries): the index still maps
    at most 40, the story's own first, and says so; the list below has them all."""
    root = copy_project(tmp_path / "project")
    countries = {"RU": "russia", "UA": "ukraine", "PL": "poland", "US": "united-states"}
    cities = [c for c in world().cities_in(-180, -90, 180, 90) if c.country in countries]
    for i, city in enumerate(cities[:120]):
        (root / "content" / "places" / f"city-{i}.yaml").write_text(yaml.safe_dump({
            "name": f"{city.name} {i}", "kind": "city", "country": countries[city.country],
            "coordinates": {"lat": city.lat, "lon": city.lon}, "summary": "A city."}))
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr
    page = root / "site" / "places" / "index.html"
    [svg] = svgs(page.read_text(encoding="utf-8"))
    assert len(svg.encode()) <= 30_000                      # issue 15: each map <= 30 KB
    assert svg.count('class="ex-map__place') == INDEX_MOST
    assert ">Kursk region</text>" in svg                    # named by the article
    text = text_of(page)
    assert f"The map shows the {INDEX_MOST} places the most articles name; all 124 are " \
           "listed below." in text
    assert all(f"{c.name} {i}" in text for i, c in enumerate(cities[:120]))
