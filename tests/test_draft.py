"""`explainer draft`: what it reads from a report, on the seed and on reports in each
wire style written for these tests (tests/fixtures/draft/reports/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.authoring.draft.entities import MATCHED, Matcher, known
from generator.authoring.draft.extract import Extraction, extract
from generator.checks.sourcetext import SourceText
from generator.kinds import KINDS
from tests.conftest import ROOT, SEED

FIXTURES = Path(__file__).parent / "fixtures" / "draft"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))
SEED_EXPECTED = EXPECTED.pop("seed")
SEED_ARTICLE = ROOT / "content" / "articles" / "us-allows-ukraine-deep-strikes-in-russia.yaml"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"the seed report is not at "
                                f"{SEED} (../shared/seed/ beside the project)")


def read(name: str) -> Extraction:
    report = FIXTURES / "reports" / name
    date = EXPECTED[name]["date"]
    return extract(report.read_text(encoding="utf-8"),
                   known(FIXTURES / "content", FIXTURES), date)


@pytest.fixture(scope="module")
def seed() -> Extraction:
    return extract(SEED.read_text(encoding="utf-8"), known(ROOT / "content", ROOT),
                   dt.date(2024, 11, 17))


def speaker_of(quote: object) -> str | None:
    s = quote.speaker  # type: ignore[attr-defined]
    return s.id or (f"new: {s.new}" if s.new else None)


@needs_seed
def test_seed_credits_exactly(seed):
    c = seed.report.credits
    assert (c.outlet, c.dateline, c.bylines, c.additional, c.editors) == (
        "Reuters", "WASHINGTON", ("Mike Stone", "Humeyra Pamuk"), ("Barbara Erling",),
        ("Scott Malone", "Lisa Shumaker"))


@needs_seed
def test_seed_quotations_verbatim_with_their_speakers(seed):
    report = SEED.read_text(encoding="utf-8")
    assert [(q.text.split()[0], speaker_of(q)) for q in seed.quotes] == [
        ("Escalating", "richard-grenell"), ("position", "biden-administration"),
        ("Removing", "alex-plitsas"), ("However,", "alex-plitsas"),
        ("President", "radoslaw-sikorski")]
    assert all(q.text in report for q in seed.quotes)       # the report's own characters
    assert seed.quotes[3].text.endswith("They were all needed much sooner")
    assert [q.venue for q in seed.quotes] == ["post on X", None, None, None, "post on X"]


@needs_seed
def test_seed_drafted_quotes_pass_the_verbatim_check(seed):
    source = SourceText.read(SEED, "seed")
    assert all(source.find(q.text) is not None for q in seed.quotes)


@needs_seed
def test_seed_atacms_range_in_both_units(seed):
    [distance] = seed.distances
    assert (distance.weapon, distance.value, distance.unit, distance.qualifier,
            distance.other, distance.disagrees) == ("atacms", 190, "mi", "up to", "306 km",
                                                    None)
    assert distance.words == "up to 190 miles (306 km)"


@needs_seed
def test_seed_matches_every_actor_weapon_and_place_of_content(seed):
    """Each actor, weapon and place in content/ is found, by its name in the report: the
    hand-written article's too (Warsaw only in the credit line)."""
    article = yaml.safe_load(SEED_ARTICLE.read_text(encoding="utf-8"))
    wanted = {(kind, entry["ref"]) for kind in MATCHED
              for entry in article[KINDS[kind].folder]}
    in_content = {(kind, p.stem) for kind in MATCHED
                  for p in (ROOT / "content" / KINDS[kind].folder).glob("*.yaml")}
    assert {kind for kind, _ in wanted} == {"actor", "weapon", "place"}
    assert wanted <= in_content
    assert set(seed.mentions) == in_content
    assert [p.number for p, _ in seed.mentions[("place", "warsaw")]] == [25]
    assert seed.new == {}


@needs_seed
def test_seed_boilerplate_and_subheading_left_out(seed):
    assert [(p.number, why.split(":")[0]) for p, why in seed.report.ignored] == [
        (15, "a subheading"), (26, "after the credit line")]
    assert all("EMEA Tribune" not in p.text for p in seed.report.body)


@needs_seed
def test_seed_dates_resolved_against_the_report(seed):
    assert [(d.words, d.value) for d in seed.dates] == [
        ("Sunday", "2024-11-17"), ("Jan. 20", "2025-01-20"), ("Nov. 5", "2024-11-05"),
        ("next year", "2025"), ("an August", "2024-08")]


