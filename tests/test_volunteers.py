"""Volunteer tools: the scaffolder, edit links, translation status."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, build_site, page_path


def run(project, *args):
    return subprocess.run([sys.executable, *map(str, args)], cwd=project, capture_output=True, text=True)


def test_new_country_scaffold_validates_and_builds_in_every_language(project, tmp_path):
    countries = project / "data/countries.yml"
    before = countries.read_text(encoding="utf-8")
    result = run(project, project / "scripts/new_country.py", "jp")
    assert result.returncode == 0, result.stdout + result.stderr
    after = countries.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")), "existing comments and layout are kept"
    assert "\nJP:\n" in after and "region: asia" in after
    for name in ("jp.md", "jp.ru.md", "jp.be.md"):
        assert (project / "docs/countries" / name).exists()
    check = run(project, project / "scripts/validate.py")
    assert check.returncode == 0, check.stdout
    out = tmp_path / "out"
    built = build_site(project, out)
    assert built.returncode == 0, built.stdout + built.stderr
    for lang, name in (("en", "Japan"), ("ru", "Япония"), ("be", "Японія")):
        html = page_path(out, lang, "countries/jp").read_text(encoding="utf-8")
        assert name in html
        assert "atlas-status-unknown" in html and "atlas-risk-too-little-known" in html
    again = run(project, project / "scripts/new_country.py", "JP")
    assert again.returncode == 1 and "already" in again.stdout


def test_new_country_refuses_bad_codes(project):
    result = run(project, project / "scripts/new_country.py", "XK1")
    assert result.returncode == 1 and "not an ISO 3166-1" in result.stdout
    result = run(project, project / "scripts/new_country.py", "jp", "--region", "asai")
    assert result.returncode == 1 and "did you mean 'asia'" in result.stdout


def test_translation_status_reports_missing_and_behind(project):
    english = project / "docs/countries/lt.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("Vilnius airport.", "Vilnius airport (2017)."), "utf-8"
    )
    (project / "docs/countries/pl.be.md").unlink()
    result = run(project, project / "scripts/translation_status.py")
    assert result.returncode == 0
    assert "  LT: behind" in result.stdout
    assert "  PL: missing" in result.stdout
    marked = run(project, project / "scripts/translation_status.py", "--mark", project / "docs/countries/lt.ru.md")
    assert marked.returncode == 0
    after = run(project, project / "scripts/translation_status.py")
    ru_block = after.stdout.split("be:")[0]
    assert "LT: behind" not in ru_block


def test_contact_changes_are_flagged():
    sys.path.insert(0, str(ROOT / "scripts"))
    from check_contacts import contact_changes

    head = "a:\n  website: https://a.example\n  contacts:\n"
    old = head + "    - {kind: phone, value: '+1 555', sources: [s]}\nb:\n  name: B\n"
    new = head + "    - {kind: phone, value: '+1 556', sources: [s]}\nb:\n  name: B\n  website: https://b.example\n"
    changes = [str(c) for c in contact_changes(old, new)]
    assert changes == ["a: phone changed: +1 555 -> +1 556", "b: website added: https://b.example"]
    assert contact_changes(old, old) == []


def test_link_checker_against_a_local_server(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from atlas.tools.browser import serve
    from check_links import check, collect_urls

    (tmp_path / "here.html").write_text("ok", encoding="utf-8")
    with serve(tmp_path) as base:
        failed = check([f"{base}here.html", f"{base}gone.html", "http://127.0.0.1:9/closed"], timeout=3)
    assert set(failed) == {f"{base}gone.html", "http://127.0.0.1:9/closed"}
    assert failed[f"{base}gone.html"] == 404
    urls = collect_urls()
    assert urls and all(u.startswith(("http://", "https://")) for u in urls)
