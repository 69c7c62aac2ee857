"""Stage 4: golden Markdown for the minimal site, and the formatting helpers.

Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
"""

import os
from pathlib import Path

import pytest

from generator.render.filters import distance, partial_date
from generator.render.pages import render
from generator.stages.load import load
from generator.stages.models import Range
from generator.stages.resolve import resolve
from generator.stages.validate import validate

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
GOLDEN = MINIMAL / "golden"


def pages():
    content = MINIMAL / "content"
    resolved = load(content, MINIMAL).then(validate).then(resolve).unwrap()
    return {p.path: p.text for p in render(resolved)
            if isinstance(p.text, str)}   # link-preview images: tests/test_preview.py


def test_golden_pages():
    rendered = pages()
    if os.environ.get("UPDATE_GOLDEN"):
        for path, text in rendered.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(rendered) == sorted(expected)
    for path, text in rendered.items():
        assert text == expected[path], path


def test_rendering_is_deterministic():
    assert pages() == pages()


@pytest.mark.parametrize(("value", "unit", "qualifier", "expected"), [
    (190, "mi", "up to", "up to 190 miles (306 km)"),
    (300, "km", None, "300 km (186 miles)"),
    (5.5, "km", "about", "about 5.5 km (3.4 miles)"),
    (6000, "km", "about", "about 6,000 km (4,000 miles)"),
    (6000, "km", None, "6,000 km (3,728 miles)"),
    (0.25, "km", None, "0.25 km (0.16 miles)"),
    (1000, "mi", None, "1,000 miles (1,609 km)"),
])
def test_distance_in_both_units(value, unit, qualifier, expected):
    assert distance(Range(value=value, unit=unit, qualifier=qualifier)) == expected


def test_partial_dates():
    assert [partial_date(d) for d in ("2024", "2024-08", "2024-11-05")] == [
        "2024", "August 2024", "5 November 2024"]


def test_writer_html_is_escaped():
    from generator.render.escape import block, cell, inline
    assert inline("<script>alert(1)</script>\nnext") == \
        "&lt;script&gt;alert(1)&lt;/script&gt; next"
    assert cell("a | b") == "a &#124; b"
    assert block("> one\ntwo", "> ") == "> &gt; one\n> two"


def test_range_chart_scales_bars_and_lists_missing_ranges():
    from generator.render.charts import range_chart
    from generator.stages.models import Weapon
    weapons = {
        "long": Weapon(name="Long", category="missile", summary="x",
                       range=Range(value=300, unit="km")),
        "short": Weapon(name="Short", category="missile", summary="x",
                        range=Range(value=50, unit="mi")),
        "tank": Weapon(name="Tank", category="tank", summary="x"),
    }
    chart = range_chart(weapons, ["short", "tank", "long"])
    assert [b.name for b in chart.bars] == ["Long", "Short"]
    assert chart.missing == ["Tank"]
    long_bar, short_bar = chart.bars
    assert short_bar.length / long_bar.length == pytest.approx(50 * 1.609344 / 300)
    assert [t.label for t in chart.km_ticks] == ["0", "100", "200", "300"]
    assert chart.km_ticks[-1].x == pytest.approx(long_bar.length)
    assert [t.label for t in chart.mile_ticks] == ["0", "50", "100", "150"]
    assert range_chart(weapons, ["tank"]) is None