@needs_seed
def test_seed_sourcing_attributions(seed):
    facts = {(f.paragraph.number, f.attribution, f.status) for f in seed.facts}
    assert {(2, "two U.S. officials and a source familiar with the decision", "reported"),
            (5, "a U.S. official and a source familiar with the decision", "reported"),
            (3, "the sources", "reported"), (8, "the sources", "reported"),
            (6, "Reuters", "confirmed"), (7, "Russia", "claimed"),
            (16, "the U.S.", "claimed"), (17, "Ukraine", "claimed")} <= facts
    assert not any(f.paragraph.number in (12, 14, 19, 20, 24) for f in seed.facts)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_quotations_and_speakers_in_each_wire_style(name):
    found = read(name)
    got = [(q.text, speaker_of(q)) for q in found.quotes]
    wanted = [tuple(item) for item in EXPECTED[name]["quotes"]]
    assert len(got) == len(wanted), [g[0] for g in got]
    for (text, speaker), (start, expected) in zip(got, wanted, strict=True):
        assert text.startswith(start)
        assert speaker == expected, text
    report = (FIXTURES / "reports" / name).read_text(encoding="utf-8")
    source = SourceText.parse(report, name)
    assert all(source.find(text) is not None for text, _ in got)


def speaker_share() -> tuple[int, int]:
    """(quotations given to the right speaker, quotations) over every test report."""
    runs = [(EXPECTED[name]["quotes"], read(name)) for name in EXPECTED]
    if SEED.exists():
        runs.append((SEED_EXPECTED["quotes"], extract(
            SEED.read_text(encoding="utf-8"), known(ROOT / "content", ROOT))))
    right = total = 0
    for wanted, found in runs:
        got = [(q.text, speaker_of(q)) for q in found.quotes]
        right += sum(text.startswith(start) and speaker == expected for (text, speaker),
                     (start, expected) in zip(got, wanted, strict=False))
        total += max(len(wanted), len(got))
    return right, total


def test_speaker_share_over_every_test_report():
    """The share of quotations given to the right speaker: 100 % is the target."""
    right, total = speaker_share()
    assert right == total == (21 if SEED.exists() else 16)


def test_split_nested_multi_paragraph_quotes_and_paraphrase():
    reuters, ap, afp = read("reuters.txt"), read("ap.txt"), read("afp.txt")
    assert reuters.quotes[0].text == ("This is the help we asked for … and it comes at "
                                      "the right time.")
    assert "‘the missiles are coming’" in reuters.quotes[4].text
    assert [q.paragraph.number for q in ap.quotes[:2]] == [3, 4]
    assert ap.quotes[1].continues and ap.quotes[0].speaker.found == "chain"
    assert afp.quotes[3].text == ("Borduria has made its choice. So have we … and history "
                                  "will judge.")
    paraphrased = [q for r in (reuters, afp) for q in r.quotes
                   if "deliveries would arrive" in q.text or "welcomed" in q.text]
    assert paraphrased == []
    assert [q.venue for q in reuters.quotes] == [
        None, "remarks to reporters", None, None, "video address", "statement"]
    assert afp.quotes[0].venue == "remarks to AFP"


@pytest.mark.parametrize("name,credits", [
    ("reuters.txt", ("Reuters", "VALDORIA", "March 3", ("Jane Hollis", "Omar Farouk"),
                     ("Mira Tesh",), ("Tom Reed", "Ana Silva"), False)),
    ("ap.txt", ("The Associated Press", "KLOW, Ruritania", None,
                ("Marta Kovac", "David Eller"), ("Lars Beck",), (), True)),
    ("afp.txt", ("AFP", "Valdoria", None, ("Pierre Lambert",), ("Anna Voss",), (), True)),
])
def test_credits_in_each_wire_style(name, credits):
    c = read(name).report.credits
    assert (c.outlet, c.dateline, c.dated, c.bylines, c.additional, c.editors,
            c.capitals) == credits


@pytest.mark.parametrize("name,left_out", [
    ("reuters.txt", [13]), ("ap.txt", [10]), ("afp.txt", []),
])
def test_publisher_boilerplate_left_out(name, left_out):
    found = read(name)
    assert [p.number for p, _ in found.report.ignored] == left_out
    assert not any("Follow our" in p.text or "All rights" in p.text or "burs-" in p.text
                   for p in found.report.body)


