"""`explainer serve`: MkDocs' preview server, plus a watcher that regenerates pages.

MkDocs watches docs/; we watch content/. An edit regenerates the pages (only changed
files are rewritten), and MkDocs reloads the browser. `--livereload` is passed
explicitly: with click newer than 8.2.1, MkDocs 1.6.1 does not reload without it.
A content error is printed and the last good pages stay up.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .build import Project, generate
from .errors import ContentErrors
from .report import report

POLL_SECONDS = 0.3


def serve(project: Project, dev_addr: str) -> None:
    regenerate(project)
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload",
               "--dev-addr", dev_addr, "-f", str(project.config)]
    server = subprocess.Popen(command, cwd=project.root)
    try:
        snapshot = fingerprint(project.content)
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = fingerprint(project.content)
            if current != snapshot:
                snapshot = current
                regenerate(project)
    finally:
        server.terminate()
        server.wait(timeout=10)


def regenerate(project: Project) -> None:
    try:
        resolved, written = generate(project)
    except ContentErrors as exc:
        report(exc.errors)
        print("explainer: content has errors; the last good pages stay up",
              file=sys.stderr, flush=True)
        return
    report(resolved.warnings)
    print(f"explainer: regenerated {len(written.written)} page(s)", file=sys.stderr,
          flush=True)


def fingerprint(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under folder."""
    result = {}
    for path in folder.rglob("*"):
        try:
            stat = path.stat()
        except OSError:
            continue
        result[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return result
