"""The pipeline in a few lines: load -> validate -> resolve -> render -> write -> MkDocs."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from generator.checks import record as records
from generator.checks.verify import Memo, Verified, verify
from generator.errors import ContentErrors, Result, located
from generator.render.meta import site_url
from generator.render.pages import Page, render
from generator.render.preview import Store
from generator.site import search
from generator.site.engine import DEFAULT, BuildFailed, engine
from generator.site.staging import WORK, locked, staging, swap_in
from generator.stages.load import Document, display, load, load_file
from generator.stages.pages import read_pages
from generator.stages.release import release
from generator.stages.resolve import resolve
from generator.stages.validate import validate, validate_document
from generator.stages.write import WriteReport, write


@dataclass(frozen=True)
class Project:
    """Where things live, relative to the project root."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


class Memory:
    """What a run may reuse from an earlier one. This one remembers nothing (`check`,
    `build`); serve's remembers files and findings between saves (site/incremental.py)."""

    memo: Memo | None = None
    """The editorial checks' findings per article, when they are remembered."""

    def read(self, path: Path, kind: str, root: Path | None) -> Result[Document | None]:
        return load_file(path, kind, root)

    def model(self, document: Document) -> Result[BaseModel | None]:
        return validate_document(document)


def check(project: Project, sources: Mapping[str, Path] | None = None,
          memory: Memory | None = None) -> Result[Verified]:
    """Read and check all content; nothing is written. Each stage runs on what the one
    before could make of the valid files, so the result holds every problem at once.
    A hand-written page whose name a generated page takes is found by `docs_pages`."""
    memory = memory or Memory()
    with uncollected():                             # no cycles made here: none looked for
        loaded = load(project.content, project.root, memory.read)  # YAML with positions
        content = loaded.then(lambda files: validate(files, memory.model))  # typed models
        resolved = content.then(resolve)            # cross-references and backlinks
        verified = resolved.then(lambda found: verify(  # quotes, attributions, units
            found, project.root, sources, memory.memo))
        _, pages = read_pages(project.content, project.root, ())  # content/pages/ readable
    return Result(verified.value, verified.problems + tuple(pages))


