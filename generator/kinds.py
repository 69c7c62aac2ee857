"""The kinds of content that live one file per id in a folder and get a page each.

One table says, for every kind, where its files are, which model validates them, which
template renders them, where its page goes and which of its fields name other files.
Discover, schema, resolve, render, listings, meta, serve's page map, the templates and
mkdocs.yml's `not_in_nav` all read it (a test holds mkdocs.yml to it), so a new kind is
one entry here plus its model and its templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.errors import Loc
from generator.stages.models import Actor, Article, Glossary, Place, Site, Strict, Weapon


@dataclass(frozen=True)
class Ref:
    """A field of one kind that names a file of another kind by its id.

    `path` leads from the model to the id; `*` stands for every item of a list.
    `into` names the target's backlink list that records it: an article's quote or
    event goes there as (article id, item), another kind's file by its id. Every
    reference from an article is also a mention of the target in that article.
    """

    path: tuple[str, ...]
    target: str
    into: str | None = None

    def find(self, model: Any) -> list[tuple[Loc, str, Any]]:
        """(location, id, item) for every id this field holds in `model`, in the order
        of the lists; item is the list item the first `*` stands for (a quote, an
        event), else None. Walked a step of the path at a time for all the values
        reached (one list each), not a generator per value and step: resolve walks
        every field of every file."""
        reached: list[tuple[Loc, Any, Any]] = [((), model, None)]
        for step in self.path:
            if step == "*":
                reached = [((*loc, i), element, element if item is None else item)
                           for loc, value, item in reached if value is not None
                           for i, element in enumerate(value)]
            else:
                reached = [((*loc, step), getattr(value, step), item)
                           for loc, value, item in reached if value is not None]
        return [found for found in reached if found[1] is not None]


@dataclass(frozen=True)
class Kind:
    """One kind of content file and its page."""

    name: str
    """The kind as code and messages name it: article."""
    folder: str
    """Its folder under content/ and under docs/: articles."""
    model: type[Strict]
    title: str
    """The model field that names one file on pages and in links: headline, name."""
    label: str
    """The index page's heading and nav entry: Articles."""
    refs: tuple[Ref, ...] = ()
    backlinks: bool = False
    """Its page lists what mentions it, in further pages under <folder>/<id>/ when long."""

    @property
    def template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def skeleton(self) -> str:
        """The `explainer new` skeleton of a file of this kind."""
        return f"new_{self.name}.yaml.j2"

    @property
    def index(self) -> str:
        """The docs path of the page listing every file of this kind."""
        return f"{self.folder}/index.md"

    @property
    def index_template(self) -> str:
        return f"{self.folder}_index.md.j2"

    def page(self, id_: str) -> str:
        """The docs path of one file's page: articles/<id>.md."""
        return f"{self.folder}/{id_}.md"

    def url(self, id_: str) -> str:
        """The site-relative address of that page: articles/<id>/."""
        return f"{self.folder}/{id_}/"

    def more(self, id_: str, what: str, number: int) -> str:
        """The docs path of a further page of backlinks: actors/<id>/quotes-2.md."""
        return f"{self.folder}/{id_}/{what}-{number}.md"

    def not_in_nav(self) -> list[str]:
        """mkdocs.yml's `not_in_nav` patterns for this kind's pages."""
        return [f"/{self.folder}/*.md"] + ([f"/{self.folder}/*/*.md"] if self.backlinks else [])


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("article", "articles", Article, "headline", "Articles", refs=(
        Ref(("actors", "*", "ref"), "actor"),
        Ref(("weapons", "*", "ref"), "weapon"),
        Ref(("quotes", "*", "speaker"), "actor", into="quotes"),
        Ref(("key_facts", "*", "actors", "*"), "actor"),
        Ref(("key_facts", "*", "weapons", "*"), "weapon"),
        Ref(("timeline", "*", "actors", "*"), "actor", into="events"),
        Ref(("timeline", "*", "weapons", "*"), "weapon", into="events"),
        Ref(("places", "*", "ref"), "place"),
        Ref(("key_facts", "*", "places", "*"), "place", into="facts"),
        Ref(("timeline", "*", "places", "*"), "place", into="events"),
        Ref(("reach", "*", "weapon"), "weapon"),
        Ref(("reach", "*", "from_place"), "place"),
        Ref(("reach", "*", "from_country"), "actor"),
        Ref(("reach", "*", "toward"), "actor"),
    )),
    Kind("actor", "actors", Actor, "name", "Actors", backlinks=True, refs=(
        Ref(("affiliation",), "actor", into="members"),
    )),
    Kind("weapon", "weapons", Weapon, "name", "Weapons", backlinks=True, refs=(
        Ref(("origin",), "actor", into="weapons"),
    )),
    Kind("place", "places", Place, "name", "Places", backlinks=True, refs=(
        Ref(("country",), "actor", into="places"),
    )),
)}
"""Every kind, in the order pages, listings and messages name them."""

SINGLE_FILES: dict[str, type[Strict]] = {"site": Site, "glossary": Glossary}
"""The files that stand alone at the top of content/: content/site.yaml, ..."""
MODELS: dict[str, type[Strict]] = SINGLE_FILES | {k.name: k.model for k in KINDS.values()}
"""The model of every kind of content file, the single ones included."""
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS.values()}
MENTIONED = [kind for kind in KINDS.values() if kind.backlinks]
"""The kinds whose pages list the articles that mention them."""


def where_files_go() -> str:
    """Where the kinds' files go, for a writer: 'articles, actors and weapons in
    content/articles/, content/actors/ or content/weapons/'."""
    folders = [kind.folder for kind in KINDS.values()]
    return (f"{either(folders, 'and')} in "
            f"{either([f'content/{f}/' for f in folders], 'or')}")


def either(words: list[str], conjunction: str) -> str:
    """a, b and c (or: a, b or c)."""
    return words[0] if len(words) == 1 else \
        f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
