"""serve's watcher: the system's file events under content/, not a scan of the folder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.site.watch import Watcher


@pytest.fixture
def watched(tmp_path: Path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "a.yaml").write_text("name: A\n")
    watcher = Watcher(tmp_path)
    yield tmp_path, watcher
    watcher.close()


def stop_after(seconds: float):
    """A `stopped` callback that says stop once `seconds` have passed."""
    end = time.monotonic() + seconds
    return lambda: 0 if time.monotonic() > end else None


@pytest.mark.parametrize("edit", [
    lambda root: (root / "actors" / "a.yaml").write_text("name: B\n"),
    lambda root: (root / "actors" / "b.yaml").write_text("name: B\n"),
    lambda root: (root / "actors" / "a.yaml").unlink(),
    lambda root: (root / "actors" / "a.yaml").rename(root / "actors" / "c.yaml"),
], ids=["changed", "added", "deleted", "renamed"])
def test_an_edit_under_the_folder_is_noticed(watched, edit):
    root, watcher = watched
    threading.Timer(0.2, edit, [root]).start()
    assert watcher.wait(stop_after(10))


def test_reading_the_files_is_not_a_change_and_a_change_is_told_once(watched):
    root, watcher = watched
    (root / "actors" / "a.yaml").write_text("name: B\n")
    assert watcher.wait(stop_after(10))
    (root / "actors" / "a.yaml").read_text()           # as regenerating does
    list(root.rglob("*"))
    assert not watcher.wait(stop_after(1))
