"""Time from saving a YAML file to the preview serving the changed page, and to its
search index finding it.

Starts `explainer serve` on a free local port, waits for the first build and its search
index, then saves several edits to one article, one after the other. For each it polls
the article's URL until the new text is served (save -> shown), and the served Pagefind
index until a page in it holds the new text (save -> searchable): Pagefind names each
page's fragment after its content, so an edited page has a fragment the index did not
have before; only such new fragments are read.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .floor import read_config

POLL = 0.05
EDITS = 5
"""Edits timed in one run; the figures are their medians."""
ENTRY = "pagefind/pagefind-entry.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch_bytes(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except (urllib.error.URLError, OSError):
        return None


def fetch(url: str) -> str | None:
    data = fetch_bytes(url)
    return None if data is None else data.decode("utf-8")


def wait_for(check: Callable[[], bool], timeout: float, poll: float = POLL) -> float | None:
    """Seconds until check() is true, or None after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(poll)
    return None


class Index:
    """The preview's served search index, as a reader's browser fetches it."""

    def __init__(self, base: str):
        self.base = base + "pagefind/"
        self.entry: bytes | None = None
        self.seen: set[str] = set()

    def fragments(self) -> set[str] | None:
        """The names of the page fragments the served index lists (None: no index yet)."""
        self.entry = fetch_bytes(self.base + "pagefind-entry.json")
        if self.entry is None:
            return None
        names: set[str] = set()
        for language, about in json.loads(self.entry)["languages"].items():
            meta = fetch_bytes(self.base + f"pagefind.{about['hash']}.pf_meta")
            if meta is None:
                return None
            names |= {m.decode() for m in re.findall(
                rb"%s_[0-9a-f]+" % re.escape(language.encode()), gzip.decompress(meta))}
        return names

    def ready(self) -> bool:
        """Whether an index is served; what it lists now counts as seen."""
        names = self.fragments()
        self.seen |= names or set()
        return names is not None

    def finds(self, marker: str) -> bool:
        """Whether a page fragment new since the last look holds marker."""
        before = self.entry
        if fetch_bytes(self.base + "pagefind-entry.json") == before:
            return False
        found = False
        for name in sorted((self.fragments() or set()) - self.seen):
            data = fetch_bytes(self.base + f"fragment/{name}.pf_fragment")
            if data is None:
                continue                        # a word index chunk, not a page
            self.seen.add(name)
            found = found or marker.encode() in gzip.decompress(data)
        return found


def preview_latency(root: Path, page: str, edit: Callable[[], str], log: Path,
                    timeout: float = 900, edits: int = EDITS) -> dict[str, Any]:
    """The seconds to the first page, and the medians over `edits` saved edits of the
    seconds from saving to the page showing it and to search finding it (None when it
    never did), each edit's figures besides.

    `page` is the URL path of the page that must change; `edit` saves the change and
    returns a marker that the page shows once it is regenerated.
    """
    port = free_port()
    mount = urlsplit(read_config(root).get("site_url") or "/").path.rstrip("/")
    base = f"http://127.0.0.1:{port}{mount}/"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "--root", str(root), "serve",
             "--dev-addr", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ),
            start_new_session=True)
        try:
            return timed_edits(base + page, Index(base), edit, timeout, edits)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def timed_edit(url: str, index: Index, edit: Callable[[], str]) -> dict[str, float | None]:
    """Seconds from saving one edit to the page showing it, and to search finding it."""
    saved = time.perf_counter()
    marker = edit()
    shown = wait_for(lambda: marker in (fetch(url) or ""), 120)
    found = wait_for(lambda: index.finds(marker), 300, poll=0.1)
    return {"shown_s": shown,
            "searchable_s": None if found is None else time.perf_counter() - saved}


def timed_edits(url: str, index: Index, edit: Callable[[], str], timeout: float,
                edits: int) -> dict[str, Any]:
    started = wait_for(lambda: fetch(url) is not None, timeout, poll=0.5)
    result: dict[str, Any] = {"first_page_s": started, "edit_shown_s": None,
                              "edit_searchable_s": None, "edits": []}
    if started is None or wait_for(index.ready, timeout, poll=0.5) is None:
        return result
    for _ in range(edits):
        time.sleep(1)  # let the watchers settle before the edit
        result["edits"].append(timed_edit(url, index, edit))
    for key, name in (("edit_shown_s", "shown_s"), ("edit_searchable_s", "searchable_s")):
        times = [e[name] for e in result["edits"]]
        result[key] = None if None in times else statistics.median(times)
    return result


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.preview PROJECT [--edits N]`: the preview's figures alone, on
    a synthetic project (benchmarks.bench.fresh_project), editing its middle article."""
    import argparse

    from .bench import edit
    from .report import preview_rows

    cli = argparse.ArgumentParser(prog="python -m benchmarks.preview")
    cli.add_argument("project", type=Path)
    cli.add_argument("--edits", type=int, default=EDITS)
    args = cli.parse_args(argv)
    articles = sorted((args.project / "content" / "articles").glob("*.yaml"))
    article = articles[len(articles) // 2]
    result = preview_latency(args.project, f"articles/{article.stem}/",
                             lambda: edit(article, "body"),
                             args.project / "serve.log", edits=args.edits)
    print("\n".join([*preview_rows(result), *(
        f"    edit {i}: shown {seconds(e['shown_s'])}, searchable {seconds(e['searchable_s'])}"
        for i, e in enumerate(result["edits"], 1))]))
    return 0


def seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.2f} s"


if __name__ == "__main__":
    sys.exit(main())
