"""`serve`'s incremental regeneration: after any sequence of edits, docs/ is exactly
what a full `generate` writes from the same content, and untouched pages are not
rendered again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.pipeline import Project, check, generate
from generator.site.incremental import Session

from .conftest import copy_project

ARTICLE = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
GRENELL = "content/actors/richard-grenell.yaml"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def full(root: Path, tmp: Path) -> dict[str, bytes]:
    """docs/ as a from-scratch `generate` of root's content writes it."""
    fresh = tmp / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    copy_project(fresh)
    shutil.rmtree(fresh / "content")
    shutil.copytree(root / "content", fresh / "content")
    generate(Project(fresh))
    return tree(fresh / "docs")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


EDITS = [
    ("a key fact", lambda r: replace(r / ARTICLE, "deep inside Russia**", "deep in Russia**")),
    ("the headline", lambda r: replace(
        r / ARTICLE, "headline: U.S. lets Ukraine", "headline: Washington lets Ukraine")),
    ("an actor's summary", lambda r: replace(r / GRENELL, "closest", "nearest")),
    ("an actor's name", lambda r: replace(r / "content/actors/poland.yaml",
                                          "name: Poland", "name: Republic of Poland")),
    ("an actor reference removed", lambda r: replace(
        r / ARTICLE, "  - ref: joe-biden\n    role: His administration made the decision, weeks "
        "before he leaves office\n    principal: true\n", "")),
    ("a new actor, referenced", lambda r: (
        (r / "content/actors/kaja-kallas.yaml").write_text(
            "name: Kaja Kallas\nkind: person\nsummary: Incoming EU foreign policy chief.\n",
            "utf-8"),
        replace(r / ARTICLE, "  - ref: donald-trump\n",
                "  - ref: kaja-kallas\n    role: Named by nobody here\n"
                "  - ref: donald-trump\n"))),
    ("the new actor unreferenced and deleted", lambda r: (
        replace(r / ARTICLE, "  - ref: kaja-kallas\n    role: Named by nobody here\n", ""),
        (r / "content/actors/kaja-kallas.yaml").unlink())),
    ("a hand-written page", lambda r: replace(
        r / "content/pages/about.md", "# About this site", "# About these explainers")),
    ("a new hand-written page", lambda r: (r / "content/pages/contact.md").write_text(
        "# Contact\n", "utf-8")),
    ("the new page deleted", lambda r: (r / "content/pages/contact.md").unlink()),
]


@pytest.mark.parametrize("edits", [len(EDITS)])
def test_edits_equal_a_full_generate(tmp_path: Path, edits: int) -> None:
    root = copy_project(tmp_path / "project")
    session = Session(Project(root))
    session.generate()
    assert tree(root / "docs") == full(root, tmp_path)
    for what, edit in EDITS[:edits]:
        edit(root)
        session.generate()
        assert tree(root / "docs") == full(root, tmp_path), what


def test_an_error_keeps_the_last_good_pages_and_a_fix_recovers(tmp_path: Path) -> None:
    """A broken file stands in with its last good version: its pages stay, the others
    follow their edits, and the problems are those `explainer check` reports."""
    root = copy_project(tmp_path / "project")
    session = Session(Project(root))
    session.generate()
    before = tree(root / "docs")
    replace(root / ARTICLE, "published: 2024-11-18", "published: 2024-11-318")
    checked, _ = session.generate()
    [error] = checked.errors
    assert (error.path, error.line) == (ARTICLE, 7)
    assert session.broken == {ARTICLE}
    assert tree(root / "docs") == before
    replace(root / ARTICLE, "2024-11-318", "2024-11-19")
    session.generate()
    assert tree(root / "docs") == full(root, tmp_path)
    replace(root / GRENELL, "name: Richard Grenell", "name Richard Grenell\n  x: [")
    checked, _ = session.generate()
    assert {e.path for e in checked.errors} == {GRENELL}
    assert sorted(checked.problems) == sorted(check(Project(root)).problems)  # one path
    replace(root / GRENELL, "name Richard Grenell\n  x: [", "name: Richard Grenell")
    session.generate()
    assert session.broken == set()
    assert tree(root / "docs") == full(root, tmp_path)


def test_with_no_good_version_to_stand_in_nothing_is_written(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    replace(root / "content/site.yaml", "title:", "title")
    with pytest.raises(ContentErrors) as caught:
        Session(Project(root)).generate()
    assert {e.path for e in caught.value.errors if e.severity == "error"} == {
        "content/site.yaml"}
    assert not (root / "docs" / "index.md").exists()


def test_an_actor_edit_renders_only_the_pages_that_show_the_actor(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    session = Session(Project(root))
    session.generate()
    assert "weapons/f-16.md" in session.rendered
    replace(root / GRENELL, "closest", "nearest")
    _, report = session.generate()
    assert report.written == ["actors/richard-grenell.md"]
    assert "actors/richard-grenell.md" in session.rendered
    assert "articles/us-allows-ukraine-deep-strikes-in-russia.md" in session.rendered
    assert "weapons/f-16.md" not in session.rendered
    assert "actors/poland.md" not in session.rendered


def test_split_listings_and_backlink_pages_stay_equal(tmp_path: Path) -> None:
    """Synthetic content big enough that listings and backlinks run to several pages."""
    from benchmarks import bench

    root = bench.fresh_project(tmp_path / "synthetic", 60)
    assert list((root / "content").glob("*")), "synthetic content was generated"
    session = Session(Project(root))
    session.generate()
    assert any(p.count("/") == 2 for p in session.pages if p.startswith("actors/"))
    article = sorted((root / "content/articles").glob("*.yaml"))[30]
    for kind in ("body", "headline"):
        bench.edit(article, kind)
        session.generate()
        assert tree(root / "docs") == full(root, tmp_path), kind
    article.unlink()
    session.generate()
    assert tree(root / "docs") == full(root, tmp_path), "article deleted"
