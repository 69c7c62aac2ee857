"""Old output moved out of the way before a timed run, and deleted only when the bench ends.

Deleting thousands of files just before a timed run charges the run for them on ext4
without a journal (these machines): for some 30 s after a deletion, each new file makes
the kernel step over every inode freed in that time (ext4's `find_inode_bit` asks
`recently_deleted` of each). Measured: a clean `explainer generate` at 1,000 articles
spent 2.5 to 3.5 CPU s in the kernel right after `rm -rf docs site`, and 0.5 s after a
fresh clone. A folder renamed into the trash frees no inode, so each clean run starts as
it would after a fresh clone; the trash is emptied once nothing more is timed.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

_FOLDER: list[Path] = []
_NAMES = itertools.count()


def use(folder: Path) -> None:
    """Put discarded output in `folder` (on the same file system as what is discarded)."""
    _FOLDER[:] = [folder]


def discard(path: Path) -> None:
    """Move `path` (if it exists) into the trash, or delete it if no trash is in use."""
    if not path.exists():
        return
    if not _FOLDER:
        shutil.rmtree(path)
        return
    _FOLDER[0].mkdir(parents=True, exist_ok=True)
    os.rename(path, _FOLDER[0] / f"{os.getpid()}-{next(_NAMES)}")


def empty() -> None:
    """Delete everything discarded; later discards delete at once."""
    for folder in _FOLDER:
        shutil.rmtree(folder, ignore_errors=True)
    _FOLDER.clear()
