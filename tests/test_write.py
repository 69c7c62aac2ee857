"""Stage 5: the writer writes only changes, removes stale pages, refuses unsafe paths."""

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


def test_hand_written_pages_are_never_touched(tmp_path):
    write([Page("a.md", "A\n")], tmp_path)
    (tmp_path / "about.md").write_text("mine\n")
    with pytest.raises(ContentErrors, match="about.md is hand-written"):
        write([Page("a.md", "A\n"), Page("about.md", "generated\n")], tmp_path)
    write([], tmp_path)
    assert (tmp_path / "about.md").read_text() == "mine\n"


@pytest.mark.parametrize("path", ["../evil.md", "/etc/evil.md", "a/../../evil.md"])
def test_refuses_paths_outside_output(tmp_path, path):
    out = tmp_path / "docs"
    with pytest.raises(ContentErrors, match="refusing to write outside"):
        write([Page(path, "x")], out)
    assert not (tmp_path / "evil.md").exists()


def test_refuses_same_path_twice(tmp_path):
    with pytest.raises(ContentErrors, match="two pages would be written"):
        write([Page("a.md", "1"), Page("A.md", "2")], tmp_path)
