"""Link-preview images: one 1200 x 630 PNG per article, with its headline, drawn at build
time.

Pillow draws the text with the font it ships (no system fonts, no network), and the PNG
carries no timestamp or other metadata, so the same headline gives the same bytes.
Writers' text only ever becomes pixels here. The picture is drawn in shades of one
channel (0 = background, 255 = text) and stored with a palette that runs from the
background colour to white: a quarter of the bytes of RGB. `png.py` writes the file
straight from the drawn rows, compressing only those that hold something (Pillow's own
PNG encoder compressed every blank row too: 1.7 of the 4.3 ms a picture took).

A `Store` remembers (in a sidecar under .explainer/) what each PNG in docs/ shows and the
digest of its bytes, so the next run reuses an unchanged picture instead of drawing it.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import PIL
from PIL import Image, ImageDraw, ImageFont

from generator.render.png import png

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND = (48, 63, 159)       # the site's indigo header, a shade darker
TEXT = 255                       # white
MUTED = 185                      # a pale indigo
SIZES = (72, 64, 56, 48, 42)     # headline sizes tried, largest first
MAX_LINES = 5
LEFT = 1                         # the filter byte's column of each row (see backdrop)
PALETTE = [round(c + (255 - c) * level / 255) for level in range(256) for c in BACKGROUND]
"""Shade 0 (background) to 255 (white), as RGB triples."""


@cache
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


@cache
def preview(headline: str, site: str, line: str) -> bytes:
    """The PNG for one article: the site's name, the headline, and a line of detail
    (dateline and date)."""
    image = backdrop(site).copy()
    draw = ImageDraw.Draw(image)
    size, lines = fit(" ".join(headline.split()), WIDTH - 2 * MARGIN)
    top = MARGIN + 60
    for i, text in enumerate(lines):
        draw.text((LEFT + MARGIN, top + i * size * 1.2), text, font=font(size), fill=TEXT)
    draw.text((LEFT + MARGIN, HEIGHT - MARGIN - 40), line, font=font(32), fill=MUTED)
    return png(WIDTH, bytes(PALETTE), bands(image.tobytes()))


def bands(raw: bytes) -> list[tuple[bytes | int, int]]:
    """The image's rows in bands from the top: (the rows' bytes, count) where something
    is drawn, (count, count) where they are blank."""
    rows = np.frombuffer(raw, np.uint8).reshape(HEIGHT, LEFT + WIDTH)
    drawn = (np.count_nonzero(rows, axis=1) > 0).tolist()
    edges = [0, *(y for y in range(1, HEIGHT) if drawn[y] != drawn[y - 1]), HEIGHT]
    return [(raw[start * (LEFT + WIDTH):stop * (LEFT + WIDTH)] if drawn[start]
             else stop - start, stop - start) for start, stop in pairwise(edges)]


@cache
def backdrop(site: str) -> Image.Image:
    """What every article's picture shares: the bottom bar and the site's name.

    It is drawn one pixel to the right of a column of background (LEFT), so each row
    of the image is a row of the PNG as it is stored: a 0 filter byte, then the pixels."""
    image = Image.new("L", (LEFT + WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((LEFT, HEIGHT - 16, LEFT + WIDTH, HEIGHT), fill=MUTED)
    draw.text((LEFT + MARGIN, MARGIN - 16), site.upper(), font=font(34), fill=MUTED)
    return image


def fit(text: str, width: int) -> tuple[int, list[str]]:
    """The largest size at which text wraps into at most MAX_LINES lines of width, and
    those lines (the last one cut with an ellipsis if even the smallest size is too big)."""
    for size in SIZES:
        lines = wrap(text, font(size), width)
        if len(lines) <= MAX_LINES:
            return size, lines
    lines = wrap(text, font(SIZES[-1]), width)[:MAX_LINES]
    lines[-1] = lines[-1].rstrip(".,;:") + " …"
    return SIZES[-1], lines


def wrap(text: str, face: ImageFont.FreeTypeFont | ImageFont.ImageFont,
         width: int) -> list[str]:
    """Words into lines no wider than width (a single over-long word gets a line)."""
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


SOURCE = hashlib.sha256(Path(__file__).read_bytes() + PIL.__version__.encode()).hexdigest()
"""What the drawing code is: a picture drawn by other code (or Pillow) is drawn again."""


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
