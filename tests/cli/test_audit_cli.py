"""`workbench audit verify | head | replay | export` through the real CLI: output and exit codes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from workbench.db.backend import drop_append_only_triggers
from workbench.db.engine import get_engine

Run = Callable[..., Any]
HASH = "[0-9a-f]{64}"


@pytest.fixture
def trail(cli: Run) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    assert cli("--as", "alice", "claim", "status", "1", "in_progress").code == 0
    r = cli("--as", "alice", "claim", "status", "1", "unverifiable", "--note", "the filing says no")
    assert r.code == 0
    assert cli("note", "add", "1", "=cmd|' /C calc'!A0").code == 0


def tamper(db_url: str, statement: str) -> None:
    with get_engine(db_url).begin() as conn:
        drop_append_only_triggers(conn)
        conn.execute(text(statement))


def test_verify_and_head(cli: Run, trail: None) -> None:
    r = cli("audit", "verify")
    assert r.code == 0
    assert re.fullmatch(f"OK 5 events, head ({HASH})\n", r.out), r.out
    head = r.out.split()[-1]
    r = cli("audit", "head")
    assert r.out == f"5 events, head {head}\n"
    assert f"--head {head} --count 5" in r.err
    # `head`, as the text and `verify --head` call it (a trial's `jq -r .head` read null);
    # `hash` stays for the scripts written against it.
    noted = json.loads(cli("audit", "head", "--json").out)
    assert noted == {"count": 5, "seq": 5, "head": head, "hash": head}
    assert json.loads(cli("audit", "verify", "--json").out)["head"] == head
    r = cli("audit", "verify", "--head", head, "--count", "5")
    assert r.code == 0 and "noted head is seq 5: intact; 0 events added since" in r.err
    # a count alone names no head (the trial read "noted head: intact" for it)
    r = cli("audit", "verify", "--count", "3")
    assert r.code == 0
    assert "noted count 3: the trail still holds that many events; 2 events added since" in r.err


def test_verify_reports_the_first_bad_event(cli: Run, trail: None, db_url: str) -> None:
    tamper(db_url, "UPDATE events SET actor = 'mallory' WHERE seq = 3")
    r = cli("audit", "verify")
    assert r.code == 1
    assert r.out.startswith("BROKEN at seq 3: stored hash")
    assert "altered after it was written" in r.out
    report = json.loads(cli("audit", "verify", "--json").out)
    assert report["ok"] is False and report["break"]["seq"] == 3 and report["count"] == 2


def test_verify_deleted_last_event_against_noted_head(cli: Run, trail: None, db_url: str) -> None:
    head = json.loads(cli("audit", "head", "--json").out)
    tamper(db_url, "DELETE FROM events WHERE seq = 5")
    assert cli("audit", "verify").code == 0
    r = cli("audit", "verify", "--head", head["hash"], "--count", "5")
    assert r.code == 1
    assert r.out.startswith("BROKEN at seq 5: the trail ends at seq 4 but 5 events were noted")


def test_verify_says_a_head_and_count_that_disagree(cli: Run, trail: None) -> None:
    # The trail holds: not BROKEN, but the --count given is not the head's (exit 1).
    head = json.loads(cli("audit", "head", "--json").out)["head"]
    r = cli("audit", "verify", "--head", head, "--count", "4")
    # No "OK" on stdout for a check that fails (session 45's new user read it as a pass).
    assert r.code == 1 and r.out == f"MISMATCH (the chain itself holds): 5 events, head {head}\n"
    assert r.err == "error: the head given is the hash of event 5, not 4: check --count\n"
    report = json.loads(cli("audit", "verify", "--head", head, "--count", "4", "--json").out)
    assert report["ok"] is False and report["break"] is None
    assert report["mismatch"] == "the head given is the hash of event 5, not 4: check --count"


def test_verify_usage_errors(cli: Run, trail: None) -> None:
    r = cli("audit", "verify", "--head", "xyz")
    assert r.code == 2 and r.err.startswith("error: head 'xyz' is not a SHA-256")
    assert cli("audit", "verify", "--count", "-1").code == 2
    r = cli("audit", "verify", "--file", "missing.jsonl")
    assert r.code == 1 and "no such file" in r.err


def test_exported_file_verifies(cli: Run, trail: None, tmp_path: Path) -> None:
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    assert cli("audit", "export", "--actor", "alice", "-o", str(part)).code == 0
    head = cli("audit", "head").out
    r = cli("audit", "verify", "--file", str(full))
    assert r.code == 0 and r.out == "OK " + head
    r = cli("audit", "verify", "--file", str(part))
    assert r.code == 0
    assert r.out == (
        "OK 2 events each match their hash (seq 3..4), as many as the export's scope states; "
        "1 link not checked (into seq 3): a filtered export (actors=alice)\n"
    )
    lines = full.read_text().splitlines()
    lines[2] = lines[2].replace("A said", "B said")  # after the scope line: seq 2
    full.write_text("\n".join(lines) + "\n")
    r = cli("audit", "verify", "--file", str(full))
    assert r.code == 1 and r.out.startswith("BROKEN at seq 2:")


def test_a_csv_export_is_said_to_be_one_not_broken(cli: Run, trail: None, tmp_path: Path) -> None:
    """trial47: `audit export -o trail.csv` then `audit verify --file trail.csv` said "BROKEN",
    as if the trail had been tampered with; the CSV has no scope line and is not verified."""
    path = tmp_path / "trail.csv"
    for bom in ((), ("--bom",)):  # a byte order mark first, for Excel (review)
        assert cli("audit", "export", "-o", str(path), *bom, "--force").code == 0
        r = cli("audit", "verify", "--file", str(path))
        assert (r.code, r.out) == (1, "")
        assert r.err == (
            f"error: {path} is the audit trail as CSV, which has no scope line and is not "
            "verified: export it as JSON Lines (`workbench audit export --format jsonl`) and "
            "verify that\n"
        )


def test_reordered_file_is_out_of_order_and_a_cut_one_missing(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    lines = full.read_text().splitlines()
    moved = tmp_path / "moved.jsonl"
    moved.write_text("\n".join([lines[0], *lines[2:], lines[1]]) + "\n")  # seq 1 last
    r = cli("audit", "verify", "--file", str(moved))
    assert r.code == 1
    assert r.out == (
        "BROKEN at seq 2: at line 2, where seq 1 belongs; seq 1 is at line 6: the events are "
        "out of order (moved, not deleted)\n"
    )
    assert r.err == "  0 events before it hold\n"
    broken = json.loads(cli("audit", "verify", "--file", str(moved), "--json").out)["break"]
    assert (broken["seq"], broken["expected_seq"], broken["expected_seq_line"]) == (2, 1, 6)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("\n".join([*lines[:2], *lines[3:]]) + "\n")  # seq 2 gone
    r = cli("audit", "verify", "--file", str(cut))
    assert r.code == 1 and r.out == "BROKEN at seq 3: follows seq 1: seq 2 is missing (deleted?)\n"
    assert r.err == "  1 event before it holds\n"
    broken = json.loads(cli("audit", "verify", "--file", str(cut), "--json").out)["break"]
    assert (broken["expected_seq"], broken["expected_seq_line"]) == (2, None)


def test_replay(cli: Run, trail: None, db_url: str) -> None:
    r = cli("audit", "replay")
    assert r.code == 0
    assert r.out == (
        "consistent: 5 events rebuild 1 document, 1 revision, 1 claim, 2 notes, "
        "0 evidence items, 0 settings, 0 users\n"
    )
    assert json.loads(cli("audit", "replay", "--json").out)["consistent"] is True
    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE claims SET status = 'verified' WHERE id = 1"))
    r = cli("audit", "replay")
    assert r.code == 1
    assert r.out == "claim #1 status: events say 'unverifiable', table says 'verified'\n"
    assert "1 difference between" in r.err
    report = json.loads(cli("audit", "replay", "--json").out)
    assert report["differences"][0]["field"] == "status"


def test_export_formats_and_filters(cli: Run, trail: None) -> None:
    r = cli("audit", "export", "--format", "md", "--claim", "1")
    assert r.code == 0
    assert "## Claim #1: A said" in r.out
    assert "· alice · **status changed**: status: in_progress → unverifiable" in r.out
    assert "  > the filing says no" in r.out
    r = cli("audit", "export", "--action", "claim.*", "--actor", "alice")
    assert [json.loads(x)["seq"] for x in r.out.splitlines()[1:]] == [3, 4]
    r = cli("audit", "export", "--doc", "1", "--until", "2999-01-01", "--format", "csv")
    assert len(r.out.splitlines()) == 6
    r = cli("audit", "export", "--format", "xml")
    assert r.code == 2


def test_an_export_of_no_events_says_there_is_nothing_to_verify(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    """`audit verify --file future.jsonl` printed "OK 0 events, head 0000…0000" and exited 0."""
    future = tmp_path / "future.jsonl"
    assert cli("audit", "export", "--since", "2999-01-01", "-o", str(future)).code == 0
    r = cli("audit", "verify", "--file", str(future))
    assert (r.code, r.out) == (
        1,
        "NOTHING TO VERIFY: the file holds no events: its filters (since=2999-01-01) matched "
        "none when it was exported\n",
    )
    assert "0000000000" not in r.out + r.err
    r = cli("audit", "verify", "--file", str(future), "--json")
    shown = json.loads(r.out)
    assert r.code == 1 and (shown["ok"], shown["empty"], shown["head"]) == (False, True, None)
    r = cli("audit", "verify", "--file", "-", input=future.read_text(encoding="utf-8"))
    assert r.code == 1 and r.out.startswith("NOTHING TO VERIFY")


def test_replay_counts_every_revision_of_every_document(
    cli: Run, trail: None, tmp_path: Path
) -> None:
    """A trial: "4 revisions" for 13 revisions over 9 documents (only updates were counted)."""
    for n in range(2):
        assert cli("doc", "add", "-", input=f"丙说了第{n}句话。").code == 0
    for body in ("甲说了一句话。乙说了另一句。", "甲说了一句话。乙说了另外一句话。"):
        revised = tmp_path / "v.txt"
        revised.write_text(body, encoding="utf-8")
        assert cli("doc", "update", "1", str(revised)).code == 0
    r = cli("audit", "replay")
    assert r.code == 0 and " rebuild 3 documents, 5 revisions, " in r.out
    entities = json.loads(cli("audit", "replay", "--json").out)["entities"]
    assert (entities["document"], entities["revision"]) == (3, 2)  # as the events create them
