"""A Python-Markdown extension: the glossary's abbreviations on every page, read from
the glossary file instead of appended to every page.

The generator writes the glossary as abbreviation definitions (`*[ATACMS]: Army
Tactical Missile System...`) into docs/.snippets/abbreviations.md. Markdown's `abbr`
finds definitions in a page, so pymdownx.snippets used to append that file to every
page: every line of every page then went through snippets, and the definitions through
every block processor, on each of 2,700 pages at 1,000 articles.

This extension is `abbr` itself, given the file's definitions as its glossary (abbr's
own `glossary` option, read from the file as each page's Markdown is set up, so a
preview's rebuild sees a changed glossary). Every page gets the same <abbr> elements as
before; a definition written in a page itself still works, as with `abbr`. It is named
in mkdocs.yml in abbr's place, with the file:

    - generator.site.glossary:
        file: !relative $docs_dir/.snippets/abbreviations.md
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from markdown import Markdown
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension


class GlossaryExtension(AbbrExtension):  # type: ignore[misc]  # Markdown has no types
    def __init__(self, **kwargs: object) -> None:
        file = kwargs.pop("file", None)      # a path, or MkDocs' `!relative` path-like
        super().__init__(**kwargs)
        self.file = Path(os.fspath(file)) if isinstance(file, str | os.PathLike) else None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        if self.file is not None:
            found = self.file.stat()
            self.load_glossary(read(self.file, found.st_mtime_ns, found.st_size))
        super().extendMarkdown(md)


@lru_cache(maxsize=8)
def read(file: Path, modified: int, size: int) -> dict[str, str]:
    """The definitions in `file` as it is now (its time and size are the key: each page
    of a build asks, and a preview's rebuild after an edit reads it again)."""
    return definitions(file.read_text(encoding="utf-8"))


def definitions(text: str) -> dict[str, str]:
    """The abbreviations a Markdown text defines, as `abbr` reads them from a block: an
    empty definition ('' or "") takes one back."""
    found: dict[str, str] = {}
    for match in AbbrBlockprocessor.RE.finditer(text):
        abbreviation, title = match["abbr"].strip(), match["title"].strip()
        if not (abbreviation and title):
            continue
        if title in ("''", '""'):
            found.pop(abbreviation, None)
        else:
            found[abbreviation] = title
    return found


def makeExtension(**kwargs: object) -> GlossaryExtension:  # noqa: N802 (Markdown's API)
    return GlossaryExtension(**kwargs)
