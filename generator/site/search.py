"""Site search: Pagefind indexes the built HTML, so it works after any engine.

Pagefind (the `pagefind-bin` package ships its binary) writes `pagefind/` into the
staged site: a small entry file, WebAssembly, and the index split into chunks and page
fragments, so one query fetches a few of them instead of a site-wide index that grows
with the site. It indexes what theme/main.html marks `data-pagefind-body` (every page
whose front matter does not exclude it from search), with its kind and topics as
filters; theme/assets/javascripts/search.js queries it in Material's search box.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"

# What a reader does not search for: the parts the templates mark `data-search-exclude`
# (headings of backlink sections, the badge legend, provenance notes), heading anchors,
# the one-line summaries of an article's folds (each fold's heading says it again, and
# its count is for the eye), an article's who's-who cards and weapons table, charts and
# maps (their labels are names found on their own pages), and on actor, weapon and
# place pages the backlinks below the summary (lists, timelines, quotes, pagers), which
# repeat text that is found on the pages they link to.
EXCLUDE = [
    "[data-search-exclude]",
    ".headerlink",
    "details.ex-more > summary",
    ".ex-cards",
    ".ex-chart",
    ".ex-map",
    ".ex-body--article table",
    *(f".ex-body--{kind} > {part}" for kind in ("actor", "weapon", "place")
      for part in ("ul", "nav", "figure", "div.ex-timeline")),
]


def index(site: Path, output: Path | None = None) -> str | None:
    """Write the Pagefind index of the built `site` into `site/pagefind/` (or `output`).

    Returns None, or what went wrong in Pagefind's own words.
    """
    where = ["--output-path", str(output)] if output else ["--output-subdir", BUNDLE]
    command = [str(executable()), "--site", str(site), *where,
               "--exclude-selectors", ", ".join(EXCLUDE), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "RUST_BACKTRACE": "0"})
    if done.returncode != 0:
        said = (done.stderr.strip() or done.stdout.strip()).split("\nstack backtrace:")[0]
        return f"pagefind failed to index the built site (exit {done.returncode}): {said}\n"
    make_stable(output or site / BUNDLE)
    return None


def executable() -> Path:
    """The Pagefind binary that the pinned `pagefind-bin` package installed."""
    from pagefind_bin import get_executable

    return Path(get_executable())


# Pagefind 1.5 writes the values of each filter in hash-map order, which changes from
# run to run (Pagefind issue 638: "filter indexes still change"). The build must be
# byte-identical, so they are sorted and the files renamed after their content.
# A filter file is gzip("pagefind_dcd" + CBOR [name, [[value, [page, ...]], ...]]); the
# language's meta file, a CBOR array, lists [name, filter file] pairs as its fourth
# member (and the filters in hash-map order too); pagefind-entry.json names the meta.
SIGNATURE = b"pagefind_dcd"
FILTER_VALUES, META_FILTERS = 1, 3


def make_stable(bundle: Path) -> None:
    """Sort every filter file's values; rename the files it changes and those naming them."""
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        language, _, _ = path.stem.partition("_")
        data = sort_member(unpack(path.read_bytes()), FILTER_VALUES)
        new = f"{language}_{digest(data, 7)}"
        renamed[path.stem] = new
        path.unlink()
        path.with_name(f"{new}.pf_filter").write_bytes(pack(data))
    entry = bundle / "pagefind-entry.json"
    text = entry.read_text(encoding="utf-8")
    for meta in sorted(bundle.glob("pagefind.*.pf_meta")):
        language_hash = meta.name.split(".")[1]
        data = sort_member(unpack(meta.read_bytes()), META_FILTERS)
        for old, new in renamed.items():
            data = data.replace(old.encode(), new.encode())
        new_hash = f"{language_hash.partition('_')[0]}_{digest(data, 10)}"
        meta.unlink()
        (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(pack(data))
        text = text.replace(f'"{language_hash}"', f'"{new_hash}"')
    entry.write_text(text, encoding="utf-8")


def unpack(raw: bytes) -> bytes:
    data = gzip.decompress(raw)
    if not data.startswith(SIGNATURE):
        raise ValueError("not a Pagefind file")
    return data[len(SIGNATURE):]


def pack(data: bytes) -> bytes:
    return gzip.compress(SIGNATURE + data, mtime=0)


def digest(data: bytes, length: int) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def sort_member(data: bytes, position: int) -> bytes:
    """CBOR `data`, a top-level array, with the array at `position` in it sorted."""
    count, at = cbor_head(data, 0)
    for _ in range(position):
        at = skip(data, at)
    length, first = cbor_head(data, at)
    spans, at = [], first
    for _ in range(length):
        end = skip(data, at)
        spans.append(data[at:end])
        at = end
    if position >= count:
        raise ValueError("unexpected Pagefind file layout")
    return data[:first] + b"".join(sorted(spans)) + data[at:]


def cbor_head(data: bytes, at: int) -> tuple[int, int]:
    """(argument, offset after the head) of the CBOR item at `at`."""
    info = data[at] & 0x1F
    if info < 24:
        return info, at + 1
    size = 1 << (info - 24)                 # 24..27: a 1, 2, 4 or 8-byte argument
    return int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def skip(data: bytes, at: int) -> int:
    """Offset after the CBOR item at `at` (unsigned integers, text and arrays only)."""
    kind = data[at] >> 5
    argument, after = cbor_head(data, at)
    if kind == 0:
        return after
    if kind == 3:
        return after + argument
    if kind == 4:
        for _ in range(argument):
            after = skip(data, after)
        return after
    raise ValueError(f"unexpected CBOR item of major type {kind}")


def main(argv: list[str] | None = None) -> int:
    """`python -m generator.site.search SITE`: index a built site as `explainer build`
    does, in a process of its own (how the benchmark measures Pagefind's peak memory)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m generator.site.search SITE", file=sys.stderr)
        return 2
    problem = index(Path(args[0]))
    if problem:
        print(problem, end="", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
