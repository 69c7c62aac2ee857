"""Lines of text drawn from glyphs rendered once: the pixels of Pillow's `ImageDraw.text`
(basic layout), for a fraction of its cost.

Pillow renders every glyph of a line each time it draws one, twice over (once to
measure the line). A link preview's headline is some 40 glyphs a line at one of six
sizes, so here each glyph is rendered once per size and kept as an array, and a line is
those arrays set where Pillow's layout puts them: the pen moves by each glyph's advance
and each pair's kerning, in 1/64 pixel, and a glyph sits at the pen rounded to the
pixel. Where glyphs overlap, one is laid over the other (a + b - ab/255); the line
is then blended onto the picture as Pillow fills through a mask. tests/test_preview.py
compares the result with Pillow's own drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise
from operator import add, attrgetter

import numpy as np
from PIL import Image, ImageDraw, ImageFont

Pixels = np.ndarray


@dataclass(frozen=True, slots=True)
class Glyph:
    mask: Pixels
    """The glyph's coverage, 0 to 255, rendered alone at the origin."""
    left: int
    top: int
    """Where the mask sits from the pen (top from the line's ascender, as Pillow)."""
    advance: int
    """How far the pen moves after it, in 1/64 pixel."""
    height: int
    width: int
    """The mask's size (0 for a glyph that marks nothing)."""
    bottom: int
    """top + height."""


TOP, BOTTOM, WIDTH = attrgetter("top"), attrgetter("bottom"), attrgetter("width")


@dataclass
class Face:
    """One font at one size, its glyphs and kerning pairs kept as they are first met."""

    font: ImageFont.FreeTypeFont
    glyphs: dict[str, Glyph] = field(default_factory=dict)
    kerning: dict[tuple[str, str], int] = field(default_factory=dict)
    widths: dict[str, int] = field(default_factory=dict)
    steps: dict[tuple[str, str], tuple[int, Glyph]] = field(default_factory=dict)
    """Per pair of characters, how far the pen moves past the first (its advance and the
    pair's kerning) and the first's glyph: one look-up per character when setting a line."""

    def glyph(self, char: str) -> Glyph:
        found = self.glyphs.get(char)
        if found is None:
            found = self.glyphs[char] = rendered(self.font, char)
        return found

    def kern(self, first: str, second: str) -> int:
        """The pair's kerning in 1/64 pixel: what the two measure together beyond each."""
        pair = (first, second)
        found = self.kerning.get(pair)
        if found is None:
            found = self.kerning[pair] = sixty_fourths(self.font.getlength(first + second)) \
                - self.glyph(first).advance - self.glyph(second).advance
        return found

    def step(self, pair: tuple[str, str]) -> tuple[int, Glyph]:
        glyph = self.glyph(pair[0])
        found = self.steps[pair] = (glyph.advance + self.kern(*pair), glyph)
        return found

    def measure(self, text: str) -> int:
        """The width of text in 1/64 pixel, as Pillow's `getlength` gives it (x 64)."""
        found = self.widths.get(text)
        if found is None:
            found = self.widths[text] = sum(self.glyph(c).advance for c in text) + \
                sum(self.kern(a, b) for a, b in pairwise(text))
        return found

    def draw(self, picture: Pixels, xy: tuple[float, float], text: str,
             ink: int) -> range:
        """Draw one line of text in shade `ink` with its ascender at xy, as Pillow's
        `ImageDraw.Draw(picture).text(xy, text, fill=ink, font=self.font)` does; the
        rows it may have marked.

        The glyphs are set into a line of their own, which is then blended onto the
        picture; white (255) onto background that is still blank is the line itself, so
        such a line is set straight into the picture (a headline's lines, mostly)."""
        placed, down = self.place(text, xy)
        if not placed:
            return range(0)
        columns, kept = zip(*placed, strict=True)   # bounds in C loops, not generators
        left, right = min(columns), max(map(add, columns, map(WIDTH, kept)))
        lift = min(map(TOP, kept))
        top, bottom = down + lift, down + max(map(BOTTOM, kept))
        onto = picture[top:bottom, left:right] if left >= 0 and top >= 0 else None
        if ink == 255 and onto is not None and onto.shape == (bottom - top, right - left) \
                and not onto.any():
            set_glyphs(onto, placed, left, lift)
        else:
            line = np.zeros((bottom - top, right - left), np.uint8)
            blend(picture, set_glyphs(line, placed, left, lift), left, top, ink)
        return range(max(top, 0), min(bottom, picture.shape[0]))

    def place(self, text: str, xy: tuple[float, float]
              ) -> tuple[list[tuple[int, Glyph]], int]:
        """The column of each glyph that marks the picture, and the row of the line's
        ascender (a glyph's top counts from it)."""
        x_frac, x_whole = math.modf(xy[0])
        y_frac, y_whole = math.modf(xy[1])
        pen = math.floor(x_frac * 64 + 0.5)
        down = int(y_whole) - ((32 - math.floor(y_frac * 64 + 0.5)) >> 6)  # Pillow rounds
        across, steps, placed = int(x_whole), self.steps, []               # up past half
        for pair in pairwise(text + " "):       # the last step (onto a space) is unused
            step, glyph = steps.get(pair) or self.step(pair)
            if glyph.height:
                placed.append((across + ((pen + 32) >> 6) + glyph.left, glyph))
            pen += step
        return placed, down


