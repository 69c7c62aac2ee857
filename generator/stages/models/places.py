"""Places (content/places/<id>.yaml) and what an article asks of its map: the places
it names and the weapon reaches to draw."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from generator.stages.models.fields import Id, Strict, Text, empty


class Coordinates(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    """Latitude in degrees, north positive: 51.73 (-90 to 90)."""
    lon: Annotated[float, Field(ge=-180, le=180)]
    """Longitude in degrees, east positive: 36.19 (-180 to 180)."""


class Place(Strict):
    """content/places/<id>.yaml: a place a story happens in or names."""

    name: Text
    """The name as we write it, e.g. Kursk region."""
    aliases: list[Text] = empty()
    """Other names and spellings readers may search for, e.g. Kursk Oblast."""
    kind: Literal["city", "region", "country", "front line", "other"]
    """city, region, country (a whole country as an area), front line or other."""
    coordinates: Coordinates
    """Where it is, as one point: lat and lon in degrees (its centre, for a region)."""
    country: Id
    """The id of the country it lies in (an actor of kind country, with an iso code)."""
    summary: Text
    """What this place is, in one or two sentences (Markdown)."""
    moved_from: list[Id] = empty()
    """Ids this place had before `explainer rename`: its old address redirects here."""


class ArticlePlace(Strict):
    ref: Id
    """The place's id (a file in content/places/)."""
    role: Text
    """What happens there in this story."""


class Reach(Strict):
    """A weapon's reach to draw on the article's map: from a place, or from a
    country's territory (measured from its border with the target)."""

    weapon: Id
    """The weapon's id; its range (content/weapons/) is the distance drawn."""
    from_place: Id | None = None
    """The id of the place it is fired from; or give from_country."""
    from_country: Id | None = None
    """The id of the country (an actor of kind country) it is fired from."""
    toward: Id | None = None
    """The id of the country it is fired into: only its land is shaded. Needed with
    from_country."""

    @model_validator(mode="after")
    def one_origin(self) -> Reach:
        if (self.from_place is None) == (self.from_country is None):
            raise ValueError("give either from_place or from_country (not both)")
        if self.from_country is not None and self.toward is None:
            raise ValueError("a reach from a country needs toward: the country it "
                             "is fired into")
        if self.toward is not None and self.toward == self.from_country:
            raise ValueError("from_country and toward name the same country")
        return self
