"""The link check over a built site: a tiny broken fixture site, and the real one."""

import shutil
from pathlib import Path

from generator.site.linkcheck import check_site

from .conftest import ROOT, run_explainer

FIXTURE = Path(__file__).parent / "fixtures" / "linkcheck"
FIXTURE_ARG = FIXTURE.relative_to(ROOT).as_posix()


def test_fixture_site_reports_every_broken_link_and_anchor():
    report = check_site(FIXTURE)
    assert report.site_url == "https://example.org/repo/"
    assert [b.format() for b in report.broken] == [
        "about/index.html:7:1: broken link '../#gone': no anchor #gone in index.html",
        "index.html:7:1: broken link 'assets/missing.css': no file assets/missing.css "
        "in the site",
        "index.html:13:4: broken link 'about/#nobody': no anchor #nobody in about/index.html",
        "index.html:13:43: broken link '#nowhere': no anchor #nowhere in index.html",
        "index.html:14:4: broken link 'missing/': no file missing/index.html in the site",
        "index.html:15:4: broken link '/about/': outside the site's base path /repo/",
        "index.html:15:48: broken link '../../up/': outside the site's base path /repo/",
        "index.html:19:1: broken link 'img/logo@2x.png': no file img/logo@2x.png in the site",
        "sitemap.xml:5:15: broken link 'https://example.org/repo/gone/': "
        "no file gone/index.html in the site",
        "sitemap.xml:6:15: broken link 'https://elsewhere.example/repo/about/': "
        "not under the site URL https://example.org/repo/",
    ]


def test_external_links_are_listed_with_their_pages_not_checked():
    report = check_site(FIXTURE)
    assert dict(report.external) == {
        "https://example.com/report": {"index.html", "about/index.html"},
        "https://example.org/other-repo/": {"index.html"},
        "mailto:desk@example.com": {"index.html"},
    }


def test_base_path_decides_which_root_relative_links_resolve():
    report = check_site(FIXTURE, "https://example.org/")
    broken = {b.url: b.reason for b in report.broken}
    assert "/about/" not in broken
    assert broken["../../up/"] == "no file up/index.html in the site"
    assert broken["/repo/about/"] == "no file repo/about/index.html in the site"


def test_cli_prints_located_problems_and_fails(tmp_path):
    result = run_explainer(ROOT, "linkcheck", FIXTURE_ARG)
    assert result.returncode == 1
    assert (f"{FIXTURE_ARG}/index.html:14:4: broken link 'missing/': "
            "no file missing/index.html in the site") in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == (
        "checked 26 internal links in 3 pages for https://example.org/repo/: 10 broken")
    assert result.stdout.splitlines() == [
        "external links (listed, not fetched):",
        "  https://example.com/report  (2 pages)",
        "  https://example.org/other-repo/  (1 page)",
        "  mailto:desk@example.com  (1 page)",
    ]
    assert "Traceback" not in result.stderr


def test_cli_says_when_there_is_no_built_site(tmp_path):
    result = run_explainer(tmp_path, "linkcheck")
    assert result.returncode == 1
    assert result.stderr == f"error: no built site in {tmp_path / 'site'}: run `make site` first\n"


def test_real_site_has_no_broken_link(built_site):
    report = check_site(built_site)
    assert report.broken == []
    assert report.site_url == "https://example.github.io/explainer/"
    pages = len(list(built_site.rglob("*.html")))
    assert report.pages == pages and report.checked > 10 * pages
    assert all(url.startswith(("https://", "mailto:")) for url in report.external)


def test_a_link_broken_after_the_build_is_caught(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    page = copy / "actors" / "joe-biden" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../../articles/us-allows-ukraine-deep-strikes-in-russia/"' in html
    page.write_text(html.replace("us-allows-ukraine-deep-strikes-in-russia/",
                                 "us-allows-ukraine-deep-strikes/", 1), encoding="utf-8")
    broken = check_site(copy).broken
    assert [(b.page, b.url) for b in broken] == [
        ("actors/joe-biden/index.html", "../../articles/us-allows-ukraine-deep-strikes/")]
