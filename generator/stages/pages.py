"""Hand-written pages: Markdown files in content/pages/, copied into docs/ unchanged.

Part of the load stage. Writers edit these pages (About, the tags page) like the rest of
content/, and docs/ stays entirely generated. Their Markdown is trusted as it is
reviewed, like the theme: it reaches the engine as written, and the strict build checks
its links. A page is read with the limits of every content file (1 MB, UTF-8); its name
is a lowercase id, and it may not take the place of a generated page or folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from generator.errors import ContentError, located
from generator.render.pages import Page
from generator.stages.discover import ID_PATTERN, display
from generator.stages.load import Unreadable, decode, read
from generator.stages.safety import DEVICE_NAMES, shorten

FOLDER = "pages"
ENGINE_NAMES = frozenset({"search", "assets", "sitemap"})  # what the engine puts in site/


def read_pages(content_dir: Path, root: Path | None, generated: Iterable[str]
               ) -> tuple[list[Page], list[ContentError]]:
    """The pages in content/pages/ (docs path `<name>.md`), and every problem found.

    `generated` are the docs paths of the generated pages, which a page may not take."""
    folder = content_dir / FOLDER
    taken = {PurePosixPath(p).parts[0].removesuffix(".md") for p in generated}
    pages: list[Page] = []
    errors: list[ContentError] = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        where = display(path, root)
        problem = page_problem(path, taken)
        if problem:
            errors.append(located(where, 1, 1, *problem))
        elif path.suffix == ".md":
            try:
                pages.append(Page(path.name, decode(read(path, where), where)))
            except Unreadable as exc:
                errors += exc.args[0]
    return pages, errors


def page_problem(path: Path, taken: set[str]) -> tuple[str, str] | None:
    """Why this entry of content/pages/ cannot be a page (message, hint), or None.
    Entries that are not Markdown files are left alone, as elsewhere in content/."""
    if path.name.startswith(".") or path.suffix.lower() not in (".md", ""):
        return None
    if path.is_symlink() or not path.is_file():
        what = "folders" if path.is_dir() and not path.is_symlink() else "links or devices"
        return (f"pages are plain files directly in content/pages/, not {what}",
                "put the page itself in content/pages/")
    if path.suffix != ".md":
        return (f"pages end in .md, not {path.suffix}", f"rename it to {path.stem}.md")
    if not ID_PATTERN.match(path.stem):
        return (f"'{shorten(path.stem)}' is not a valid name for a page",
                "use lowercase letters, digits and single hyphens, like 'about.md'")
    if path.stem in taken or path.stem in ENGINE_NAMES or path.stem in DEVICE_NAMES:
        return (f"'{path.stem}' is the name of a generated page or folder",
                "choose another name for this page")
    return None
