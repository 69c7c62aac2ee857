"""Time from saving a YAML file to the preview serving the changed page.

Starts `explainer serve` on a free local port, waits for the first build, saves an edit
to one article and polls the article's URL until the new text is served.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from .floor import read_config

POLL = 0.05


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(check: Callable[[], bool], timeout: float, poll: float = POLL) -> float | None:
    """Seconds until check() is true, or None after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(poll)
    return None


def preview_latency(root: Path, page: str, edit: Callable[[], str], log: Path,
                    timeout: float = 900) -> tuple[float | None, float | None]:
    """(seconds to first page, seconds from the saved edit to the page showing it).

    `page` is the URL path of the page that must change; `edit` saves the change and
    returns a marker that the page shows once it is regenerated.
    """
    port = free_port()
    mount = urlsplit(read_config(root).get("site_url") or "/").path.rstrip("/")
    url = f"http://127.0.0.1:{port}{mount}/{page}"
    env = dict(os.environ)
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "--root", str(root), "serve",
             "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            started = wait_for(lambda: fetch(url) is not None, timeout, poll=0.5)
            if started is None:
                return None, None
            time.sleep(1)  # let the watchers settle before the edit
            marker = edit()
            shown = wait_for(lambda: marker in (fetch(url) or ""), timeout)
            return started, shown
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
