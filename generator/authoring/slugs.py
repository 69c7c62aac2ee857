"""Ids from names: `Володимир Зеленський` -> `volodymyr-zelenskyi`, `Straße` -> `strasse`.

python-slugify (with text-unidecode) transliterates any script to ASCII words joined by
hyphens. Its Cyrillic is Russian-style (`volodimir-zelenskii`), so Ukrainian is first
spelled out by Ukraine's national system (Cabinet of Ministers resolution 55 of 2010, the
one passports use): `и` -> y, `г` -> h, `ї`/`й`/`є`/`ю`/`я` -> yi/y/ye/yu/ya at the start
of a word and i/i/ie/iu/ia elsewhere. Text with a letter only Russian has (ы, э, ъ, ё)
is left to the Russian-style table; a name in neither with no such letter (`Путин`) reads
as Ukrainian, and the writer renames the file if the id should differ.
"""

from __future__ import annotations

from slugify import slugify

MAX_ID_LENGTH = 80
UKRAINIAN = dict(zip("абвгґдезиіїйклмнопрстуфьхцчшщєюя",
                     ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "i", "i", "k", "l", "m",
                      "n", "o", "p", "r", "s", "t", "u", "f", "", "kh", "ts", "ch", "sh",
                      "shch", "ie", "iu", "ia"], strict=True))
WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
APOSTROPHES = "'’ʼ"
RUSSIAN_ONLY = frozenset("ыэъё")


def slug(name: str) -> str:
    """The id for a name: lowercase ASCII words joined by hyphens, at most 80 characters
    cut at a word; `&` reads as `and`, apostrophes join (`Zoë's` -> `zoes`)."""
    return slugify(ukrainian(name), max_length=MAX_ID_LENGTH, word_boundary=True,
                   replacements=[["&", " and "], *([a, ""] for a in APOSTROPHES)])


def ukrainian(text: str) -> str:
    """Ukrainian Cyrillic in the national Latin spelling; other text unchanged."""
    lowered = text.lower()
    if RUSSIAN_ONLY & set(lowered):
        return text
    spelled, previous = [], " "
    for letter in lowered.replace("зг", "zgh"):    # зг -> zgh, not zh
        in_word = previous.isalpha() or previous in APOSTROPHES
        table = UKRAINIAN if in_word or letter not in WORD_START else WORD_START
        spelled.append(table.get(letter, letter))
        previous = letter
    return "".join(spelled)
