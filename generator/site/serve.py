"""`explainer serve`: the engine's preview server, plus a watcher that regenerates pages.

The engine (site/engine.py) watches docs/; we watch content/. An edit regenerates the
Markdown pages and only the ones whose text changed are rewritten, so the engine
rebuilds those pages only (MkDocs' `--dirty`: at 1,000 articles, seconds instead of a
full build per save) and the browser reloads by itself. A content error is printed in the
terminal, the last good pages stay up, and the next good save recovers without a restart.
Between saves the serve process remembers what it read and rendered (incremental.py):
a save re-reads the changed files and renders only the pages they can reach.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from generator.authoring.schema import write_ids
from generator.errors import ContentErrors
from generator.pipeline import Project
from generator.site.engine import engine
from generator.site.incremental import Session
from generator.site.news import News

POLL_SECONDS = 0.3


def serve(project: Project, dev_addr: str) -> int:
    """Serve until interrupted or MkDocs stops; returns MkDocs' exit status."""
    host, port = parse_addr(dev_addr)
    snapshot = fingerprint(project.content)
    session, news = Session(project), News()
    if not regenerate(session, news) and not (project.docs / "index.md").is_file():
        say("no pages yet: the preview starts once the errors above are fixed")
        while not regenerate(session, news):
            snapshot = wait_for_change(project.content, snapshot)
    say(f"serving on {address(project, host, port)} (Ctrl+C to stop)")
    server = engine().serve(project.config, host, port)
    # A plain `kill` must stop MkDocs too: turn it into an exit that runs `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        while server.poll() is None:
            snapshot = wait_for_change(project.content, snapshot, server.poll)
            regenerate(session, news)
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return server.returncode if server.returncode and server.returncode > 0 else 0


def wait_for_change(folder: Path, snapshot: dict[str, tuple[int, int]],
                    stopped: Callable[[], int | None] = lambda: None
                    ) -> dict[str, tuple[int, int]]:
    """Block until a file under folder changes (or `stopped()` says to give up)."""
    while stopped() is None:
        time.sleep(POLL_SECONDS)
        current = fingerprint(folder)
        if current != snapshot:
            return current
    return snapshot


def parse_addr(dev_addr: str) -> tuple[str, int]:
    """`host:port`; port 0 picks a free port (the address is printed)."""
    host, _, port_text = dev_addr.rpartition(":")
    if not host or not port_text.isdigit():
        raise ValueError(f"--dev-addr must look like 127.0.0.1:8000, not {dev_addr!r}")
    port = int(port_text)
    if port == 0:
        with socket.socket() as probe:
            probe.bind((host, 0))
            port = probe.getsockname()[1]
    return host, port


def address(project: Project, host: str, port: int) -> str:
    """Where the preview is: the engine serves the site under the path of its site_url."""
    path = urlsplit(engine().site_url(project.config) or "").path
    return f"http://{host}:{port}{path or '/'}"


def regenerate(session: Session, news: News) -> bool:
    """Generate the pages that can have changed and say what changed; on any problem,
    say so, keep the last good pages, and return False."""
    write_ids(session.project.schemas, session.project.content)  # ids for the editor
    try:
        checked, written = session.generate()
    except ContentErrors as exc:
        news.problems(exc.errors)
        say("content has errors; the last good pages stay up until they are fixed")
        return False
    except Exception as exc:  # the server must survive whatever a save produces
        say(f"could not regenerate ({type(exc).__name__}: {exc}); the last good pages "
            "stay up")
        return False
    news.problems(checked.warnings)
    changed = written.written + written.removed
    say(f"regenerated {len(changed)} page(s)" + (": " + ", ".join(changed) if changed
                                                 and len(changed) <= 8 else "")
        if changed else "no page changed")
    return True


def say(message: str) -> None:
    print(f"explainer: {message}", file=sys.stderr, flush=True)


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
