"""`note list ID` on a claim with no notes yet."""

from __future__ import annotations

from tests.inprocess import ok, run_cli


def test_note_list_says_a_claim_has_no_notes_yet(db_url: str) -> None:
    """`workbench note list 1` on a claim nobody had written a note on printed nothing at all
    and exit 0: a checker could not tell an empty list from a command that did nothing (or
    from a wrong --db), while `evidence list 1` says "no evidence on claim #1 yet"."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "mei"}
    ok(run_cli(["doc", "add", "-"], stdin="甲公司去年营收一百亿元。\n".encode(), env=env))
    ok(run_cli(["claim", "add", "1", "--text", "营收一百亿元", "--quote", "营收一百亿元"], env=env))
    r = ok(run_cli(["note", "list", "1"], env=env))
    assert r.out == "no notes on claim #1 yet\n", r.out
    assert ok(run_cli(["note", "list", "1", "--json"], env=env)).out.strip() == "[]"
    ok(run_cli(["note", "add", "1", "问过公司新闻办。"], env=env))
    listed = ok(run_cli(["note", "list", "1"], env=env)).out
    assert "问过公司新闻办。" in listed and "no notes" not in listed, listed
