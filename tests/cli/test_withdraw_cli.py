"""`workbench claim withdraw ID --reason TEXT` through the real CLI: the command, its refusals
(exit 2 for bad usage, 1 for the workflow's), restoring, and what lists and exports show."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import err_line, ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")


def setup_claims(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="只有四家公司。单次高达1500万美金。首个线性注意力模型。"))
    for quote, text in (
        ("只有四家公司", "Only four firms"),
        ("只有四家公司", "Just four companies"),  # the same span again: a duplicate
        ("1500万美金", "US$15M"),
    ):
        ok(cli("claim", "add", "1", "--text", text, "--quote", quote))


def ids(r: Any) -> list[int]:
    return [c["id"] for c in json.loads(ok(r).out)]


def test_withdraw_a_duplicate_and_restore_it(cli: Run) -> None:
    setup_claims(cli)
    r = ok(cli("claim", "withdraw", "2", "--reason", "A duplicate of #1."))
    assert (r.out, r.err) == ("claim #2: unverified -> withdrawn\n", "")
    shown = ok(cli("claim", "show", "2")).out
    assert "claim #2  [withdrawn]" in shown
    assert "restore it: workbench claim status 2 in_progress --note TEXT" in shown
    assert "claim.status_changed status: unverified -> withdrawn; note: A duplicate of #1." in shown
    # out of the list, the board and the checked-before answers; there when asked for
    assert ids(cli("claim", "list", "--json")) == [1, 3]
    assert ids(cli("claim", "list", "--status", "withdrawn", "--json")) == [2]
    assert ids(cli("claim", "list", "--all", "--json")) == [1, 2, 3]
    assert 2 not in ids(cli("claim", "similar", "1", "--min-score", "0", "--json"))
    board = json.loads(ok(cli("stats", "--json")).out)
    assert board["by_status"]["withdrawn"] == 1 and board["open"] == 2
    assert [c["id"] for c in board["oldest_open"]] == [1, 3]
    # restored, with a reason, by the status command
    err_line(cli("claim", "status", "2", "in_progress"), 1, "restoring withdrawn claim #2")
    r = ok(cli("claim", "status", "2", "in_progress", "--note", "Another wording: keep it."))
    assert r.out == "claim #2: withdrawn -> in_progress\n"
    assert ids(cli("claim", "list", "--json")) == [1, 2, 3]


def test_refusals_say_why_in_one_line(cli: Run) -> None:
    setup_claims(cli)
    r = cli("claim", "withdraw", "2")
    assert r.code == 2 and "Missing option '--reason'" in r.err
    r = cli("claim", "withdraw", "--reason", "dup")
    assert r.code == 2 and "Missing argument 'ID'" in r.err
    err_line(
        cli("claim", "withdraw", "2", "--reason", "  "),
        1,
        "withdrawing a claim needs a reason (not a claim, a duplicate of which one, the wrong "
        "span); add --reason TEXT",
    )
    err_line(cli("claim", "withdraw", "99", "--reason", "dup"), 1, "no claim #99")
    err_line(cli("claim", "withdraw", "2", "--reason", "dup", "--if-version", "3"), 1, "version 3")
    ok(cli("claim", "withdraw", "2", "--reason", "dup", "--if-version", "1"))
    err_line(
        cli("claim", "withdraw", "2", "--reason", "dup again"),
        1,
        "claim #2 is already withdrawn, so the reason was not saved; add it with "
        "`workbench note add 2 TEXT`",
    )
    err_line(
        cli("claim", "status", "2", "opinion", "--note", "a view"),
        1,
        "claim #2 is withdrawn: it gets no verdict until it is restored; restore it with "
        "`workbench claim status 2 in_progress --note TEXT`",
    )
    err_line(cli("claim", "edit", "2", "--text", "other words"), 1, "what was taken back")
    err_line(
        cli("claim", "add", "1", "--text", "Just four companies", "--quote", "只有四家公司"),
        1,
        "claim #2 already pins this span with this text, and was withdrawn; restore it with",
    )


def test_json_result_and_json_refusal(cli: Run) -> None:
    setup_claims(cli)
    r = ok(cli("claim", "withdraw", "3", "--reason", "-", "--json", input="Not a claim.\n"))
    claim = json.loads(r.out)
    assert (claim["id"], claim["status"], claim["rating"]) == (3, "withdrawn", None)
    shown = json.loads(ok(cli("claim", "show", "3", "--json")).out)
    assert shown["notes"][-1]["body"] == "Not a claim."
    r = cli("claim", "withdraw", "3", "--reason", "again", "--json")
    assert r.code == 1
    error = json.loads(r.err)["error"]
    assert (error["kind"], error["reason"]) == ("transition_refused", "already_withdrawn")
    assert error["hint"] == {"kind": "run", "step": "add_note", "claim_id": 3}


def test_a_claim_in_review_is_withdrawn_after_its_proposal_is_rejected(cli: Run) -> None:
    setup_claims(cli)
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("--as", "maria", "claim", "status", "2", "opinion", "--note", "a view"))
    err_line(
        cli("--as", "maria", "claim", "withdraw", "2", "--reason", "a duplicate of #1"),
        1,
        "claim #2 is in review (opinion proposed by maria); a second reviewer approves or "
        "rejects it first; to withdraw it, `workbench claim reject 2 --note TEXT`",
    )
    ok(cli("--as", "maria", "claim", "reject", "2", "--note", "a duplicate, not a view"))
    r = ok(cli("--as", "maria", "claim", "withdraw", "2", "--reason", "a duplicate of #1"))
    assert r.out == "claim #2: in_progress -> withdrawn\n"


def test_a_claim_closed_by_mistake_is_no_longer_published(cli: Run) -> None:
    """The trial's workaround, undone: closed as unverifiable, the mistake was published as
    "Unproven"; withdrawn, no export publishes it and the claims table says what it is."""
    setup_claims(cli)
    ok(cli("claim", "status", "3", "unverifiable", "--note", "no source"))
    ok(cli("claim", "status", "2", "unverifiable", "--note", "closed to get rid of it"))
    ok(cli("claim", "withdraw", "2", "--reason", "A duplicate of #1, closed by mistake."))
    org = ("--org", "Desk", "--org-url", "https://desk.example.org")
    r = ok(cli("export", "claimreview", *org))
    assert [c["url"].split("-")[-1] for c in json.loads(r.out)] == ["3"]
    # Its Unproven verdict was published: the export says so, not "never published" (trial73).
    assert (
        "skipped claim #2: withdrawn after its verdict (Unproven) was given: no longer "
        "published; take down any review of it published before"
    ) in r.err
    annotated = json.loads(ok(cli("export", "annotations")).out)
    bodies = [a["body"] for a in annotated["first"]["items"]]
    texts = [b["value"] for body in bodies for b in body if b.get("purpose") == "describing"]
    assert texts == ["Only four firms", "US$15M"]
    table = list(csv.DictReader(io.StringIO(ok(cli("export", "claims", "--format", "csv")).out)))
    row = table[1]
    assert (row["id"], row["status"], row["rating"], row["note"]) == (
        "2",
        "withdrawn",
        "",
        "A duplicate of #1, closed by mistake.",
    )
