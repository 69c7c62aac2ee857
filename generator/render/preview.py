"""Link-preview images: one 1200 x 630 PNG per article, with its headline, drawn at build
time.

Pillow draws the text with the font it ships (no system fonts, no network): each glyph
once, set into lines by glyphs.py, as Pillow's own `ImageDraw.text` would set them. The
PNG carries no timestamp or other metadata, so the same headline gives the same bytes.
Writers' text only ever becomes pixels here. The picture is drawn in shades of one
channel (0 = background, 255 = text) and stored with a palette that runs from the
background colour to white: a quarter of the bytes of RGB. `png.py` writes the file
straight from the drawn rows, compressing only the rows this picture drew on (Pillow's
own PNG encoder compressed every blank row too; the backdrop's rows, the same in every
picture, are compressed once per site), deflated by zlib-ng. A picture took 4.3 ms to
draw and compress with Pillow's `ImageDraw.text` and encoder, and takes about 0.6 ms so,
the same pixels (0.5 ms with ISA-L's deflate, which gave the same rows other bytes in
another run: png.py).

A `Store` remembers (in a sidecar under .explainer/) what each PNG in docs/ shows and the
digest of its bytes, so the next run reuses an unchanged picture instead of drawing it.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from itertools import pairwise
from operator import attrgetter
from pathlib import Path

import numpy as np
import PIL
from PIL import Image, ImageDraw, ImageFont
from zlib_ng import zlib_ng

from generator.render import glyphs
from generator.render import png as png_module
from generator.render.glyphs import Face
from generator.render.png import Band, Packed, png, squeeze

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND = (48, 63, 159)       # the site's indigo header, a shade darker
TEXT = 255                       # white
MUTED = 185                      # a pale indigo
SIZES = (72, 64, 56, 48, 42)     # headline sizes tried, largest first
MAX_LINES = 5
GAP = 64                         # rows: see runs
LEFT = 1                         # the filter byte's column of each row (see backdrop)
PALETTE = [round(c + (255 - c) * level / 255) for level in range(256) for c in BACKGROUND]
"""Shade 0 (background) to 255 (white), as RGB triples."""
RGB = bytes(PALETTE)


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """The font Pillow ships (Aileron Regular) at one size."""
    loaded = ImageFont.load_default(size=size)
    if not isinstance(loaded, ImageFont.FreeTypeFont):     # Pillow built without FreeType
        raise RuntimeError("link previews need Pillow with FreeType")
    return loaded


@cache
def face(size: int) -> Face:
    """That font with the glyphs drawn so far (glyphs.py)."""
    return Face(font(size))


@cache
def preview(headline: str, site: str, line: str) -> bytes:
    """The PNG for one article: the site's name, the headline, and a line of detail
    (dateline and date)."""
    spare = canvases(site)
    canvas = spare.pop() if spare else backdrop(site).copy()
    drawn = runs(draw(canvas[:, LEFT:], headline, line))
    data = png(WIDTH, RGB, bands(site, canvas, drawn))
    for rows in drawn:                      # as it was, for the next picture
        canvas[rows.start:rows.stop] = backdrop(site)[rows.start:rows.stop]
    spare.append(canvas)
    return data


def draw(picture: np.ndarray, headline: str, line: str) -> list[range]:
    """Draw the headline and the line of detail; the rows each line may have marked."""
    size, lines = fit(" ".join(headline.split()), WIDTH - 2 * MARGIN)
    top = MARGIN + 60
    marked = [face(size).draw(picture, (MARGIN, top + i * size * 1.2), text, TEXT)
              for i, text in enumerate(lines)]
    detail = " ".join(line.split())
    return [*marked, face(32).draw(picture, (MARGIN, HEIGHT - MARGIN - 40), detail, MUTED)]


@cache
def canvases(site: str) -> list[np.ndarray]:
    """Copies of the site's backdrop to draw on, kept between pictures: each picture
    puts back the rows it drew on, which is a third of the picture's rows or less, where
    a fresh copy was the whole picture (20 µs of its 0.6 ms). A picture takes one from
    the list and returns it when done (one apiece if pictures are drawn side by side;
    one that failed is dropped)."""
    return []


def runs(marked: list[range]) -> list[range]:
    """The rows drawn on, as runs to compress apart: lines less than GAP rows apart go
    in one run, blank rows between them included.

    Measured with ISA-L's deflate: it ran over blank rows at some 10 GB/s (60 KB in
    5 µs), while every run closed cost a flush and a Huffman table, some 15 µs, so a
    headline compressed as a run per line took 0.29 ms, as one 0.24. With zlib-ng's
    the two ways are within the noise (0.55-0.71 ms a picture either way). The wide gap
    above the line of detail is left out, from the cache."""
    joined: list[range] = []
    for rows in sorted((rows for rows in marked if rows), key=attrgetter("start")):
        if joined and rows.start - joined[-1].stop < GAP:
            joined[-1] = range(joined[-1].start, max(joined[-1].stop, rows.stop))
        else:
            joined.append(rows)
    return joined


def bands(site: str, canvas: np.ndarray, drawn: list[range]) -> list[tuple[Band, int]]:
    """The picture's runs of rows for `png`: those drawn on, as they are, and the
    backdrop's rows around them, compressed once per site and edges (the site's name,
    the bottom bar and blank rows: the same in every picture)."""
    edges = [0, *(edge for rows in drawn for edge in (rows.start, rows.stop)), HEIGHT]
    found: list[tuple[Band, int]] = []
    for i, (start, stop) in enumerate(pairwise(edges)):
        if stop > start:
            found.append((canvas[start:stop].data if i % 2 else
                          shared_band(site, start, stop), stop - start))
    return found


@cache
def shared_band(site: str, start: int, stop: int) -> Packed:
    """Rows start to stop of the backdrop, compressed once."""
    return squeeze(backdrop(site)[start:stop].data)


@cache
def backdrop(site: str) -> np.ndarray:
    """What every article's picture shares, the bottom bar and the site's name.

    It is drawn one pixel to the right of a column of background (LEFT), so each row
    is a row of the PNG as it is stored: a 0 filter byte, then the pixels."""
    image = Image.new("L", (LEFT + WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((LEFT, HEIGHT - 16, LEFT + WIDTH, HEIGHT), fill=MUTED)
    draw.text((LEFT + MARGIN, MARGIN - 16), site.upper(), font=font(34), fill=MUTED)
    pixels = np.asarray(image).copy()
    pixels.flags.writeable = False
    return pixels


def fit(text: str, width: int) -> tuple[int, list[str]]:
    """The largest size at which text wraps into at most MAX_LINES lines of width, and
    those lines (the last one cut with an ellipsis if even the smallest size is too big)."""
    for size in SIZES:
        lines = wrap(text, face(size), width)
        if len(lines) <= MAX_LINES:
            return size, lines
    lines = wrap(text, face(SIZES[-1]), width)[:MAX_LINES]
    lines[-1] = lines[-1].rstrip(".,;:") + " …"
    return SIZES[-1], lines


def wrap(text: str, shape: Face, width: int) -> list[str]:
    """Words into lines no wider than width (a single over-long word gets a line).

    Widths are Pillow's, in 1/64 pixel: a line and a word joined measure the line, the
    kerning of its last letter with the space, and the space with the word."""
    lines: list[str] = []
    widths: list[int] = []
    for word in text.split(" "):
        if lines:
            joint = shape.kern(lines[-1][-1], " ") if lines[-1] else 0
            wider = widths[-1] + joint + shape.measure(" " + word)
            if wider <= width * 64:
                lines[-1], widths[-1] = f"{lines[-1]} {word}", wider
                continue
        lines.append(word)
        widths.append(shape.measure(word))
    return lines


SOURCE = hashlib.sha256(b"".join(
    [*(Path(module.__file__ or "").read_bytes() for module in (glyphs, png_module)),
     Path(__file__).read_bytes(), PIL.__version__.encode(),
     str(zlib_ng.ZLIBNG_RUNTIME_VERSION).encode()])   # typed int, is str
).hexdigest()
"""What the drawing and encoding code is (this module, glyphs.py, png.py, Pillow and
zlib-ng): a picture made by other code is drawn again."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Store:
    """The previews already in docs/, known by what they show. The sidecar holds, per
    docs path, the key of the picture's inputs and the digest of the bytes written; a
    file in docs/ is reused only when both still match, so a picture whose headline,
    site name, dateline, date or drawing code changed (or a file edited by hand) is
    drawn again."""

    def __init__(self, docs: Path, sidecar: Path) -> None:
        self.docs, self.sidecar = docs, sidecar
        try:
            known = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        self.known: dict[str, list[str]] = known if isinstance(known, dict) else {}
        self.now: dict[str, list[str]] = {}

    def image(self, path: str, headline: str, site: str, line: str) -> bytes:
        """The PNG at docs path `path`: the one already there if it shows the same."""
        key = digest(json.dumps([SOURCE, headline, site, line]).encode())
        old = self.known.get(path)
        if isinstance(old, list) and old[:1] == [key]:
            try:
                data = (self.docs / path).read_bytes()
            except OSError:
                data = b""
            if [key, digest(data)] == old:
                self.now[path] = old
                return data
        data = preview(headline, site, line)
        self.now[path] = [key, digest(data)]
        return data

    def save(self) -> None:
        """Record what the pictures just written show (once they are in docs/)."""
        if self.now == self.known:
            return
        self.sidecar.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.sidecar.with_name(self.sidecar.name + ".tmp")
        tmp.write_text(json.dumps(self.now, indent=0, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.sidecar)
