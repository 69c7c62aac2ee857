"""How a problem is named for a writer: places as a writer counts them, close values,
and the likely cause of a YAML syntax error.

Shared by load (syntax), validate (fields and closed sets) and resolve (ids). Writers
count items from 1 and know them by their words, so `key_facts.3.status` is shown as
`key_facts item 4 ("The missile flew 290 km."), status`.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

Loc = tuple[str | int, ...]
LABEL_FIELDS = ("text", "event", "term", "ref", "speaker")
"""The field that names a list item, in order of preference."""
LABEL_LENGTH = 40
SYNONYMS = {  # values writers type for a closed set, and the value they mean
    "miles": "mi", "mile": "mi", "kilometres": "km", "kilometers": "km",
    "kilometre": "km", "kilometer": "km", "organisation": "organization",
    "people": "person", "upto": "up to", "around": "about", "approximately": "about",
}


def place_name(loc: Loc, data: Any = None) -> str:
    """`key_facts item 4 ("The missile…"), status`: items counted from 1, named by
    their words when the writer's data is at hand."""
    name, current, joint = "", data, ""
    for part in loc:
        if isinstance(part, int):
            label = item_label(current[part] if _has(current, part) else None)
            name, joint = f"{name} item {part + 1}{label}", ", "
        else:
            name, joint = f"{name}{joint}{part}", "."
        current = current[part] if _has(current, part) else None
    return name.strip() or "file"


def _has(container: Any, part: str | int) -> bool:
    if isinstance(container, list):
        return isinstance(part, int) and 0 <= part < len(container)
    return isinstance(container, dict) and part in container


def item_label(item: Any) -> str:
    """` ("The missile flew 290 km.")` for an item with words of its own, else ``."""
    if not isinstance(item, dict):
        return ""
    for name in LABEL_FIELDS:
        if isinstance(item.get(name), str) and item[name].strip():
            words = " ".join(item[name].split())
            if len(words) > LABEL_LENGTH:
                words = words[:LABEL_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
            return f' ("{words}")'
    return ""


def an(noun: str) -> str:
    """'an actor', 'a weapon'."""
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def closest(value: object, allowed: list[str]) -> str | None:
    """The allowed value a writer most likely meant: a known synonym, the same word in
    another case, or the closest spelling."""
    if not isinstance(value, str):
        return None
    typed = value.strip().lower()
    if SYNONYMS.get(typed) in allowed:
        return SYNONYMS[typed]
    by_case = {a.lower(): a for a in allowed}
    if typed in by_case:
        return by_case[typed]
    starts = [a for a in allowed if len(typed) >= 3 and a.startswith(typed)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(typed, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def allowed_values(expected: str) -> list[str]:
    """pydantic's "'a', 'b' or 'c'" as ['a', 'b', 'c']."""
    return re.findall(r"'([^']*)'", expected)


KEY_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[\w-]+):\s+(?P<value>.*?)\s*$")


def syntax_hint(problem: str, line: str, previous: str) -> tuple[str, str] | None:
    """A writer's explanation of a YAML syntax error (message, hint), when its cause
    is one of the common ones; `line` is the writer's line, `previous` the one above."""
    if problem.startswith("mapping values are not allowed"):
        match = KEY_VALUE.match(line)
        if match and ": " in match["value"]:
            return ("YAML syntax error: text with ': ' in it must be put in quotes",
                    f"put the text in quotes: {match['key']}: "
                    f"{quoted(match['value'])}")
    if problem.startswith(("did not find expected key", "expected <block end>")):
        match = KEY_VALUE.match(line)
        if match and match["value"][:1] in "\"'":
            return ("YAML syntax error: text that starts with a quotation mark must be "
                    "quoted as a whole", "put the whole text in quotes: "
                    f"{match['key']}: {quoted(match['value'])}")
    if problem.startswith("could not find expected ':'") and \
            previous.lstrip().startswith("- "):
        return ("YAML syntax error: a line of text where a field or a list item was "
                "expected", "if it is a new item of the list, begin it with '- ' as on "
                "the line above; if it continues the text above, indent it further")
    return None


def quoted(value: str) -> str:
    """A YAML scalar that reads back as `value`: in double quotes, or in single quotes
    (where a ' is written twice) when it holds a " or a backslash."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
