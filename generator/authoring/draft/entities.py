"""Actors, weapons and places the report names, matched against content/ by their names.

A content file is named in the report by its `name`, any of its `aliases`, or (for a
person) the last word of the name, matched as whole words, with these allowances:

- the first letter of each word may be either case (`the White House`,
  `congressional Republicans`), and an acronym of four letters or more may be written
  as a word (`Nato`); any other letter must match;
- curly and straight apostrophes and dashes are the same; a possessive (`Biden’s`,
  `Poland’s`) names its owner;
- `U.S.` and `US` (and any other dotted or undotted initials) are the same, and a
  leading `The` may be left out;
- a weapon may be plural (`Bradleys`, `F-16s`);
- a name that shares its first word with another in a pair (`the Ukrainian foreign
  ministry and president’s office` for `Ukrainian president's office`) is found too.

The longest name wins where names overlap (`Biden administration` over `Biden`).
Names no file matches are listed for the writer, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.kinds import KINDS
from generator.stages.load import load_file
from generator.stages.validate import validate_document

from .text import Covered, fold

MATCHED = tuple(kind for kind in ("actor", "weapon", "place") if kind in KINDS)
"""The kinds the draft looks for in a report (their folders come from the kinds table)."""
ORG_WORDS = {"Ministry", "Council", "Department", "Office", "Agency", "Administration",
             "Army", "Forces", "Party", "Committee", "Commission", "Union", "Bank", "Group",
             "Institute", "Company", "Corp", "Inc", "House", "Kremlin", "Pentagon",
             "Government", "Court", "Parliament", "Senate", "Congress", "Foundation",
             "Association", "News", "Press", "Times", "Service", "Staff", "Guard", "Navy",
             "Command", "Organization", "Organisation", "Alliance", "Federation", "Fund"}
NOT_NAMES = {"The", "A", "An", "But", "And", "In", "On", "At", "It", "He", "She", "They",
             "We", "This", "That", "While", "Since", "Despite", "After", "Before", "When",
             "Some", "Many", "Its", "His", "Her", "Their", "Our", "If", "As", "For", "Of",
             "President", "Prime", "Minister", "Foreign", "Defence", "Defense", "Secretary",
             "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Monday", "Tuesday", "Wednesday",
             "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
             "April", "May", "June", "July", "August", "September", "October", "November",
             "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
             "Oct", "Nov", "Dec", "X"}
TITLE_WORDS = {"President", "Minister", "Secretary", "Chancellor", "Premier", "General",
               "Gen.", "Senator", "Sen.", "Rep.", "Ambassador", "Governor", "Mayor",
               "Spokesman", "Spokeswoman", "Spokesperson", "Commander", "Chief", "Envoy",
               "Adviser", "Advisor", "Director", "Leader", "President-elect", "Judge",
               "King", "Queen", "Prince", "Pope", "Mr.", "Mrs.", "Ms.", "Dr."}
DEMONYM = re.compile(r"(?:an|ian|ese|ish|ern|i)$")
PROPER = re.compile(r"(?<![\w'])(?:[A-Z][\w'\u2019.-]*)(?:\s+(?:(?:de|van|von|al|bin|der|"
                    r"la|le|of|the|for)\s+)?[A-Z][\w'\u2019.-]*)*")


@dataclass(frozen=True)
class Entity:
    kind: str
    """actor, weapon or place."""
    id: str
    name: str
    names: tuple[str, ...]
    """Every name it is known by: name, aliases, a person's surname."""
    category: str | None = None
    """An actor's kind (person, organization, country, group)."""
    range: tuple[float, str, str | None] | None = None
    """A weapon's range in content/: value, unit, qualifier."""

    @property
    def person(self) -> bool:
        return self.category == "person"


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start: int
    end: int
    possessive: bool


@dataclass
class Matcher:
    """Every name of every actor and weapon, in one expression, longest first."""

    entities: list[Entity]
    keys: dict[str, list[Entity]] = field(default_factory=dict)
    pairs: list[tuple[re.Pattern[str], Entity]] = field(default_factory=list)
    seen: dict[str, list[Mention]] = field(default_factory=dict)
    """Mentions by text: each paragraph is read by several steps."""

    def __post_init__(self) -> None:
        patterns: dict[str, str] = {}
        for entity in self.entities:
            for name in entity.names:
                for variant in variants(name):
                    self.keys.setdefault(key(variant), []).append(entity)
                    patterns[variant] = pattern(variant, plural=entity.kind == "weapon")
                words = fold(name).split()
                if len(words) >= 3:
                    rest = r"\s+".join(map(re.escape, words[1:]))
                    self.pairs.append((re.compile(
                        rf"(?<!\w){flexible(words[0])}\s+(?:[\w'-]+\s+){{1,3}}?and\s+"
                        rf"(?P<rest>{rest})(?!\w)"), entity))
        ordered = sorted(patterns, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(patterns[v] for v in ordered) + r")(?!\w)"
            if ordered else r"(?!x)x")

    def mentions(self, text: str) -> list[Mention]:
        """Every name in `text`, in order, each with the entity (or entities) it names."""
        if text not in self.seen:
            self.seen[text] = self.find(text)
        return self.seen[text]

    def covered(self, text: str) -> Covered:
        """Where in `text` a known name stands."""
        taken = Covered(len(text))
        for m in self.mentions(text):
            taken.take(m.start, m.end)
        return taken

    def find(self, text: str) -> list[Mention]:
        folded = fold(text)
        found: list[Mention] = []
        for match in self.pattern.finditer(folded):
            for entity in self.lookup(match.group(0)):
                found.append(Mention(entity, match.start(), match.end(),
                                     folded.startswith("'", match.end())))
        if " and " in folded:
            for regex, entity in self.pairs:
                for match in regex.finditer(folded):
                    if not any(m.entity == entity for m in found):
                        found.append(Mention(entity, match.start("rest"), match.end(),
                                             folded.startswith("'", match.end())))
        return sorted(found, key=lambda m: (m.start, m.entity.kind, m.entity.id))

    def lookup(self, matched: str) -> list[Entity]:
        entities = self.keys.get(key(matched)) or self.keys.get(key(matched[:-1]), [])
        return sorted(set(entities), key=lambda e: (e.kind, e.id))


