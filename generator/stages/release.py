"""Stage 3c, release: which articles the site shows. Drafts and scheduled ones wait.

As in Hugo and Jekyll: an article with `draft: true`, or with a `published` date after
today, is checked like any other but left out of `generate` and `build` entirely (no
page, no listing, no feed or search entry, no backlinks), as if its file were absent.
`serve` shows it, with a banner on its page saying why the site does not, once it has
no empty required field left (a draft's to-dos): until then it has no page anywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.checks.verify import Verified
from generator.stages.models import Article
from generator.stages.resolve import resolve
from generator.stages.salvage import absent


def held_back(article: Article, today: dt.date) -> str | None:
    """"draft" or "scheduled" when the article is not to be published yet."""
    if article.draft:
        return "draft"
    if not absent(article.published) and article.published > today:
        return "scheduled"
    return None


def release(verified: Verified, today: dt.date | None = None, *,
            preview: bool = False) -> Verified:
    """The checked content as the site shows it: without the held-back articles, or
    (preview) with them, marked. The problems stay those `check` found in the whole
    content: resolving only what is shown would call an actor only a draft names unused."""
    content = verified.resolved.content
    today = today or dt.date.today()
    held = {id_: why for id_, article in content.articles.items()
            if (why := held_back(article, today))}
    unfinished = {id_ for id_ in held if ("article", id_) in content.invalid}
    if preview and not unfinished or not held:
        return replace(verified, resolved=replace(verified.resolved, held=held))
    left_out = unfinished if preview else set(held)   # a draft with to-dos has no page yet
    shown = replace(content, of={**content.of, "article": {
        id_: a for id_, a in content.articles.items() if id_ not in left_out}})
    kept = {id_: why for id_, why in held.items() if id_ not in left_out}
    return replace(verified, resolved=replace(resolve(shown).value, held=kept))
