"""The command line (scripts/cli.py): one entry point on argparse, and the old script
paths still working as that entry point with the subcommand filled in."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from cli import COMMANDS  # noqa: E402

SCRIPTS = ROOT / "scripts"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT)


def test_help_lists_every_command():
    result = run(str(SCRIPTS / "cli.py"), "--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_its_own_help(name):
    result = run(str(SCRIPTS / "cli.py"), name, "--help")
    assert result.returncode == 0, result.stderr
    assert f"usage: cli.py {name}" in result.stdout


@pytest.mark.parametrize(("name", "module"), [(n, m) for n, (m, _) in COMMANDS.items()])
def test_the_old_script_paths_are_the_same_command(name, module):
    old = run(str(SCRIPTS / f"{module}.py"), "--help")
    assert old.returncode == 0, old.stderr
    assert f"usage: cli.py {name}" in old.stdout


def test_validate_through_both_paths_gives_the_same_report():
    new = run(str(SCRIPTS / "cli.py"), "validate", "--errors-only")
    old = run(str(SCRIPTS / "validate.py"), "--errors-only")
    assert new.returncode == old.returncode == 0
    assert new.stdout == old.stdout and "OK: no errors" in new.stdout


def test_unknown_options_and_commands_are_refused_with_a_message():
    unknown = run(str(SCRIPTS / "cli.py"), "validat")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr
    option = run(str(SCRIPTS / "validate.py"), "--errors-onyl")
    assert option.returncode == 2 and "unrecognized arguments" in option.stderr
