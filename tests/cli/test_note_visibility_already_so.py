"""`note internal` / `note public` on a note already so: nothing changed, exit 0.

What the user met (fix184's left-alone item): `note internal 2` run twice (a desk's script that
keeps a list of notes back, run again after one more was added) was refused the second time
with exit 1, `error: note #2 is already internal`, and the script stopped; every other command
asked for a state it already has (`claim status`, `claim assign`, `config set`, `user bind`)
says "…; nothing changed" on stderr and exits 0. Now the notes say so too, write nothing (no
event, no reason note) and, with --json, print the note as it is. Run on both backends.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import ok
from tests.two_claim_desk import Run, two_claim_desk

WHY = "She asked us not to name her: desk only."


@pytest.fixture
def run(db_url: str, tmp_path: Path) -> Run:
    go = two_claim_desk(db_url, tmp_path)
    ok(go("note", "add", "1", "Asked the press office."))  # note #1, published
    ok(go("note", "add", "1", "Called Ms Li at home.", "--internal"))  # note #2, internal
    return go


def _head(run: Run) -> int:
    return int(json.loads(ok(run("audit", "head", "--json")).out)["seq"])


def test_note_internal_on_an_internal_note_changes_nothing(run: Run) -> None:
    before = _head(run)
    notes = ok(run("note", "list", "1", "--json")).out
    done = ok(run("note", "internal", "2", "--note", WHY))
    assert done.out == ""
    assert done.err.strip() == "note #2 is already internal; nothing changed"
    assert _head(run) == before  # no event, no reason note
    assert ok(run("note", "list", "1", "--json")).out == notes


def test_note_public_on_a_published_note_changes_nothing(run: Run) -> None:
    before = _head(run)
    shown = ok(run("note", "public", "1", "--note", WHY, "--json"))
    assert json.loads(shown.out)["id"] == 1 and json.loads(shown.out)["internal"] is False
    assert shown.err.strip() == "note #1 is already published; nothing changed"
    assert _head(run) == before