def test_dates_relative_to_the_report():
    assert [(d.words, d.value) for d in read("reuters.txt").dates] == [
        ("Monday", "2025-03-03"), ("in April", "2025-04"), ("in February", "2025-02")]
    assert [(d.words, d.value) for d in read("ap.txt").dates] == [
        ("Thursday", "2025-01-23"), ("Jan. 14", "2025-01-14"), ("last year", "2024")]
    future = extract("By A B\nKLOW (AP) — Talks will resume on Monday, officials said on "
                     "Friday.", [], dt.date(2025, 3, 7))
    assert [(d.words, d.value) for d in future.dates] == [
        ("Monday", "2025-03-10"), ("Friday", "2025-03-07")]
    undated = extract("KLOW (AP) — Talks resumed on Monday and on Jan. 5, 2025.", [])
    assert [(d.words, d.value) for d in undated.dates] == [
        ("Monday", None), ("Jan. 5, 2025", "2025-01-05")]


@pytest.mark.parametrize("stamp,dateline", [
    ("March 3, 2025 4:12 PM GMT", "VALDORIA (Reuters) -"),
    ("2025-03-03 10:13 GMT+1", "VALDORIA, March 3 (Reuters) -"),
    ("Updated 2:15 PM EST, March 3, 2025", "KLOW, Ruritania (AP) —"),
    ("Published: 3 March 2025 · Updated 2 hours ago", "Valdoria (AFP) -"),
])
def test_the_report_date_from_a_timestamp_line(stamp, dateline):
    """A web copy's timestamp line before the dateline gives the report's date, and is
    neither the report's text nor in the way of its dateline."""
    found = extract(f"By Jane Hollis\n{stamp}\n{dateline} Talks ended on Monday, "
                    "officials said.\n", [])
    assert (found.date, found.date_why) == (dt.date(2025, 3, 3), "from the timestamp line")
    assert found.report.credits.dateline == dateline.split(" (")[0].split(", March")[0]
    assert [p.text for p in found.report.body] == ["Talks ended on Monday, officials said."]
    assert [(d.words, d.value) for d in found.dates] == [("Monday", "2025-03-03")]
    later = extract(f"By Jane Hollis\n{dateline} Talks ended.\n{stamp}\n", [])
    assert later.date is None           # a date line inside the report is no timestamp


def test_new_speakers_and_weapons_with_their_range():
    afp = read("afp.txt")
    assert {key: named.category for key, named in afp.new.items()} == {
        ("actor", "Pavel Korda"): "person", ("weapon", "Halberd"): None}
    [halberd] = afp.distances
    assert (halberd.weapon, halberd.value, halberd.unit, halberd.qualifier) == (
        "new:Halberd", 250, "km", "about")
    assert halberd.disagrees == ("the report's about 250 kilometres (155 miles): a rough "
                                 "figure converted too precisely")
    reuters = read("reuters.txt")
    assert [(d.weapon, d.words) for d in reuters.distances] == [
        ("thunderbolt", "up to 300 km (186 miles)")]


def test_anonymous_speaker_is_not_guessed():
    [anonymous] = [q for q in read("ap.txt").quotes if q.text.startswith("The first")]
    assert (anonymous.speaker.id, anonymous.speaker.new) == (None, None)
    assert "A senior Bordurian official" in anonymous.speaker.how


@pytest.mark.parametrize("text,found", [
    ("the White House said", ["white-house"]),
    ("Nato and NATO allies", ["nato", "nato"]),
    ("US and U.S. officials", ["united-states", "united-states"]),
    ("Biden’s aides and Biden's allies", ["joe-biden", "joe-biden"]),
    ("two Bradleys and F-16s", ["bradley", "f-16"]),
    ("senior Biden administration officials", ["biden-administration"]),
    ("the Ukrainian foreign ministry and president’s office",
     ["ukrainian-foreign-ministry", "ukrainian-presidents-office"]),
    ("us and Russian-speaking usual tanks", []),
])
def test_names_matched_as_the_readme_says(text, found):
    matcher = Matcher(known(ROOT / "content", ROOT))
    assert [m.entity.id for m in matcher.mentions(text)] == found
