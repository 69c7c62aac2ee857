"""Link-preview images (render/preview.py): one per article, drawn from its headline,
the same bytes every time, and no headline too long to fit."""

import shutil
from pathlib import Path

from generator.pipeline import Project, generate
from generator.render import preview as preview_module
from generator.render.pages import render
from generator.render.preview import MAX_LINES, WIDTH, fit, font, preview
from generator.stages.load import load
from generator.stages.resolve import resolve
from generator.stages.validate import validate

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_each_article_gets_its_own_image_the_same_every_time():
    resolved = load(MINIMAL / "content", MINIMAL).then(validate).then(resolve).unwrap()
    images = {p.path: p.text for p in render(resolved) if isinstance(p.text, bytes)}
    assert list(images) == ["assets/previews/ruritania-tests-missile.png"]
    png = images["assets/previews/ruritania-tests-missile.png"]
    assert size(png) == (1200, 630)
    title, line = resolved.content.site.title, "STRELSAU · 2 March 2025"
    preview.cache_clear()
    assert preview("Ruritania tests a missile", title, line) == png
    assert preview("Ruritania tests two missiles", title, line) != png


def test_a_long_headline_shrinks_then_is_cut_to_fit():
    short, lines = fit("Ruritania tests a missile", WIDTH - 144)
    assert len(lines) == 1
    words = " ".join(["Ruritania's parliament debates the missile tests again"] * 8)
    small, lines = fit(words, WIDTH - 144)
    assert small < short and len(lines) == MAX_LINES and lines[-1].endswith("…")
    assert all(font(small).getlength(line) <= WIDTH - 144 for line in lines[:-1])


def test_a_second_generate_reuses_unchanged_pictures_and_redraws_a_changed_one(
        tmp_path, monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL / "content", root / "content")
    drawn: list[str] = []

    def counting(headline: str, site: str, line: str) -> bytes:
        drawn.append(headline)
        return preview.__wrapped__(headline, site, line)   # never from the in-process cache

    monkeypatch.setattr(preview_module, "preview", counting)
    png = root / "docs" / "assets" / "previews" / "ruritania-tests-missile.png"
    generate(Project(root))
    first = png.read_bytes()
    generate(Project(root))
    assert drawn == ["Ruritania tests a missile"] and png.read_bytes() == first

    png.write_bytes(first[:-1])                          # a picture changed by hand
    generate(Project(root))
    assert drawn[1:] == ["Ruritania tests a missile"] and png.read_bytes() == first

    article = root / "content" / "articles" / "ruritania-tests-missile.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "Ruritania tests a missile", "Ruritania tests two missiles"), encoding="utf-8")
    _, report = generate(Project(root))
    assert drawn[2:] == ["Ruritania tests two missiles"]
    assert "assets/previews/ruritania-tests-missile.png" in report.written
    assert png.read_bytes() == preview.__wrapped__(
        "Ruritania tests two missiles", "Test Explainers", "STRELSAU · 2 March 2025")
