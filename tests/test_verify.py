"""Stage 3b, verify: quotes against the source, attributions, units and numbers.

The fixture (tests/fixtures/integrity/) is a made-up report and an explainer of it that
passes every check; each test changes one thing and asserts the exact finding.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.checks.attribution import NOUN, nouns_in
from generator.checks.names import whole_words
from generator.checks.sourcetext import NUMBER, WORD, numbers, words_of
from generator.errors import ContentErrors
from generator.pipeline import Project, check

from .conftest import run_explainer

ARTICLE_ID = "ruritania-tests-missile"

FIXTURE = Path(__file__).parent / "fixtures" / "integrity"
ARTICLE = "content/articles/ruritania-tests-missile.yaml"


def project(tmp_path: Path, *changes: tuple[str, str], file: str = ARTICLE) -> Path:
    """A copy of the fixture with each (old, new) replaced once in `file`."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return root


def findings(root: Path, **sources: Path) -> list[str]:
    """Every finding as `line:column: severity: message`, errors or not."""
    problems = sorted(check(Project(root), sources).problems)
    return [f"{e.line}:{e.column}: {e.severity}: {e.message}" for e in problems
            if "verification record" not in e.message]   # tests/test_record.py has those


def hints(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        check(Project(root)).unwrap()
    return [e.hint for e in caught.value.errors if "verification record" not in e.message]


def test_fixture_passes_and_every_quote_is_verified(tmp_path):
    checked = check(Project(project(tmp_path)))
    assert [f.message for f in checked.problems] == [   # tests/test_record.py has it
        "there is no verification record (content/verification/ruritania-tests-missile.json)"
        ": the site built without the source will show these quotes as unverified"]
    verified = checked.value
    article = verified.resolved.content.articles[ARTICLE_ID]
    # exact, curly vs straight apostrophe, and elided (…) quotes all verified
    assert [verified.quote_verified(ARTICLE_ID, q) for q in article.quotes] == [
        "Verified word for word against the Wire report"] * 3
    # found by value, not by identity: a copy of a quote (as serve's next run holds) is
    # verified too, and an edited one is not
    first = article.quotes[0]
    assert verified.quote_verified(ARTICLE_ID, copy.deepcopy(first))
    assert not verified.quote_verified(
        ARTICLE_ID, first.model_copy(update={"text": first.text + " again"}))


def test_elision_may_use_the_ellipsis_character_and_dashes_fold(tmp_path):
    root = project(tmp_path, ("belonged in hospitals... not in speeches",
                              "belonged in hospitals - not in rockets … not in speeches"))
    assert findings(root) == []


def test_one_word_change_is_an_error_with_the_closest_passage_and_diff(tmp_path):
    root = project(tmp_path, ("further than our rivals", "further than our enemies"))
    assert findings(root) == [
        "43:11: error: quote does not match the source: "
        "… further than our [-enemies-] {+rivals+} expected"]
    assert hints(root) == ['closest passage, report.txt line 9: '
                           '"It flew as planned, and further than our rivals expected,"']


def test_elided_parts_must_appear_in_order(tmp_path):
    root = project(tmp_path, ("belonged in hospitals... not in speeches",
                              "not in speeches ... belonged in hospitals"))
    [finding] = findings(root)
    assert finding.startswith("51:11: error: quote does not match the source: ")


def test_quote_from_another_speakers_paragraph_is_flagged(tmp_path):
    root = project(tmp_path, ("speaker: bruno-vask", "speaker: ada-ruritan"))
    assert findings(root) == [
        "50:14: warning: quote given to 'ada-ruritan', but the source's paragraph "
        "(line 14) names Bruno Vask [quote-speaker]"]


def test_he_added_refers_back_to_the_paragraph_before(tmp_path):
    root = project(tmp_path, ("  - speaker: ada-ruritan\n    text: We'll",
                              "  - speaker: bruno-vask\n    text: We'll"))
    assert findings(root) == [
        "46:14: warning: quote given to 'bruno-vask', but the source's paragraph "
        "(line 12) names Ada Ruritan [quote-speaker]"]


def test_a_writer_can_accept_a_speaker_warning_with_a_reason(tmp_path):
    root = project(tmp_path, ("speaker: bruno-vask\n", "speaker: ada-ruritan\n    accept:\n"
                              "      - rule: quote-speaker\n"
                              "        reason: She read out his statement.\n"))
    assert findings(root) == []


def test_without_source_text_quotes_are_unverified_not_passed(tmp_path):
    root = project(tmp_path, ("  text: report.txt\n", ""))
    message = "warning: quote unverified: the article names no source text (source.text)"
    assert findings(root) == [f"42:11: {message}", f"46:11: {message}",
                              f"50:11: {message}"]
    verified = check(Project(root)).unwrap()
    article = verified.resolved.content.articles[ARTICLE_ID]
    assert not any(verified.quote_verified(ARTICLE_ID, q) for q in article.quotes)
    assert findings(root, **{"": FIXTURE / "report.txt"}) == []
    assert findings(root, **{"ruritania-tests-missile": FIXTURE / "report.txt"}) == []


def test_missing_source_file_leaves_quotes_unverified(tmp_path):
    root = project(tmp_path, ("text: report.txt", "text: ../elsewhere/report.txt"))
    assert findings(root)[0] == (
        "43:11: warning: quote unverified: source text ../elsewhere/report.txt "
        "unavailable (No such file or directory)")


def test_typo_in_source_text_is_an_error_naming_the_path(tmp_path):
    """A wrong path must not silently turn quote checking off."""
    root = project(tmp_path, ("text: report.txt", "text: reprot.txt"))
    assert findings(root) == ["8:9: error: source.text: there is no file reprot.txt"]
    assert hints(root) == ["did you mean 'report.txt'?"]


def test_typo_in_source_text_folder(tmp_path):
    root = project(tmp_path, ("text: report.txt", "text: sourcs/report.txt"))
    (root / "content" / "sources").mkdir()
    (root / "report.txt").rename(root / "content" / "sources" / "report.txt")
    assert findings(root) == ["8:9: error: source.text: there is no file sourcs/report.txt"]
    assert hints(root) == ["did you mean 'content/sources/report.txt'?"]


def test_cli_source_option_verifies_and_reports(tmp_path):
    root = project(tmp_path, ("  text: report.txt\n", ""),
                   ("further than our rivals", "further than our enemies"))
    plain = run_explainer(root, "check")
    assert plain.returncode == 0 and "warning: quote unverified" in plain.stderr
    result = run_explainer(root, "check", "--source", str(FIXTURE / "report.txt"))
    assert result.returncode == 1
    assert ("content/articles/ruritania-tests-missile.yaml:42:11: error: quote does not "
            "match the source: … further than our [-enemies-] {+rivals+} expected"
            ) in result.stderr
    missing = run_explainer(root, "check", "--source", "nowhere.txt")
    assert missing.returncode == 1
    assert "nowhere.txt:1:1: error: cannot read the source text" in missing.stderr
    assert "Traceback" not in result.stderr + missing.stderr


FACT = ("attribution: a ministry official\n    status: reported",)


@pytest.mark.parametrize(("attribution", "status", "expected"), [
    ("ministry officials", "reported",
     ["'ministry officials' is plural, but the source gives this to one person "
      "[plural-attribution-one-source]"]),
    ("a source", "reported",
     ["'a source': a bare 'a source' is not enough [bare-source]"]),
    ("sources", "reported",
     ["'sources' does not say why the sources would know [source-not-placed]",
      "'sources' is plural, but the source gives this to one person "
      "[plural-attribution-one-source]"]),
    ("a ministry official", "confirmed",
     ["status confirmed, but 'a ministry official' is not a named or on-record source "
      "[confirmed-needs-named-source]"]),
    ("the ministry, in a statement", "confirmed", []),
    ("a person familiar with the plans", "reported", []),
])
def test_attribution_rules(tmp_path, attribution, status, expected):
    root = project(tmp_path, (FACT[0], f"attribution: {attribution}\n    status: {status}"))
    assert findings(root) == [f"28:18: warning: {m}" for m in expected]


def test_accepted_warning_is_silenced_and_a_stale_acceptance_is_flagged(tmp_path):
    accept = ("\n    accept:\n      - rule: confirmed-needs-named-source\n"
              "        reason: The ministry later confirmed it on its website.")
    root = project(tmp_path, (FACT[0], FACT[0].replace("reported", "confirmed") + accept))
    assert findings(root) == []
    stale = project(tmp_path / "stale", (FACT[0], FACT[0] + accept))
    assert findings(stale) == [
        "31:15: warning: accepted warning 'confirmed-needs-named-source' does not occur here"]


def test_numbers_in_key_facts_must_occur_in_the_source(tmp_path):
    root = project(tmp_path, ("The launch site will move north next year.",
                              "The launch site will move 40 km north in 2026."))
    assert findings(root) == [
        "27:37: warning: 40 does not occur in the source text [number-not-in-source]",
        "27:52: warning: 2026 does not occur in the source text [number-not-in-source]"]


def test_unit_pairs_that_disagree_are_errors_where_they_are_written(tmp_path):
    root = project(tmp_path, ("290 km\n  (180 miles)", "290 km\n  (200 miles)"))
    assert findings(root) == ["11:65: error: '290 km (200 miles)': the two units disagree"]
    assert hints(root) == ["the conversion gives 180 miles"]


def test_unit_pairs_in_weapon_summaries_are_checked(tmp_path):
    root = project(tmp_path, ("290 km (180 miles)", "290 km (190 miles)"),
                   file="content/weapons/thunderbolt.yaml")
    assert findings(root) == ["7:38: error: '290 km (190 miles)': the two units disagree"]


def test_rough_figure_converted_too_precisely_is_a_warning(tmp_path):
    root = project(tmp_path, ("why_it_matters: It is", "why_it_matters: About 6,000 km "
                              "(3,728 miles) away, it is"))
    assert findings(root) == [
        "13:17: warning: 'About 6,000 km (3,728 miles)': a rough figure converted too "
        "precisely"]


@pytest.mark.parametrize(("content", "why"), [
    (b"", "the file is empty"), (b"\xff\xfe\x00bad", "not UTF-8 text")])
def test_empty_or_binary_source_leaves_quotes_unverified(tmp_path, content, why):
    root = project(tmp_path)
    (root / "report.txt").write_bytes(content)
    assert findings(root)[0] == (
        f"43:11: warning: quote unverified: source text report.txt unavailable ({why})")


def test_a_quote_given_to_the_speakers_organisation_is_not_flagged(tmp_path):
    root = project(tmp_path, ("Defence Minister Ada\nRuritan told", "the Ruritanian\n"
                              "defence ministry told"), file="report.txt")
    (root / "content/actors/defence-ministry.yaml").write_text(
        "name: Ruritanian defence ministry\nkind: organization\nsummary: Made up.\n")
    ada = root / "content/actors/ada-ruritan.yaml"
    ada.write_text(ada.read_text().replace("affiliation: ruritania",
                                            "affiliation: defence-ministry"))
    article = root / ARTICLE
    article.write_text(article.read_text().replace(
        "  - ref: ruritania\n", "  - ref: defence-ministry\n    role: Spoke\n"
        "  - ref: ruritania\n"))
    assert findings(root) == []


def test_source_option_for_an_unknown_article_is_an_error(tmp_path):
    result = run_explainer(project(tmp_path), "check", "--source", "nope=report.txt")
    assert result.returncode == 1
    assert ("content/articles:1:1: error: --source names no article 'nope'\n"
            "    hint: use one of: ruritania-tests-missile") in result.stderr


def test_an_invalid_actor_does_not_hide_a_mismatched_quote(tmp_path):
    """The editorial checks run on the valid files while another file is invalid; the
    checks that need every actor's names (who else a paragraph names) wait for it."""
    root = project(tmp_path, ("further than our rivals", "further than our enemies"))
    actor = root / "content/actors/bruno-vask.yaml"
    actor.write_text(actor.read_text().replace("summary: A made-up opposition leader.\n",
                                               ""))
    assert [(e.path, e.message) for e in check(Project(root)).errors] == [
        ("content/actors/bruno-vask.yaml", "missing field 'summary'"),
        (ARTICLE, "quote does not match the source: "
         "… further than our [-enemies-] {+rivals+} expected")]


@given(st.text(alphabet="0123456789,._ aZé٣²-", max_size=40))
def test_figures_are_found_as_the_figure_pattern_finds_them(text):
    """numbers() skips the look-behind regex for speed; it finds exactly what it finds."""
    assert numbers(text) == {m.group(0) for m in NUMBER.finditer(text)}


@given(st.text(alphabet="aZ9_' \t\n\x1c.,-\"(é'", max_size=40), st.sampled_from([0, 3]))
def test_words_are_found_as_the_word_pattern_finds_them(text, longer_than):
    """words_of() cuts ASCII text with a byte table for speed; it finds WORD's words."""
    assert words_of(text, longer_than) == {
        w.lower() for w in WORD.findall(text) if len(w) > longer_than}


@given(st.lists(st.sampled_from(["source", "Sources", "OFFICIALS", "aide", "people", "x",
                                 "ſource", "é", " ", "'", "-", "_", "1", "\n"]), max_size=12))
def test_source_nouns_are_found_as_the_noun_pattern_finds_them(pieces):
    """nouns_in() reads ASCII text with a byte table for speed; it finds NOUN's nouns."""
    text = "".join(pieces)
    assert nouns_in(text) == {noun.lower() for noun in NOUN.findall(text)}


@given(st.lists(st.text(alphabet="Aab .-'é", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="Aab .-'é_9", max_size=40))
def test_names_are_found_as_one_alternation_of_them_finds_them(names, text):
    """whole_words() groups the names by first character for speed; it finds what the
    plain alternation of the names, longest first, finds."""
    ordered = sorted(set(names), key=len, reverse=True)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    assert [m.span() for m in whole_words(ordered).finditer(text)] == \
        [m.span() for m in plain.finditer(text)]
