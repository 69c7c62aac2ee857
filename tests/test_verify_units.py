"""Units and source text: honest conversions, pairs in text, quote normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.checks.sourcetext import SourceText, normalise
from generator.checks.units import mismatched_pairs
from generator.render.filters import distance
from generator.stages.models import Range


@pytest.mark.parametrize(("text", "found"), [
    ("up to 190 miles (306 km)", []),
    ("190 miles (310 km)", []),                     # 306 rounded to two figures
    ("190 miles (350 km)", [("190 miles (350 km)", "306 km", False)]),
    ("290 km (200 miles)", [("290 km (200 miles)", "180 miles", False)]),
    ("a 5.5-km (3.4-mile) walk", []),
    ("5.5 km (3.5 miles)", [("5.5 km (3.5 miles)", "3.4 miles", False)]),
    ("about 6,000 km (3,728 miles)", [("about 6,000 km (3,728 miles)", "4,000 miles",
                                       True)]),
    ("about 6,000 km (4,000 miles)", []),
    ("more than 10,000 troops (2022)", []),
])
def test_unit_pairs(text, found):
    assert [(p.text, p.expected, p.agrees) for p in mismatched_pairs(text)] == found


@given(value=st.integers(min_value=1, max_value=20_000) | st.integers(1, 999).map(lambda n: n / 10),
       unit=st.sampled_from(["km", "mi"]),
       qualifier=st.sampled_from([None, "up to", "about"]))
def test_the_site_never_writes_a_pair_the_check_rejects(value, unit, qualifier):
    shown = distance(Range(value=value, unit=unit, qualifier=qualifier))
    assert list(mismatched_pairs(shown)) == []


def test_normalise_folds_quotes_dashes_and_whitespace():
    assert normalise("“We’ll  go” –\u00a0now…") == "\"We'll go\" - now..."


def test_paragraphs_are_lines_or_blank_separated_blocks():
    lines = SourceText.parse("One.\nTwo.\n", "r")
    assert [(p.line, p.text) for p in lines.paragraphs] == [(1, "One."), (2, "Two.")]
    blocks = SourceText.parse("One\nstill one.\n\n\nTwo.\n", "r")
    assert [(p.line, p.text) for p in blocks.paragraphs] == [(1, "One still one."),
                                                            (5, "Two.")]


def test_a_quote_never_spans_two_paragraphs():
    source = SourceText.parse("He said it.\nThen more.\n", "r")
    assert source.find("it. Then") is None
    assert source.find("said ... it") is not None
