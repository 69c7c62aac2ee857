"""What search costs a reader: bytes fetched by a first page load and by one query.

The built site is served on 127.0.0.1 and opened in Chromium (Playwright, as the browser
tests use it); every response is recorded. The figures are the files' sizes as sent and
gzip-compressed, as GitHub Pages serves them.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search_bytes(site: Path, query: str) -> dict[str, Any] | None:
    """Bytes of the search index a first page load fetches (Pagefind's files, or an index
    of Material's search), and of opening search and one query; None without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).is_file():
        return None
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            fetched: list[str] = []
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(url, wait_until="networkidle")
            first = [u for u in fetched if "/pagefind/" in u or "search_index" in u]
            fetched.clear()
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").fill(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            results = page.locator(".md-search-result__meta").inner_text()
        finally:
            browser.close()
    files = [site / u.removeprefix(url).split("?")[0] for u in fetched if u.startswith(url)]
    sizes = [size(f) for f in files]
    return {"query": query, "results": results, "files": len(files),
            "first_load_b": sum(size(site / u.removeprefix(url).split("?")[0])[0]
                                for u in first),
            "query_b": sum(sent for sent, _ in sizes),
            "query_gz_b": sum(gzipped for _, gzipped in sizes),
            "fetched": [[f.relative_to(site).as_posix(), sent, gzipped]  # what they were
                        for f, (sent, gzipped) in zip(files, sizes, strict=True)]}


def size(path: Path) -> tuple[int, int]:
    """(bytes, gzip-compressed bytes) of a file; files Pagefind compressed itself stay so."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return len(data), len(data)
    return len(data), len(gzip.compress(data))
