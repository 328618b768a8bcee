"""Flag changes to help organisations' contacts (phone, e-mail, address, website):
a wrong contact can send a frightened person to the wrong door, so such a pull
request needs a second reviewer.

Usage: python scripts/check_contacts.py [--base REF]   (default REF: origin/main)
Prints one line per changed contact (GitHub annotations when GITHUB_ACTIONS is set).
Exit code: 0 no contact changed, 3 contacts changed (the workflow then requires the
'contact-change-reviewed' label), 1 error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FILE = "data/organisations.yml"


@dataclass(frozen=True)
class ContactChange:
    organisation: str
    what: str  # "website" or a contact kind
    old: str | None
    new: str | None

    def __str__(self) -> str:
        if self.old is None:
            return f"{self.organisation}: {self.what} added: {self.new}"
        if self.new is None:
            return f"{self.organisation}: {self.what} removed: {self.old}"
        return f"{self.organisation}: {self.what} changed: {self.old} -> {self.new}"


def _contacts(entry: dict) -> set[tuple[str, str]]:
    found = {("website", str(entry["website"]))} if entry.get("website") else set()
    for contact in entry.get("contacts") or []:
        found.add((str(contact.get("kind")), str(contact.get("value"))))
    return found


def contact_changes(old_text: str, new_text: str) -> list[ContactChange]:
    old = yaml.safe_load(old_text) or {}
    new = yaml.safe_load(new_text) or {}
    changes = []
    for org in sorted(set(old) | set(new)):
        before = _contacts(old.get(org) or {})
        after = _contacts(new.get(org) or {})
        removed, added = before - after, after - before
        for kind in sorted({k for k, _ in removed | added}):
            gone = sorted(v for k, v in removed if k == kind)
            came = sorted(v for k, v in added if k == kind)
            for index in range(max(len(gone), len(came))):
                changes.append(
                    ContactChange(
                        org,
                        kind,
                        gone[index] if index < len(gone) else None,
                        came[index] if index < len(came) else None,
                    )
                )
    return changes


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", default="origin/main", help="the git ref to compare with (default origin/main)")


def run(args: argparse.Namespace) -> int:
    base = args.base
    shown = subprocess.run(["git", "show", f"{base}:{FILE}"], cwd=ROOT, capture_output=True, text=True, check=False)
    if shown.returncode != 0:
        print(f"cannot read {FILE} at {base}: {shown.stderr.strip()}")
        return 1
    new_text = (ROOT / FILE).read_text(encoding="utf-8")
    changes = contact_changes(shown.stdout, new_text)
    for change in changes:
        if os.environ.get("GITHUB_ACTIONS"):
            line = line_of(new_text, change.new or change.organisation)
            print(f"::warning file={FILE},line={line}::Contact change needs a second reviewer: {change}")
        else:
            print(change)
    if changes:
        print(f"{len(changes)} contact change(s): a second reviewer must check each against its source.")
        return 3
    print("No contact changed.")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cli import main

    sys.exit(main(["contacts", *sys.argv[1:]]))
