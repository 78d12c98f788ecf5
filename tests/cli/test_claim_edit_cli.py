"""`workbench claim edit` through the real CLI: exit codes, one-line errors, --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import err_line, ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

TEXT = "The plant created 10,000 jobs in 2024, the mayor said."


@pytest.fixture
def claim(cli: Run) -> int:
    ok(cli("doc", "add", "-", input=TEXT))
    r = ok(cli("claim", "add", "1", "--text", "12,000 jobs", "--quote", "10,000 jobs", "--json"))
    return int(json.loads(r.out)["id"])


def test_an_edit_prints_what_changed_and_json_gives_the_claim(cli: Run, claim: int) -> None:
    r = ok(cli("claim", "edit", str(claim), "--text", "10,000 jobs", "--note", "source: 10,000"))
    assert r.out == f"claim #{claim}: changed text (version 2)\n" and r.err == ""
    r = ok(
        cli("claim", "edit", str(claim), "--type", "quantity", "--speaker", "the mayor", "--json")
    )
    data = json.loads(r.out)
    assert data["changed"] == ["type", "speaker"] and data["note"] is None
    assert data["type"] == "quantity" and data["speaker"] == "the mayor"
    assert data["text"] == "10,000 jobs" and data["version"] == 3
    data = json.loads(ok(cli("claim", "edit", str(claim), "--no-speaker", "--json")).out)
    assert data["speaker"] is None and data["changed"] == ["speaker"]
    shown = ok(cli("claim", "show", str(claim))).out
    assert "claim.edited text: 12,000 jobs -> 10,000 jobs; note: source: 10,000" in shown


def test_the_same_values_say_nothing_changed(cli: Run, claim: int) -> None:
    r = ok(cli("claim", "edit", str(claim), "--text", "12,000  jobs", "--type", "fact"))
    assert r.out == "" and "already says this; nothing changed" in r.err
    r = ok(cli("claim", "edit", str(claim), "--no-speaker", "--json"))
    assert json.loads(r.out)["changed"] == [] and json.loads(r.out)["version"] == 1
    err_line(
        cli("claim", "edit", str(claim), "--type", "fact", "--note", "why"),
        1,
        "already says this, so the note was not saved",
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((), "give at least one of --text, --type, --speaker, --clear speaker"),
        (("--note", "why"), "give at least one of"),
        (("--speaker", "x", "--no-speaker"), "choose one"),
        (("--speaker", " "), "--clear speaker removes the speaker"),
        (("--text", ""), "the claim text is empty"),
        (("--type", "rumour"), "Invalid value for '--type'"),
        (("--if-version", "0"), "--if-version"),
    ],
)
def test_bad_usage_exits_2(cli: Run, claim: int, args: tuple[str, ...], fragment: str) -> None:
    err_line(cli("claim", "edit", str(claim), *args), 2, fragment)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--text", "a\x07b"), "control character U+0007"),
        (("--text", "x" * 100_001), "the limit is 100,000"),
        (("--speaker", "a\tb"), "one line"),
    ],
)
def test_bad_values_are_refused_with_exit_1(
    cli: Run, claim: int, args: tuple[str, ...], fragment: str
) -> None:
    err_line(cli("claim", "edit", str(claim), *args), 1, fragment)


def test_unknown_claim_and_stale_version(cli: Run, claim: int) -> None:
    err_line(cli("claim", "edit", "99", "--text", "x"), 1, "no claim #99")
    ok(cli("claim", "edit", str(claim), "--type", "quantity", "--if-version", "1"))
    r = cli("claim", "edit", str(claim), "--text", "x", "--if-version", "1", "--json")
    assert r.code == 1
    assert json.loads(r.err)["error"]["kind"] == "conflict"


def test_a_judged_claim_is_refused_until_reopened(cli: Run, claim: int) -> None:
    ok(cli("claim", "status", str(claim), "unverifiable", "--note", "no record"))
    r = cli("claim", "edit", str(claim), "--text", "10,000 jobs")
    err_line(r, 1, "has a verdict (unverifiable): its text is what was judged")
    assert f"`workbench claim status {claim} in_progress --note TEXT`" in r.err
    r = cli("claim", "edit", str(claim), "--speaker", "the mayor", "--json")
    assert r.code == 1
    error = json.loads(r.err)["error"]
    assert error["kind"] == "transition_refused" and error["reason"] == "claim_judged"
    assert error["hint"] == {"kind": "run", "step": "reopen", "claim_id": claim}
    ok(cli("claim", "status", str(claim), "in_progress", "--note", "the figure is wrong"))
    ok(cli("claim", "edit", str(claim), "--text", "10,000 jobs"))


def test_a_claim_in_review_is_refused_until_rejected(cli: Run, claim: int) -> None:
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("claim", "status", str(claim), "unverifiable", "--note", "no record"))
    r = cli("claim", "edit", str(claim), "--type", "quantity")
    err_line(r, 1, "is in review: its type is what the proposed verdict judged")
    assert f"`workbench claim reject {claim} --note TEXT`" in r.err
    ok(cli("--as", "editor", "claim", "reject", str(claim), "--note", "misquoted"))
    ok(cli("claim", "edit", str(claim), "--type", "quantity"))


def test_similar_reads_the_edited_text(cli: Run, claim: int) -> None:
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "The mayor said the plant created 10,000 jobs",
            "--quote",
            "the mayor said",
        )
    )
    before = json.loads(ok(cli("claim", "similar", "2", "--json")).out)
    assert claim not in {s["id"] for s in before}
    ok(cli("claim", "edit", str(claim), "--text", "The plant created 10,000 jobs, said the mayor"))
    after = json.loads(ok(cli("claim", "similar", "2", "--json")).out)
    assert claim in {s["id"] for s in after}
    assert "The plant created 10,000 jobs, said the mayor" in ok(cli("claim", "similar", "2")).out


def test_a_claim_is_pinned_anew_by_quote_or_offsets(cli: Run, claim: int) -> None:
    """`claim edit --quote` moves the span (trial54 had no way but withdrawing the claim)."""
    r = ok(cli("claim", "edit", str(claim), "--quote", "created 10,000 jobs in 2024"))
    assert r.out == (
        f"claim #{claim}: changed span (version 2)\n"
        "  pinned in revision 1, characters 10–37: created 10,000 jobs in 2024\n"
    )
    data = json.loads(
        ok(cli("claim", "edit", str(claim), "--start", "4", "--end", "9", "--json")).out
    )
    assert data["changed"] == ["span"] and data["quote"] == "plant"
    assert (data["start"], data["end"]) == (4, 9)
    shown = ok(cli("claim", "show", str(claim))).out
    # The history line names the quote and offsets, not the context around them.
    assert "claim.edited end: 37 -> 9; quote: created 10,000 jobs in 2024 -> plant; start:" in shown
    assert "prefix" not in shown


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["--quote", "no such words"], 1, "quote not found in the document"),
        (["--start", "4"], 2, "pin the claim to its source"),
        (
            ["--quote", "plant", "--start", "4", "--end", "9"],
            2,
            "by a quote or by offsets, not both",
        ),
        (["--occurrence", "2"], 2, "an occurrence number goes with a quote"),
        (["--start", "9", "--end", "4"], 2, "start (9) is after end (4)"),
    ],
)
def test_a_bad_new_span_is_one_line(
    cli: Run, claim: int, args: list[str], code: int, fragment: str
) -> None:
    err_line(cli("claim", "edit", str(claim), *args), code, fragment)
    assert json.loads(ok(cli("claim", "show", str(claim), "--json")).out)["version"] == 1


def test_a_claim_pinned_onto_another_claims_words_is_told_so(cli: Run, claim: int) -> None:
    """As `claim add` warns of a second claim on one span, so does pinning one anew there."""
    r = ok(cli("claim", "add", "1", "--text", "the plant", "--quote", "The plant"))
    r = ok(cli("claim", "edit", str(claim), "--quote", "The plant", "--json"))
    assert json.loads(r.out)["same_span"] == [2]
    assert "warning: claim #2 already pins exactly these words (characters 0–9)" in r.err


def test_edit_json_always_has_the_same_keys(cli: Run, claim: int) -> None:
    """review58: `same_span` was in `claim edit --json` when the span moved and not otherwise."""
    texts = json.loads(ok(cli("claim", "edit", str(claim), "--text", "x y", "--json")).out)
    moved = json.loads(ok(cli("claim", "edit", str(claim), "--quote", "plant", "--json")).out)
    same = json.loads(ok(cli("claim", "edit", str(claim), "--quote", "plant", "--json")).out)
    assert texts.keys() == moved.keys() == same.keys()
    assert texts["same_span"] == moved["same_span"] == same["same_span"] == []
