"""What untrusted text and names may hold: link targets, ids, paths (input checks),
and how much work one file may cause (size, nesting, number of values; no aliases).

Every byte of content/ may come from a stranger. The models call these checks (so a
problem is a located validation error), discover calls `reserved_id`, and load reads
at most MAX_BYTES of a file and walks its YAML events (`yaml_limits`) before building
anything. Escaping the
text on its way out is render's job (`generator/render/escape.py`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

import yaml

# Content files are small and shallow; these bound the work any one file can cause.
MAX_DEPTH = 40
MAX_NODES = 50_000
MAX_BYTES = 1_000_000
DEEP = (f"document is nested too deeply (more than {MAX_DEPTH} levels)",
        "content files are shallow; close the brackets or indent less")
ALLOWED_SCHEMES = ("http", "https", "mailto")
# Windows device names, and names that collide with pages the generator writes itself
# (the kinds' folders are refused too: see discover).
DEVICE_NAMES = frozenset(  # Windows cannot check these out as files
    {"con", "prn", "aux", "nul", "clock$"}
    | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)})
RESERVED_IDS = DEVICE_NAMES | {"index", "tags", "about", "quotes", "timeline", "glossary",
                               "search", "assets", "sitemap", "404"}

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Whatever follows `](` (inline link or image) or starts a reference definition `[x]: `.
_LINK_STARTS = re.compile(r"\]\(|^[ \t]{0,3}\[[^\]\n]*\]:", re.MULTILINE)
# Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces around it.
_URL_NOISE = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROUNDING = "".join(chr(i) for i in range(0x21)) + "<"


def link_target_problem(target: str) -> str | None:
    """Why a link target is refused, or None when it is an allowed link."""
    url = _URL_NOISE.sub("", html.unescape(target)).strip(_SURROUNDING)
    scheme = _SCHEME.match(url)
    if scheme:
        if scheme.group(1).lower() in ALLOWED_SCHEMES:
            return None
        return f"link target '{shorten(url)}' is not allowed"
    if url.replace("\\", "/").startswith("//"):
        return f"link target '{shorten(url)}' leaves the site without a scheme"
    return None


def check_markdown(text: str) -> str:
    """A pydantic validator for Markdown text: links may only go where readers are safe."""
    control = _CONTROL.search(text)
    if control:
        raise ValueError(f"control character U+{ord(control.group()):04X} is not allowed "
                         "in text")
    if "](" not in text and "]:" not in text:      # no link: most texts, found quickly
        return text
    images = "![" in text
    for start in _LINK_STARTS.finditer(text):
        target = destination(_URL_NOISE.sub("", text[start.end():]).lstrip(_SURROUNDING))
        problem = link_target_problem(target)
        if problem:
            raise ValueError(f"{problem}: links may use http, https or mailto, "
                             "or point to a page of this site")
        definition = text[start.start():start.end()].lstrip().startswith("[")
        if images and leaves_site(target) and (definition or opens_image(text, start.start())):
            raise ValueError(f"image '{shorten(target)}' would be loaded from another site, "
                             "and pages make no requests to other sites: link to it "
                             "instead (the same without the !)")
    return text


def leaves_site(target: str) -> bool:
    """Whether an allowed link target is on another host (not a page of this site)."""
    url = _URL_NOISE.sub("", html.unescape(target)).strip(_SURROUNDING)
    return _SCHEME.match(url) is not None or url.replace("\\", "/").startswith("//")


def opens_image(text: str, close: int) -> bool:
    """Whether the `]` at `close` ends the text of an image, `![...]`."""
    depth = 0
    for i in range(close, -1, -1):
        depth += (text[i] == "]") - (text[i] == "[")
        if depth == 0:
            return i > 0 and text[i - 1] == "!"
    return False


def destination(text: str) -> str:
    """A Markdown link destination: up to a space or the `)` that closes the link."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char.isspace() or depth < 0:
            return text[:i]
    return text


def check_url(text: str) -> str:
    """A web address field: http(s), a host, and nothing that ends a Markdown link."""
    match = _WEB_URL.fullmatch(text)
    if not match:
        raise ValueError(f"'{shorten(text)}' is not a web address starting with "
                         "http:// or https://")
    bad = sorted(set(_URL_UNSAFE.findall(text)))
    if bad:
        raise ValueError(f"'{shorten(text)}' contains {' '.join(bad)}; write them as "
                         "%-escapes (space is %20, ( is %28, ) is %29)")
    return text


_WEB_URL = re.compile(r"https?://[^/?#\s]+[^\s]*", re.IGNORECASE)
_URL_UNSAFE = re.compile(r"[\s<>\"'()\[\]{}|\\^`\x00-\x1f\x7f]")


def check_relative_path(text: str) -> str:
    """A path written in content (only ever read): relative to the project root, with /.

    `..` is allowed: the source texts live beside the project, in ../shared/seed/.
    """
    windows = PureWindowsPath(text)
    if PurePosixPath(text).is_absolute() or windows.drive or "\\" in text or \
            "\x00" in text or _SCHEME.match(text):
        raise ValueError(f"'{shorten(text)}' must be a path relative to the project "
                         "root, with / between folders")
    return text


def reserved_id(id_: str) -> bool:
    """Names that are devices on Windows or that generated pages already use."""
    return id_.lower() in RESERVED_IDS


def shorten(text: str, limit: int = 60) -> str:
    text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Characters that change how text is displayed, or hide in it, without being seen: bidi
# controls can show a quote or a name in another order than it is written ("Trojan
# Source"); zero-width and tag characters hide inside words, so search and the verbatim
# quote check miss them. Zero-width joiners (U+200C, U+200D) stay allowed: emoji and
# some scripts need them.
INVISIBLE = re.compile(
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"          # bidi marks and controls
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u3164\ufeff\uffa0"
    "\U000e0000-\U000e007f]")
MAX_INVISIBLE = 20


def invisible(text: str) -> list[tuple[int, int, str]]:
    """(line, column, what) of every invisible formatting character, at most
    MAX_INVISIBLE of them. Every one is outside ASCII: an ASCII text has none."""
    if text.isascii():
        return []
    found = []
    for match in INVISIBLE.finditer(text):
        before = text[:match.start()]
        code = ord(match.group())
        name = unicodedata.name(match.group(), "TAG" if code >= 0xE0000 else "FORMAT")
        found.append((before.count("\n") + 1, match.start() - before.rfind("\n"),
                      f"U+{code:04X} ({name})"))
        if len(found) == MAX_INVISIBLE:
            break
    return found


def yaml_limits(text: str, loader: Any) -> tuple[int, int, str, str] | None:
    """Walk the YAML events once, without recursion or big memory: the first alias,
    collection nested deeper than MAX_DEPTH or value past MAX_NODES, as
    (line, column, message, hint); None when there is none."""
    depth = count = 0
    for event in yaml.parse(text, Loader=loader):
        count += 1
        if isinstance(event, yaml.AliasEvent):
            problem = ("YAML aliases (*name) are not allowed",
                       "write the value out in full instead of using & and *")
        elif isinstance(event, yaml.CollectionStartEvent) and depth >= MAX_DEPTH:
            problem = DEEP
        elif count > MAX_NODES:
            problem = (f"document has too many values (more than {MAX_NODES:,})",
                       "content files are small; split it or remove data")
        else:
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            continue
        mark = event.start_mark
        return (mark.line + 1, mark.column + 1, *problem) if mark else (1, 1, *problem)
    return None
