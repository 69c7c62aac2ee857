"""Deterministic synthetic content for the benchmark: N articles shaped like the real one.

Each article has about 10 key facts, 8 actors, 3 weapons, 4 quotes and 5 timeline
events, drawn from a shared pool of about N/3 actors and N/10 weapons. Popular actors
and weapons are mentioned far more often than others (a Zipf-like draw), as in a real
newsroom; every actor and weapon is mentioned by at least one article. The text is
made-up prose from a fixed vocabulary; each article has a source text (the "report")
that holds its quotes verbatim, and attributions that pass the editorial checks. The
same seed always writes the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.stages.models.fields import SHORT  # an in-short point's limit


def words(text: str) -> list[str]:
    return text.split()


WORDS = words("""
government officials said the ministry plans new talks border region forces troops
ceasefire agreement sanctions export missile defence budget council election vote
parliament minister president spokesman report analysts expect pressure allies aid
package deliveries shipments frontline offensive drones attack strike infrastructure
energy grid power plant port grain corridor negotiations envoy summit delegation
statement warning response escalation security guarantees commitments funding
weapons supply military support training pilots air defence systems artillery shells
production capacity factory contract months weeks years since earlier later during
after before despite amid following while although because however meanwhile also
still already again further major significant limited broader direct indirect
regional international domestic economic political diplomatic humanitarian civilian
casualties displaced residents cities towns villages coast river bridge railway
airport capital province district front line positions advance retreat counteroffensive
""")
FIRST = words("""Anna Boris Carla Dmitri Elena Farid Greta Hassan Irena Jonas Katarzyna Liam
Marta Nikolai Olga Pavel Quentin Rosa Stefan Tamara Ulrich Vera Walter Ximena Yusuf
Zofia Amir Bianca Cedric Dalia Emil Fatima Gustav Helga Ivan Julia Kofi Lena Mateo""")
LAST = words("""Adler Baranov Castillo Dvorak Eriksen Fischer Grabowski Haddad Ivanova Jensen
Kowalski Lindqvist Moreau Novak Orlov Petrenko Quinn Rossi Schmidt Tanaka Ulyanov
Varga Weber Xu Yilmaz Zielinski Abbott Brennan Costa Duarte Engel Falk Garcia Horvat""")
PLACES = words("""Aldoria Brevania Calderra Dunmark Estovia Farland Gorvania Hallstad Istria
Jorvik Kalmora Lusitra Marovia Norrland Ostrava Pellonia Quarnia Rhodesta Sarvania
Teskovia Ulmara Valdoria Westmark Ysolde Zarnovia""")
ORGS = ["Ministry of Defence", "Foreign Ministry", "Security Council", "Energy Agency",
        "Border Guard", "Central Bank", "Armed Forces", "Parliament", "Press Office",
        "Institute for Strategic Studies", "Relief Agency", "National Guard"]
GROUPS = ["volunteer battalions", "opposition lawmakers", "border residents",
          "veterans' association", "farmers' union", "aid convoys"]
CATEGORIES = ["Tactical ballistic missile", "Cruise missile", "Main battle tank",
              "Infantry fighting vehicle", "Fighter jet", "Air defence system",
              "Self-propelled howitzer", "Attack drone", "Rocket launcher"]
OUTLETS = ["Reuters", "Associated Press", "AFP", "BBC News", "The Guardian"]
STATUSES = ["confirmed", "reported", "reported", "claimed", "disputed"]
TAGS = [f"{w.capitalize()} {x}" for w in WORDS[:20] for x in ("policy", "crisis")][:40]
KINDS = ["person"] * 10 + ["organization"] * 5 + ["country"] * 3 + ["group"] * 2


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's fast dumper, writing every value out in full (content refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FIRST_DAY = dt.date(2019, 1, 1)
SPAN_DAYS = 7 * 365
POPULARITY = 20  # the most popular actor is in about a third of the articles


@dataclass(frozen=True)
class Pool:
    """The actors and weapons articles draw from: ids, and what each one is."""

    actors: list[str]
    kinds: dict[str, str]
    names: dict[str, str]
    weapons: list[str]


def generate(content_dir: Path, n_articles: int, seed: int = 7) -> int:
    """Write n_articles articles and their actors and weapons; return the file count."""
    rng = random.Random(seed)
    actors = make_actors(rng, max(12, n_articles // 3))
    weapons = make_weapons(rng, max(3, n_articles // 10), actors)
    pool = Pool(list(actors), {i: a["kind"] for i, a in actors.items()},
                {i: a["name"] for i, a in actors.items()}, list(weapons))
    articles = {}
    for i in range(n_articles):
        article_id, article = make_article(rng, i, pool)
        articles[article_id] = article
        text = content_dir / "sources" / f"{article_id}.txt"
        text.parent.mkdir(parents=True, exist_ok=True)
        text.write_text(source_text(rng, article, pool), encoding="utf-8")
    for folder, items in (("actors", actors), ("weapons", weapons), ("articles", articles)):
        for id_, data in items.items():
            dump(content_dir / folder / f"{id_}.yaml", data)
    return len(actors) + len(weapons) + len(articles)


def dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=88)
    path.write_text(text, encoding="utf-8")


def fit(text: str, limit: int) -> str:
    """text cut at a word so that it fits limit characters (with its full stop); the
    random draws stay the same, so smaller sizes keep their content."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0] + "."


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, words: int) -> str:
    parts, count = [], 0
    while count < words:
        parts.append(sentence(rng, 8, 20))
        count += len(parts[-1].split())
    return " ".join(parts)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def unique(base: str, taken: dict[str, Any]) -> str:
    id_, n = base, 2
    while id_ in taken:
        id_, n = f"{base}-{n}", n + 1
    return id_


