"""Names linked in the prose (render/mentions.py): what gets linked, and what never does."""


import pytest

from generator.render.escape import block, inline
from generator.render.mentions import from_pairs, mentioned, names, of
from generator.stages.load import load
from generator.stages.validate import validate

from .conftest import ROOT

NAMES = of({
    "Russia": "actors/russia.md",
    "U.S.": "actors/united-states.md",
    "North Korea": "actors/north-korea.md",
    "North Korean troops": "actors/north-korean-troops.md",
    "Trump": "actors/donald-trump.md",
    "Ukraine&#39;s foreign ministry": "actors/ukrainian-foreign-ministry.md",
})


def linked(text: str) -> str:
    return str(NAMES.link(str(inline(text))).markdown("../"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia warned, and Russia again",
     "[Russia](../actors/russia.md) warned, and Russia again"),
    ("North Korean troops, sent by North Korea",
     "[North Korean troops](../actors/north-korean-troops.md), sent by "
     "[North Korea](../actors/north-korea.md)"),
    ("Trump's adviser", "[Trump](../actors/donald-trump.md)&#39;s adviser"),
    ("Ukraine's foreign ministry said",
     "[Ukraine&#39;s foreign ministry](../actors/ukrainian-foreign-ministry.md) said"),
    ("U.S.-made weapons, U.S. officials",
     "U.S.-made weapons, [U.S.](../actors/united-states.md) officials"),
    ("**deep inside Russia**", "**deep inside [Russia](../actors/russia.md)**"),
])
def test_first_mention_links_by_name_and_alias(text, expected):
    assert linked(text) == expected


@pytest.mark.parametrize("text", [
    "Russian forces advance",                       # part of a longer word
    "[the Kremlin's view](https://example.org/Russia) of it, see [Russia]",
    "see https://example.org/Russia/North-Korea",  # inside a web address
    "Wow!Russia",                                   # `![...](...)` would be an image
    "[note]Russia",                                 # `[note][...]` would be a reference
    "a \\Russia escape",
    "anti-Russia",
])
def test_names_inside_links_addresses_and_words_stay_text(text):
    assert "(../actors/" not in linked(text)


def test_a_wrapped_name_in_a_paragraph_is_linked_whole():
    text = str(NAMES.link(str(block("Troops from North\nKorea arrived."))).markdown("../"))
    assert text == "Troops from [North\nKorea](../actors/north-korea.md) arrived."


def test_markup_in_text_stays_escaped_around_links():
    text = linked("<script>alert(1)</script> Russia <img src=x onerror=alert(2)>")
    assert "<" not in text and "[Russia](../actors/russia.md)" in text


def test_names_come_from_names_aliases_and_full_names():
    content = load(ROOT / "content", ROOT).then(validate).unwrap()
    real = names(content)
    assert real.targets["Zelensky"] == "actors/volodymyr-zelenskiy.md"
    assert real.targets["M1 Abrams main battle tank"] == "weapons/abrams.md"
    assert "Army Tactical Missile System (MGM-140)" not in real.targets   # brackets
    assert real.targets["Bradley Fighting Vehicles"] == "weapons/bradley.md"


def test_a_name_two_pages_share_links_to_neither_and_markup_names_are_dropped():
    found = from_pairs([("Georgia", "actors/georgia.md"), ("Georgia", "actors/georgia-us.md"),
                        ("Tbilisi", "actors/georgia.md"), ("A*B", "actors/ab.md"),
                        ("<b>X</b>", "actors/x.md"), ("O'Neill", "actors/oneill.md")])
    assert found.targets == {"Tbilisi": "actors/georgia.md",
                             "O&#39;Neill": "actors/oneill.md"}
    assert str(found.link(str(inline("Georgia and Tbilisi"))).markdown("")) == (
        "Georgia and [Tbilisi](actors/georgia.md)")


def test_mentions_are_counted_once_per_text():
    counts = mentioned(NAMES.link(text)
                       for text in ["Russia and Russia", "North Korea, Russia", "nothing"])
    assert counts == {"actors/russia.md": 2, "actors/north-korea.md": 1}
