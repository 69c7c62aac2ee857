"""Distances the report gives, with their units, and the weapon each range belongs to.

`a range of up to 190 miles (306 km)` is read with the unit rules of the editorial
checks (`checks/units.py`): the same number and unit words, and the same test that
the two figures agree. A distance in a sentence about range or reach belongs to the
weapon named nearest before it (in the sentence, or else in the paragraphs before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.checks.units import NUMBER, ROUGH, UNIT, UNITS, convert, mismatched_pairs, show

from .entities import Matcher
from .text import Paragraph, sentence_at

DISTANCE = re.compile(
    rf"(?:\b(?P<rough>(?i:up to|{ROUGH}))\s+)?(?P<value>{NUMBER})[\s-]*(?P<unit>{UNIT})\b"
    rf"(?:\s*\(\s*(?:(?:{ROUGH})\s+)?(?P<value2>{NUMBER})[\s-]*(?P<unit2>{UNIT})\b\s*\))?")
RANGE_WORDS = re.compile(r"\b(?:range|reach|reaches|fly|flies|strike targets|hit targets|"
                         r"travel)\b", re.IGNORECASE)
QUALIFIERS = {"up to": "up to", "about": "about", "around": "about", "roughly": "about",
              "some": "about", "approximately": "about", "nearly": "about",
              "almost": "about"}
WEAPON_WORDS = (r"missiles?|rockets?|tanks?|drones?|jets?|fighters?|bombers?|launchers?|"
                r"howitzers?|(?:fighting |armou?red )?vehicles?|interceptors?|"
                r"(?:air[ -]defen[cs]e )?systems?|artillery|shells?|bombs?|warheads?|"
                r"helicopters?|submarines?|warships?|frigates?|cruise missiles?")
NEW_WEAPON = re.compile(rf"(?<![\w-])(?P<name>(?:[A-Z][\w-]*|[A-Z]+-?\d+\w*)"
                        rf"(?:\s+(?:[A-Z][\w-]*|\d+))?)\s+(?P<noun>{WEAPON_WORDS})\b")
NOT_WEAPONS = {"U.S.", "US", "Russian", "Ukrainian", "Western", "American", "British",
               "French", "German", "Soviet", "Iranian", "Chinese", "Israeli", "European",
               "NATO", "Allied", "The", "A", "An", "Its", "Their", "These", "Those", "His",
               "Her", "Our", "Some", "Many", "New", "Long-range", "Short-range", "Korean",
               "North", "South", "Ballistic", "Cruise", "Two", "Three", "Several", "More"}


@dataclass(frozen=True)
class Distance:
    paragraph: Paragraph
    start: int
    end: int
    words: str
    """As the report writes it: `up to 190 miles (306 km)`."""
    value: float
    unit: str
    """km or mi."""
    qualifier: str | None
    """up to or about, as a weapon's range records it."""
    other: str
    """The value in the other unit, rounded as the unit rules round it: `306 km`."""
    disagrees: str | None
    """What the unit rules say when the report's two figures do not agree."""
    weapon: str | None = None
    """The weapon whose range this is: an id, or a name no file matches (`new:`)."""


def distances(body: tuple[Paragraph, ...], matcher: Matcher) -> list[Distance]:
    found = []
    last_weapon: str | None = None
    for p in body:
        weapons = [(m.start, m.entity.id) for m in matcher.mentions(p.text)
                   if m.entity.kind == "weapon"]
        weapons += [(start, f"new:{name}") for start, name in new_weapons(p.text, matcher)]
        for match in DISTANCE.finditer(p.text):
            sentence = sentence_at(p.text, match.start())
            before = [w for s, w in sorted(weapons) if sentence.start <= s < match.start()]
            earlier = [w for s, w in sorted(weapons) if s < match.start()]
            owner = (before or earlier)[-1] if before or earlier else last_weapon
            is_range = bool(RANGE_WORDS.search(sentence.of(p.text)))
            found.append(distance(p, match, owner if is_range else None))
        if weapons:
            last_weapon = sorted(weapons)[-1][1]
    return found


def distance(p: Paragraph, match: re.Match[str], weapon: str | None) -> Distance:
    value = float(match["value"].replace(",", ""))
    unit = UNITS[match["unit"]]
    rough = (match["rough"] or "").lower()
    qualifier = QUALIFIERS.get(rough)
    label = "miles" if unit == "km" else "km"
    other = f"{show(convert(value, unit, rough=bool(rough and rough != 'up to')))} {label}"
    problems = list(mismatched_pairs(match.group(0)))
    disagrees = None
    if problems:
        pair = problems[0]
        disagrees = (f"the report's {pair.text}: " +
                     ("a rough figure converted too precisely" if pair.agrees else
                      f"the two units disagree (the conversion gives {pair.expected})"))
    return Distance(p, match.start(), match.end(), " ".join(match.group(0).split()), value,
                    unit, qualifier, other, disagrees, weapon)


def new_weapons(text: str, matcher: Matcher) -> list[tuple[int, str]]:
    """Names followed by a weapon word that no file matches: `Halberd missiles`."""
    known = matcher.covered(text)
    found = []
    for match in NEW_WEAPON.finditer(text):
        name = match["name"]
        words = name.split()
        while words and words[0] in NOT_WEAPONS:
            words = words[1:]
        if not words or known.overlaps(match.start(), match.end()):
            continue
        found.append((match.start("name"), " ".join(words)))
    return found
