"""Nothing lost: one run at a time, work in a staging folder, swap results in whole.

`explainer build` writes the pages into a fresh docs folder and has the engine build it
into a fresh site folder, both under `.explainer/`. Only when MkDocs has succeeded are
the changed pages moved into docs/ and the new site swapped for site/ (in one rename
where the system allows it). A build that fails or is killed leaves docs/ and site/ as
they were. A lock file keeps `serve`, `generate` and `build` from overlapping.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from generator.errors import ContentErrors, located

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, the rest still holds
    fcntl = None  # type: ignore[assignment]

WORK = ".explainer"
LOCK_WAIT_SECONDS = 600.0


@contextmanager
def locked(root: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the project's lock: other explainer runs that write wait for it."""
    folder = root / WORK
    folder.mkdir(exist_ok=True)
    path = folder / "lock"
    with path.open("a+") as handle:
        acquire(handle, path, wait)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        clean_leftovers(folder)
        try:
            yield
        finally:
            if fcntl:
                fcntl.flock(handle, fcntl.LOCK_UN)


def acquire(handle: IO[str], path: Path, wait: float) -> None:
    if not fcntl:
        return
    deadline, told = time.monotonic() + wait, False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            if time.monotonic() >= deadline:
                raise ContentErrors([located(
                    path.as_posix(), 1, 1, f"another explainer run (process {holder}) is "
                    "still writing docs/ or site/",
                    "wait for it to finish, or stop it, then run again")]) from None
            if not told:
                print(f"explainer: waiting for another explainer run (process {holder})",
                      file=sys.stderr, flush=True)
                told = True
            time.sleep(0.1)


def clean_leftovers(folder: Path) -> None:
    """Staging folders of runs that were killed: nobody else holds the lock, so remove."""
    for stale in folder.glob("stage-*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def staging(root: Path) -> Iterator[Path]:
    """A fresh folder for one run's work, removed afterwards whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="stage-", dir=root / WORK))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Put folder `new` at `target` in one step; the previous one ends up at `new`."""
    if not target.exists():
        new.rename(target)
    elif not exchange(new, target):
        old = new.with_name(new.name + ".old")
        target.rename(old)
        new.rename(target)
        old.rename(new)


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        rename = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result: int = rename(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0
