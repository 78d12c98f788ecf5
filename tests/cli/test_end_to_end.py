"""The real CLI entry point (in-process) against a real database: exit codes, errors, output."""

from __future__ import annotations

import json
from collections.abc import Callable
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


pytestmark = pytest.mark.usefixtures("trail_proves_itself")


@pytest.fixture
def article(tmp_path: Path, seed_article: str) -> Path:
    p = tmp_path / "article.txt"
    p.write_bytes(b"\xef\xbb\xbf" + seed_article.replace("\n", "\r\n").encode())
    return p


def test_document_and_claim_flow(cli: Run, article: Path, seed_article: str) -> None:
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
    assert doc["created"] is True
    r = cli("doc", "add", str(article), "--json")
    assert r.code == 0 and json.loads(r.out)["id"] == doc["id"]
    assert json.loads(r.out)["created"] is False
    r = cli("doc", "add", str(article))
    assert f"already stored as document #{doc['id']}" in r.err and r.out == ""
    r = cli("doc", "text", str(doc["id"]))
    assert r.out == seed_article

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
        "evidence",
        "add",
        str(claim["id"]),
        "--url",
        "https://ai.meta.com/",
        "--stance",
        "refutes",
        "--title",
        "Meta AI",
    )
    assert r.code == 0, r.err
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
    events = [json.loads(x) for x in r.out.splitlines()[1:]]  # after the scope line
    assert [e["action"] for e in events] == [
        "claim.added",
        "claim.status_changed",
        "note.added",
        "evidence.added",
        "claim.status_changed",
    ]
    assert [e["actor"] for e in events] == ["tester", "alice", "tester", "tester", "alice"]


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
    huge = str(10**21)
    # Past what either backend stores: a usage error at the edge, the same on both.
    one_line_error(cli("claim", "show", huge), 2, "is out of range: ids run from 1 to 2147483647")
    one_line_error(cli("claim", "assign", huge, "--to", "x"), 2, "out of range")
    # A version is not an id: the message names the option and what it takes.
    r = cli("claim", "status", "1", "in_progress", "--if-version", "-3")
    one_line_error(r, 2, "'--if-version': version -3 is out of range: versions run from 1")
    one_line_error(cli("evidence", "get", huge, "-o", "x"), 2, "out of range")
    one_line_error(cli("claim", "show", "2147483647"), 1, "no claim #2147483647")
    r = cli("doc", "add", "-", input="好的文本。", env={})
    assert r.code == 0
    one_line_error(cli("claim", "add", "1", "--text", "t", "--quote", "坏"), 1, "quote not found")
    # Plain from the two numbers, as --start -1 is: bad usage (trial47); past the text's end
    # is the document's answer (below), a refusal.
    one_line_error(
        cli("claim", "add", "1", "--text", "t", "--start", "3", "--end", "1"), 2, "after end"
    )
    one_line_error(cli("user", "add", "bob", "--email", "no-at"), 2, "not an email address")
    r = cli("export", "claimreview", "--org", " ", "--org-url", "https://x.org")
    one_line_error(r, 2, "the publishing organisation's name is empty")
    one_line_error(
        cli("claim", "add", "1", "--text", "t", "--start", "0", "--end", "99"), 1, "outside"
    )
    # Typed empty: bad usage, as an empty --to NAME (docs/errors.md, "A value typed").
    one_line_error(cli("claim", "add", "1", "--text", " ", "--quote", "好"), 2, "empty")
    r = cli("audit", "export")
    assert [json.loads(x)["action"] for x in r.out.splitlines()[1:]] == ["document.added"]


def test_verdict_without_note_is_refused(cli: Run) -> None:
    cli("doc", "add", "-", input="甲说。")
    cli("claim", "add", "1", "--text", "A said", "--quote", "甲说")
    one_line_error(cli("claim", "status", "1", "verified"), 1, "needs a reason")
    r = cli("claim", "status", "1", "unverified")
    assert r.code == 0 and "nothing changed" in r.err
    assert len(cli("audit", "export").out.splitlines()) == 1 + 2  # the scope line, 2 events


def test_export_to_file_and_csv(cli: Run, tmp_path: Path) -> None:
    cli("doc", "add", "-", input="甲说。")
    out = tmp_path / "trail.csv"
    r = cli("audit", "export", "--format", "csv", "--output", str(out))
    assert r.code == 0 and "wrote 1 event to" in r.err
    assert out.read_text().startswith("seq,at,actor,action")
    one_line_error(cli("audit", "export", "--since", "yesterday"), 2, "not a date")


