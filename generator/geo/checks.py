"""Content checked against geography: ISO codes, places inside their countries, and
reaches that can be drawn. Run by resolve, once every reference resolves.

The geodata is read only when content has a place, a reach or an ISO code.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.ops import nearest_points

from generator.errors import ContentError
from generator.stages.validate import Content

TOLERANCE_KM = 25       # a place this far outside its country's shape is warned about


def geography(content: Content) -> list[ContentError]:
    """Errors and warnings about ISO codes, places and reaches."""
    if not (content.places or any(a.iso for a in content.actors.values())
            or any(a.reach for a in content.articles.values())):
        return []
    from generator.geo.world import world
    codes = world().iso_names
    errors = [content.document("actor", id_).error(
        ("iso",), f"'{actor.iso}' is not an ISO 3166-1 country code", code_hint(
            actor.name, codes)) for id_, actor in content.actors.items()
        if actor.iso and actor.iso not in codes]
    warnings: list[ContentError] = []
    for id_, place in content.places.items():
        problem = country_problem(content, place.country, codes)
        if problem:
            errors.append(content.document("place", id_).error(("country",), *problem))
        elif ("place", id_) not in content.invalid:   # salvaged: its point may be missing
            warnings += outside(content, id_)
    for id_, article in content.articles.items():
        for i in range(len(article.reach)):
            errors += reach_problems(content, id_, i)
    return errors + warnings


def code_hint(name: str, codes: dict[str, str]) -> str:
    """'the code of Ukraine is UA', when the actor's name is a country's name."""
    found = [code for code, country in codes.items() if country.lower() == name.lower()]
    return (f"the code of {name} is {found[0]}" if found else
            "use the two-letter code of ISO 3166-1, e.g. UA for Ukraine")


def country_problem(content: Content, actor_id: str, codes: dict[str, str]
                    ) -> tuple[str, str] | None:
    """Why an actor cannot stand for a country on a map (message, hint), or None (also
    when the actor's file is invalid: its own errors say why)."""
    actor = content.actors.get(actor_id)
    if actor is None:
        return None
    if actor.kind != "country":
        return (f"'{actor_id}' is a {actor.kind}, not a country",
                "name an actor of kind country")
    if actor.iso is None:
        hint = code_hint(actor.name, codes)
        code = hint.rsplit(" ", 1)[-1] if hint.startswith("the code") else "XX"
        return (f"country '{actor_id}' has no iso code",
                f"add `iso: {code}` to content/actors/{actor_id}.yaml ({hint})")
    if actor.iso not in codes:
        return (f"country '{actor_id}' has an unknown iso code '{actor.iso}'",
                f"fix iso in content/actors/{actor_id}.yaml")
    return None


def outside(content: Content, place_id: str) -> list[ContentError]:
    """A warning when a place lies farther than TOLERANCE_KM outside its country."""
    from generator.geo.geodesy import GEOD
    from generator.geo.world import world
    place = content.places[place_id]
    if place.country not in content.actors:
        return []
    iso = content.actors[place.country].iso or ""
    country = world().country(iso)
    point = shapely.Point(place.coordinates.lon, place.coordinates.lat)
    if country is None or country.shape.contains(point):
        return []
    near = nearest_points(country.shape, point)[0]
    _, _, metres = GEOD.inv(point.x, point.y, near.x, near.y)
    km = float(np.asarray(metres)) / 1000
    if km <= TOLERANCE_KM:
        return []
    name = content.actors[place.country].name
    return [content.document("place", place_id).error(
        ("coordinates",), f"{place.name} lies about {km:,.0f} km outside {name} "
        "as Natural Earth draws it",
        "check lat and lon (north and east are positive) and the country",
        severity="warning")]


def reach_problems(content: Content, article_id: str, i: int) -> list[ContentError]:
    """Why one of an article's reaches cannot be drawn."""
    from generator.geo.world import world
    reach = content.articles[article_id].reach[i]
    doc = content.document("article", article_id)
    errors = []
    weapon = content.weapons.get(reach.weapon)
    if weapon is not None and weapon.range is None:
        errors.append(doc.error(("reach", i, "weapon"),
                                f"weapon '{reach.weapon}' has no range to draw",
                                f"add range to content/weapons/{reach.weapon}.yaml"))
    for field in ("from_country", "toward"):
        actor_id = getattr(reach, field)
        problem = actor_id and country_problem(content, actor_id, world().iso_names)
        if problem:
            errors.append(doc.error(("reach", i, field), *problem))
    return errors
