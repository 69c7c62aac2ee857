"""Link-preview images: one 1200 x 630 PNG per article, with its headline, drawn at build
time.

Pillow draws the text with the font it ships (no system fonts, no network), and the PNG
carries no timestamp or other metadata, so the same headline gives the same bytes.
Writers' text only ever becomes pixels here. The picture is drawn in shades of one
channel (0 = background, 255 = text) and saved with a palette that runs from the
background colour to white: a quarter of the bytes of RGB, and quick to compress.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND = (48, 63, 159)       # the site's indigo header, a shade darker
TEXT = 255                       # white
MUTED = 185                      # a pale indigo
SIZES = (72, 64, 56, 48, 42)     # headline sizes tried, largest first
MAX_LINES = 5


@cache
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


@cache
def preview(headline: str, site: str, line: str) -> bytes:
    """The PNG for one article: the site's name, the headline, and a line of detail
    (dateline and date)."""
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=MUTED)
    draw.text((MARGIN, MARGIN - 16), site.upper(), font=font(34), fill=MUTED)
    size, lines = fit(" ".join(headline.split()), WIDTH - 2 * MARGIN)
    top = MARGIN + 60
    for i, text in enumerate(lines):
        draw.text((MARGIN, top + i * size * 1.2), text, font=font(size), fill=TEXT)
    draw.text((MARGIN, HEIGHT - MARGIN - 40), line, font=font(32), fill=MUTED)
    indexed = Image.frombytes("P", image.size, image.tobytes())
    indexed.putpalette([round(c + (255 - c) * level / 255)
                        for level in range(256) for c in BACKGROUND])
    out = io.BytesIO()
    indexed.save(out, format="PNG", compress_level=1)
    return out.getvalue()


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