def set_glyphs(line: Pixels, placed: list[tuple[int, Glyph]], left: int,
               lift: int) -> Pixels:
    """Set the placed glyphs into `line`, blank, whose first column is `left` and first
    row the glyphs' least top (`lift`); where a glyph overlaps glyphs before it, it is
    laid over them (a + b - ab/255)."""
    reach = left                            # no glyph set so far reaches this column
    for x, glyph in placed:
        y, width = glyph.top - lift, glyph.width
        if x >= reach:
            line[y:y + glyph.height, x - left:x - left + width] = glyph.mask
        else:                               # its first columns may overlap glyphs before
            over = min(reach - x, width)
            spot = line[y:y + glyph.height, x - left:x - left + over]
            spot[...] = OVER[spot, glyph.mask[:, :over]]
            line[y:y + glyph.height, x - left + over:x - left + width] = glyph.mask[:, over:]
        if x + width > reach:
            reach = x + width
    return line


def rendered(font: ImageFont.FreeTypeFont, char: str) -> Glyph:
    """One glyph as Pillow draws it alone: white through its mask onto black is the mask."""
    mask, (left, top) = font.getmask2(char, "L")
    image = Image.new("L", mask.size, 0)
    ImageDraw.Draw(image).text((-left, -top), char, font=font, fill=255)
    pixels = np.asarray(image)
    height, width = pixels.shape if pixels.size else (0, 0)
    return Glyph(pixels, left, top, sixty_fourths(font.getlength(char)), height, width,
                 top + height)


def sixty_fourths(pixels: float) -> int:
    return round(pixels * 64)


def blend(picture: Pixels, mask: Pixels, left: int, top: int, ink: int) -> None:
    """Fill `ink` through `mask` (placed at left, top) as Pillow does, clipped to the
    picture: out = (in * (255 - m) + ink * m) / 255, rounded as Pillow rounds."""
    x0, y0 = max(left, 0), max(top, 0)
    x1 = min(left + mask.shape[1], picture.shape[1])
    y1 = min(top + mask.shape[0], picture.shape[0])
    if x0 >= x1 or y0 >= y1:
        return
    spot = picture[y0:y1, x0:x1]
    cover = mask[y0 - top:y1 - top, x0 - left:x1 - left].astype(np.uint16)
    spot[...] = divide(spot.astype(np.uint16) * (255 - cover) + ink * cover)


def over_table() -> Pixels:
    """OVER[a, b]: shade b laid over shade a, a + b - ab/255 rounded as Pillow rounds."""
    under, above = np.meshgrid(np.arange(256, dtype=np.uint16),
                               np.arange(256, dtype=np.uint16), indexing="ij")
    table: Pixels = (under + divide(above * (255 - under))).astype(np.uint8)
    return table


def divide(values: Pixels) -> Pixels:
    """values / 255, rounded as Pillow rounds (its DIV255). Products of two shades
    (at most 255 x 255, and the sums here stay within it) fit 16 bits, and so does
    every step below: 65025 + 128 + 254 < 65536."""
    values = values + 128
    divided: Pixels = ((values >> 8) + values) >> 8
    return divided


OVER = over_table()
