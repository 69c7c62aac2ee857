"""`explainer serve`'s memory between saves: regenerate only what an edit can change.

Everything remembered is keyed by what identifies it across saves, never by which
Python object holds it: a content file's loaded document and model by its path and
stamp (modification time and size), so a save re-reads and re-validates only the files
whose stamp moved, and deleted files are forgotten; an article's findings by its id and
the stamps they depend on (see `verify.Memo`); verified quotes by (article id, index).
The checks run through the same `pipeline.check` as `explainer check` and `build`.
Render is asked for the pages an edit can reach: those of the changed articles, actors
and weapons and of everything they reference before and after the edit, plus every
page that is not one entity's page (home, indexes, listings), whatever render.py lists;
every page when a name or alias of an actor or weapon changed (any text may mention
it, `render.mentions`). The result equals a full `generate`, byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.checks.verify import Memo, Verified
from generator.errors import ContentErrors, Result
from generator.kinds import BY_FOLDER, KINDS
from generator.pipeline import Memory, Project, check, writing
from generator.render.mentions import names
from generator.render.pages import Page, render
from generator.site.lastgood import LastGood
from generator.stages.load import Document, Stamp, display, load_file, stamp
from generator.stages.pages import read_pages
from generator.stages.release import release
from generator.stages.validate import Content, validate_document
from generator.stages.write import WriteReport, check_paths, prepare, write

Key = tuple[str, str]


@dataclass
class Entry:
    """One content file as last read: its document (or errors), and its model once
    validated. Both hold while the file keeps `stamp`."""

    stamp: Stamp
    kind: str
    document: Result[Document | None]
    model: Result[BaseModel | None] | None = None


class Remembered(Memory):
    """Files by their path as the writer knows it, and each article's findings."""

    def __init__(self) -> None:
        self.files: dict[str, Entry] = {}
        self.memo: Memo = {}
        self.seen: set[str] = set()
        self.where: dict[Path, str] = {}
        """Each path as the writer knows it (`display` resolves its folder's links)."""

    def read(self, path: Path, kind: str, root: Path | None) -> Result[Document | None]:
        """The file as last read, or read again if its stamp moved."""
        where = self.where.get(path) or self.where.setdefault(path, display(path, root))
        self.seen.add(where)
        entry = self.files.get(where)
        if entry is None or entry.stamp != stamp(path) or entry.kind != kind:
            document = load_file(path, kind, root)
            entry = Entry(document.value.stamp if document.value else stamp(path), kind,
                          document)
            self.files[where] = entry
        return entry.document

    def model(self, document: Document) -> Result[BaseModel | None]:
        """The model validated from this very file version, or validated now."""
        entry = self.files.get(document.path)
        if entry is None or entry.stamp != document.stamp:
            return validate_document(document)
        if entry.model is None:
            entry.model = validate_document(document)
        return entry.model

    def forget_unseen(self) -> None:
        """Drop the files this run did not read (they were deleted or moved)."""
        self.files = {where: e for where, e in self.files.items() if where in self.seen}
        self.seen = set()