def make_actors(rng: random.Random, count: int) -> dict[str, dict[str, Any]]:
    actors: dict[str, dict[str, Any]] = {}
    countries: list[str] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)] if i >= 3 else "country"
        place = rng.choice(PLACES)
        name = {"person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "organization": f"{place} {rng.choice(ORGS)}",
                "country": place if i < len(PLACES) else f"{place} {rng.choice(LAST)}",
                "group": f"{place} {rng.choice(GROUPS)}"}[kind]
        id_ = unique(slug(name), actors)
        actor: dict[str, Any] = {"name": name, "kind": kind}
        if kind == "person":
            actor["title"] = f"{rng.choice(['Minister', 'Adviser', 'Spokesperson'])} " \
                             f"for {rng.choice(WORDS)} {rng.choice(WORDS)}"
        if kind in ("person", "organization") and countries and rng.random() < 0.6:
            actor["affiliation"] = rng.choice(countries)
        if rng.random() < 0.3:
            actor["aliases"] = [name.split()[-1]]
        actor["summary"] = paragraph(rng, 30)
        actors[id_] = actor
        if kind == "country":
            countries.append(id_)
    return actors


def make_weapons(rng: random.Random, count: int,
                 actors: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    countries = [i for i, a in actors.items() if a["kind"] == "country"]
    weapons: dict[str, dict[str, Any]] = {}
    for _ in range(count):
        name = f"{rng.choice('ABCDEFGHKMPRSTVXZ')}{rng.choice('ABCDEFGHKMPRSTVXZ')}-" \
               f"{rng.randint(2, 990)}"
        weapon: dict[str, Any] = {"name": name,
                                  "full_name": f"{rng.choice(PLACES)} {name} system",
                                  "category": rng.choice(CATEGORIES)}
        if rng.random() < 0.7:
            weapon["range"] = {"value": rng.randint(5, 2500), "unit": rng.choice(["km", "mi"]),
                               "qualifier": "up to"}
        weapon["origin"] = rng.choice(countries)
        weapon["summary"] = paragraph(rng, 30)
        weapons[unique(slug(name), weapons)] = weapon
    return weapons


def draw(rng: random.Random, items: list[str], first: str, k: int) -> list[str]:
    """`first`, then k-1 more distinct items, popular ones (low index) more often."""
    chosen = [first]
    while len(chosen) < min(k, len(items)):
        rank = int(POPULARITY * (rng.paretovariate(1.0) - 1))
        item = items[min(rank, len(items) - 1)]
        item = item if item not in chosen else rng.choice(items)
        if item not in chosen:
            chosen.append(item)
    return chosen


def make_article(rng: random.Random, index: int, pool: Pool) -> tuple[str, dict[str, Any]]:
    """One article; article `index` is sure to mention actor and weapon number `index`."""
    published = FIRST_DAY + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    headline = sentence(rng, 8, 13).rstrip(".")
    article_id = f"{slug(headline)[:60].strip('-')}-{index}"
    actors = draw(rng, pool.actors, pool.actors[index % len(pool.actors)], rng.randint(7, 9))
    weapons = draw(rng, pool.weapons, pool.weapons[index % len(pool.weapons)],
                   rng.randint(2, 4))
    speakers = [a for a in actors if pool.kinds[a] != "country"] or actors
    article: dict[str, Any] = {
        "headline": headline,
        "standfirst": sentence(rng, 25, 40),
        "published": published,
        "tags": rng.sample(TAGS, rng.randint(2, 4)),
        "source": source(rng, published, article_id),
        "summary": "\n\n".join(paragraph(rng, 55) for _ in range(3)) + "\n",
        "why_it_matters": paragraph(rng, 70) + "\n",
        "key_facts": [key_fact(rng, actors, weapons, pool)
                      for _ in range(rng.randint(9, 11))],
        "actors": [{"ref": a, "role": sentence(rng, 5, 12)} for a in actors],
        "weapons": [{"ref": w, "role": sentence(rng, 5, 10)} for w in weapons],
        "quotes": [quote(rng, speakers) for _ in range(rng.randint(3, 5))],
        "timeline": [event(rng, published, actors, weapons) for _ in range(rng.randint(4, 6))],
        "unknowns": [sentence(rng, 8, 16) for _ in range(rng.randint(4, 6))],
    }
    if rng.random() < 0.1:
        article["updated"] = published + dt.timedelta(days=rng.randint(1, 20))
        article["corrections"] = [{"date": article["updated"], "text": sentence(rng, 10, 20)}]
    article["in_short"] = [fit(sentence(rng, 8, 14), SHORT)
                           for _ in range(rng.randint(3, 5))]
    for principal in article["actors"][:2]:
        principal["principal"] = True
    return article_id, article


def source(rng: random.Random, published: dt.date, article_id: str) -> dict[str, Any]:
    return {"outlet": rng.choice(OUTLETS),
            "published": published - dt.timedelta(days=1),
            "bylines": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                        for _ in range(rng.randint(1, 3))],
            "editors": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
            "dateline": rng.choice(PLACES).upper(),
            "text": f"content/sources/{article_id}.txt",
            "url": f"https://news.example/{published.year}/{article_id}"}


