"""One wording wherever a span or a list of claims is said: `import claims` and `import
annotations` print "characters 163–172" as every other command does (a trial saw "163..172"),
and ClaimReview's skip lines name claims by id, not in document order ("#3, #4, #16, #5")."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, err_line, ok, run_cli
from workbench.domain.spans import span_words
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

Run = Callable[..., Outcome]
ORG = ("--org", "Desk", "--org-url", "https://desk.example")


@pytest.fixture
def cli(db_url: str) -> Run:
    def run(*args: str, stdin: bytes = b"") -> Outcome:
        env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
        return run_cli(list(args), stdin=stdin, env=env)

    return run


def test_imports_say_spans_as_every_command_does(cli: Run, tmp_path: Path) -> None:
    ok(cli("doc", "add", "-", stdin="甲公司去年营收一百亿元。乙公司员工三千人。\n".encode()))
    table = tmp_path / "claims.csv"
    table.write_text("quote,text\n营收一百亿元,Revenue\n", encoding="utf-8")
    r = ok(cli("import", "claims", str(table), "--doc", "1"))
    assert f"claim #1  [unverified]  {span_words(5, 11)}  Revenue" in r.out
    assert "5..11" not in r.out
    # annotations: the same line
    ok(cli("claim", "add", "1", "--text", "Staff", "--quote", "员工三千人"))
    out = tmp_path / "a.json"
    ok(cli("export", "annotations", "-o", str(out)))
    ok(
        cli(
            "doc", "add", "-", stdin="甲公司去年营收一百亿元。乙公司员工三千人。另一段。\n".encode()
        )
    )
    r = ok(cli("import", "annotations", str(out), "--doc", "2"))
    assert f"claim #4  [unverified]  {span_words(15, 20)}  Staff" in r.out


def test_a_quote_nearly_found_names_the_passage_as_a_span(cli: Run) -> None:
    ok(cli("doc", "add", "-", stdin="公司员工超过1200人。\n".encode()))
    r = cli("claim", "add", "1", "--text", "Staff", "--quote", "员工超过1,300人")
    err_line(r, 1, "at characters 2–11")


def test_an_empty_span_is_said_without_dots(cli: Run) -> None:
    ok(cli("doc", "add", "-", stdin="公司员工超过1200人。\n".encode()))
    r = cli("claim", "add", "1", "--text", "Staff", "--start", "3", "--end", "3")
    # bad usage, as --start after --end is: plain from the two numbers (review)
    err_line(r, 2, "the span is empty (start and end are both 3)")


def _desk(cli: Run) -> None:
    """Claims #1, #2 in document 1, #3 in document 2, then #4 in document 1: document order
    is 1, 2, 4, 3."""
    ok(
        cli(
            "doc",
            "add",
            "-",
            stdin="甲公司营收一百亿元。甲公司员工三千人。甲公司成立于2021年。\n".encode(),
        )
    )
    ok(cli("doc", "add", "-", stdin="乙公司营收五十亿元。\n".encode()))
    for doc, quote in (
        ("1", "营收一百亿元"),
        ("1", "员工三千人"),
        ("2", "营收五十亿元"),
        ("1", "成立于2021年"),
    ):
        ok(cli("claim", "add", doc, "--text", quote, "--quote", quote))


def test_skipped_claims_are_named_by_id(cli: Run, wb: Workbench) -> None:
    _desk(cli)
    result = export_claimreview(wb, ReviewSelection(org="Desk", org_url="https://desk.example"))
    # #4 comes before #3 (document 1's claims first); the ids kept are said by id.
    assert [r.ids for r in result.skipped.by_reason()] == [(1, 2, 3, 4)]
    r = ok(cli("export", "claimreview", *ORG))
    assert json.loads(r.out) == []
    assert r.err == "skipped 4 claims (#1, #2, #3, #4): no final verdict yet (status unverified)\n"