@dataclass
class Session:
    """What one `serve` process remembers from its last good regeneration."""

    project: Project
    memory: Remembered = field(default_factory=Remembered)
    content: Content | None = None
    quotes: frozenset[tuple[tuple[str, int], str]] = frozenset()
    """The verified quotes, as ((article id, index), what readers are told of it)."""
    pages: dict[str, str | bytes] = field(default_factory=dict)
    links: dict[Key, set[Key]] = field(default_factory=dict)
    refs: dict[Key, tuple[Stamp, frozenset[Key]]] = field(default_factory=dict)
    """Each file's own references, by its stamp (see `neighbours`)."""
    rendered: list[str] = field(default_factory=list)
    """The pages the last regeneration rendered (the others were kept as they were)."""
    last_good: LastGood = field(default_factory=LastGood)
    broken: set[str] = field(default_factory=set)
    """The files the last regeneration took in their last good version."""
    retagged: list[str] = field(default_factory=list)
    """The pages the last regeneration touched for the tags page (see `retag`)."""

    def generate(self, shown: Callable[[WriteReport], object] = lambda _: None
                 ) -> tuple[Result[Verified], WriteReport]:
        """Like `pipeline.generate`, reusing what did not change; raises ContentErrors
        only when the broken files cannot stand in with their last good versions.

        The changed articles', actors' and weapons' own pages are written first, and
        `shown` is called with what that wrote (serve has the engine rebuild them), so
        the preview shows an edit while the listings (which show every article) are
        still to be rendered; both are written before the project lock is let go."""
        with writing(self.project):
            checked = check(self.project, memory=self.memory)   # as `explainer check`
            self.memory.forget_unseen()
            verified, self.broken = self.last_good.stand_in(
                checked, self.project.root, self.memory.memo) if checked.errors else (
                checked.value, set())              # a broken file keeps its last good pages
            self.last_good.keep(verified.resolved.content, self.broken)
            verified = release(verified, preview=True)   # drafts shown, marked
            wanted = self.reach(verified)
            content = verified.resolved.content
            self.rendered = []
            first = self.write_pages(verified, lambda p: wanted(p) and entity(p, content),
                                     whole=False)
            shown(first)
            second = self.write_pages(verified, lambda p: wanted(p) and not entity(p, content))
            self.retagged = self.retag(self.content, content)
        self.content, self.quotes = content, shown_quotes(verified)
        written = first.written + [p for p in second.written if p not in first.written]
        return checked, WriteReport(written, len(self.pages) - len(written), second.removed)

    def retag(self, old: Content | None, new: Content) -> list[str]:
        """When any article's tags changed, the pages the engine's tags page is made of
        (every article's, and the tags page), touched: a rebuild of the changed pages
        only (MkDocs' `--dirty`) would leave the tags page as it was."""
        if old is None or tags(old) == tags(new):
            return []
        pages = [p for p in self.pages if (page_key(p) or ("",))[0] == "article"]
        pages += [p for p in ("tags.md",) if (self.project.docs / p).is_file()]
        for path in pages:
            (self.project.docs / path).touch()
        return pages

    def stood_in(self) -> tuple[list[str], list[str]]:
        """The files the last regeneration could not take as they are (those with errors,
        and those naming one that was left out): the ones shown in their last good
        version, and the ones left out (they never had one)."""
        good = {document.path for document, _ in self.last_good.files.values()}
        return (sorted(self.broken & good), sorted(self.broken - good))

    def write_pages(self, verified: Verified, wanted: Callable[[str], bool],
                    whole: bool = True) -> WriteReport:
        """Render the wanted pages (and any page not written yet), keep the others'
        last text; then write whatever differs from docs/ with the hand-written pages
        (whole), or only the rendered pages whose text changed (to show those at once:
        the whole write that follows compares every file with docs/)."""
        paths: list[str] = []

        def only(path: str) -> bool:
            paths.append(path)
            return path not in self.pages or wanted(path)

        fresh = {p.path: p.text for p in render(verified.resolved, verified, only=only)}
        texts = {path: fresh[path] if path in fresh else self.pages[path] for path in paths}
        if whole or not self.pages:                 # the first time: compare with docs/
            report = self.write_whole(texts)
        else:
            report = write_changed([Page(path, text) for path, text in fresh.items()
                                    if self.pages.get(path) != text], self.project.docs)
        self.pages = texts
        self.rendered += fresh
        return report

    def write_whole(self, texts: dict[str, str | bytes]) -> WriteReport:
        """Every page and the hand-written ones, written where they differ from docs/."""
        handwritten, errors = read_pages(self.project.content, self.project.root, texts)
        if errors:
            raise ContentErrors(errors)             # before anything is written
        return write([Page(path, text) for path, text in texts.items()] + handwritten,
                     self.project.docs)

    def reach(self, verified: Verified) -> Callable[[str], bool]:
        """Which pages to render: a predicate on a page's path."""
        old, new = self.content, verified.resolved.content
        if old is None or any(stamp_of(old, key) != stamp_of(new, key)
                              for key in (("site", "site"), ("glossary", "glossary"))) \
                or names(old).targets != names(new).targets:
            self.links = neighbours(new, self.refs)
            return lambda path: True
        changed = changed_entities(old, new)
        changed |= {("article", a) for (a, _), _ in shown_quotes(verified) ^ self.quotes}
        dirty = set(changed)
        self.links, before = neighbours(new, self.refs), self.links
        for links in (before, self.links):
            for key in changed:
                dirty |= links.get(key, set())

        def wanted(path: str) -> bool:
            return not entity(path, new) or page_key(path) in dirty
        return wanted


