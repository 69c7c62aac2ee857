"""Distances in two units: converting honestly, and checking pairs written in text.

A converted value keeps the precision of the given one: "190 miles" becomes "306 km",
but a rough "about 6,000 km" becomes "about 4,000 miles", never "3,728 miles". A pair
written in text, like "190 miles (306 km)", must agree: the converted value, to every
digit it shows, within the rounding of the given one (190 may be 185 to 195). Every
text in our own words is checked (quotes are verbatim: not ours to fix).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.checks.findings import Finding
from generator.errors import Loc
from generator.stages.models import Article
from generator.stages.salvage import absent

KM_PER_MILE = 1.609344
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
UNITS = {"mi": "mi", "mile": "mi", "miles": "mi", "km": "km", "kilometre": "km",
         "kilometres": "km", "kilometer": "km", "kilometers": "km"}
UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
ROUGH = r"about|around|roughly|some|nearly|almost|approximately|more than|over|under"
PAIR = re.compile(
    rf"(?:\b(?P<rough>(?i:{ROUGH}))\s+)?(?P<v1>{NUMBER})[\s-]*(?P<u1>{UNIT})\b\s*"
    rf"\(\s*(?:(?:{ROUGH})\s+)?(?P<v2>{NUMBER})[\s-]*(?P<u2>{UNIT})\b\s*\)")

HINT = re.compile(r"\d[\s-]*(?:mi|km|kilomet)")


def significant(value: float, rough: bool) -> int:
    """Significant figures of a value as written; a rough one's trailing zeros don't count."""
    written = format(Decimal(repr(value)).normalize(), "f")
    digits = written.replace(".", "").lstrip("0")
    if rough and "." not in written:
        digits = digits.rstrip("0")
    return max(1, len(digits))


def round_to(value: float, figures: int) -> float:
    if value == 0:
        return 0.0
    return round(value, figures - 1 - math.floor(math.log10(abs(value))))


def show(value: float) -> str:
    """1,000 / 306 / 5.5 / 3.4: thousands separated, no trailing .0."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.10f}".rstrip("0")


def convert(value: float, unit: str, rough: bool = False) -> float:
    """The other unit's value, rounded to the precision of the given one."""
    other = value * KM_PER_MILE if unit == "mi" else value / KM_PER_MILE
    return round_to(other, significant(value, rough))


@dataclass(frozen=True)
class Pair:
    text: str
    """The pair as written, e.g. 190 miles (306 km)."""
    expected: str
    """What the second value should be, e.g. 306 km."""
    agrees: bool
    """False when the values disagree; True when they agree but the converted value
    claims more precision than a rough given value has."""


def mismatched_pairs(text: str) -> Iterator[Pair]:
    """Every "N unit (M other unit)" in `text` that disagrees or is falsely precise."""
    if "(" not in text or not HINT.search(text):
        return
    for match in PAIR.finditer(text):
        u1, u2 = UNITS[match["u1"]], UNITS[match["u2"]]
        v1, v2 = (float(match[k].replace(",", "")) for k in ("v1", "v2"))
        rough = bool(match["rough"])
        agrees = agree(v1, u1, v2, slack(match["v1"]), converted_slack(
            match["v2"], significant(v1, rough=True)))
        too_precise = rough and significant(v2, True) > significant(v1, True)
        if u1 == u2 or agrees and not too_precise:
            continue
        label = "miles" if u2 == "mi" else "km"
        expected = show(convert(v1, u1, rough))
        yield Pair(" ".join(match.group(0).split()), f"{expected} {label}", agrees)


def slack(written: str) -> float:
    """Half a unit of the last significant digit: 306 -> 0.5, 300 -> 50, 5.5 -> 0.05."""
    plain = written.replace(",", "")
    if "." in plain:
        return 0.5 * 10.0 ** -len(plain.split(".")[1])
    zeros = len(plain) - len(plain.rstrip("0")) if plain.strip("0") else 0
    return 0.5 * 10.0 ** zeros


def converted_slack(written: str, figures: int) -> float:
    """How far a converted value may be off: rounded to the given value's significant
    figures (290 km -> 180 miles, +-5), never to fewer (200 miles is +-5, not +-50)."""
    value = float(written.replace(",", ""))
    if value == 0:
        return slack(written)
    at_figures = 0.5 * 10.0 ** (math.floor(math.log10(value)) - figures + 1)
    return min(slack(written), max(at_figures, 0.5 * 10.0 ** -decimals(written)))


def decimals(written: str) -> int:
    return len(written.split(".")[1]) if "." in written else 0


def agree(v1: float, u1: str, v2: float, s1: float, s2: float) -> bool:
    """Whether the two values can be the same distance, given how they were rounded."""
    factor = KM_PER_MILE if u1 == "mi" else 1 / KM_PER_MILE
    low, high = (v1 - s1) * factor, (v1 + s1) * factor
    return low <= v2 + s2 and v2 - s2 <= high


def prose(article: Article) -> list[tuple[Loc, str]]:
    """Every text in our own words (quotes are verbatim, so not theirs to fix)."""
    texts: list[tuple[Loc, str]] = [(("standfirst",), article.standfirst),
                                    (("summary",), article.summary),
                                    (("why_it_matters",), article.why_it_matters)]
    texts += [(("key_facts", i, "text"), f.text) for i, f in enumerate(article.key_facts)]
    texts += [(("timeline", i, "event"), e.event) for i, e in enumerate(article.timeline)]
    texts += [(("unknowns", i), u) for i, u in enumerate(article.unknowns)]
    texts += [(("quotes", i, "context"), q.context) for i, q in enumerate(article.quotes)]
    return [(loc, text) for loc, text in texts if not absent(text)]   # None: invalid


def unit_findings(loc: Loc, text: str) -> list[Finding]:
    found = []
    for pair in mismatched_pairs(text):
        if pair.agrees:
            found.append(Finding(loc, f"'{pair.text}': a rough figure converted too "
                                 f"precisely", f"write {pair.expected}", needle=pair.text))
        else:
            found.append(Finding(loc, f"'{pair.text}': the two units disagree",
                                 f"the conversion gives {pair.expected}", "error",
                                 needle=pair.text))
    return found
