"""`audit verify --file` reports an event of a full export that breaks the workflow's rules,
by its seq and the rule's words, as `audit replay` words them (an outside auditor: a forged
self-approval whose later hashes were all recomputed verified OK), and says a filtered export's
events were not held to them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.services.test_verify_file_workflow_rules import approval_seq, rechained

Run = Callable[..., Any]


@pytest.fixture
def signed_off(cli: Run) -> None:
    """maria proposes a verdict with review.required on; bob approves it."""
    doc = cli("--as", "maria", "doc", "add", "-", input="MiniMax在2021年底创业。\n")
    assert doc.code == 0, doc.err
    assert cli("claim", "add", "1", "--text", "founded 2021", "--quote", "2021年底").code == 0
    assert cli("config", "set", "review.required", "true").code == 0
    if PG_URL:
        assert cli("config", "set", "review.distinct_roles", "false").code == 0
    proposed = cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录")
    assert proposed.code == 0, proposed.err
    approved = cli("--as", "bob", "claim", "approve", "1")
    assert approved.code == 0, approved.err


def _export(cli: Run, path: Path, *args: str) -> list[str]:
    assert cli("audit", "export", "--format", "jsonl", *args, "-o", str(path)).code == 0
    return path.read_text(encoding="utf-8").splitlines()


def test_forged_self_approval_fails_with_its_seq_and_the_rule(
    cli: Run, signed_off: None, tmp_path: Path
) -> None:
    path = tmp_path / "trail.jsonl"
    lines = _export(cli, path)
    seq = approval_seq(lines)
    path.write_text("\n".join(rechained(lines, seq, actor="maria")) + "\n", encoding="utf-8")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1, r.out + r.err
    assert not r.out.startswith("OK")
    assert (
        f"seq {seq} (claim.approved): claim #1: approved by 'maria', the proposer: the workflow "
        "refuses that a verdict's proposer approve it (own_verdict)"
    ) in r.out
    j = cli("audit", "verify", "--file", str(path), "--json")
    assert j.code == 1
    report = json.loads(j.out)
    assert report["ok"] is False and report["break"] is None
    assert report["rules_checked"] is True and report["rule_break_count"] == 1
    assert report["rule_breaks"][0]["seq"] == seq
    assert "(own_verdict)" in report["rule_breaks"][0]["message"]


def test_honest_full_export_passes_with_the_rules_checked(
    cli: Run, signed_off: None, tmp_path: Path
) -> None:
    path = tmp_path / "trail.jsonl"
    _export(cli, path)
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 0, r.out + r.err
    assert r.out.startswith("OK ")
    j = json.loads(cli("audit", "verify", "--file", str(path), "--json").out)
    assert j["ok"] is True and j["rules_checked"] is True
    assert j["rule_breaks"] == [] and j["rule_break_count"] == 0


def test_filtered_export_says_the_rules_were_not_checked(
    cli: Run, signed_off: None, tmp_path: Path
) -> None:
    path = tmp_path / "part.jsonl"
    _export(cli, path, "--claim", "1")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 0, r.out + r.err
    assert "workflow rules not checked" in r.err
    j = json.loads(cli("audit", "verify", "--file", str(path), "--json").out)
    assert j["ok"] is True and j["rules_checked"] is False


def test_the_database_walk_leaves_the_rules_to_replay(cli: Run, signed_off: None) -> None:
    """`audit verify` on the database checks the chain only (`audit replay` holds the events to
    the rules, and the tables to the events): its report says neither true nor false."""
    j = json.loads(cli("audit", "verify", "--json").out)
    assert j["ok"] is True and j["rules_checked"] is None


def test_a_rule_break_prints_the_documented_fields(
    cli: Run, signed_off: None, tmp_path: Path
) -> None:
    """docs/json.md's RuleBreak, which the reference scenario (an honest desk) never prints."""
    from tests.cli.test_json_reference import DOC, Checker, parse_reference

    path = tmp_path / "trail.jsonl"
    lines = _export(cli, path)
    path.write_text(
        "\n".join(rechained(lines, approval_seq(lines), actor="maria")) + "\n", encoding="utf-8"
    )
    printed = json.loads(cli("audit", "verify", "--file", str(path), "--json").out)
    checker = Checker(parse_reference(DOC.read_text(encoding="utf-8")))
    section = "workbench audit verify"
    prints = checker.shapes[section].prints
    assert prints is not None
    assert checker.check(printed, prints, "audit verify", own=section) == []
    assert not {"RuleBreak.seq", "RuleBreak.message"} & checker.unseen()


def test_a_full_export_that_holds_says_the_rules_were_checked(
    cli: Run, signed_off: None, tmp_path: Path
) -> None:
    """An auditor reading `OK 9 events` could not tell a full export's check (every move held to
    the workflow's rules) from a database's (hashes and links alone): stderr now says the rules
    held, as it says when a filtered export's were not checked. stdout's OK line is unchanged."""
    path = tmp_path / "trail.jsonl"
    _export(cli, path)
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 0, r.out + r.err
    assert r.out.startswith("OK ")
    assert "workflow rules hold: every event records a move the workflow allows" in r.err
    on_database = cli("audit", "verify")
    assert "workflow rules" not in on_database.err
