"""Who says so: the reporting verb of a clause and the words naming its subject.

`…, two U.S. officials and a source familiar with the decision said on Sunday` — the
subject of `said` starts after the last comma (or the sentence's start, a `that`, an
opening phrase like `Since …,`) and runs to the verb, without `has`, `also`,
`repeatedly`. A short name before that comma is kept with it as an apposition
(`Jane Roe, a spokeswoman for the ministry, said`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = ("said|says|say|added|adds|told|tells|wrote|writes|posted|tweeted|asked|warned|"
         "warns|noted|insisted|argued|explained|continued|stated|declared|replied|"
         "recalled|responded|acknowledged|concluded|announced|believes|believe|claimed|"
         "claims|estimated|estimates|confirmed|denied|called|criticized|criticised|"
         "accused|expressed|reported")
QUOTE_VERBS = ("said|says|say|added|adds|told|tells|wrote|writes|posted|tweeted|asked|"
               "warned|noted|insisted|argued|explained|continued|stated|declared|replied|"
               "recalled|responded|acknowledged|concluded|announced")
AUX = frozenset({"has", "have", "had", "also", "later", "then", "again", "once", "further",
                 "previously", "earlier", "separately", "long", "publicly", "repeatedly",
                 "already", "recently", "privately", "both", "all", "would", "will", "did"})
INTRO = re.compile(r"^(?:Since|After|Before|While|When|As|In|On|At|Despite|Although|"
                   r"Though|If|Following|Earlier|Later|Last|Speaking|Asked|Writing|"
                   r"Meanwhile|However|Separately|Still|Yet|But|And)\b[^,]*,\s*")
CONJUNCTION = re.compile(r"^(?:and|but|while|as|yet|so|or|whereas)\s+", re.IGNORECASE)
RELATIVE = re.compile(r"(?:who|which|whose|speaking|writing|adding|referring|asked|"
                      r"according)\b")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
MAX_WORDS = 16


@dataclass(frozen=True)
class Subject:
    text: str
    start: int
    """Offset of the text within the string it was taken from."""

    @property
    def pronoun(self) -> str | None:
        word = self.text.lower()
        return word if word in PRONOUNS else None


def subject_before(before: str) -> Subject | None:
    """The subject of a verb that follows `before`, or None when there is none."""
    end = len(before.rstrip())
    words = list(re.finditer(r"\S+", before[:end]))
    while words and words[-1].group().lower().strip(",") in AUX:
        words.pop()
    if not words:
        return None
    if words[-1].group().lower() in ("and", "but"):     # `Ruritan welcomed it but said`
        lead = re.match(r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*", before)
        return Subject(lead.group(0), 0) if lead and short_name(lead.group(0)) else None
    end = words[-1].end()
    zone = before[:end].rstrip(", ")
    start = clause_start(zone)
    text = zone[start:]
    leading = CONJUNCTION.match(text)
    if leading:
        start, text = start + leading.end(), text[leading.end():]
    text = text.strip()
    if not text or len(text.split()) > MAX_WORDS:
        return None
    return Subject(text, start)


def clause_start(zone: str) -> int:
    """Where the subject ending `zone` begins."""
    start = 0
    intro = INTRO.match(zone)
    if intro:
        start = intro.end()
    that = [m.end() for m in re.finditer(r"\b(?:that|which)\s+", zone[start:])]
    if that:
        start += that[-1]
    commas = [m.end() for m in re.finditer(r"[,;:\u2014\u2013]\s+|\s-\s", zone[start:])]
    if not commas:
        return start
    bounds = [start, *(start + c for c in commas)]
    while len(bounds) > 1 and RELATIVE.match(zone[bounds[-1]:]):
        bounds.pop()                    # `…, who spoke on condition of anonymity,`
    if len(bounds) > 1 and short_name(zone[bounds[-2]:bounds[-1]].rstrip(",;: ")):
        return bounds[-2]               # `Jane Roe, a spokeswoman for the ministry,`
    return bounds[-1]


def short_name(text: str) -> bool:
    """One to four capitalised words: a name an apposition may follow."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() or w[0] == "(" for w in words)


def verb_before(text: str, verbs: str = VERBS) -> re.Match[str] | None:
    """The last reporting verb in `text`."""
    found = list(re.finditer(rf"(?<![\w-])(?:{verbs})\b", text))
    return found[-1] if found else None
