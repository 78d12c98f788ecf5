"""Taking a note back from publication, and giving it back: `note internal` / `note public`.

The bug: a note written without --internal ("called Ms Li at home, she asked not to be named")
could never be kept back. Notes are immutable and `note add --internal` is the only way to make
one internal, so the next `report`, `export annotations` or claims table published it. Now
`note internal NOTE_ID --note REASON` takes it back (and `note public` gives it back): one
mutation, its own event (`note.visibility_changed`, before/after `internal`, the reason written
with it as an internal note), refused in one line when the note does not exist
or is the reason its claim's verdict publishes (reopen the claim first). Every published view
then leaves the note out, the report's History included; replay, `audit verify --file` and a
bundle hold the change. Run on both backends (the suite's database).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.inprocess import err_line, ok, run_cli
from tests.two_claim_desk import Run, two_claim_desk

PRIVATE = "Called Ms Li (李女士) at home; she asked not to be named."
WHY = "She asked us not to name her: desk only."


@pytest.fixture
def run(db_url: str, tmp_path: Path) -> Run:
    go = two_claim_desk(db_url, tmp_path)
    ok(go("note", "add", "1", "Asked the press office."))  # note #1
    ok(go("note", "add", "1", PRIVATE))  # note #2, published by mistake
    ok(go("evidence", "add", "2", "--citation", "Register", "--stance", "refutes"))
    ok(go("claim", "status", "2", "false", "--note", "The register says 2019."))  # note #3
    return go


def _published(run: Run, tmp_path: Path) -> str:
    """Every published view of the desk, as one text."""
    ok(run("report", "1", "-o", str(tmp_path / "r.html"), "--force"))
    org = ("--org", "Desk", "--org-url", "https://desk.example.org")
    return "\n".join(
        [
            (tmp_path / "r.html").read_text(encoding="utf-8"),
            ok(run("export", "annotations")).out,
            ok(run("export", "claimreview", *org)).out,
            ok(run("export", "claims", "--format", "json")).out,
            ok(run("export", "claims", "--format", "csv")).out,
        ]
    )


def test_note_internal_takes_a_published_note_back(run: Run, tmp_path: Path) -> None:
    assert "Ms Li" in _published(run, tmp_path)
    said = ok(run("note", "internal", "2", "--note", WHY)).out
    assert said.strip() == "note #2 on claim #1 is internal now: never published"
    published = _published(run, tmp_path)
    assert "Ms Li" not in published and WHY not in published
    assert "visibility" not in published  # the report's History says nothing of it either
    rows = json.loads(ok(run("export", "claims", "--format", "json")).out)
    assert rows[0]["note"] == "Asked the press office."
    notes = json.loads(ok(run("note", "list", "1", "--json")).out)
    assert [(n["id"], n["internal"]) for n in notes] == [(1, False), (2, True), (4, True)]
    assert notes[2]["body"] == WHY
    events = [json.loads(x) for x in ok(run("audit", "export", "--claim", "1")).out.splitlines()]
    [changed] = [e for e in events if e.get("action") == "note.visibility_changed"]
    assert changed["entity_type"] == "note" and changed["entity_id"] == "2"
    assert changed["payload"]["before"] == {"internal": False}
    assert changed["payload"]["after"] == {"internal": True}
    assert changed["payload"]["note"]["body"] == WHY
    assert changed["payload"]["note"]["internal"] is True


def test_note_public_gives_it_back(run: Run, tmp_path: Path) -> None:
    ok(run("note", "internal", "2", "--note", WHY))
    as_json = json.loads(ok(run("note", "public", "2", "--note", "She agreed.", "--json")).out)
    assert as_json["id"] == 2 and as_json["internal"] is False
    published = _published(run, tmp_path)
    assert "Ms Li" in published and "She agreed." not in published and WHY not in published
    # Whether a note was ever kept back is the desk's own: the History does not say.
    assert "visibility" not in published


def test_refusals_are_one_line(run: Run) -> None:
    err_line(run("note", "internal", "99", "--note", WHY), 1, "no note #99")
    ok(run("note", "internal", "2", "--note", WHY))
    # Already so: "nothing changed", exit 0 (tests/cli/test_note_visibility_already_so.py).
    refused = run("note", "internal", "3", "--note", WHY)
    err_line(refused, 1, "the reason")
    assert "reopen" in refused.err
    # Typed empty: bad usage, as `note add 1 ''` (docs/errors.md, "A value typed").
    err_line(run("note", "internal", "1", "--note", "  "), 2, "the note is empty")
    assert run("note", "internal", "1").code == 2


def test_replay_verify_and_a_bundle_hold_the_change(
    run: Run, tmp_path: Path, empty_db_url: str
) -> None:
    ok(run("note", "internal", "2", "--note", WHY))
    ok(run("note", "public", "2", "--note", "She agreed."))
    ok(run("note", "internal", "2", "--note", "No: she called back."))
    replayed = json.loads(ok(run("audit", "replay", "--json")).out)
    assert replayed["consistent"] is True, replayed
    ok(run("audit", "export", "-o", str(tmp_path / "trail.jsonl")))
    ok(run("audit", "verify", "--file", str(tmp_path / "trail.jsonl")))
    ok(run("export", "bundle", str(tmp_path / "desk.zip")))
    ok(run_cli(["--db", empty_db_url, "import", "bundle", str(tmp_path / "desk.zip")]))
    notes = json.loads(ok(run_cli(["--db", empty_db_url, "note", "list", "1", "--json"])).out)
    assert [n["internal"] for n in notes if n["id"] == 2] == [True]
    replayed = json.loads(ok(run_cli(["--db", empty_db_url, "audit", "replay", "--json"])).out)
    assert replayed["consistent"] is True, replayed
