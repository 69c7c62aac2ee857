"""Waiting for an edit: the operating system's file events under content/, via watchdog
(inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows), instead of
reading the whole folder's stamps over and over.

Where the system refuses another watch (Linux limits how many a user may hold), the
folder is polled instead, as watchdog's PollingObserver does it. Events that change
nothing (a file opened or read, as regenerating does) are ignored; the burst of events
one save makes (an editor writes a temporary file, then renames it) counts as one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})
"""Event types that mean a file changed ("closed": closed after writing)."""
SETTLE_SECONDS = 0.05
"""How long after an event the rest of the same save may still arrive."""
CHECK_SECONDS = 0.5
"""How often a waiting watcher asks whether it should stop waiting."""


class Watcher:
    """Says when anything under a folder has changed since it last said so."""

    def __init__(self, folder: Path):
        self.changed = threading.Event()
        self.observer = observe(folder, Nudge(self.changed))

    def wait(self, stopped: Callable[[], int | None] = lambda: None) -> bool:
        """Block until something changed (True), or until `stopped()` returns a status
        (False). Changes made while the caller worked on the last one are not lost."""
        while stopped() is None:
            if self.changed.wait(CHECK_SECONDS):
                time.sleep(SETTLE_SECONDS)          # the rest of the same save
                self.changed.clear()
                return True
        return False

    def close(self) -> None:
        self.observer.stop()
        self.observer.join()


class Nudge(FileSystemEventHandler):
    """Sets the event when a file or folder was created, changed, removed or moved."""

    def __init__(self, changed: threading.Event):
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in CHANGES:
            self.changed.set()


def observe(folder: Path, handler: FileSystemEventHandler) -> BaseObserver:
    """A started observer of folder and everything under it: the system's own, or a
    polling one where the system has no watch left to give."""
    for kind in (Observer, PollingObserver):
        observer = kind()
        observer.schedule(handler, str(folder), recursive=True)
        try:
            observer.start()
        except OSError:                 # e.g. "inotify watch limit reached"
            continue
        return observer
    raise OSError(f"cannot watch {folder} for changes")
