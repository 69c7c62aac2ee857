"""The verification record: what was checked against the source, kept with the content.

The source reports are not in the repository (their licence keeps them out), so the
build that publishes the site cannot check quotes itself. `explainer verify` checks them
where the report is at hand and writes what it found to
`content/verification/<article id>.json`: the source's checksum and date, and for each
quote that matched word for word a fingerprint of its speaker and words and where in
the source it matched; for each key fact whose figures all occur in the source, a
fingerprint of the fact. The record is committed, so a change shows in review.

A build without the source trusts a quote or fact whose fingerprint is on record; one
edited since no longer matches, and is shown and reported as unverified.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.checks.sourcetext import normalise
from generator.errors import ContentError
from generator.stages.models import KeyFact, Quote

FOLDER = "verification"
"""Under content/: one record per article, named by the article's id."""
FORMAT = 1


@dataclass(frozen=True)
class Match:
    """Where a quote was found in the source: the line its paragraph starts on, and the
    character at which the quote starts inside that paragraph (normalised)."""

    line: int
    offset: int


@dataclass(frozen=True)
class Record:
    """One article's checks against its source, as last recorded."""

    article: str
    source: str
    """The source file's path as the article gives it (source.text)."""
    sha256: str
    """The checksum of the source file that was read."""
    verified_on: dt.date
    quotes: dict[str, Match] = field(default_factory=dict)
    """Fingerprint of each verified quote -> where it matched."""
    facts: dict[str, list[str]] = field(default_factory=dict)
    """Fingerprint of each key fact whose figures were found -> those figures."""

    def to_json(self) -> str:
        """Stable JSON, one line per quote and per fact, so a change reads as a diff."""
        quotes = [f'    "{k}": {{"line": {m.line}, "offset": {m.offset}}}'
                  for k, m in sorted(self.quotes.items())]
        facts = [f'    "{k}": {json.dumps(v)}' for k, v in sorted(self.facts.items())]
        return "\n".join([
            "{", f'  "format": {FORMAT},', f'  "article": {json.dumps(self.article)},',
            f'  "source": {{"file": {json.dumps(self.source)}, "sha256": "{self.sha256}"}},',
            f'  "verified_on": "{self.verified_on.isoformat()}",',
            '  "quotes": {' + ("\n" + ",\n".join(quotes) + "\n  " if quotes else "") + "},",
            '  "facts": {' + ("\n" + ",\n".join(facts) + "\n  " if facts else "") + "}",
            "}", ""])


def quote_print(quote: Quote) -> str:
    """A quote's fingerprint: its speaker and its words, folded as the check folds them."""
    return _digest(f"quote\n{quote.speaker}\n{normalise(quote.text)}")


def fact_print(fact: KeyFact) -> str:
    """A key fact's fingerprint: its words, folded."""
    return _digest(f"fact\n{normalise(fact.text)}")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def path_of(content_dir: Path, article_id: str) -> Path:
    return content_dir / FOLDER / f"{article_id}.json"


def read(content_dir: Path, article_id: str, shown: str
         ) -> tuple[Record | None, ContentError | None]:
    """The article's record, or None; a record that cannot be read is an error."""
    path = path_of(content_dir, article_id)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        return None, _unreadable(shown, str(exc))
    try:
        return parse(json.loads(text)), None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, _unreadable(shown, f"{type(exc).__name__}: {exc}")


def _unreadable(shown: str, why: str) -> ContentError:
    return ContentError(shown, 1, 1, f"the verification record cannot be read ({why})",
                        "run `explainer verify` with the source report to write it again")


def parse(data: Any) -> Record:
    if data.get("format") != FORMAT:
        raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
    return Record(
        article=str(data["article"]), source=str(data["source"]["file"]),
        sha256=str(data["source"]["sha256"]),
        verified_on=dt.date.fromisoformat(data["verified_on"]),
        quotes={str(k): Match(int(v["line"]), int(v["offset"]))
                for k, v in data["quotes"].items()},
        facts={str(k): [str(n) for n in v] for k, v in data["facts"].items()})


def update(content_dir: Path, record: Record) -> bool:
    """Write the record (atomically) unless the one on file says the same, whatever its
    date; True when it was written."""
    old, _ = read(content_dir, record.article, "")
    if same_checks(old, record):
        return False
    path = path_of(content_dir, record.article)
    text = record.to_json()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)
    return True


def same_checks(old: Record | None, new: Record | None) -> bool:
    """The record would not change, but for the day it was made."""
    if old is None or new is None:
        return False
    return (old.source, old.sha256, old.quotes, old.facts) == (
        new.source, new.sha256, new.quotes, new.facts)
