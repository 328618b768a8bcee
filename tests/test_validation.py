"""Bad input from a volunteer is refused with file, line and field — all problems at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from atlas.data.problems import errors
from atlas.model.dataset import load_dataset
from conftest import ROOT, build_site


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def problems_for(project: Path) -> list:
    _data, problems = load_dataset(root=project)
    return errors(problems)


def assert_reported(problems, file: str, line: int, field: str, words: str) -> None:
    text = "\n".join(str(p) for p in problems)
    matching = [p for p in problems if p.path == file and p.line == line and field in p.field]
    assert matching, f"expected {file}:{line}: {field} in:\n{text}"
    assert any(words in p.message for p in matching), f"expected '{words}' in:\n{text}"


def test_real_data_is_clean():
    data, problems = load_dataset()
    assert data is not None and not errors(problems), "\n".join(map(str, problems))


def test_yaml_syntax_error_names_the_line(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "  region: caucasus", "  region: [caucasus")
    found = problems_for(project)
    assert len(found) == 1
    assert found[0].path == "data/countries.yml"
    assert "YAML syntax error" in found[0].message
    assert abs(found[0].line - line_of(countries, "region: [caucasus")) <= 1


def test_duplicate_key_is_refused_with_both_lines(project):
    countries = project / "data/countries.yml"
    replace_once(
        countries,
        "    status: draft\n    last_reviewed: 2026-11-29",
        "    status: draft\n    status: reviewed\n    last_reviewed: 2026-11-29",
    )
    second = line_of(countries, "    status: reviewed")
    assert_reported(
        problems_for(project),
        "data/countries.yml",
        second,
        "LT.review.status",
        "duplicate key",
    )


def test_unknown_field_suggests_the_near_miss(project):
    countries = project / "data/countries.yml"
    replace_once(
        countries,
        "    detention:\n      status: law-allows",
        "    detension:\n      status: law-allows",
    )
    line = line_of(countries, "detension:")
    found = problems_for(project)
    assert_reported(found, "data/countries.yml", line, "detension", "did you mean 'detention'")


def test_wrong_enum_lists_allowed_values(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "      status: law-allows", "      status: maybe")
    line = line_of(countries, "status: maybe")
    assert_reported(
        problems_for(project),
        "data/countries.yml",
        line,
        "LT.answers.detention.status",
        "allowed: yes, no, law-allows, unknown",
    )


def test_impossible_date(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "    last_reviewed: 2026-11-29", "    last_reviewed: 2026-02-30")
    line = line_of(countries, "2026-02-30")
    assert_reported(
        problems_for(project),
        "data/countries.yml",
        line,
        "review.last_reviewed",
        "not a real date",
    )


def test_url_must_be_http(project):
    sources = project / "data/sources.yml"
    replace_once(
        sources,
        "  url: https://euextraditionlaw.com/diffusions/",
        "  url: ftp://euextraditionlaw.com/diffusions/",
    )
    line = line_of(sources, "ftp://")
    assert_reported(
        problems_for(project),
        "data/sources.yml",
        line,
        "euextraditionlaw-diffusions.url",
        "http",
    )


def test_guessed_date_format_is_refused(project):
    sources = project / "data/sources.yml"
    replace_once(sources, "  published: 2021-03-04", "  published: spring 2021")
    line = line_of(sources, "spring 2021")
    assert_reported(problems_for(project), "data/sources.yml", line, "published", "undated")


def test_unknown_country_code(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "\nAM:\n", "\nXX:\n")
    (project / "docs/countries/am.md").rename(project / "docs/countries/xx.md")
    for lang in ("ru", "be"):
        path = project / f"docs/countries/am.{lang}.md"
        if path.exists():
            path.unlink()
    replace_once(project / "docs/countries/xx.md", "country: AM", "country: XX")
    line = line_of(countries, "XX:")
    assert_reported(problems_for(project), "data/countries.yml", line, "XX", "not an ISO 3166-1")


def test_claim_without_source(project):
    countries = project / "data/countries.yml"
    replace_once(
        countries,
        '    red_notice:\n      status: "yes"\n      sources: [interpol-member-lt, teissedre-red-notice]\n',
        '    red_notice:\n      status: "yes"\n',
    )
    line = line_of(countries, "    red_notice:")
    assert_reported(
        problems_for(project),
        "data/countries.yml",
        line,
        "LT.channels.red_notice.sources",
        "missing required field",
    )


def test_unknown_source_reference(project):
    countries = project / "data/countries.yml"
    replace_once(
        countries,
        "sources: [interpol-member-lt, teissedre-red-notice]",
        "sources: [interpol-member-lx, teissedre-red-notice]",
    )
    line = line_of(countries, "interpol-member-lx")
    assert_reported(
        problems_for(project),
        "data/countries.yml",
        line,
        "red_notice.sources",
        "did you mean 'interpol-member-lt'",
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[x](javascript:alert(1))",
    ],
)
def test_html_or_script_in_text_is_refused(project, markup):
    prose = project / "docs/countries/lt.md"
    replace_once(prose, "  No Belarusian is known", f"  {markup} No Belarusian is known")
    line = line_of(prose, markup)
    assert_reported(problems_for(project), "docs/countries/lt.md", line, "summary", "HTML or script")


def test_missing_field_points_at_the_mapping(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "  profile: deep\n  region: caucasus", "  region: caucasus")
    line = line_of(countries, "AM:")
    assert_reported(
        problems_for(project),
        "data/countries.yml",
        line,
        "AM.profile",
        "missing required field",
    )


def test_every_problem_is_reported_at_once(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "      status: law-allows", "      status: maybe")
    replace_once(countries, "  region: caucasus", "  region: kaukasus")
    replace_once(
        project / "data/sources.yml",
        "  published: 2021-03-04",
        "  published: 2021-13-04",
    )
    found = problems_for(project)
    assert {"maybe", "kaukasus", "2021-13-04"} <= {
        w for p in found for w in ("maybe", "kaukasus", "2021-13-04") if w in p.message
    }


def test_validate_cli_exit_codes_and_format(project):
    script = project / "scripts/validate.py"
    clean = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout
    replace_once(project / "data/countries.yml", "      status: law-allows", "      status: maybe")
    broken = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert broken.returncode == 1
    line = line_of(project / "data/countries.yml", "status: maybe")
    assert f"data/countries.yml:{line}: LT.answers.detention.status: 'maybe'" in broken.stdout


def test_overdue_review_is_a_warning_not_an_error(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "    next_review_due: 2027-05-29", "    next_review_due: 2026-01-01")
    replace_once(countries, "    last_reviewed: 2026-11-29", "    last_reviewed: 2025-11-29")
    script = project / "scripts/validate.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    line = line_of(countries, "2026-01-01")
    assert f"data/countries.yml:{line}: warning: LT.review.next_review_due: review overdue" in result.stdout


def test_bad_data_publishes_nothing(project, tmp_path):
    replace_once(project / "data/countries.yml", "      status: law-allows", "      status: maybe")
    out = tmp_path / "out"
    result = build_site(project, out)
    assert result.returncode != 0
    assert "data/countries.yml" in result.stdout + result.stderr
    assert not list(out.rglob("*.html")), "a failed build must not leave pages behind"


def test_the_repository_schema_files_are_valid_json_schema():
    import json

    import jsonschema

    for path in (ROOT / "schema").glob("*.json"):
        jsonschema.Draft7Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_yes_no_words_are_text_not_booleans(project):
    countries = project / "data/countries.yml"
    replace_once(
        countries,
        '      status: "yes"\n      sources: [interpol-member-lt',
        "      status: yes\n      sources: [interpol-member-lt",
    )
    assert problems_for(project) == []
    from atlas.data.yamlsource import parse_yaml

    located, problems = parse_yaml("NO:\n  flag: true\n  word: no\n", "x.yml")
    assert not problems and located.data == {"NO": {"flag": True, "word": "no"}}


def test_a_deep_profile_without_its_detained_card_is_named(project):
    (project / "docs/detained/ge.ru.md").unlink()
    (project / "docs/detained/at.md").write_text("---\ndetained: AT\n---\n", encoding="utf-8")
    found = problems_for(project)
    assert any(p.path == "docs/detained/ge.ru.md" and "missing card page for GE" in p.message for p in found), found
    assert any(p.path == "docs/detained/at.md" and "not a deep profile" in p.message for p in found), found


def test_an_official_text_must_cite_known_sources_and_its_country_must_exist(project):
    texts = project / "data/rights-texts.yml"
    body = texts.read_text(encoding="utf-8").replace("{}\n", "")
    texts.write_text(
        body
        + "ZZ:\n  - id: zz-law\n    lang: de\n    kind: asylum\n    text: Ein Asylantrag liegt vor.\n"
        + "    about: {en: An example text here., ru: Пример текста здесь., be: Прыклад тэксту тут.}\n"
        + "    seen: 2026-12\n    sources: [no-such-source]\n",
        encoding="utf-8",
    )
    found = problems_for(project)
    assert any(p.path == "data/rights-texts.yml" and "no such country" in p.message for p in found), found
    assert any("unknown source 'no-such-source'" in p.message for p in found if p.path == "data/rights-texts.yml")
