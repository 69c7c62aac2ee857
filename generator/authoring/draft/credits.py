"""Who wrote the report, from where, for whom: byline, dateline, credit line, boilerplate.

The wire styles read here:

- Reuters: `By A and B`, `WASHINGTON, Nov 17 (Reuters) -`, and at the end
  `(Reporting by A in X; Additional reporting by C in Y; Editing by D and E)`;
- AP: `By A and B` (often in capitals, often followed by `Associated Press`),
  `KYIV, Ukraine (AP) —`, and `Associated Press writers C in X and D contributed.`;
- AFP: `By A with C in Y`, `Paris (AFP) -`, and a closing desk code like `burs-dz/rox`.

Everything after the credit line, and any closing paragraph that reads as a
republisher's notice ("… is not involved in this news article", "Follow our channel"),
is the publisher's boilerplate and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import Paragraph

OUTLETS = {"Reuters": "Reuters", "AP": "The Associated Press", "AFP": "AFP",
           "Bloomberg": "Bloomberg", "dpa": "dpa", "ANSA": "ANSA", "Kyodo": "Kyodo"}
MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
PLACE_WORD = r"[A-Z][\w.'\u2019/-]*(?:\s+[A-Z][\w.'\u2019/-]*)*"
DATELINE = re.compile(
    rf"^(?P<place>{PLACE_WORD}(?:,\s+(?!{MONTH}\s+\d){PLACE_WORD})?)"
    rf"(?:,\s+(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?))?"
    r"\s+\((?P<outlet>[A-Z][\w .&-]{0,40}?)\)\s*[-\u2013\u2014]+\s*")
CLOCK = r"\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?"
STAMP = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Last updated)(?:\s+on)?:?\s+)?(?:{CLOCK},?\s+)?"
    rf"(?P<date>{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|"
    rf"\d{{4}}-\d\d-\d\d)"
    rf"[\s,|\u00b7-]*(?:(?:at\s+)?{CLOCK})?[\s,|\u00b7-]*(?:(?:Updated|Last updated)\b.*)?$")
"""A web copy's timestamp line: `March 3, 2025 4:12 PM GMT`, `Updated 2:15 PM EST,
March 3, 2025`, `Published: 3 March 2025`."""
BYLINE = re.compile(r"^By\s+(?P<names>.+?)(?:,?\s+(?:for\s+)?(?:The\s+)?"
                    r"(?P<agency>Associated Press|Reuters|AFP))?\s*$")
ROLES = {"reporting": "reporting", "additional reporting": "additional",
         "writing": "reporting", "editing": "editors"}
CREDIT_PART = re.compile(r"^\s*(?P<role>[A-Za-z -]+?)\s+by\s+(?P<names>.+?)\s*$")
AP_CREDIT = re.compile(
    r"^(?:The\s+)?(?:Associated Press|AP)\s+(?:writers?|reporters?|journalists?|"
    r"correspondents?)\s+(?P<names>.+?)\s+contributed\b.*$")
AFP_CODE = re.compile(r"^[a-z]{2,5}(?:-[a-z]{2,5})?(?:/[a-z]{2,5})+$")
BOILERPLATE = re.compile(
    r"is not involved in this (?:news )?article|\bFollow (?:us|our)\b|\bSubscribe\b|"
    r"\bSign up\b|\bAll rights reserved\b|\u00a9|\bCopyright\b|\bRead more\b|"
    r"\bClick here\b|\bDownload (?:our|the) app\b|\bjoin our\b|\bnewsletter\b|"
    r"\bOur Standards\b|\bTrust Principles\b|\bemail\s+\S+@\S+", re.IGNORECASE)
NAME_SPLIT = re.compile(r",\s*and\s+|\s+and\s+|,\s*|;\s*|\s+&\s+")
PLACE_CUT = re.compile(r"\s+(?:in|from)\s+.*$")


@dataclass(frozen=True)
class Credits:
    outlet: str | None = None
    """The agency named in the dateline or credit line."""
    bylines: tuple[str, ...] = ()
    additional: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    dateline: str | None = None
    """The place, as printed: WASHINGTON, KYIV, Ukraine, Paris."""
    dated: str | None = None
    """The date the dateline gives, as printed (Nov 17), when it gives one."""
    stamped: str | None = None
    """The date of a timestamp line before the dateline, as printed (March 3, 2025)."""
    capitals: bool = False
    """Some names were printed in capitals and are given here in title case."""


@dataclass(frozen=True)
class Report:
    paragraphs: tuple[Paragraph, ...]
    """Every paragraph of the file."""
    body: tuple[Paragraph, ...]
    """The report's own paragraphs, the dateline cut from the first."""
    credits: Credits
    headline: str | None
    """The report's headline, when the file starts with one (used for the id only)."""
    ignored: tuple[tuple[Paragraph, str], ...]
    """Paragraphs that are neither body nor credits, and why."""


def read(paragraphs: list[Paragraph]) -> Report:
    """Sort the paragraphs into headline, byline, body, credits and boilerplate."""
    names: dict[str, list[str]] = {"bylines": [], "additional": [], "editors": [],
                                   "reporting": []}
    found: dict[str, str | None] = {"outlet": None, "dateline": None, "dated": None,
                                    "stamped": None}
    body: list[Paragraph] = []
    ignored: list[tuple[Paragraph, str]] = []
    headline: str | None = None
    ended = False          # after the credit line: the report is over
    for p in paragraphs:
        if ended:
            ignored.append((p, "after the credit line: the publisher's boilerplate"))
        elif not body and (found["dateline"] is None and byline(p.text, names, found)
                           or found["stamped"] is None and stamp(p.text, found)):
            continue                      # a byline, or a web copy's timestamp line
        elif not body and (lead := dateline(p, found)) is not None:
            body.append(lead)
        elif credit_line(p.text, names, found):
            ended = not AP_CREDIT.match(p.text)
        elif p.number == 1 and looks_like_title(p.text):
            headline = p.text
        elif subheading(p.text):
            ignored.append((p, "a subheading"))
        else:
            body.append(p)
    while body and BOILERPLATE.search(body[-1].text):
        ignored.append((body.pop(), "a publisher's notice, not the report"))
    return Report(tuple(paragraphs), tuple(body), assemble(names, found), headline,
                  tuple(sorted(ignored, key=lambda item: item[0].number)))


def byline(text: str, names: dict[str, list[str]], found: dict[str, str | None]) -> bool:
    match = BYLINE.match(text)
    if not match or len(text.split()) > 20:
        return False
    main, _, helpers = match["names"].partition(" with ")
    names["bylines"] += split_names(main)
    names["additional"] += split_names(helpers)
    if match["agency"]:
        found["outlet"] = found["outlet"] or OUTLETS.get(match["agency"], match["agency"])
    return True


def stamp(text: str, found: dict[str, str | None]) -> bool:
    """A timestamp line (copied with the report from its web page), read for its date."""
    match = STAMP.match(text.strip())
    if match:
        found["stamped"] = match["date"]
    return match is not None


def dateline(p: Paragraph, found: dict[str, str | None]) -> Paragraph | None:
    """The first paragraph without its dateline, or None when it has none."""
    match = DATELINE.match(p.text)
    if not match:
        return None
    found["dateline"], found["dated"] = match["place"], match["date"]
    found["outlet"] = OUTLETS.get(match["outlet"], match["outlet"])
    return Paragraph(p.number, p.line, p.text[match.end():])


def credit_line(text: str, names: dict[str, list[str]], found: dict[str, str | None]) -> bool:
    """Reuters' `(Reporting by …; Editing by …)`, AP's `… contributed`, AFP's desk code."""
    if AFP_CODE.match(text):
        return True
    ap = AP_CREDIT.match(text)
    if ap:
        names["additional"] += split_names(ap["names"])
        found["outlet"] = found["outlet"] or OUTLETS["AP"]
        return True
    if not (text.startswith("(") and text.endswith(")")):
        return False
    parts = [CREDIT_PART.match(part) for part in text[1:-1].split(";")]
    if not parts or not all(m and m["role"].lower() in ROLES for m in parts):
        return False
    for m in parts:
        assert m is not None
        names[ROLES[m["role"].lower()]] += split_names(m["names"])
    return True


def split_names(text: str) -> list[str]:
    """`A and B in Washington, C in Kyiv, Ukraine` -> [A, B, C].

    A place is cut at `in`/`from`; a one-word piece right after a place (`Ukraine`)
    belongs to that place, since reporters are credited with two names or more.
    """
    result, after_place = [], False
    for piece in NAME_SPLIT.split(text.strip().rstrip(".")):
        name = PLACE_CUT.sub("", piece).strip()
        if not name or (after_place and len(name.split()) == 1):
            continue
        after_place = name != piece.strip()
        result.append(name)
    return result


def assemble(names: dict[str, list[str]], found: dict[str, str | None]) -> Credits:
    """Bylines from the `By` line (else the credit line's reporters); the credit line's
    other reporters count as additional reporting."""
    bylines = names["bylines"] or names["reporting"]
    extra = [n for n in names["reporting"] if n not in bylines]
    every = [*bylines, *extra, *names["additional"], *names["editors"]]
    capitals = any(re.search(r"\b[A-Z]{2,}\b", n) for n in every)
    return Credits(
        outlet=found["outlet"], bylines=tuple(unique(map(title, bylines))),
        additional=tuple(unique(map(title, [*extra, *names["additional"]]))),
        editors=tuple(unique(map(title, names["editors"]))), dateline=found["dateline"],
        dated=found["dated"], stamped=found["stamped"], capitals=capitals)


def title(name: str) -> str:
    """`Dmitry ZAKS` -> `Dmitry Zaks`, `JEAN-PIERRE O'NEIL` -> `Jean-Pierre O'Neil`;
    a name with lower-case letters in a word (McDonald) is left as printed."""
    def word(match: re.Match[str]) -> str:
        return match.group(0).capitalize()
    return re.sub(r"\b[A-Z][A-Z]+\b", word, name)


def unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def looks_like_title(text: str) -> bool:
    return len(text.split()) <= 20 and not text.rstrip().endswith((".", ":", ";"))


def subheading(text: str) -> bool:
    """A short line in capitals with no closing full stop: a Reuters cross-head."""
    letters = [c for c in text if c.isalpha()]
    return (len(text.split()) <= 8 and bool(letters) and
            all(c.isupper() for c in letters) and not text.endswith((".", "?", "!")))