def write_changed(pages: list[Page], docs: Path) -> WriteReport:
    """Write these pages (each whole, then renamed into place), checked as `write` checks
    them; nothing else in docs/ is compared or removed."""
    check_paths(pages, docs)
    for page in pages:
        os.replace(prepare(docs / page.path, page.data), docs / page.path)
    return WriteReport([page.path for page in pages], 0, [])


def page_key(path: str) -> Key | None:
    """(kind, id) of a page in a kind's folder: one file's own page (<folder>/<id>.md),
    or a further page of its backlinks (<folder>/<id>/<list>-<n>.md); else None."""
    parts = path.split("/")
    kind = BY_FOLDER.get(parts[0])
    if kind is None or not parts[-1].endswith(".md") or parts[-1] == ".md":
        return None
    if len(parts) == 2:
        return kind.name, parts[1].removesuffix(".md")
    return (kind.name, parts[1]) if len(parts) == 3 and kind.backlinks else None


def entity(path: str, content: Content) -> bool:
    """One article's, actor's or weapon's own page (not home, an index or a listing)."""
    return page_key(path) in content.paths


def tags(content: Content) -> dict[str, tuple[str, ...]]:
    return {id_: tuple(article.tags) for id_, article in content.articles.items()}


def stamp_of(content: Content, key: Key) -> Stamp | None:
    """The stamp of the file a model was read from (None when there is none)."""
    document = content.paths.get(key)
    return document.stamp if document else None


def changed_entities(old: Content, new: Content) -> set[Key]:
    """Articles, actors and weapons whose file changed, appeared or went away."""
    result = set()
    for kind in KINDS:
        before, after = old.of[kind], new.of[kind]
        for id_ in set(before) | set(after):
            key = (kind, id_)
            if (id_ in before) != (id_ in after) or stamp_of(old, key) != stamp_of(new, key):
                result.add(key)
    return result


def neighbours(content: Content, known: dict[Key, tuple[Stamp, frozenset[Key]]]
               ) -> dict[Key, set[Key]]:
    """Who shows whom: every reference, both ways (an article page names its actors,
    an actor page lists its articles, members, weapons and affiliation). A file's own
    references are walked again only when its stamp moved (`known` keeps them)."""
    links: dict[Key, set[Key]] = {}
    seen = set()
    for kind in KINDS.values():
        for id_, model in content.of[kind.name].items():
            key = (kind.name, id_)
            version = stamp_of(content, key)
            if version is None or known.get(key, (None,))[0] != version:
                known[key] = (version or (-1, -1), frozenset(
                    (ref.target, target) for ref in kind.refs
                    for _, target, _ in ref.find(model)))
            seen.add(key)
            for target in known[key][1]:
                links.setdefault(key, set()).add(target)
                links.setdefault(target, set()).add(key)
    for gone in known.keys() - seen:
        del known[gone]
    return links


def shown_quotes(verified: Verified) -> frozenset[tuple[tuple[str, int], str]]:
    """Each verified quote, by (article id, index), with what its page says of it."""
    return frozenset((key, verified.proofs.get(key, "")) for key in verified.checked_quotes)
