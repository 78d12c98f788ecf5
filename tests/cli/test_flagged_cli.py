"""A verdict whose quote changed after it was given (flagged for re-review) is not published:
export claimreview leaves the claim out, export annotations and the report keep it without its
verdict, each says so, `--claim` naming it is refused, --include-flagged publishes it anyway;
`claim list --flagged` and `stats` find it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

OLD = "宁德时代2024年营收4009亿元。\n公司表示，其海螺AI在全球拥有超过一亿用户。\n"
NEW = OLD.replace("4009亿", "4010亿")
ORG = ("--org", "Desk", "--org-url", "https://desk.example")


@pytest.fixture
def flagged(cli: Run, tmp_path: Path) -> None:
    """Claims #1 (quote changed after its verdict) and #2 (quote unchanged), both Unproven."""
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert cli("doc", "add", str(old)).code == 0
    for quote in ("营收4009亿元", "海螺AI在全球拥有超过一亿用户"):
        assert cli("claim", "add", "1", "--text", quote, "--quote", quote).code == 0
        cid = "1" if "4009" in quote else "2"
        assert cli("claim", "status", cid, "in_progress").code == 0
        r = cli("claim", "status", cid, "unverifiable", "--note", "no filing")
        assert r.code == 0, r.err
    r = cli("doc", "update", "1", str(new))
    assert r.code == 0, r.err


def test_claimreview_leaves_flagged_out(cli: Run, flagged: None) -> None:
    r = cli("export", "claimreview", *ORG)
    assert r.code == 0, r.err
    reviews = json.loads(r.out)
    assert [x["claimReviewed"] for x in reviews] == ["海螺AI在全球拥有超过一亿用户"]
    assert "left out 1 claim flagged for re-review: #1" in r.err
    assert "--include-flagged" in r.err


def test_claimreview_include_flagged(cli: Run, flagged: None) -> None:
    r = cli("export", "claimreview", *ORG, "--include-flagged")
    assert r.code == 0, r.err
    assert len(json.loads(r.out)) == 2
    # Still said, so that nobody publishes it by accident.
    assert "#1" in r.err and "flagged for re-review" in r.err


def test_claimreview_refuses_a_named_flagged_claim(cli: Run, flagged: None) -> None:
    r = cli("export", "claimreview", *ORG, "--claim", "1")
    assert r.code == 1
    assert r.out == ""
    lines = [x for x in r.err.splitlines() if x.strip()]
    assert len(lines) == 1 and "claim #1" in lines[0] and "re-review" in lines[0]
    r = cli("export", "claimreview", *ORG, "--claim", "1", "--include-flagged")
    assert r.code == 0 and len(json.loads(r.out)) == 1


def _bodies(annotation: dict[str, Any]) -> dict[str, str]:
    return {b["purpose"]: b["value"] for b in annotation["body"]}


def test_annotations_keep_a_flagged_claim_without_its_verdict(
    cli: Run, flagged: None, tmp_path: Path
) -> None:
    """As the report does (a trial: the README said these exports withhold the rating, and
    the annotation was left out whole): the highlight, the claim's text and type stay; its
    status, rating and reason, a verdict not confirmed on the current text, do not."""
    r = cli("export", "annotations")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["total"] == 2
    first, second = data["first"]["items"]
    assert first["motivation"] == "highlighting"
    assert _bodies(first) == {"describing": "营收4009亿元", "classifying": "fact"}
    assert first["target"]["selector"][0]["exact"] == "营收4010亿元"
    assert second["motivation"] == "assessing"
    assert _bodies(second) == {
        "describing": "海螺AI在全球拥有超过一亿用户",
        "tagging": "unverifiable",
        "classifying": "fact",
        "assessing": "Unproven",
        "commenting": "no filing",
    }
    assert r.err.strip() == (
        "withheld the verdict of 1 claim flagged for re-review: #1 (the quote changed after "
        "the verdict: each is highlighted without status, rating or reason; a new decision "
        "clears the flag, --include-flagged publishes them anyway)"
    )
    r = cli("export", "annotations", "--include-flagged")
    assert r.code == 0
    first = json.loads(r.out)["first"]["items"][0]
    assert first["motivation"] == "assessing"
    assert _bodies(first)["tagging"] == "unverifiable"
    assert _bodies(first)["commenting"] == "no filing"
    assert "published 1 claim flagged for re-review (--include-flagged): #1" in r.err
    # Read back, the withheld claim comes in open, in_progress as a flagged verdict in a claims
    # table does (session 47 left alone: it came in unverified, silently, as if unchecked).
    out = tmp_path / "a.json"
    assert cli("export", "annotations", "-o", str(out)).code == 0
    (tmp_path / "v3.txt").write_text(NEW + "另一段。\n", encoding="utf-8")
    assert cli("doc", "add", str(tmp_path / "v3.txt"), "--title", "copy").code == 0
    r = cli("import", "annotations", str(out), "--doc", "2")
    assert r.code == 0, r.err
    assert (
        "; comes in as in_progress (its verdict, flagged for re-review, was left out of an "
        "annotation: its quote changed after the verdict): decide it again on the current text\n"
    ) in r.err
    rows = json.loads(cli("claim", "list", "--doc", "2", "--json").out)
    assert {c["text"]: c["status"] for c in rows} == {
        "营收4009亿元": "in_progress",
        "海螺AI在全球拥有超过一亿用户": "unverifiable",  # with its note: it needs no evidence
    }