def variants(name: str) -> set[str]:
    """The forms a name may take: U.S./US, with or without a leading The."""
    base = fold(" ".join(name.split()))
    found = {base}
    found.add(re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", ""), base))
    found.add(re.sub(r"\b([A-Z]{2,3})\b", lambda m: ".".join(m.group(1)) + ".", base))
    found |= {v[4:] for v in list(found) if v.startswith("The ") and len(v) > 4}
    return {v for v in found if v.strip()}


def flexible(word: str) -> str:
    """A word whose first letter may be either case; a long acronym may be a word."""
    first, rest = word[0], re.escape(word[1:])
    start = f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)
    if len(word) >= 4 and word.isupper() and word.isalpha():
        return f"(?:{start}{rest}|{start}{re.escape(word[1:].lower())})"
    return start + rest


def pattern(variant: str, plural: bool) -> str:
    body = r"\s+".join(flexible(w) for w in variant.split())
    return body + ("s?" if plural and not variant.endswith(("s", "S")) else "")


def key(text: str) -> str:
    """How a matched name is looked up: folded, single spaces, each word's first letter
    in lower case and an acronym of four letters or more all in lower case."""
    return " ".join(w.lower() if len(w) >= 4 and w.isalpha() and w.isupper()
                    else w[0].lower() + w[1:] for w in fold(text).split())


def known(content: Path, root: Path) -> list[Entity]:
    """The actors, weapons and places in content/. A file with mistakes (a skeleton still being
    filled in) is still known by whatever name it gives, so it is never made twice."""
    entities: list[Entity] = []
    for kind in MATCHED:
        for path in sorted((content / KINDS[kind].folder).glob("*.yaml")):
            entity = read_entity(path, kind, root)
            if entity is not None:
                entities.append(entity)
    return entities


def read_entity(path: Path, kind: str, root: Path) -> Entity | None:
    doc = load_file(path, kind, root).value
    if doc is None:
        return Entity(kind, path.stem, path.stem, ())
    model = validate_document(doc).value
    data: Any = model.model_dump() if model is not None else (
        doc.data if isinstance(doc.data, dict) else {})
    name = data.get("name") if isinstance(data.get("name"), str) else path.stem
    aliases = [a for a in data.get("aliases") or [] if isinstance(a, str)]
    category = data.get("kind") if kind == "actor" else None
    names = [name, *aliases]
    if category == "person" and len(name.split()) > 1:
        names.append(name.split()[-1])
    weapon_range = data.get("range") if kind == "weapon" else None
    as_range = None
    if isinstance(weapon_range, dict) and "value" in weapon_range and "unit" in weapon_range:
        as_range = (float(weapon_range["value"]), str(weapon_range["unit"]),
                    weapon_range.get("qualifier"))
    return Entity(kind, path.stem, name, tuple(dict.fromkeys(names)), category, as_range)


def proper_names(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words that may be names: (start, end, words), without the
    function words and titles that precede names, and without a possessive 's."""
    found = []
    for match in PROPER.finditer(text):
        words = [(match.start() + w.start(), w.group())
                 for w in re.finditer(r"\S+", match.group(0))]
        while words and (words[0][1].rstrip(".,") in NOT_NAMES or words[0][1][0].islower()):
            words.pop(0)
        while words and words[-1][1][0].islower():
            words.pop()
        titled = [i for i, (_, w) in enumerate(words) if w.rstrip(",") in TITLE_WORDS]
        if titled and titled[-1] < len(words) - 1:       # Defence Minister Ada Ruritan
            words = words[titled[-1] + 1:]
        if words and DEMONYM.search(words[-1][1]) and re.match(
                r"\s+[a-z]", text[words[-1][0] + len(words[-1][1]):]):
            continue                    # `North Korean troops`, `Russian forces`
        if words:
            start, end = words[0][0], words[-1][0] + len(words[-1][1])
            phrase = re.sub(r"['\u2019]s?$", "", text[start:end].rstrip(".,;:"))
            if phrase:
                found.append((start, start + len(phrase), phrase))
    return found


def looks_like_person(phrase: str) -> bool:
    words = phrase.split()
    return 2 <= len(words) <= 4 and not set(words) & ORG_WORDS


def looks_like_organization(phrase: str) -> bool:
    return bool(set(phrase.split()) & ORG_WORDS)
