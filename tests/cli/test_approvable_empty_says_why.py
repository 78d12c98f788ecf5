"""`claim list --approvable` that lists nothing says why (a new user's trial, session 64's
note: the proposer asked for the queue and read only "no claims match", as did a desk with
review.required off, where no verdict ever waits): how many claims are in review and what
keeps each from this approver, in the approval's own refusals; with review off, that verdicts
stand when given. A listing that shows claims says nothing more, nor does --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def _desk(cli: Run, tmp_path: Path, *, review: bool) -> None:
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。乙公司裁员200人。丙公司成立于2021年。\n", encoding="utf-8")
    ok(cli("doc", "add", str(text)))
    for quote in ("营收增长30%", "裁员200人", "成立于2021年"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    if review:
        ok(cli("config", "set", "review.required", "true"))
        ok(cli("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL


def test_review_off_says_no_verdict_waits(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path, review=False)
    out = ok(cli("claim", "list", "--approvable"))
    assert "no claims match" in out.out
    assert "no claim is in review" in out.err
    assert "review.required is off" in out.err
    assert "workbench config set review.required true" in out.err


def test_nothing_in_review_with_review_on_says_so(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path, review=True)
    out = ok(cli("claim", "list", "--approvable"))
    assert "no claim is in review" in out.err
    assert "review.required" not in out.err


def test_the_proposer_is_told_their_own_proposals_wait_for_another(
    cli: Run, tmp_path: Path
) -> None:
    _desk(cli, tmp_path, review=True)
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录"))
    ok(cli("--as", "maria", "claim", "status", "2", "unverifiable", "--note", "查无记录"))
    out = ok(cli("--as", "maria", "claim", "list", "--approvable"))
    assert "no claims match" in out.out
    assert "2 claims are in review, none of them for you to approve" in out.err
    assert "2 proposed by you (a different reviewer approves them)" in out.err
    # another reviewer sees them, and is told nothing more
    other = ok(cli("--as", "tom", "claim", "list", "--approvable"))
    assert "营收增长30%" in other.out and other.err == ""


def test_a_note_added_after_the_proposal_is_named(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path, review=True)
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录"))
    ok(cli("--as", "maria", "claim", "status", "2", "unverifiable", "--note", "查无记录"))
    ok(cli("--as", "tom", "note", "add", "2", "公告另有说法"))
    out = ok(cli("--as", "lee", "claim", "list", "--approvable"))
    # claim 1 is lee's to approve; the note about claim 2 is not said where claims are listed
    assert "营收增长30%" in out.out and out.err == ""
    ok(cli("--as", "lee", "claim", "approve", "1"))
    out = ok(cli("--as", "lee", "claim", "list", "--approvable"))
    assert "1 claim is in review, not for you to approve" in out.err
    assert "1 with notes or evidence added after its proposal" in out.err


def test_json_and_narrowed_listings_say_nothing_more(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path, review=True)
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录"))
    out = ok(cli("--as", "maria", "claim", "list", "--approvable", "--json"))
    assert json.loads(out.out) == [] and out.err == ""
    # a filter narrowing the queue: the empty list says nothing of what the queue holds
    out = ok(cli("--as", "maria", "claim", "list", "--approvable", "--type", "quantity"))
    assert out.err == ""


def test_a_proposal_whose_quote_a_revision_changed_is_named_in_words(
    cli: Run, tmp_path: Path
) -> None:
    # rB: the approval's fourth refusal (quote_changed) had no words, so the queue said
    # "1 refused (quote_changed)", and one claim was "none of it for you to approve".
    _desk(cli, tmp_path, review=True)
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录"))
    text = tmp_path / "a.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("30%", "35%"), encoding="utf-8")
    ok(cli("doc", "update", "1", str(text)))
    out = ok(cli("--as", "tom", "claim", "list", "--approvable"))
    assert "no claims match" in out.out
    assert "1 claim is in review, not for you to approve: 1 whose quote a revision " in out.err
    assert "changed after its proposal (reject it with a note)" in out.err
    assert "quote_changed" not in out.err and "none of it" not in out.err


def test_a_queue_asked_for_its_count_alone_says_nothing_held_back(cli: Run, tmp_path: Path) -> None:
    """`--limit 0` asks how many (the table shows none of them): the queue is not empty, so the
    approver is not told that the claim it counts is "not for you to approve" (with no reason,
    since the approval refuses nothing)."""
    _desk(cli, tmp_path, review=True)
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "查无记录"))
    out = ok(cli("--as", "tom", "claim", "list", "--approvable", "--limit", "0"))
    assert "--limit 0: no claims listed (1 in all)" in out.out
    assert "not for you to approve" not in out.err
    # maria's own proposal is still explained, counted or not
    own = ok(cli("--as", "maria", "claim", "list", "--approvable", "--limit", "0"))
    assert "1 proposed by you" in own.err
