"""The content model: what each YAML file may hold, as pydantic models.

Every field documents itself (the docstrings become the JSON Schema descriptions that
editors show), unknown fields are errors, and closed sets are Literals. The field types
are in `fields`, the site's settings and the glossary in `site`, an article and its parts
in `article`, actors and weapons in `entities`, places and an article's map reaches in
`places`; every name is importable from here.
"""

from generator.stages.models.article import (
    Acceptance,
    Article,
    ArticleActor,
    ArticleWeapon,
    Correction,
    Event,
    KeyFact,
    Question,
    Quote,
    Source,
    Status,
)
from generator.stages.models.entities import (
    ACTOR_KINDS,
    Actor,
    ActorKind,
    DatedTitle,
    Range,
    Weapon,
)
from generator.stages.models.fields import (
    EMAIL,
    LANGUAGE,
    PARTIAL_DATE,
    REAL_DATE,
    SHORT,
    SLUG,
    URL,
    Day,
    Email,
    Id,
    Markdown,
    PartialDate,
    RelativePath,
    Short,
    Strict,
    Text,
    TimeZone,
    Url,
)
from generator.stages.models.places import ArticlePlace, Coordinates, Place, Reach
from generator.stages.models.site import Author, Contact, Glossary, Publisher, Site, Term

__all__ = [
    "ACTOR_KINDS", "EMAIL", "LANGUAGE", "PARTIAL_DATE", "REAL_DATE", "SHORT", "SLUG", "URL",
    "Acceptance", "Actor", "ActorKind", "Article", "ArticleActor", "ArticlePlace",
    "ArticleWeapon", "Author", "Contact", "Coordinates", "Correction", "DatedTitle", "Day",
    "Email", "Event", "Glossary", "Id", "KeyFact", "Markdown", "PartialDate", "Place",
    "Publisher", "Question", "Quote", "Range", "Reach", "RelativePath", "Short", "Site",
    "Source", "Status", "Strict", "Term", "Text", "TimeZone", "Url", "Weapon"
]