@contextmanager
def uncollected() -> Iterator[None]:
    """The cycle collector paused: what `check` builds holds no reference cycles (at
    1,000 articles it leaves none to collect), yet the collector scanned its growing
    values again and again, 0.5 of generate's CPU seconds; while the pages were
    rendered, 0.1 more, for the few cycles rendering makes (some 40,000 objects at
    1,000 articles, of the pages that import the map macros with context), found once
    when it resumes. Objects are still freed as soon as nothing refers to them."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def check_to_keep(project: Project) -> Result[Verified]:
    """Check everything, and keep what that made to the end of the run: each file's raw
    values let go (`modelled`), the rest frozen for the cycle collector before it runs
    again. Resumed first, it would have scanned every object made while it was paused,
    once, for none to collect (0.1 CPU s at 1,000 articles)."""
    with uncollected():
        checked = check(project)
        modelled(checked.unwrap())                  # each file's raw values let go
        gc.freeze()                                 # kept to the end: never scanned
    return checked


def record(project: Project, sources: Mapping[str, Path] | None = None
           ) -> tuple[Result[Verified], list[str]]:
    """Check everything against the sources at hand, then write the verification record
    of each article that has one: what the published site, built without the sources,
    may show as verified. Returns the records that changed."""
    checked = check(project, sources)
    fresh = checked.unwrap().fresh                  # every check passes first
    with writing(project):
        written = [article_id for article_id, record in sorted(fresh.items())
                   if records.update(project.content, record)]
    return (check(project, sources) if written else checked), written  # as now recorded


def generate(project: Project) -> tuple[Result[Verified], WriteReport]:
    """Check everything, then write the Markdown pages into docs/."""
    with writing(project):                          # one run at a time; OS errors located
        checked = check_to_keep(project)            # everything read before anything written
        shown = release(checked.unwrap())           # drafts and scheduled articles wait
        store = previews(project)                   # pictures already drawn, reused
        pages = docs_pages(project, shown, store).unwrap()  # Markdown text per page
        report = write(pages, project.docs)         # changed files only, each atomically
        store.save()                                # what each picture written shows
        return checked, report


def build(project: Project, strict: bool = True, engine_name: str = DEFAULT
          ) -> tuple[Result[Verified], WriteReport]:
    """Generate the pages, build the static site with the engine, index it for search.

    The engine builds the pages, written aside, into a staged site, which Pagefind
    indexes; docs/ and site/ change only once both have succeeded, so a failed or killed
    build leaves both as they were.
    """
    site_engine = engine(engine_name)               # before anything is written
    with writing(project), staging(project.root) as stage:
        checked = check_to_keep(project)            # everything read before anything written
        shown = release(checked.unwrap())           # drafts and scheduled articles wait
        store = previews(project)                   # pictures already drawn, reused
        pages = docs_pages(project, shown, store).unwrap()  # Markdown text per page
        write(pages, stage / "docs")                # the pages, aside
        try:
            site_engine.build(project.config, stage / "docs", stage / "site", strict=strict,
                              site_url=site_url(shown.resolved.content.site))
        except BuildFailed as exc:
            raise BuildFailed(f"{exc}; docs/ and site/ are unchanged") from None
        problem = search.index(stage / "site")      # Pagefind, into the staged site
        if problem:
            raise BuildFailed(f"{problem}docs/ and site/ are unchanged")
        report = into_docs(pages, stage / "docs", project.docs)  # the new pages
        store.save()                                # what each picture written shows
        swap_in(stage / "site", project.site)       # the new site in one step
    return checked, report


def into_docs(pages: list[Page], staged: Path, docs: Path) -> WriteReport:
    """The built pages into docs/: the changed ones, or, when there is no docs/ yet (a
    first build, every build in CI), the staged folder itself, in one rename instead of
    writing every page again (3,700 files at 1,000 articles)."""
    if docs.exists() or docs.is_symlink():
        return write(pages, docs)
    swap_in(staged, docs)
    return WriteReport([page.path for page in pages], 0, [])


def docs_pages(project: Project, verified: Verified,
               store: Store | None = None) -> Result[list[Page]]:
    """Every page of docs/: the generated ones, then the hand-written content/pages/.
    Link-preview images come from `store` when given (else each is drawn)."""
    with uncollected():                             # its few cycles found after
        generated = render(verified.resolved, verified, draw=store.image if store else None)
    handwritten, errors = read_pages(project.content, project.root,
                                     (page.path for page in generated))
    return Result(generated + handwritten, tuple(errors))


def modelled(verified: Verified) -> None:
    """Let go of the values read from each file, now that its model holds them: at
    1,000 articles they were a tenth of generate's peak memory, kept to the end. The
    file's text stays, for any message located in it later."""
    for document in verified.resolved.content.paths.values():
        document.data = None


def previews(project: Project) -> Store:
    """The link-preview images in docs/ and what each shows (a sidecar in .explainer/)."""
    return Store(project.docs, project.root / WORK / "previews.json")


@contextmanager
def writing(project: Project) -> Iterator[None]:
    """Hold the project lock; an operating-system error becomes a located error.

    What a run froze for the garbage collector (the checked content, its models and
    findings, alive to the end of the run; scanning them again and again cost a sixth
    of generate's time) is handed back to it when the run ends.
    """
    try:
        with locked(project.root):
            yield
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else project.root
        raise ContentErrors([located(display(where, project.root), 1, 1,
                                     f"cannot write here: {exc.strerror or exc}",
                                     "check that this path is a folder you may write to")]
                            ) from None
    finally:
        gc.unfreeze()


__all__ = ["Project", "check", "generate", "build", "ContentErrors", "BuildFailed"]
