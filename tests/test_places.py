"""Places: references, located errors and warnings, and `explainer new place`."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import run_explainer

ARTICLE = "content/articles/us-allows-ukraine-deep-strikes-in-russia.yaml"


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_misspelt_place_is_a_located_error_with_a_suggestion(project):
    edit(project, ARTICLE, "  - ref: kursk-region\n", "  - ref: kursk-regoin\n")
    result = run_explainer(project, "check")
    line = line_of(project, ARTICLE, "ref: kursk-regoin")
    assert result.returncode == 1
    assert f"{ARTICLE}:{line}:10: error: no place with id 'kursk-regoin'" in result.stderr
    assert "hint: did you mean 'kursk-region'?" in result.stderr


def test_coordinates_out_of_range_are_located(project):
    rel = "content/places/kyiv.yaml"
    edit(project, rel, "lat: 50.45", "lat: 150.45")
    result = run_explainer(project, "check")
    assert result.returncode == 1
    assert f"{rel}:{line_of(project, rel, 'lat: 150')}:8: error:" in result.stderr
    assert "90" in result.stderr


def test_an_unknown_iso_code_is_an_error_with_the_right_code(project):
    rel = "content/actors/ukraine.yaml"
    edit(project, rel, "iso: UA", "iso: UK")
    result = run_explainer(project, "check")
    line = line_of(project, rel, "iso: UK")
    assert result.returncode == 1
    assert (f"{rel}:{line}:6: error: 'UK' is not an ISO 3166-1 country code"
            in result.stderr)
    assert "hint: the code of Ukraine is UA" in result.stderr


def test_a_country_without_its_code_cannot_hold_a_place(project):
    edit(project, "content/actors/poland.yaml", "iso: PL\n", "")
    result = run_explainer(project, "check")
    rel = "content/places/warsaw.yaml"
    assert result.returncode == 1
    assert (f"{rel}:{line_of(project, rel, 'country:')}:10: error: country 'poland' "
            "has no iso code") in result.stderr
    assert "add `iso: PL` to content/actors/poland.yaml" in result.stderr


def test_a_place_outside_its_country_is_a_warning(project):
    rel = "content/places/warsaw.yaml"
    edit(project, rel, "country: poland", "country: ukraine")
    result = run_explainer(project, "check")
    assert result.returncode == 0, result.stderr
    line = line_of(project, rel, "lat: 52.23")
    assert (f"{rel}:{line}:3: warning: Warsaw lies about 192 km outside Ukraine as "
            "Natural Earth draws it") in result.stderr


def test_a_place_in_a_person_is_an_error(project):
    rel = "content/places/kyiv.yaml"
    edit(project, rel, "country: ukraine", "country: joe-biden")
    result = run_explainer(project, "check")
    assert "error: 'joe-biden' is a person, not a country" in result.stderr


def test_a_reach_needs_a_weapon_with_a_range_and_a_target(project):
    edit(project, ARTICLE, "  - weapon: atacms\n    from_country: ukraine\n    toward: russia\n",
         "  - weapon: abrams\n    from_country: ukraine\n")
    result = run_explainer(project, "check")
    line = line_of(project, ARTICLE, "- weapon: abrams")
    assert result.returncode == 1
    assert (f"{ARTICLE}:{line}:5: error: reach item 1: a reach from a country needs toward"
            in result.stderr), result.stderr
    edit(project, ARTICLE, "    from_country: ukraine\n",
         "    from_country: ukraine\n    toward: russia\n")
    result = run_explainer(project, "check")
    assert f"{ARTICLE}:{line}:13: error: weapon 'abrams' has no range to draw" in result.stderr


def test_new_place_fills_name_coordinates_and_country_from_the_gazetteer(project):
    (project / "content/places/kursk-region.yaml").unlink()
    result = run_explainer(project, "new", "place", "Kursk")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content/places/kursk.yaml").read_text())
    assert data["name"] == "Kursk" and data["kind"] == "city"
    assert data["country"] == "russia"
    assert abs(data["coordinates"]["lat"] - 51.73) < 0.01
    assert abs(data["coordinates"]["lon"] - 36.18) < 0.01
    assert data["summary"] is None            # left for the writer: check says so
    check = run_explainer(project, "check")
    assert "content/places/kursk.yaml" in check.stderr and "summary" in check.stderr


def test_new_place_says_when_a_name_is_unknown_or_ambiguous(project):
    result = run_explainer(project, "new", "place", "Kursq")
    assert result.returncode == 1
    assert "no place called 'Kursq' in the gazetteer; did you mean 'Kursk'" in result.stderr
    result = run_explainer(project, "new", "place", "Springfield")
    assert result.returncode == 1 and "'Springfield' is ambiguous" in result.stderr
    assert not (project / "content/places/springfield.yaml").exists()
    result = run_explainer(project, "new", "place", "Moscow")   # ten times the next one
    data = yaml.safe_load((project / "content/places/moscow.yaml").read_text())
    assert data["country"] == "russia" and round(data["coordinates"]["lat"]) == 56


def test_a_place_can_be_renamed_everywhere_at_once(project):
    result = run_explainer(project, "rename", "place", "kyiv", "kyiv-city")
    assert result.returncode == 0, result.stderr
    assert "ref: kyiv-city" in (project / ARTICLE).read_text(encoding="utf-8")
    renamed = yaml.safe_load((project / "content/places/kyiv-city.yaml").read_text())
    assert renamed["moved_from"] == ["kyiv"]
    assert run_explainer(project, "check").returncode == 0


def test_a_misspelt_country_is_reported_once_without_a_crash(project):
    rel = "content/places/kursk-region.yaml"
    edit(project, rel, "country: russia", "country: rusia")
    result = run_explainer(project, "check")
    assert result.returncode == 1
    assert (f"{rel}:{line_of(project, rel, 'country: rusia')}:10: error: no actor with id "
            "'rusia'") in result.stderr
    assert "did you mean 'russia'?" in result.stderr and "Traceback" not in result.stderr
