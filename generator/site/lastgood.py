"""`explainer serve` with a broken file: keep its last good version, update the rest.

After every regeneration the preview remembers, for each content file without errors,
the document and model it was rendered from (keyed by kind and id). When a save leaves
errors, the files that have them stand in with their last good version (a file that
never had one, such as a skeleton just made, is left out), and the content is resolved
and checked again; a file whose references now fail (it names what was left out) takes
its last good version in turn. If that gives content without errors, it is rendered:
the broken files' pages stay as they were, every other page follows its edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.checks.verify import Memo, Verified, verify
from generator.errors import ContentErrors, Result
from generator.stages.load import Document, Loaded
from generator.stages.resolve import resolve
from generator.stages.validate import Content, assemble

Key = tuple[str, str]
ROUNDS = 4
"""Rounds of standing in before giving up (each takes in the files the last one broke)."""


@dataclass
class LastGood:
    """The last version of each content file that was rendered without errors."""

    files: dict[Key, tuple[Document, Any]] = field(default_factory=dict)

    def keep(self, content: Content, broken: set[str]) -> None:
        """Remember the valid files of content just rendered (not those in `broken`)."""
        for key, document in content.paths.items():
            model = model_of(content, key)
            if model is not None and key not in content.invalid and \
                    document.path not in broken:
                self.files[key] = (document, model)

    def stand_in(self, checked: Result[Verified], root: Path, memo: Memo
                 ) -> tuple[Verified, set[str]]:
        """Content without errors made of the valid files and the last good versions of
        the broken ones, and the paths of the files that stood in; raises ContentErrors
        (every problem of `checked`) when there is no such content."""
        content = checked.value.resolved.content
        broken = {p.path for p in checked.errors}   # then those that name what is left out
        for _ in range(ROUNDS):
            merged = self.merge(content, broken)
            if merged.settings is None:                 # nothing renders without a site
                break
            result = resolve(merged).then(lambda found: verify(found, root, None, memo))
            if not result.errors:
                return result.value, broken
            broken |= {p.path for p in result.errors}
        raise ContentErrors(checked.problems)

    def merge(self, content: Content, broken: set[str]) -> Content:
        """The content with each broken file's last good version, or without it."""
        documents, models = [], {}
        for key, document in content.paths.items():
            if document.path not in broken and key not in content.invalid:
                documents.append(document)
                models[key] = model_of(content, key)
            elif key in self.files:
                documents.append(self.files[key][0])
                models[key] = self.files[key][1]
        for key in content.invalid - content.paths.keys():     # unreadable now
            if key in self.files:
                documents.append(self.files[key][0])
                models[key] = self.files[key][1]
        return assemble(Loaded(documents), models)


def model_of(content: Content, key: Key) -> Any:
    kind, id_ = key
    if kind == "site":
        return content.settings
    if kind == "glossary":
        return content.glossary
    return content.of[kind].get(id_)

