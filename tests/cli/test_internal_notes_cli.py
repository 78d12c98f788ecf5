"""Desk notes that are never published: `note add --internal` (review100, finding 3).

The bug: every note was published. The report listed all of a claim's notes, a Web
Annotation's `commenting` body was an open claim's latest note and so was the claims table's
`note` column: a fact-checker's working note ("DESK-ONLY: the source spoke off the record, do
not name her") reached the public page and the partner's feed, and there was no way to keep
one back. Now a note added with --internal is kept on the desk: no published view shows it or
chooses it as the note it publishes, while `note list`, `claim show` and the audit timeline show
it, marked internal. Run on both backends (the suite's database).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.inprocess import Outcome, ok, run_cli
from tests.two_claim_desk import Run, two_claim_desk

PUBLIC = "Asked the press office; no answer yet."
DESK_ONLY = "DESK-ONLY: the source spoke off the record, do not name her (王芳)."


@pytest.fixture
def run(db_url: str, tmp_path: Path) -> Run:
    go = two_claim_desk(db_url, tmp_path)
    # 1: open, a published note then an internal one written after it.
    ok(go("note", "add", "1", PUBLIC))
    # 2: a verdict with its reason, then an internal note by its giver.
    ok(go("evidence", "add", "2", "--citation", "Register", "--stance", "refutes"))
    ok(go("claim", "status", "2", "false", "--note", "The register says 2019."))
    return go


def _internal(run: Run, claim: str = "1", text: str = DESK_ONLY) -> Outcome:
    return ok(run("note", "add", claim, "--internal", text))


def test_note_add_internal_says_so_and_json_carries_the_flag(run: Run) -> None:
    added = _internal(run)
    assert "internal" in added.out
    note = json.loads(ok(run("note", "add", "1", "--internal", "second", "--json")).out)
    assert note["internal"] is True and note["body"] == "second"
    public = json.loads(ok(run("note", "add", "1", "published", "--json")).out)
    assert public["internal"] is False


def test_note_list_and_claim_show_mark_an_internal_note(run: Run) -> None:
    _internal(run)
    listed = ok(run("note", "list", "1")).out
    assert DESK_ONLY in listed and PUBLIC in listed
    [marked] = [line for line in listed.splitlines() if "internal" in line]
    assert marked.startswith("#3")
    notes = json.loads(ok(run("note", "list", "1", "--json")).out)
    assert [(n["body"], n["internal"]) for n in notes] == [(PUBLIC, False), (DESK_ONLY, True)]
    shown = ok(run("claim", "show", "1")).out
    assert DESK_ONLY in shown
    assert any("#3" in line and "internal" in line for line in shown.splitlines()), shown
    detail = json.loads(ok(run("claim", "show", "1", "--json")).out)
    assert [n["internal"] for n in detail["notes"]] == [False, True]


def test_the_audit_timeline_and_trail_say_the_note_was_internal(run: Run) -> None:
    _internal(run)
    md = ok(run("audit", "export", "--format", "md", "--claim", "1")).out
    assert DESK_ONLY in md
    [line] = [line for line in md.splitlines() if "note #3" in line]
    assert "internal" in line
    events = [
        json.loads(line) for line in ok(run("audit", "export", "--claim", "1")).out.splitlines()
    ]
    added = [e for e in events if e.get("action") == "note.added"]
    assert [e["payload"]["after"]["internal"] for e in added] == [False, True]


def test_no_published_view_shows_an_internal_note(run: Run, tmp_path: Path) -> None:
    _internal(run)
    _internal(run, "2", "DESK-ONLY: her number is in the shared drive.")
    ok(run("report", "1", "-o", str(tmp_path / "r.html")))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "DESK-ONLY" not in page
    assert PUBLIC in page and "The register says 2019." in page
    annotations = ok(run("export", "annotations")).out
    assert "DESK-ONLY" not in annotations
    comments = {
        b["value"]
        for item in json.loads(annotations)["first"]["items"]
        for b in item["body"]
        if b["purpose"] == "commenting"
    }
    # The open claim's published note is its latest published one, not the internal one.
    assert comments == {PUBLIC, "The register says 2019."}
    org = ("--org", "Desk", "--org-url", "https://desk.example.org")
    assert "DESK-ONLY" not in ok(run("export", "claimreview", *org)).out
    rows = json.loads(ok(run("export", "claims", "--format", "json")).out)
    assert {r["id"]: r["note"] for r in rows} == {1: PUBLIC, 2: "The register says 2019."}
    csv = ok(run("export", "claims", "--format", "csv")).out
    assert "DESK-ONLY" not in csv and PUBLIC in csv
    ok(run("export", "claims", "--format", "xlsx", "-o", str(tmp_path / "t.xlsx")))
    sheet = load_workbook(tmp_path / "t.xlsx", read_only=True).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert PUBLIC in cells and not any("DESK-ONLY" in c for c in cells)


def test_an_open_claim_with_only_internal_notes_publishes_none(run: Run) -> None:
    ok(run("claim", "add", "1", "--text", "x", "--quote", "甲公司"))
    _internal(run, "3")
    rows = json.loads(ok(run("export", "claims", "--format", "json")).out)
    assert rows[2]["id"] == 3 and rows[2]["note"] is None
    items = json.loads(ok(run("export", "annotations")).out)["first"]["items"]
    [third] = [i for i in items if any(b["value"] == "x" for b in i["body"])]
    assert not [b for b in third["body"] if b["purpose"] == "commenting"]


def test_a_bundle_carries_the_flag_back(run: Run, tmp_path: Path, empty_db_url: str) -> None:
    _internal(run)
    ok(run("export", "bundle", str(tmp_path / "desk.zip")))
    moved = run_cli(["--db", empty_db_url, "import", "bundle", str(tmp_path / "desk.zip")])
    ok(moved)
    notes = json.loads(ok(run_cli(["--db", empty_db_url, "note", "list", "1", "--json"])).out)
    assert [n["internal"] for n in notes] == [False, True]
    rows = run_cli(["--db", empty_db_url, "export", "claims", "--format", "json"])
    assert {r["id"]: r["note"] for r in json.loads(ok(rows).out)}[1] == PUBLIC


def test_help_says_which_notes_are_published(run: Run) -> None:
    note_help = ok(run("note", "add", "--help")).out
    assert "--internal" in note_help
    status_help = " ".join(ok(run("claim", "status", "--help")).out.split())
    assert "never internal" in status_help
