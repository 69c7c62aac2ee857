"""A palette PNG written directly from rows of pixels, compressed band by band.

A link preview is mostly background: compressing its blank rows was half of the PNG
encoder's time. Here the rows that hold something are compressed, and a run of blank
rows is a compressed run cached by its length. Each band is its own raw deflate stream
closed by a sync flush (byte-aligned, not final), so the bands join into one valid zlib
stream; its Adler-32 is combined from the bands' own. No chunk carries a time or other
metadata, so the same rows always give the same bytes.

The deflate encoder is zlib-ng's (the `zlib-ng` package, level 1, its "quick"
strategy), not zlib's: with zlib's fastest level a picture took 1.6 ms. ISA-L (the
`isal` package) was faster still, but not deterministic: at 1,000 articles the same
37,231 bytes of rows came out as two different (equally valid) deflate streams in
different runs, about one picture in a thousand in one run of two, so docs/ changed
with nothing changed. zlib-ng gave the same bytes in every run. Any inflater reads
them. zlib-ng picks its code path by processor, so another kind of processor may give
other, equally valid bytes (as another build of zlib may).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from functools import cache

from zlib_ng import zlib_ng

SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_HEADER = b"\x78\x01"          # deflate, 32 KB window, fastest level
FINAL_BLOCK = b"\x03\x00"          # an empty last block (fixed Huffman codes)
ADLER = 65521


Buffer = bytes | memoryview
Packed = tuple[bytes, int]
"""Rows compressed by `squeeze`, and their Adler-32."""
Band = Buffer | int | Packed
"""Rows as their bytes (each row a 0 filter byte and its pixels: a C-contiguous array
of rows will do, without a copy to bytes), as a count of blank rows (all index 0), or
already packed."""


def png(width: int, palette: bytes, bands: Iterable[tuple[Band, int]]) -> bytes:
    """An 8-bit palette PNG of `width` pixels per row; `bands` in order from the top,
    each with its row count. `palette` is RGB triples."""
    data, adler, height = [ZLIB_HEADER], 1, 0
    for rows, count in bands:
        packed, checksum = blank(count, width) if isinstance(rows, int) else \
            rows if isinstance(rows, tuple) else squeeze(rows)
        data.append(packed)
        adler = combine(adler, checksum, count * (width + 1))
        height += count
    data += [FINAL_BLOCK, struct.pack(">I", adler)]
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
    return b"".join([SIGNATURE, *chunk(b"IHDR", [header]), *chunk(b"PLTE", [palette]),
                     *chunk(b"IDAT", data), *chunk(b"IEND", [])])


def squeeze(rows: Buffer) -> Packed:
    """One band as a raw deflate stream ending on a byte boundary, and its Adler-32."""
    stream = zlib_ng.compressobj(1, zlib_ng.DEFLATED, -15)
    return stream.compress(rows) + stream.flush(zlib_ng.Z_SYNC_FLUSH), \
        zlib_ng.adler32(rows)


@cache
def blank(count: int, width: int) -> Packed:
    """`count` blank rows (filter byte and pixels all 0), compressed once per size."""
    return squeeze(bytes(count * (width + 1)))


def combine(first: int, second: int, length: int) -> int:
    """The Adler-32 of two strings joined, from each one's and the second's length
    (zlib's adler32_combine)."""
    rem = length % ADLER
    low1, high1 = first & 0xFFFF, first >> 16
    low2, high2 = second & 0xFFFF, second >> 16
    low = (low1 + low2 - 1) % ADLER
    high = (rem * low1 + high1 + high2 - rem) % ADLER
    return low | high << 16


def chunk(kind: bytes, body: list[bytes]) -> list[bytes]:
    """A chunk as the parts to join: its body's parts are joined only once, with the
    whole file."""
    crc = zlib_ng.crc32(kind)
    for part in body:
        crc = zlib_ng.crc32(part, crc)
    return [struct.pack(">I", sum(map(len, body))), kind, *body, struct.pack(">I", crc)]
