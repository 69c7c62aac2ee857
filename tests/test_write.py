"""Stage 5: the writer writes only changes, removes whatever else is in docs/, refuses
unsafe paths."""

import pytest

from generator.errors import ContentErrors
from generator.render.pages import Page
from generator.stages.write import write


def test_writes_only_changes_and_removes_stale(tmp_path):
    first = write([Page("a.md", "A\n"), Page("x/b.md", "B\n")], tmp_path)
    assert first.written == ["a.md", "x/b.md"]
    again = write([Page("a.md", "A\n"), Page("x/b.md", "B\n")], tmp_path)
    assert (again.written, again.unchanged, again.removed) == ([], 2, [])
    last = write([Page("a.md", "A2\n")], tmp_path)
    assert (last.written, last.removed) == (["a.md"], ["x/b.md"])
    assert not (tmp_path / "x").exists()
    assert (tmp_path / "a.md").read_text() == "A2\n"


def test_removes_every_file_it_did_not_write(tmp_path):
    (tmp_path / "old/deep").mkdir(parents=True)
    (tmp_path / "old/deep/page.md").write_text("stale\n")
    (tmp_path / "about.md").write_text("typed into docs/ by hand\n")
    (tmp_path / ".tmp-left-by-a-killed-run").write_text("x")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(elsewhere, target_is_directory=True)
    report = write([Page("a.md", "A\n")], tmp_path)
    assert report.removed == [".tmp-left-by-a-killed-run", "about.md", "link",
                              "old/deep/page.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
    assert elsewhere.is_dir()                    # a link is removed, not followed


@pytest.mark.parametrize("path", ["../evil.md", "/etc/evil.md", "a/../../evil.md"])
def test_refuses_paths_outside_output(tmp_path, path):
    out = tmp_path / "docs"
    with pytest.raises(ContentErrors, match="refusing to write outside"):
        write([Page(path, "x")], out)
    assert not (tmp_path / "evil.md").exists()


def test_refuses_same_path_twice(tmp_path):
    with pytest.raises(ContentErrors, match="two pages would be written"):
        write([Page("a.md", "1"), Page("A.md", "2")], tmp_path)
