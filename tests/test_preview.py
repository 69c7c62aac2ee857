"""Link-preview images (render/preview.py): one per article, drawn from its headline,
the same bytes every time, and no headline too long to fit."""

import io
import shutil
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from generator.pipeline import Project, generate
from generator.render import png as png_module
from generator.render import preview as preview_module
from generator.render.pages import render
from generator.render.preview import (
    HEIGHT,
    MARGIN,
    MAX_LINES,
    MUTED,
    PALETTE,
    SIZES,
    TEXT,
    WIDTH,
    face,
    fit,
    font,
    preview,
    wrap,
)
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


def chunks(png: bytes) -> dict[bytes, bytes]:
    """Each chunk's body by kind (IDAT joined), every CRC checked."""
    found: dict[bytes, bytes] = {}
    pos = 8
    while pos < len(png):
        length = int.from_bytes(png[pos:pos + 4], "big")
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        assert zlib.crc32(kind + body) == int.from_bytes(png[pos + 8 + length:][:4], "big")
        found[kind] = found.get(kind, b"") + body
        pos += 12 + length
    return found


def drawn_by_pillow(headline: str, site: str, line: str) -> np.ndarray:
    """The same picture drawn the plain way, on an image of its own size."""
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=MUTED)
    draw.text((MARGIN, MARGIN - 16), site.upper(), font=font(34), fill=MUTED)
    size, lines = fit(" ".join(headline.split()), WIDTH - 2 * MARGIN)
    for i, text in enumerate(lines):
        draw.text((MARGIN, MARGIN + 60 + i * size * 1.2), text, font=font(size), fill=TEXT)
    draw.text((MARGIN, HEIGHT - MARGIN - 40), line, font=font(32), fill=MUTED)
    return np.asarray(image)


@pytest.mark.parametrize("headline", [
    "Ruritania tests a missile",
    "Ŝtrelsau's “Zalgo̴̡͓” ÅÉ headline — 2,500 km, with a Wordthatistoolongtofitononelineatall"
    "ofthepictureanditgoeson",
    "Jiggly gypsy quays jog by; ÅÉŜ ÑÖÜ ÂÊÎ AVAW To Ty, Wa; fjord jiggly gypsy quays, "
    "ÅÉŜ ÑÖÜ ÂÊÎ again and again",
    " ".join(["Ruritania's parliament debates the missile tests again"] * 8)])
def test_the_png_holds_exactly_the_pixels_pillow_draws(headline):
    """The PNG is written band by band (blank rows from a cache): a valid file, its zlib
    stream and checksums sound, whose pixels are those Pillow draws."""
    png = preview.__wrapped__(headline, "Test Explainers", "STRELSAU · 2 March 2025")
    parts = chunks(png)
    assert list(parts) == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    assert len(zlib.decompress(parts[b"IDAT"])) == HEIGHT * (WIDTH + 1)   # Adler-32 too
    with Image.open(io.BytesIO(png)) as image:
        assert image.mode == "P" and image.size == (WIDTH, HEIGHT)
        assert image.getpalette() == PALETTE
        assert np.array_equal(np.asarray(image), drawn_by_pillow(
            headline, "Test Explainers", "STRELSAU · 2 March 2025"))


def test_a_picture_is_the_same_whatever_was_drawn_before_it():
    """Pictures are drawn on kept copies of the backdrop, each putting back the rows it
    drew on: a long headline drawn in between leaves nothing behind."""
    preview_module.canvases.cache_clear()
    site, line = "Test Explainers", "STRELSAU · 2 March 2025"
    first = preview.__wrapped__("Ruritania tests a missile", site, line)
    long = " ".join(["Ruritania's parliament debates the missile tests again"] * 8)
    preview.__wrapped__(long, site, "ŜTRELSAU, RURITANIA · 28 September 2025 — updated")
    assert len(preview_module.canvases(site)) == 1
    assert preview.__wrapped__("Ruritania tests a missile", site, line) == first


def test_lines_close_together_are_compressed_as_one_run_of_rows():
    assert preview_module.runs([range(200, 230), range(10, 40), range(0), range(35, 50),
                                range(50 + preview_module.GAP, 300)]) == [
        range(10, 50), range(50 + preview_module.GAP, 300)]
    assert preview_module.runs([range(10, 40), range(40 + preview_module.GAP, 200)]) == [
        range(10, 40), range(40 + preview_module.GAP, 200)]


def test_bands_of_rows_join_into_one_image():
    rows = [bytes([0, *range(k, k + 8)]) for k in range(5)]
    data = png_module.png(8, bytes(range(48)) * 16, [(b"".join(rows[:2]), 2), (3, 3),
                                                     (b"".join(rows[2:]), 3), (1, 1)])
    assert len(zlib.decompress(chunks(data)[b"IDAT"])) == 9 * 9
    with Image.open(io.BytesIO(data)) as image:
        pixels = np.asarray(image)
    assert pixels.shape == (9, 8)
    assert [bytes(row) for row in pixels] == [r[1:] for r in rows[:2]] + [bytes(8)] * 3 + [
        r[1:] for r in rows[2:]] + [bytes(8)]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="AVWaoTyfj.,’“ ÅÉgq̴1-", max_size=24),
       st.sampled_from([32, 42, 72]), st.integers(0, 639), st.integers(0, 639),
       st.sampled_from([MUTED, TEXT]), st.sampled_from(["gypsy ÅÉ", ""]),
       st.integers(-60, 400))
def test_a_line_set_from_kept_glyphs_is_the_line_pillow_draws(text, size, dx, dy, ink,
                                                              under, across):
    """glyphs.py sets each glyph where Pillow's layout puts it, at any fraction of a
    pixel, and blends the line as Pillow does: over text already there, onto blank
    background (where white is set straight in), and cut at the picture's edges."""
    x, y = across + dx / 640, 60 + dy / 640
    image = Image.new("L", (400, 200), 0)
    ImageDraw.Draw(image).text((30, 50), under, font=font(size), fill=TEXT)
    ours = np.asarray(image).copy()
    ImageDraw.Draw(image).text((x, y), text, font=font(size), fill=ink)
    face(size).draw(ours, (x, y), text, ink)
    assert np.array_equal(ours, np.asarray(image))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["AV", "Wa", "To", "fjord", "ÅÉ", "“quoted”", "2,500",
                                 "km", "Ruritania's", "x"]), min_size=1, max_size=40),
       st.sampled_from(SIZES))
def test_words_wrap_where_pillows_own_measure_wraps_them(words, size):
    width, lines = WIDTH - 2 * MARGIN, []
    for word in words:                 # as the lines were wrapped with Pillow's getlength
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font(size).getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    assert wrap(" ".join(words), face(size), width) == lines
