"""The committed geodata: what prepare.py makes from Natural Earth and GeoNames."""

from __future__ import annotations

from pathlib import Path

import shapely

from generator.geo import prepare
from generator.geo.world import DATA, world

from .conftest import ROOT


def test_the_committed_file_is_what_the_script_makes(tmp_path: Path) -> None:
    assert prepare.ATLAS.exists(), "run `make npm` first (world-atlas is pinned there)"
    out = tmp_path / "world.json.gz"
    size = prepare.prepare(prepare.ATLAS, out)
    assert out.read_bytes() == DATA.read_bytes()
    assert size < 300_000


def test_countries_have_their_iso_codes_and_shapes() -> None:
    w = world()
    assert w.iso_names["UA"] == "Ukraine" and w.iso_names["XK"] == "Kosovo"
    kursk, kyiv, warsaw = (36.18, 51.73), (30.52, 50.45), (21.01, 52.23)
    russia, ukraine, poland = w.country("RU"), w.country("UA"), w.country("PL")
    assert russia and ukraine and poland
    assert russia.shape.contains(shapely.Point(kursk))
    assert ukraine.shape.contains(shapely.Point(kyiv))
    assert poland.shape.contains(shapely.Point(warsaw))
    assert not russia.shape.contains(shapely.Point(kyiv))


def test_crimea_is_neither_russia_nor_ukraine() -> None:
    w = world()
    simferopol = shapely.Point(34.1, 44.95)
    crimea = [c for c in w.countries if c.shape.contains(simferopol)]
    assert [(c.iso, c.name) for c in crimea] == [(None, "Crimea")]


def test_cities_come_most_populous_first() -> None:
    cities = world().cities
    assert all(c.population >= 100_000 for c in cities)
    assert [c.population for c in cities] == sorted((c.population for c in cities),
                                                    reverse=True)
    moscow = next(c for c in cities if c.name == "Moscow" and c.country == "RU")
    assert (round(moscow.lat), round(moscow.lon)) == (56, 38)


def test_the_data_folder_says_where_it_comes_from() -> None:
    text = (ROOT / "generator" / "geo" / "data" / "README.md").read_text()
    assert "Natural Earth" in text and "public domain" in text
    assert "GeoNames" in text and "CC BY 4.0" in text
