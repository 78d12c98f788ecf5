"""`evidence get -o FILE` writes a file, as the exports do, and says what it wrote with --json
as they do: one object (path, the evidence, its bytes and sha256, checked). With `-o -` (or
/dev/stdout) stdout is the file itself and --json is bad usage (exit 2), nothing written.

Before, `evidence get` refused --json as an unknown option (exit 2): the one command writing a
file that could not tell a script what it wrote."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]
EVIDENCE = b"%PDF-1.4 the register's page\n"


@pytest.fixture
def wb(db_url: str, tmp_path: Path) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    (tmp_path / "article.txt").write_text("公司在2021年底成立。\n", encoding="utf-8")
    (tmp_path / "ev.pdf").write_bytes(EVIDENCE)
    ok(run("doc", "add", str(tmp_path / "article.txt")))
    ok(run("claim", "add", "1", "--text", "Founded in 2021", "--quote", "2021年底"))
    ok(run("evidence", "add", "1", "--file", str(tmp_path / "ev.pdf"), "--stance", "supports"))
    return run


def test_evidence_get_json_says_what_it_wrote(wb: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    r = ok(wb("evidence", "get", "1", "-o", str(target), "--json"))
    out = json.loads(r.out)
    assert target.read_bytes() == EVIDENCE
    assert out == {
        "path": str(target),
        "evidence_id": 1,
        "claim_id": 1,
        "bytes": len(EVIDENCE),
        "sha256": hashlib.sha256(EVIDENCE).hexdigest(),
    }
    # The JSON replaces the "wrote N bytes" line, as the exports' does.
    assert "wrote" not in r.err


@pytest.mark.parametrize("to", ["-", "/dev/stdout"])
def test_evidence_get_json_refused_where_stdout_is_the_file(wb: Run, to: str) -> None:
    r = wb("evidence", "get", "1", "-o", to, "--json")
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and "--json" in lines[0] and "-o FILE" in lines[0], r.err


def test_evidence_get_json_refusal_is_an_error_object(wb: Run, tmp_path: Path) -> None:
    target = tmp_path / "precious.pdf"
    target.write_bytes(b"precious")
    r = wb("evidence", "get", "1", "-o", str(target), "--json")
    assert r.code == 1 and r.out == ""
    error = json.loads(r.err)["error"]
    assert error["reason"] == "file_exists"
    assert target.read_bytes() == b"precious"