def source_text(rng: random.Random, article: dict[str, Any], pool: Pool) -> str:
    """The report the article summarises, about as long as the real one, quoting its
    quotes verbatim."""
    paragraphs = [paragraph(rng, 60) for _ in range(8)]
    for q in article["quotes"]:
        said = f'"{q["text"]}," {pool.names[q["speaker"]]} said in a {q["venue"]}.'
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), said)
    return "\n\n".join(paragraphs) + "\n"


def attribution(rng: random.Random, status: str, actors: list[str], pool: Pool) -> str:
    """Who says so, phrased to pass the attribution rules for its status."""
    name = pool.names[rng.choice(actors)]
    if status == "confirmed":
        return f"{name}, in a statement"
    if status == "reported":
        return rng.choice(["two officials familiar with the talks",
                           "a person briefed on the plans",
                           "diplomats involved in the negotiations"])
    return f"{name}, in comments to reporters" if status == "claimed" else \
        f"{name}'s spokesperson, disputing earlier accounts"


def key_fact(rng: random.Random, actors: list[str], weapons: list[str],
             pool: Pool) -> dict[str, Any]:
    status = rng.choice(STATUSES)
    fact: dict[str, Any] = {"text": sentence(rng, 15, 30),
                            "attribution": attribution(rng, status, actors, pool),
                            "status": status,
                            "actors": rng.sample(actors, rng.randint(1, 3))}
    if rng.random() < 0.3:
        fact["weapons"] = [rng.choice(weapons)]
    return fact


def quote(rng: random.Random, speakers: list[str]) -> dict[str, Any]:
    return {"speaker": rng.choice(speakers), "text": sentence(rng, 10, 30).rstrip("."),
            "venue": rng.choice(["statement", "post on X", "interview", "news conference"]),
            "context": sentence(rng, 8, 14)}


def event(rng: random.Random, published: dt.date, actors: list[str],
          weapons: list[str]) -> dict[str, Any]:
    day = published - dt.timedelta(days=rng.randrange(400))
    item: dict[str, Any] = {"date": day.isoformat() if rng.random() < 0.7
                            else day.isoformat()[:7],
                            "event": sentence(rng, 12, 25),
                            "actors": rng.sample(actors, rng.randint(1, 2))}
    if rng.random() < 0.25:
        item["weapons"] = [rng.choice(weapons)]
    return item
