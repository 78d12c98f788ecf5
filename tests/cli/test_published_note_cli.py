"""The note an export publishes is the verdict's reason (a trial: `export annotations` and
`export claims` published the latest note, an approver's "同意" or a later "ok", instead of why
the verdict was given): the note given with the verdict; an open claim's latest note."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]

ARTICLE = "甲公司去年营收一百亿元。乙公司成立于二〇二一年。丙公司员工三千人。\n"


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str, who: str = "editor") -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": who})

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ok(run("doc", "add", str(tmp_path / "a.txt")))
    for quote in ("营收一百亿元", "成立于二〇二一年", "员工三千人"):
        ok(run("claim", "add", "1", "--text", quote, "--quote", quote))
    for claim in ("1", "2"):
        ok(run("evidence", "add", claim, "--citation", "Register", "--stance", "refutes"))
    # 1: proposed with its reason, approved with 同意, then an "ok" by the approver
    ok(run("config", "set", "review.required", "true"))
    ok(run("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL
    ok(run("claim", "status", "1", "false", "--note", "年报写的是八十亿元。", who="maria"))
    ok(run("claim", "approve", "1", "--note", "同意", who="lin"))
    ok(run("note", "add", "1", "ok", who="lin"))
    # 2: given directly, then notes by others and by its giver
    ok(run("config", "set", "review.required", "false"))
    ok(run("claim", "status", "2", "false", "--note", "The register says 2019.", who="wang"))
    ok(run("note", "add", "2", "ok", who="lin"))
    ok(run("note", "add", "2", "typo fixed in the CMS", who="wang"))
    # 3: open, with notes
    ok(run("note", "add", "3", "called the company", who="maria"))
    ok(run("note", "add", "3", "waiting for the HR figure", who="maria"))
    return run


EXPECTED = {
    1: "年报写的是八十亿元。",
    2: "The register says 2019.",
    3: "waiting for the HR figure",
}


def test_the_claims_table_publishes_the_verdicts_reason(wb: Run) -> None:
    rows = json.loads(ok(wb("export", "claims", "--format", "json")).out)
    assert {r["id"]: r["note"] for r in rows} == EXPECTED
    csv = ok(wb("export", "claims")).out
    assert "同意" not in csv and "年报写的是八十亿元。" in csv


def test_annotations_comment_with_the_verdicts_reason(wb: Run) -> None:
    collection = json.loads(ok(wb("export", "annotations")).out)
    notes = {}
    for item in collection["first"]["items"]:
        [text] = [b["value"] for b in item["body"] if b["purpose"] == "describing"]
        notes[text] = [b["value"] for b in item["body"] if b["purpose"] == "commenting"]
    assert notes == {
        "营收一百亿元": [EXPECTED[1]],
        "成立于二〇二一年": [EXPECTED[2]],
        "员工三千人": [EXPECTED[3]],
    }


def test_a_rejected_proposal_leaves_an_open_claim_with_its_latest_note(wb: Run) -> None:
    ok(wb("config", "set", "review.required", "true"))
    ok(wb("claim", "status", "2", "in_progress", "--note", "reopened: new filing", who="wang"))
    ok(wb("claim", "status", "2", "verified", "--note", "The filing says 2021.", who="wang"))
    rows = json.loads(ok(wb("export", "claims", "--format", "json")).out)
    assert rows[1]["status"] == "in_review" and rows[1]["note"] == "The filing says 2021."
    ok(wb("claim", "reject", "2", "--note", "the filing is a draft", who="lin"))
    rows = json.loads(ok(wb("export", "claims", "--format", "json")).out)
    assert rows[1]["status"] == "in_progress" and rows[1]["note"] == "the filing is a draft"
