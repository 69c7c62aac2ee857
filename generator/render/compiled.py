"""The pages' templates, compiled once per machine: Jinja's bytecode cache, kept where
Python keeps its own for the package (a user's cache folder, not the project).

Compiling the 22 page templates took 0.10 CPU s of every `explainer generate`, a clean
one too (2 % of it at 1,000 articles); loading them compiled takes 0.01. Jinja checks
each template's source against the one it was compiled from and compiles it again
when it changed. What the source alone does not say (the environment's settings, set
in pages.py, and Jinja's and Python's versions) names the cache's folder, so code
compiled under other settings is never read.

The folder is `$XDG_CACHE_HOME/explainer/templates/<key>` (`~/.cache` by default), made
for this user alone; compiled code is only read from a folder that is this user's and
that nobody else may write to. When there is no such folder (no home, a read-only
disk), templates are compiled each run, as before.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket


def bytecode_cache(settings: Path) -> jinja2.BytecodeCache | None:
    """A cache for the environment that `settings` (a module's file) sets up, or None
    when no safe folder can be had."""
    key = hashlib.sha256(b"\0".join([
        settings.read_bytes(), jinja2.__version__.encode(), sys.version.encode()]))
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        folder = base / "explainer" / "templates" / key.hexdigest()[:16]
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except (OSError, RuntimeError):          # RuntimeError: no home folder known
        return None
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) \
            or not os.access(folder, os.W_OK):
        return None
    return Cache(str(folder))


class Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache in a folder, which a failed read or write leaves as it was: the
    template is compiled, and used, all the same."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)
