"""The pipeline in a few lines: load -> validate -> resolve -> render -> write -> MkDocs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.checks import record as records
from generator.checks.verify import Verified, verify
from generator.errors import ContentError, ContentErrors, located
from generator.render.meta import site_url
from generator.render.pages import Page, render
from generator.site.engine import DEFAULT, BuildFailed, engine
from generator.site.staging import locked, staging, swap_in
from generator.stages.load import Loaded, display, load
from generator.stages.pages import read_pages
from generator.stages.release import release
from generator.stages.resolve import dangling, resolve
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


def check(project: Project, sources: Mapping[str, Path] | None = None) -> Verified:
    """Read and check all content; nothing is written. Raises ContentErrors."""
    try:
        loaded = load(project.content, project.root)   # YAML with positions
    except ContentErrors as exc:                        # still check the files that loaded
        raise ContentErrors(exc.errors + invalid(exc.partial)) from None
    try:
        content = validate(loaded)                  # typed models, every error located
    except ContentErrors as exc:                    # still check the valid files' references
        raise ContentErrors(exc.errors + (dangling(exc.partial) if exc.partial else [])
                            ) from None
    resolved = resolve(content)                     # cross-references and backlinks
    return verify(resolved, project.root, sources)  # quotes, attributions, units


def record(project: Project, sources: Mapping[str, Path] | None = None
           ) -> tuple[Verified, list[str]]:
    """Check everything against the sources at hand, then write the verification record
    of each article that has one: what the published site, built without the sources,
    may show as verified. Returns the records that changed."""
    verified = check(project, sources)              # every check passes first
    with writing(project):
        written = [article_id for article_id, fresh in sorted(verified.fresh.items())
                   if records.update(project.content, fresh)]
    return (check(project, sources) if written else verified), written  # as now recorded


def invalid(loaded: Loaded | None) -> list[ContentError]:
    """The model errors of the files that could be read, when others could not."""
    errors: list[ContentError] = []
    for doc in loaded.documents if loaded else []:
        try:
            validate_document(doc)
        except ContentErrors as exc:
            errors.extend(exc.errors)
    return errors


def generate(project: Project) -> tuple[Verified, WriteReport]:
    """Check everything, then write the Markdown pages into docs/."""
    with writing(project):                          # one run at a time; OS errors located
        verified = check(project)                   # everything read before anything written
        shown = release(verified)                   # drafts and scheduled articles wait
        pages = docs_pages(project, shown)          # Markdown text per page
        return verified, write(pages, project.docs)  # changed files only, each atomically


def build(project: Project, strict: bool = True, engine_name: str = DEFAULT
          ) -> tuple[Verified, WriteReport]:
    """Generate the pages, then build the static site with the engine (MkDocs).

    The engine builds the pages, written aside, into a staged site; docs/ and site/ change
    only once it has succeeded, so a failed or killed build leaves both as they were.
    """
    site_engine = engine(engine_name)               # before anything is written
    with writing(project), staging(project.root) as stage:
        verified = check(project)                   # everything read before anything written
        shown = release(verified)                   # drafts and scheduled articles wait
        pages = docs_pages(project, shown)          # Markdown text per page
        write(pages, stage / "docs")                # the pages, aside
        try:
            site_engine.build(project.config, stage / "docs", stage / "site", strict=strict,
                              site_url=site_url(verified.resolved.content.site))
        except BuildFailed as exc:
            raise BuildFailed(f"{exc}; docs/ and site/ are unchanged") from None
        report = write(pages, project.docs)         # the new pages into docs/
        swap_in(stage / "site", project.site)       # the new site in one step
    return verified, report


def docs_pages(project: Project, verified: Verified) -> list[Page]:
    """Every page of docs/: the generated ones, then the hand-written content/pages/."""
    generated = render(verified.resolved, verified)
    handwritten, errors = read_pages(project.content, project.root,
                                     (page.path for page in generated))
    if errors:
        raise ContentErrors(errors)
    return generated + handwritten


@contextmanager
def writing(project: Project) -> Iterator[None]:
    """Hold the project lock; an operating-system error becomes a located error."""
    try:
        with locked(project.root):
            yield
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else project.root
        raise ContentErrors([located(display(where, project.root), 1, 1,
                                     f"cannot write here: {exc.strerror or exc}",
                                     "check that this path is a folder you may write to")]
                            ) from None


__all__ = ["Project", "check", "generate", "build", "ContentErrors", "BuildFailed"]
