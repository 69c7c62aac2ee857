"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium.

Every page a test opens is watched: console errors, failed requests, HTTP errors and
any request to another host (which is blocked) fail the test that caused them.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..conftest import ROOT

CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
WIDTHS = {"phone": 390, "desktop": 1280}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served over HTTP on a free port of 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def chromium():
    """One Chromium per test module: Playwright's sync API must be stopped before
    another test in this process starts its own."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make browser`, or set "
                    "EXPLAINER_CHROMIUM=/path/to/chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What went wrong while a page was open."""

    origin: str
    problems: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", self.failed)
        page.on("response", lambda r: r.status >= 400 and self.problems.append(
            f"HTTP {r.status}: {r.url}"))

    def failed(self, request) -> None:
        # ERR_ABORTED is the browser cancelling a request because the test moved on to
        # the next page (or because route() below blocked another host, noted there).
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == urlsplit(self.origin).netloc or url.startswith("data:"):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()


@pytest.fixture
def open_page(chromium, site_url):
    """open_page(path, width=..., scheme=...) -> a watched Playwright page."""
    contexts = []
    watch = Watch(site_url)

    def opener(path: str = "", width: int = 1280, scheme: str = "light"):
        context = chromium.new_context(viewport={"width": width, "height": 900},
                                       color_scheme=scheme, service_workers="block")
        context.route("**/*", watch.route)
        contexts.append(context)
        page = context.new_page()
        watch.attach(page)
        page.goto(site_url + path)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert watch.problems == []


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make npm` (npm ci) first")
    return AXE.read_text(encoding="utf-8")
