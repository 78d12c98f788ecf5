"""The real CLI, in a subprocess, against a real database: exit codes, one-line errors, output."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


def one_line_error(r: Any, code: int, fragment: str) -> None:
    assert r.code == code, (r.code, r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith("error: ")
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in r.err


@pytest.fixture(autouse=True)
def _trail_proves_itself(cli: Run) -> Iterator[None]:
    """After every scenario the trail verifies, and replaying it rebuilds exactly the tables:
    no change escaped the audit trail."""
    yield
    r = cli("audit", "verify")
    assert r.code == 0 and r.out.startswith("OK "), r.out + r.err
    r = cli("audit", "replay")
    assert r.code == 0 and r.out.startswith("consistent"), r.out + r.err


@pytest.fixture
def article(tmp_path: Path, seed_article: str) -> Path:
    p = tmp_path / "article.txt"
    p.write_bytes(b"\xef\xbb\xbf" + seed_article.replace("\n", "\r\n").encode())
    return p


def test_document_and_claim_flow(cli: Run, article: Path) -> None:
    r = cli("doc", "add", str(article), "--title", "MiniMax profile", "--lang", "zh", "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert set(doc) >= {
        "id",
        "title",
        "url",
        "author",
        "published",
        "language",
        "sha256",
        "length",
        "created_at",
    }
    r = cli("doc", "add", str(article), "--json")
    assert r.code == 0 and json.loads(r.out)["id"] == doc["id"]
    assert "already stored" in r.err

    r = cli(
        "claim",
        "add",
        str(doc["id"]),
        "--text",
        "Only four US firms are at the table",
        "--quote",
        "真正能坐在大模型牌桌上的其实只有四家公司",
        "--type",
        "priority",
        "--speaker",
        "Yan Junjie",
        "--json",
    )
    assert r.code == 0, r.err
    claim = json.loads(r.out)
    assert {
        "id",
        "document_id",
        "text",
        "quote",
        "start",
        "end",
        "prefix",
        "suffix",
        "speaker",
        "type",
        "status",
        "created_at",
        "updated_at",
        "version",
    } <= set(claim)

    r = cli("claim", "show", str(claim["id"]))
    assert r.code == 0
    assert "[[真正能坐在大模型牌桌上的其实只有四家公司]]" in r.out
    assert "他认为在美国," in r.out

    r = cli("claim", "list", "--status", "unverified", "--json")
    assert [c["id"] for c in json.loads(r.out)] == [claim["id"]]
    r = cli("claim", "list", "--status", "unverified")
    assert r.code == 0 and "Only four US firms" in r.out

    r = cli("claim", "status", str(claim["id"]), "in_progress", "--as", "alice")
    assert r.code == 2  # --as is a global option: it goes before the command
    r = cli("--as", "alice", "claim", "status", str(claim["id"]), "in_progress")
    assert r.code == 0 and "unverified -> in_progress" in r.out
    r = cli("note", "add", str(claim["id"]), "-", input="Long note\nline two\n")
    assert r.code == 0
    r = cli(
        "--as",
        "alice",
        "claim",
        "status",
        str(claim["id"]),
        "misleading",
        "--note",
        "Leaves out Meta",
        "--json",
    )
    assert json.loads(r.out)["status"] == "misleading"

    r = cli("note", "list", str(claim["id"]), "--json")
    assert [n["body"] for n in json.loads(r.out)] == ["Long note\nline two", "Leaves out Meta"]

    r = cli("audit", "export", "--claim", str(claim["id"]))
    events = [json.loads(x) for x in r.out.splitlines()]
    assert [e["action"] for e in events] == [
        "claim.added",
        "claim.status_changed",
        "note.added",
        "claim.status_changed",
    ]
    assert [e["actor"] for e in events] == ["tester", "alice", "tester", "alice"]


def test_refusals_are_one_line_and_write_nothing(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xff")
    one_line_error(cli("doc", "add", str(bad)), 1, "byte offset 3")
    one_line_error(cli("doc", "add", str(tmp_path / "missing.txt")), 1, "no such file")
    one_line_error(cli("doc", "add", str(tmp_path)), 1, "is a directory")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    one_line_error(cli("doc", "add", str(empty)), 1, "empty")
    big = tmp_path / "big.txt"
    big.write_text("x" * 3000)
    r = cli("doc", "add", str(big), env={"WORKBENCH_MAX_DOCUMENT_MB": "0.001"})
    one_line_error(r, 1, "limit")
    one_line_error(cli("doc", "show", "5"), 1, "no document #5")
    one_line_error(cli("claim", "status", "9", "in_progress"), 1, "no claim #9")
    one_line_error(cli("claim", "status", "9", "done"), 2, "'done' is not one of")
    one_line_error(cli("claim", "list", "--bogus"), 2, "No such option")
    one_line_error(cli("doc", "show", "abc"), 2, "not a valid integer")
    r = cli("doc", "add", "-", input="好的文本。", env={})
    assert r.code == 0
    one_line_error(cli("claim", "add", "1", "--text", "t", "--quote", "坏"), 1, "quote not found")
    one_line_error(
        cli("claim", "add", "1", "--text", "t", "--start", "3", "--end", "1"), 1, "after end"
    )
    one_line_error(
        cli("claim", "add", "1", "--text", "t", "--start", "0", "--end", "99"), 1, "outside"
    )
    one_line_error(cli("claim", "add", "1", "--text", " ", "--quote", "好"), 1, "empty")
    r = cli("audit", "export")
    assert [json.loads(x)["action"] for x in r.out.splitlines()] == ["document.added"]


def test_verdict_without_note_is_refused(cli: Run) -> None:
    cli("doc", "add", "-", input="甲说。")
    cli("claim", "add", "1", "--text", "A said", "--quote", "甲说")
    one_line_error(cli("claim", "status", "1", "verified"), 1, "needs a reason")
    r = cli("claim", "status", "1", "unverified")
    assert r.code == 0 and "nothing changed" in r.err
    assert len(cli("audit", "export").out.splitlines()) == 2


def test_export_to_file_and_csv(cli: Run, tmp_path: Path) -> None:
    cli("doc", "add", "-", input="甲说。")
    out = tmp_path / "trail.csv"
    r = cli("audit", "export", "--format", "csv", "--output", str(out))
    assert r.code == 0 and "wrote 1 events" in r.err
    assert out.read_text().startswith("seq,at,actor,action")
    one_line_error(cli("audit", "export", "--since", "yesterday"), 1, "not a date")


def test_db_status_and_upgrade(cli: Run, tmp_path: Path) -> None:
    fresh = tmp_path / "new.db"
    r = cli("--db", str(fresh), "db", "status", "--json")
    assert json.loads(r.out)["current"] is None and not fresh.exists()
    r = cli("--db", str(fresh), "db", "upgrade")
    assert r.code == 0
    r = cli("--db", str(fresh), "db", "status", "--json")
    status = json.loads(r.out)
    assert status["up_to_date"] and status["current"] == status["head"]