def test_report_withholds_the_rating(cli: Run, flagged: None, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    r = cli("report", "1", "-o", str(out))
    assert r.code == 0, r.err
    assert "1 claim flagged for re-review: #1" in r.err
    html = out.read_text(encoding="utf-8")
    assert "withheld" in html


def test_the_claims_table_lists_a_flagged_verdict_and_says_so(
    cli: Run, flagged: None, tmp_path: Path
) -> None:
    """trial47b: the sheet kept a flagged verdict's status and rating (flagged true) without a
    word, and a sheet sorted by rating counted it as checked."""
    r = cli("export", "claims", "--format", "json")
    assert r.code == 0, r.err
    rows = {row["id"]: row for row in json.loads(r.out)}
    assert (rows[1]["flagged"], rows[1]["status"]) == (True, "unverifiable")
    assert r.err == (
        "1 verdict flagged for re-review (#1) listed with flagged true: the status and rating "
        "judged words a later revision changed\n"
    )
    r = cli("claim", "status", "1", "unverifiable", "--note", "still no filing")  # decided again
    assert r.code == 0, r.err
    assert cli("export", "claims", "--format", "json").err == ""


def test_list_and_stats_find_flagged(cli: Run, flagged: None) -> None:
    r = cli("claim", "list", "--flagged", "--json")
    assert r.code == 0, r.err
    assert [c["id"] for c in json.loads(r.out)] == [1]
    shown = json.loads(cli("claim", "show", "1", "--json").out)
    assert shown["flagged"] is True and shown["verdict_revision"] == 1
    assert "flagged for re-review" in cli("claim", "show", "1").out
    assert "flagged" not in cli("claim", "show", "2").out
    s = json.loads(cli("stats", "--json").out)
    assert s["flagged_total"] == 1 and [c["id"] for c in s["flagged"]] == [1]
    assert "flagged for re-review (1 of 1)" in cli("stats").out


def _row(out: str, claim_id: int) -> list[str]:
    """The cells of claim `claim_id`'s row in a printed table (its id first)."""
    for line in out.splitlines():
        cells = [c.strip() for c in line.replace("│", "|").strip("| ").split("|")]
        if cells[0] == str(claim_id):
            return cells
    raise AssertionError(f"no row for claim #{claim_id} in:\n{out}")


def test_every_list_of_claims_shows_the_flag_alike(cli: Run, flagged: None) -> None:
    """A trial saw `verified (flagged)` in `claim list` and plain `verified` in `doc show`."""
    listed, shown = cli("claim", "list").out, cli("doc", "show", "1").out
    # claim list: id, doc, status, ...; doc show: id, status, ...
    assert [_row(listed, 1)[2], _row(listed, 2)[2]] == ["unverifiable (flagged)", "unverifiable"]
    assert [_row(shown, 1)[1], _row(shown, 2)[1]] == ["unverifiable (flagged)", "unverifiable"]
    board = cli("stats").out
    assert _row(board, 1)[1] == "unverifiable (flagged)"
    # JSON keeps the fields apart: the status as it is, and the flag
    detail = json.loads(cli("doc", "show", "1", "--json").out)
    assert [(c["status"], c["flagged"]) for c in detail["claims"]] == [
        ("unverifiable", True),
        ("unverifiable", False),
    ]


def test_a_new_decision_clears_the_flag(cli: Run, flagged: None) -> None:
    assert cli("claim", "status", "1", "in_progress", "--note", "re-checking").code == 0
    assert cli("claim", "status", "1", "unverifiable", "--note", "still none").code == 0
    assert json.loads(cli("claim", "list", "--flagged", "--json").out) == []
    r = cli("export", "claimreview", *ORG)
    assert r.code == 0 and len(json.loads(r.out)) == 2 and "re-review" not in r.err


def test_the_markdown_trail_says_a_verdict_is_flagged_as_claim_list_does(
    cli: Run, flagged: None
) -> None:
    """A trial: the audit's Markdown export headed a flagged claim "Status now: verified",
    where `claim list` shows "(flagged)"."""
    listed = cli("claim", "list").out
    assert "unverifiable (flagged)" in listed
    md = cli("audit", "export", "--format", "md").out
    one, two = md.index("## Claim #1:"), md.index("## Claim #2:")
    assert (
        "- **Status now:** unverifiable (version 4), flagged for re-review: the verdict was "
        "given on the words of revision 1, before its quote or speaker changed\n"
    ) in md[one:two]
    assert "flagged" not in md[two : md.index("## Other events")]


def test_checked_before_says_a_verdict_is_flagged(cli: Run, flagged: None) -> None:
    """A trial: `claim similar` listed a flagged verdict as `misleading | Misleading` and
    `claim add` said "rated Misleading", where claim list says "(flagged)" and exports
    withhold the rating."""
    r = cli("claim", "add", "1", "--text", "营收4009亿元吗", "--quote", "营收4010亿元")
    assert r.code == 0, r.err
    assert "similar to #1 (unverifiable (flagged), rating withheld; " in r.err
    assert "rated" not in r.err
    # #2's verdict stands: said as before
    r = cli("claim", "add", "1", "--text", "海螺AI拥有一亿用户", "--quote", "海螺AI")
    assert r.code == 0, r.err
    assert "similar to #2 (unverifiable, rated Unproven; " in r.err
    table = cli("claim", "similar", "3", "--min-score", "0").out
    # id, similarity, status, rating, ...
    assert _row(table, 1)[2:4] == ["unverifiable (flagged)", "withheld"]
    found = json.loads(cli("claim", "similar", "3", "--min-score", "0", "--json").out)
    one = next(s for s in found if s["id"] == 1)
    assert one["status"] == "unverifiable" and one["flagged"] is True
    assert one["rating"] == {"value": None, "label": "Unproven"}  # JSON keeps the fields apart
    added = json.loads(
        cli("claim", "add", "1", "--text", "营收", "--quote", "营收4010亿元", "--json").out
    )
    ref = next(s for s in added["similar"] if s["id"] == 1)
    assert ref["flagged"] is True and ref["status"] == "unverifiable"
