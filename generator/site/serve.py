"""`explainer serve`: the engine's preview server, plus a watcher that regenerates pages.

We watch content/ (watch.py: the system's file events, not a scan of the folder). An
edit regenerates the Markdown pages and only the ones whose text changed are rewritten:
first the edited files' own pages, and the engine is told (site/livebuild.py's
`Signals`; other engines watch docs/ themselves) and rebuilds those pages only (MkDocs'
`--dirty`: at 1,000 articles, under a second instead of a full build per save), the
browser reloads by itself; then, once that is shown, the listings and other pages. A
content error is printed in the terminal, the last good pages stay up, and the next good
save recovers without a restart.
Between saves the serve process remembers what it read and rendered (incremental.py):
a save re-reads the changed files and renders only the pages they can reach.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

from generator.authoring.schema import write_ids
from generator.errors import ContentErrors
from generator.pipeline import Project
from generator.site.engine import DEFAULT, Engine, engine
from generator.site.incremental import Session
from generator.site.livebuild import Signals
from generator.site.news import News
from generator.site.watch import Watcher
from generator.stages.write import WriteReport

SHOWN_WAIT_SECONDS = 5.0
"""How long the listings wait for the engine to show the edited pages."""


def serve(project: Project, host: str, port: int, engine_name: str = DEFAULT) -> int:
    """Serve until interrupted or the engine stops; returns the engine's exit status.
    Port 0 picks a free port (the address is printed)."""
    site_engine = engine(engine_name)               # an engine not installed: said first
    port = port or free_port(host)
    session, news, signals = Session(project), News(), Signals(project.root)
    watcher = Watcher(project.content)          # before the first read: no edit missed
    signals.reset()
    try:
        if not regenerate(session, news, signals) and not (
                project.docs / "index.md").is_file():
            say("no pages yet: the preview starts once the errors above are fixed")
            while watcher.wait():
                if regenerate(session, news, signals):
                    break
        say(f"serving on {address(project, host, port)} (Ctrl+C to stop)")
        return preview(project, host, port, watcher,
                       lambda: regenerate(session, news, signals), site_engine)
    finally:
        watcher.close()
        signals.remove()


def preview(project: Project, host: str, port: int, watcher: Watcher,
            on_edit: Callable[[], object], site_engine: Engine) -> int:
    """Run the engine's preview server, calling `on_edit` after every change until the
    server stops (or we are stopped: a plain `kill` stops the server too)."""
    server = site_engine.serve(project.config, host, port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        while server.poll() is None:
            if watcher.wait(server.poll):
                on_edit()
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return server.returncode if server.returncode and server.returncode > 0 else 0


def free_port(host: str) -> int:
    """A port nobody listens on at host, for `--dev-addr HOST:0`."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
    return port


def address(project: Project, host: str, port: int) -> str:
    """Where the preview is: the engine serves the site under the path of its site_url."""
    path = urlsplit(engine().site_url(project.config) or "").path
    return f"http://{host}:{port}{path or '/'}"


def regenerate(session: Session, news: News, signals: Signals) -> bool:
    """Generate the pages that can have changed, have the engine rebuild them, and say
    what changed; on any problem, say so, keep the last good pages, and return False.
    Then the ids for the editor (schemas/), which the pages do not wait for."""
    try:
        return regenerated(session, news, signals)
    finally:
        write_ids(session.project.schemas, session.project.content)


def regenerated(session: Session, news: News, signals: Signals) -> bool:
    """`regenerate`'s pages: the edited files' own pages are shown first (the engine is
    told of them and, while it rebuilds them, the listings wait: rendering them would
    take its CPU)."""
    told: list[str] = []

    def shown(first: WriteReport) -> None:
        if first.written:
            told.extend(first.written)
            signals.wait_built(signals.ask(), SHOWN_WAIT_SECONDS)
    try:
        checked, written = session.generate(shown)
    except ContentErrors as exc:
        news.problems(exc.errors)
        say("content has errors; the last good pages stay up until they are fixed")
        return False
    except Exception as exc:  # the server must survive whatever a save produces
        say(f"could not regenerate ({type(exc).__name__}: {exc}); the last good pages "
            "stay up")
        return False
    news.problems(list(checked.problems))
    kept, left = session.stood_in()
    if kept:
        say(f"kept as they last were until the errors are fixed: {', '.join(kept[:4])}"
            + (" …" if len(kept) > 4 else ""))
    if left:
        say(f"no page until the errors are fixed: {', '.join(left[:4])}"
            + (" …" if len(left) > 4 else ""))
    changed = written.written + written.removed
    if session.retagged:
        say(f"the tags changed: {len(session.retagged)} page(s) are read again for the "
            "tags page")
    if set(changed) - set(told) or session.retagged:
        signals.ask()                               # the listings and removed pages
    say(f"regenerated {len(changed)} page(s)" + (": " + ", ".join(changed) if changed
                                                 and len(changed) <= 8 else "")
        if changed else "no page changed")
    return True


def say(message: str) -> None:
    print(f"explainer: {message}", file=sys.stderr, flush=True)
