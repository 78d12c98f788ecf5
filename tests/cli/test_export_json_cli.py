"""`export claimreview`, `export annotations`, `export claims` and `audit export` take --json
when they write a file (-o FILE), as `backup`, `export bundle` and `report` do: one JSON object
on stdout saying what was written and what was skipped, every id in full (stderr names the
first few). Where the data itself goes to stdout (no -o, `-o -`), --json is bad usage: stdout
is already the data.

Before, all four refused --json as an unknown option (exit 2), so a script could not tell what
an export wrote or skipped but by parsing stderr's prose, which names five ids of each reason.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
ORG = ("--org", "Check Desk", "--org-url", "https://checks.example.org")
OPEN = list(range(4, 11))  # seven open claims: more than stderr's line names


@pytest.fixture
def desk(cli: Run) -> Run:
    """Ten claims on one document: #1 verified, #2 an opinion, #3 withdrawn, #4-#10 open."""
    text = "".join(f"第{i}句话说了一件事。" for i in range(1, 11))
    assert cli("doc", "add", "-", "--title", "T", input=text).code == 0
    for i in range(1, 11):
        r = cli("claim", "add", "1", "--text", f"said {i}", "--quote", f"第{i}句话说了一件事")
        assert r.code == 0, r.err
    steps = (
        ("evidence", "add", "1", "--stance", "supports", "--url", "https://example.org/s"),
        ("claim", "status", "1", "verified", "--note", "checked"),
        ("claim", "status", "2", "opinion", "--note", "a view"),
        ("claim", "withdraw", "3", "--reason", "a duplicate"),
    )
    for step in steps:
        r = cli(*step)
        assert r.code == 0, (step, r.err)
    return cli


def _object(r: Any) -> dict[str, Any]:
    assert r.code == 0, (r.code, r.out, r.err)
    value = json.loads(r.out)
    assert isinstance(value, dict), r.out
    return value


def test_claimreview_json_says_what_it_wrote_and_skipped(desk: Run, tmp_path: Path) -> None:
    out = _object(desk("export", "claimreview", *ORG, "-o", "cr.json", "--json"))
    reviews = json.loads((tmp_path / "cr.json").read_text(encoding="utf-8"))
    assert out["path"] == "cr.json"
    assert out["reviews"] == len(reviews) == 1
    by_reason = {s["reason"]: s for s in out["skipped"]}
    assert set(by_reason) == {"opinion", "withdrawn", "open"}
    # Every id, not stderr's first five and "2 more".
    assert by_reason["open"]["ids"] == OPEN
    assert by_reason["open"]["count"] == len(OPEN)
    assert by_reason["opinion"]["ids"] == [2]
    assert by_reason["withdrawn"]["ids"] == [3]
    assert all(isinstance(s["message"], str) and s["message"] for s in out["skipped"])
    assert out["skipped_count"] == len(OPEN) + 2
    assert out["flagged"] == [] and out["flagged_included"] is False
    assert out["unreviewed"] == []
    assert out["unattributed"] == [1] and out["unlocated"] == [1]
    assert out["redated"] == [] and out["next_after"] is None


def test_claimreview_json_after_names_the_next_pull(desk: Run) -> None:
    head = _object(desk("audit", "head", "--json"))
    out = _object(desk("export", "claimreview", *ORG, "--after-seq", "0", "-o", "p.json", "--json"))
    assert out["next_after"] == {"seq": head["seq"], "head": head["head"]}


def test_annotations_json_says_what_it_wrote(desk: Run, tmp_path: Path) -> None:
    out = _object(desk("export", "annotations", "-o", "a.json", "--json"))
    collection = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    items = collection["first"]["items"] if collection["total"] else []
    assert out["path"] == "a.json"
    assert out["annotations"] == collection["total"] == len(items) == 9  # #3 is withdrawn
    assert out["flagged"] == [] and out["flagged_included"] is False
    assert out["unreviewed"] == [] and out["undated"] == []


@pytest.mark.parametrize("name", ["c.csv", "c.json"])
def test_claims_json_counts_the_rows_written(desk: Run, tmp_path: Path, name: str) -> None:
    out = _object(desk("export", "claims", "-o", name, "--json"))
    text = (tmp_path / name).read_text(encoding="utf-8")
    csv_rows = list(csv.DictReader(text.splitlines())) if name.endswith(".csv") else None
    rows = csv_rows if csv_rows is not None else json.loads(text)
    assert out["path"] == name
    assert out["format"] == name.rsplit(".", 1)[1]
    assert out["claims"] == len(rows) == 10
    assert out["flagged"] == [] and out["cut"] == [] and out["stood_in"] == []


def test_audit_export_json_counts_the_events_written(desk: Run, tmp_path: Path) -> None:
    out = _object(desk("audit", "export", "-o", "e.jsonl", "--actor", "nobody", "--json"))
    assert out["events"] == 0
    assert [s["name"] for s in out["silent_actors"]] == ["nobody"]
    out = _object(desk("audit", "export", "-o", "all.jsonl", "--json"))
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    scope = json.loads(lines[0])["export"]
    head = _object(desk("audit", "head", "--json"))
    assert out["path"] == "all.jsonl" and out["format"] == "jsonl"
    assert out["events"] == len(lines) - 1 == scope["count"] == head["count"]
    assert out["silent_actors"] == []


EXPORTS = [
    ("export", "claimreview", *ORG),
    ("export", "annotations"),
    ("export", "claims", "--format", "csv"),
    ("audit", "export"),
]


@pytest.mark.parametrize("args", EXPORTS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("to", [(), ("-o", "-")], ids=["no -o", "-o -"])
def test_json_refused_where_stdout_is_the_data(
    desk: Run, args: tuple[str, ...], to: tuple[str, ...]
) -> None:
    r = desk(*args, *to, "--json")
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and "--json" in lines[0] and "-o FILE" in lines[0], r.err


def test_claims_xlsx_json_names_every_cell_cut_or_stood_in(cli: Run, tmp_path: Path) -> None:
    """What stderr warns of an XLSX sheet, with every cell: a text cut to Excel's limit, and
    control characters written as stand-ins."""
    (tmp_path / "a.txt").write_bytes(b"Hello \x1b[2J world. It rang\x07 twice.")
    assert cli("doc", "add", "a.txt").code == 0
    steps = (
        ("claim", "add", "1", "--text", "Hello world", "--quote", "Hello \x1b[2J world"),
        ("claim", "add", "1", "--text", "rang" * 10_000, "--quote", "rang\x07 twice"),
    )
    for step in steps:
        r = cli(*step)
        assert r.code == 0, r.err
    out = _object(cli("export", "claims", "-o", "t.xlsx", "--json"))
    assert (out["path"], out["format"], out["claims"]) == ("t.xlsx", "xlsx", 2)
    assert out["cut"] == [{"claim_id": 2, "column": "text", "length": 40_000}]
    assert out["stood_in"] == [
        {"claim_id": 1, "column": "quote", "count": 1},
        {"claim_id": 2, "column": "quote", "count": 1},
    ]
