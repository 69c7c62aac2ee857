"""A Python-Markdown extension: pymdownx.snippets, run only on a page with a snippet.

Snippets reads every line of every page, looking for its markers (`--8<-- "file.md"`,
a `--8<--` block, a section mark), and hands a page without one on unchanged. Only a
hand-written page includes anything (About includes contact.md), so this is snippets
with one question first: does the page hold `8<-`, which every marker holds? If not,
its lines go on as they came, as snippets would hand them on, without the scan.

Named in mkdocs.yml in pymdownx.snippets' place, with the same options.
"""

from __future__ import annotations

from markdown import Markdown
from pymdownx.snippets import SnippetExtension, SnippetPreprocessor

MARKER = "8<-"      # in every inline, block and section marker of snippets
PRIORITY = 32       # pymdownx.snippets' own: before Markdown's whitespace normalising (30)


class MarkedPagesOnly(SnippetPreprocessor):  # type: ignore[misc]  # no type information
    def run(self, lines: list[str]) -> list[str]:
        if self.auto_append or MARKER in "\n".join(lines):
            result: list[str] = super().run(lines)
            return result
        return lines


class SnippetsExtension(SnippetExtension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # SnippetExtension's own, with this preprocessor in the place of its own
        self.md = md
        md.registerExtension(self)
        md.preprocessors.register(MarkedPagesOnly(self.getConfigs(), md), "snippet", PRIORITY)


def makeExtension(**kwargs: object) -> SnippetsExtension:  # noqa: N802 (Markdown's API)
    return SnippetsExtension(**kwargs)
