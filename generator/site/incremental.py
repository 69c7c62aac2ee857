"""`explainer serve`'s memory between saves: regenerate only what an edit can change.

A `Session` keeps every content file's loaded document and validated model, keyed by
path and (modification time, size); a save re-reads and re-validates only the files
whose stamp moved, and forgets deleted ones. Resolve runs over the kept models (it is
cheap); verify re-checks only the articles whose model, source text or actors' names
changed (see `verify.Memo`). Render is asked for the pages an edit can reach: those of
the changed articles, actors and weapons and of everything they reference before and
after the edit, plus every page that is not one entity's page (home, indexes,
listings), whatever render.py lists. The result equals a full `generate`, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.pipeline import Project, writing
from generator.stages.discover import discover
from generator.errors import ContentError, ContentErrors
from generator.kinds import BY_FOLDER, KINDS
from generator.stages.load import Document, Loaded, load_file
from generator.stages.pages import read_pages
from generator.render.pages import Page, render
from generator.stages.release import release
from generator.stages.resolve import dangling, references, resolve
from generator.stages.validate import Content, validate, validate_document
from generator.checks.verify import Memo, Verified, verify
from generator.stages.write import WriteReport, write

Key = tuple[str, str]


@dataclass
class Entry:
    """One content file as last read: its document and model, or its errors."""

    stamp: tuple[int, int]
    document: Document | None
    errors: list[ContentError]
    model: BaseModel | None = None


@dataclass
class Session:
    """What one `serve` process remembers from its last good regeneration."""

    project: Project
    files: dict[str, Entry] = field(default_factory=dict)
    memo: Memo = field(default_factory=dict)
    content: Content | None = None
    quotes: dict[str, frozenset[int]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    owners: dict[int, Entry] = field(default_factory=dict)
    links: dict[Key, set[Key]] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)
    """The pages the last regeneration rendered (the others were kept as they were)."""

    def generate(self) -> tuple[Verified, WriteReport]:
        """Like `build.generate`, reusing what did not change; raises ContentErrors.

        The changed articles', actors' and weapons' own pages are written first, so the
        preview shows an edit while the listings (which show every article) are still
        being rendered; both are written before the project lock is let go."""
        with writing(self.project):
            verified = release(self.check(), preview=True)   # drafts shown, marked
            wanted = self.reach(verified)
            content = verified.resolved.content
            self.rendered = []
            first = self.write_pages(verified, lambda p: wanted(p) and entity(p, content))
            second = self.write_pages(verified, lambda p: wanted(p) and not entity(p, content))
        self.content, self.quotes = content, verified_quotes(verified)
        written = first.written + second.written
        return verified, WriteReport(written, len(self.pages) - len(written),
                                     first.removed + second.removed)

    def write_pages(self, verified: Verified, wanted: Callable[[str], bool]) -> WriteReport:
        """Render the wanted pages (and any page not written yet), keep the others'
        last text, read the hand-written pages, and write whatever differs from docs/."""
        paths: list[str] = []

        def only(path: str) -> bool:
            paths.append(path)
            return path not in self.pages or wanted(path)

        fresh = {p.path: p.text for p in render(verified.resolved, verified, only=only)}
        texts = {path: fresh[path] if path in fresh else self.pages[path] for path in paths}
        handwritten, errors = read_pages(self.project.content, self.project.root, texts)
        if errors:
            raise ContentErrors(errors)
        report = write([Page(path, text) for path, text in texts.items()] + handwritten,
                       self.project.docs)
        self.pages = texts
        self.rendered += fresh
        return report

    def check(self) -> Verified:
        """Load (changed files only), validate, resolve and verify, as `build.check`."""
        errors: list[ContentError] = []
        documents, seen = [], set()
        for path, kind in discover(self.project.content, errors, self.project.root):
            entry = self.entry(path, kind)
            seen.add(str(path))
            if entry.document is None:
                errors += entry.errors
            else:
                documents.append(entry.document)
        self.files = {p: e for p, e in self.files.items() if p in seen}
        self.owners = {id(e.document): e for e in self.files.values() if e.document}
        if errors:
            raise ContentErrors(errors + [e for d in documents
                                          for e in self.by_document(d).errors])
        try:
            content = validate(Loaded(documents), self.model_of)
        except ContentErrors as exc:
            raise ContentErrors(exc.errors + (dangling(exc.partial) if exc.partial else [])
                                ) from None
        return verify(resolve(content), self.project.root, memo=self.memo)

    def entry(self, path: Any, kind: str) -> Entry:
        """The file as last read, or read again (and validated) if its stamp moved."""
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (-1, -1)
        entry = self.files.get(str(path))
        if entry is not None and entry.stamp == stamp and (
                entry.document is None or entry.document.kind == kind):
            return entry
        try:
            entry = Entry(stamp, load_file(path, kind, self.project.root), [])
        except ContentErrors as exc:
            entry = Entry(stamp, None, exc.errors)
        if entry.document is not None:
            try:
                entry.model = validate_document(entry.document)
            except ContentErrors as exc:
                entry.errors = exc.errors
        self.files[str(path)] = entry
        return entry

    def by_document(self, document: Document) -> Entry:
        return self.owners[id(document)]

    def model_of(self, document: Document) -> BaseModel:
        entry = self.by_document(document)
        if entry.model is None:
            raise ContentErrors(entry.errors)
        return entry.model

    def reach(self, verified: Verified) -> Callable[[str], bool]:
        """Which pages to render: a predicate on a page's path."""
        old, new = self.content, verified.resolved.content
        if old is None or old.site is not new.site or old.glossary is not new.glossary:
            self.links = neighbours(new)
            return lambda path: True
        changed = changed_entities(old, new)
        now = verified_quotes(verified)
        changed |= {("article", a) for a in set(now) | set(self.quotes)
                    if now.get(a) != self.quotes.get(a)}
        dirty = set(changed)
        self.links, before = neighbours(new), self.links
        for links in (before, self.links):
            for key in changed:
                dirty |= links.get(key, set())

        def wanted(path: str) -> bool:
            return not entity(path, new) or page_key(path) in dirty
        return wanted


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


def changed_entities(old: Content, new: Content) -> set[Key]:
    """Articles, actors and weapons whose model is not the very one used last time."""
    result = set()
    for kind in KINDS:
        before, after = old.of[kind], new.of[kind]
        for id_ in set(before) | set(after):
            if before.get(id_) is not after.get(id_):
                result.add((kind, id_))
    return result


def neighbours(content: Content) -> dict[Key, set[Key]]:
    """Who shows whom: every reference, both ways (an article page names its actors,
    an actor page lists its articles, members, weapons and affiliation)."""
    links: dict[Key, set[Key]] = {}
    for kind, id_, _, target, ref in references(content):
        links.setdefault((kind, id_), set()).add((target, ref))
        links.setdefault((target, ref), set()).add((kind, id_))
    return links


def verified_quotes(verified: Verified) -> dict[str, frozenset[int]]:
    """Per article, which of its quotes are marked verified."""
    return {a: frozenset(i for i, q in enumerate(x.quotes) if verified.quote_verified(q))
            for a, x in verified.resolved.content.articles.items()}