def test_a_malformed_date_option_is_bad_usage_like_a_bad_number(cli: Run) -> None:
    # Checked where it is typed (exit 2, naming the option); a date read from a file is the
    # library's to refuse (exit 1, see tests/exports/test_claims_table.py).
    cli("doc", "add", "-", input="甲说：只有四家公司。")
    one_line_error(cli("claim", "list", "--limit", "abc"), 2, "'--limit'")
    evidence = ("evidence", "add", "1", "--url", "https://x.org", "--stance", "context")
    for option, args in (
        ("--since", ("audit", "export", "--since", "tomorrow")),
        ("--until", ("audit", "export", "--until", "2026-13-01")),
        ("--updated-since", ("claim", "list", "--updated-since", "last week")),
        ("--published", ("doc", "add", "-", "--published", "soon")),
        ("--published", ("doc", "edit", "1", "--published", "31/01/2025")),
        ("--accessed", (*evidence, "--accessed", "soon")),
        ("--published", ("doc", "edit", "1", "--published", " ")),
        ("--until", ("audit", "export", "--until", "   ")),
    ):
        one_line_error(cli(*args, input="乙说。"), 2, f"'{option}'")
    one_line_error(cli("claim", "due", "1", "tomorrow"), 2, "due date 'tomorrow' is not a date")
    assert cli("doc", "edit", "1", "--published", "2025-01-31").code == 0
    assert cli("doc", "edit", "1", "--published", "").code == 0, "'' still clears it"
    assert cli("audit", "export", "--since", "2025-01-31T10:00:00Z").code == 0


def test_db_status_and_upgrade(cli: Run, tmp_path: Path) -> None:
    fresh = tmp_path / "new.db"
    r = cli("--db", str(fresh), "db", "status", "--json")
    assert json.loads(r.out)["current"] is None and not fresh.exists()
    r = cli("--db", str(fresh), "db", "upgrade")
    assert r.code == 0 and r.out.endswith(
        ": created the schema, at "
        + json.loads(cli("--db", str(fresh), "db", "status", "--json").out)["head"]
        + "\n"
    )
    assert cli("--db", str(fresh), "db", "upgrade").out.endswith(": at " + r.out.rsplit(" ", 1)[1])
    r = cli("--db", str(fresh), "db", "status", "--json")
    status = json.loads(r.out)
    assert status["up_to_date"] and status["current"] == status["head"]


def test_new_user_rough_edges(cli: Run, tmp_path: Path) -> None:
    cli("doc", "add", "-", input="甲说。")
    cli("claim", "add", "1", "--text", "A said", "--quote", "甲说")
    bad = b"caf\xe9".decode("utf-8", "surrogateescape")
    one_line_error(cli("note", "add", "1", bad), 1, "not valid UTF-8")
    one_line_error(cli("--as", " ", "note", "add", "1", "x"), 2, "recorded under one; give --as")
    r = cli("claim", "status", "1", "opinion", "--note", "-", input="A judgement, read from stdin")
    assert r.code == 0, r.err
    notes = json.loads(cli("note", "list", "1", "--json").out)
    assert notes[-1]["body"] == "A judgement, read from stdin"
    archived = tmp_path / "page.html"
    archived.write_bytes(b"<p>source</p>")
    ev = json.loads(
        cli("evidence", "add", "1", "--file", str(archived), "--stance", "context", "--json").out
    )
    r = cli("evidence", "get", str(ev["id"]), "-o", "-")
    assert r.code == 0 and r.out == "<p>source</p>"
    one_line_error(
        cli("evidence", "get", str(ev["id"]), "-o", str(tmp_path / "missing" / "x.html")),
        1,
        "does not exist",
    )
    one_line_error(cli("claim", "list", "--doc", "99"), 1, "no document #99")
    one_line_error(
        cli("audit", "export", "-o", str(tmp_path / "nowhere" / "t.jsonl")), 1, "does not exist"
    )
    r = cli("audit", "export", "-o", "-")
    assert r.code == 0 and r.out.startswith('{"export":{"count":4,')
    assert r.out.splitlines()[1].startswith('{"seq":1,')
    r = cli("claim", "list", "--json", env={"TERM": "dumb"})
    assert r.code == 0 and "\x1b[" not in r.out
