"""`explainer serve` for real: edit a YAML file, see the served page change by itself."""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow
ACTOR = "content/actors/richard-grenell.yaml"
ARTICLE = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"
PAGE = "actors/richard-grenell/"
SUMMARY = "One of Trump's closest foreign policy advisers."
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class Server:
    """`explainer serve --dev-addr 127.0.0.1:0` in a project, its stderr collected."""

    def __init__(self, root: Path):
        self.root = root
        self.lines: list[str] = []
        self.tmp = root.parent / "tmp"     # the preview's temporary folders go here
        self.tmp.mkdir(exist_ok=True)
        # Ctrl+C as a shell leaves it to a command it starts: at its default. In a full
        # run this test process had SIGINT and SIGQUIT ignored by then (as C's system()
        # leaves them while it runs; the cause is not ours to find here), and a child
        # inherits what is ignored: serve never saw the test's Ctrl+C.
        ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
        if ignored:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "generator.cli", "serve", "--dev-addr", "127.0.0.1:0"],
                cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                start_new_session=True,
                env={**{k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"},
                     "PYTHONPATH": str(ROOT), "TMPDIR": str(self.tmp)})
        finally:
            if ignored:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Thread(target=self._read, daemon=True).start()

    def started(self) -> Server:
        """Wait until MkDocs serves; learn the port and the site's base URL."""
        port = self.wait_for_line(r"explainer: serving on http://127\.0\.0\.1:(\d+)/")
        # MkDocs serves under the path of site_url; the root redirects there.
        self.base = self.wait_for(lambda: fetch(f"http://127.0.0.1:{port}/", final_url=True))
        self.origin = f"http://127.0.0.1:{port}"
        return self

    def _read(self) -> None:
        assert self.process.stderr
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, probe, timeout: float = 60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "\n".join(self.lines)
            result = probe()
            if result:
                return result
            time.sleep(0.1)
        raise AssertionError("timed out; serve said:\n" + "\n".join(self.lines))

    def wait_for_line(self, pattern: str, start: int = 0) -> str:
        def probe():
            for line in self.lines[start:]:
                if match := re.search(pattern, line):
                    return match.group(match.lastindex or 0)
            return None
        return self.wait_for(probe)

    def page(self, path: str = PAGE) -> str:
        """The served page with character references decoded (Trump&#39;s -> Trump's)."""
        return html.unescape(fetch(self.base + path) or "")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)   # what Ctrl+C does
        try:
            return self.process.wait(timeout=20)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)


def fetch(url: str, *, final_url: bool = False, timeout: float = 5) -> str | None:
    """The page's text (or the URL it redirected to), None when not served yet."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.geturl() if final_url else response.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def project(project: Path) -> Path:
    """The real project without its verification record (and without the report): its
    five quotes are reported unverified, a warning serve must list once, not per save."""
    shutil.rmtree(project / "content" / "verification")
    return project


@pytest.fixture
def server(project: Path):
    running = Server(project)
    yield running.started()
    running.stop()


def test_edit_regenerates_only_that_page_and_the_browser_is_told(server, project):
    html = server.wait_for(lambda: (page := server.page()) and SUMMARY in page and page)
    # The livereload script MkDocs injects, and the long poll it makes.
    epoch, request = re.search(r"livereload\((\d+), (\d+)\)", html).groups()
    reload_answer: list[str] = []
    poll = threading.Thread(target=lambda: reload_answer.append(
        fetch(f"{server.origin}/livereload/{epoch}/{request}", timeout=60) or ""),
        daemon=True)
    poll.start()
    time.sleep(0.5)
    assert poll.is_alive(), "the livereload poll must wait for a change"

    mark = len(server.lines)
    started = time.monotonic()
    edit(project / ACTOR, SUMMARY, "FIRST-EDIT " + SUMMARY)
    server.wait_for(lambda: "FIRST-EDIT" in server.page())
    seconds = time.monotonic() - started
    poll.join(timeout=60)
    assert reload_answer and int(reload_answer[0]) > int(epoch), "browser not told to reload"
    assert seconds < 30   # about 1-2 s on an idle machine
    assert server.wait_for_line(r"explainer: (regenerated .*)", mark) == (
        "regenerated 1 page(s): actors/richard-grenell.md")
    # The five unverified quotes (no report here) were listed once, at the start.
    assert sum("warning: quote unverified" in line for line in server.lines) == 5
    assert server.wait_for_line(r"explainer: serving on (\S+) ") == server.base
    print(f"edit -> served page changed in {seconds:.1f}s")


def test_a_headline_edit_reaches_its_page_and_the_listings(server, project):
    """The edited article's page is shown first; the listings that name it (rendered
    once the engine has shown that page) follow, and the engine is told of them too."""
    headline = "U.S. lets Ukraine strike deep inside Russia with American weapons"
    page = "articles/us-allows-ukraine-deep-strikes-in-russia/"
    server.wait_for(lambda: headline in server.page(page))
    edit(project / ARTICLE, f"headline: {headline}", f"headline: RENAMED {headline}")
    server.wait_for(lambda: f"RENAMED {headline}" in server.page(page))
    server.wait_for(lambda: f"RENAMED {headline}" in server.page("articles/"))
    assert f"RENAMED {headline}" in server.page("")           # the home page lists it
    assert SUMMARY in server.page()                            # the others stay right
    assert server.stop() == 130
    assert not (project / ".explainer" / "serve").exists()    # serve's signals go with it


def test_a_new_tag_reaches_the_tags_page(server, project):
    """The tags page is the engine's (Material's tags plugin): a one-page rebuild would
    leave it as it was, so a change of tags has every tagged page read again."""
    tags = "tags: [Ukraine war, U.S. policy, North Korea, Long-range weapons]"
    server.wait_for(lambda: "Long-range weapons" in server.page("tags/"))
    assert "Zqxtopic" not in server.page("tags/")
    edit(project / ARTICLE, tags, tags.replace("]", ", Zqxtopic]"))
    listed = server.wait_for(lambda: (page := server.page("tags/")) and "Zqxtopic" in page
                             and page)
    assert "U.S. lets Ukraine strike deep inside Russia" in listed.split("Zqxtopic", 1)[1]
    assert "Long-range weapons" in listed                  # the other topics stay listed


def test_error_keeps_last_good_pages_and_fixing_recovers(server, project):
    server.wait_for(lambda: SUMMARY in server.page())
    mark = len(server.lines)
    edit(project / ACTOR, "aliases: [", "aliases:\n\t[")
    line = (project / ACTOR).read_text().splitlines().index("\t[Ric Grenell, Grenell]") + 1
    assert server.wait_for_line(r"(content/actors/richard-grenell\.yaml:\d+:\d+: .*)",
                                mark) == (
        f"{ACTOR}:{line}:1: error: YAML syntax error: tab character in YAML")
    assert server.wait_for_line(r"explainer: (kept as they last were .*)", mark) == (
        f"kept as they last were until the errors are fixed: {ACTOR}")
    assert SUMMARY in server.page()

    # Other files keep updating meanwhile, and a fresh skeleton with empty fields (which
    # never had a good version) does not stop them.
    other = project / "content/actors/joe-biden.yaml"
    edit(other, "  The outgoing U.S. president", "  STILL-UPDATING The outgoing U.S. president")
    (project / "content/actors/zoe-ruritan.yaml").write_text(
        "name: Zoe Ruritan\nkind:\nsummary:\n", encoding="utf-8")
    server.wait_for(lambda: "STILL-UPDATING" in server.page("actors/joe-biden/"))
    assert SUMMARY in server.page()
    (project / "content/actors/zoe-ruritan.yaml").unlink()

    edit(project / ACTOR, "aliases:\n\t[", "aliases: [")
    edit(project / ACTOR, SUMMARY, "FIXED " + SUMMARY)
    server.wait_for(lambda: "FIXED" in server.page())
    assert server.stop() == 130
    assert not list(server.tmp.iterdir())   # its site and search indexes went with it
    assert not any("Traceback" in line for line in server.lines)
    # the engine adapter silences Material's notice about its future (NO_MKDOCS_2_WARNING)
    assert not any("Material for MkDocs" in line for line in server.lines), server.lines


def test_starts_with_broken_content_and_recovers_then_stops_on_kill(project):
    good = (project / ACTOR).read_text()
    (project / ACTOR).write_text(good.replace("kind: person", "kind: persn"))
    server = Server(project)
    try:
        assert server.wait_for_line(r"(content/actors/richard-grenell\.yaml:.*)") == (
            f"{ACTOR}:3:7: error: kind: 'persn' is not allowed here")
        # The preview starts without the broken actor and the article that names it.
        assert server.wait_for_line(r"explainer: (no page until .*)") == (
            f"no page until the errors are fixed: {ACTOR}, {ARTICLE}")
        server.started()
        assert "RECOVERED" not in server.page()
        (project / ACTOR).write_text(good.replace(SUMMARY, "RECOVERED " + SUMMARY))
        server.wait_for(lambda: "RECOVERED" in server.page())
        server.process.terminate()                 # a plain `kill`, not Ctrl+C
        assert server.process.wait(timeout=20) == 143
        assert fetch(server.base) is None           # MkDocs stopped with it
        assert not list(server.tmp.iterdir())       # and removed its site and indexes
    finally:
        server.stop()


@pytest.mark.browser
def test_the_open_browser_reloads_by_itself(server, project):
    from playwright.sync_api import sync_playwright
    server.wait_for(lambda: SUMMARY in server.page())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(server.base + PAGE)
            assert "BROWSER-EDIT" not in page.inner_text("article")
            edit(project / ACTOR, SUMMARY, "BROWSER-EDIT " + SUMMARY)
            page.wait_for_function(
                "document.querySelector('article')?.innerText.includes('BROWSER-EDIT')",
                timeout=30_000)
        finally:
            browser.close()
