"""Errors a script can read: with --json a refusal is a JSON object on stderr, same exit codes.

Runs the real entry point in-process (workbench.cli.main), one test per kind of error.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest

from tests.conftest import PG_URL
from workbench.cli import main
from workbench.cli.errors import run
from workbench.domain.errors import ERROR_TYPES, WorkbenchError


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    def error(self) -> dict[str, Any]:
        """The one JSON object on stderr, and nothing else there."""
        lines = self.err.splitlines()
        assert len(lines) == 1, self.err
        parsed = json.loads(lines[0])
        assert set(parsed) == {"error"}
        error: dict[str, Any] = parsed["error"]
        assert isinstance(error["kind"], str) and error["message"].strip()
        return error


Run = Callable[..., Outcome]


@pytest.fixture
def wb_cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("WORKBENCH_DB", db_url)

    def call(*args: str) -> Outcome:
        capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main(list(args))
            raise SystemExit(0)
        captured = capsys.readouterr()
        code = done.value.code if isinstance(done.value.code, int) else 1
        return Outcome(code, captured.out, captured.err)

    return call


@pytest.fixture
def claim(wb_cli: Run, tmp_path: Path) -> str:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    assert wb_cli("doc", "add", str(article)).code == 0
    assert wb_cli("claim", "add", "1", "--text", "A said it", "--quote", "甲说了").code == 0
    return "1"


def test_not_found(wb_cli: Run) -> None:
    r = wb_cli("claim", "show", "99", "--json")
    assert r.code == 1 and r.out == ""
    error = r.error()
    assert error["kind"] == "not_found"
    assert error["message"] == "no claim #99; `workbench claim list` shows them"
    assert error["hint"] == {"kind": "run", "step": "list", "entity": "claim"}


def test_without_json_the_error_stays_one_line_of_words(wb_cli: Run) -> None:
    r = wb_cli("claim", "show", "99")
    assert (r.code, r.err) == (1, "error: no claim #99; `workbench claim list` shows them\n")


def test_invalid_input(wb_cli: Run, claim: str) -> None:
    r = wb_cli("claim", "add", "1", "--text", "x", "--quote", "说了", "--json")
    error = r.error()
    assert r.code == 1 and error["kind"] == "invalid_input"
    assert error["hint"] == {"kind": "give_input", "field": "occurrence", "low": 1, "high": 2}
    assert error["message"].endswith("say which; give --occurrence 1..2")


def test_options_that_do_not_go_together_are_usage(wb_cli: Run, claim: str) -> None:
    r = wb_cli("claim", "add", "1", "--text", "x", "--json")
    error = r.error()
    assert r.code == 2 and error["kind"] == "usage"
    assert "give --quote, or both --start and --end" in error["message"]


def test_transition_refused_names_the_rule(wb_cli: Run, claim: str) -> None:
    r = wb_cli("claim", "status", claim, "verified", "--json")
    error = r.error()
    assert r.code == 1 and error["kind"] == "transition_refused"
    assert error["reason"] == "verdict_needs_note"
    assert error["hint"] == {"kind": "give_input", "field": "note"}
    assert error["message"].endswith("needs a reason; add --note TEXT")


@pytest.mark.skipif(not PG_URL, reason="database roles exist on PostgreSQL only")
def test_approving_from_the_proposers_role_names_its_rule(wb_cli: Run, claim: str) -> None:
    """A trial: refused by name, the sign-off said transition_refused / own_verdict; refused
    by role, only invalid_input, with no reason a script could test."""
    assert wb_cli("config", "set", "review.required", "true").code == 0
    assert wb_cli("--as", "alice", "claim", "status", claim, "opinion", "--note", "a").code == 0
    r = wb_cli("--as", "editor", "claim", "approve", claim, "--json")
    error = r.error()
    assert r.code == 1 and error["kind"] == "transition_refused"
    assert error["reason"] == "own_role"
    assert "the second reviewer must connect with their own role" in error["message"]


def test_conflict(wb_cli: Run, claim: str) -> None:
    r = wb_cli("claim", "status", claim, "in_progress", "--if-version", "7", "--json")
    error = r.error()
    assert r.code == 1 and error["kind"] == "conflict"
    assert error["hint"] == {"kind": "run", "step": "reread", "claim_id": 1}
    assert "`workbench claim show 1`" in error["message"]


def test_schema_mismatch(wb_cli: Run, claim: str, db_url: str) -> None:
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    get_engine(db_url).dispose()
    error = wb_cli("claim", "list", "--json").error()
    assert error["kind"] == "schema_mismatch"


def test_storage(wb_cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("正文。", encoding="utf-8")
    r = wb_cli(
        "--db", str(tmp_path / "no-such-folder" / "x.db"), "doc", "add", str(article), "--json"
    )
    error = r.error()
    assert r.code == 1 and error["kind"] == "storage"
    assert "cannot open database" in error["message"]


def test_a_missing_database_is_not_found_with_a_hint(wb_cli: Run, tmp_path: Path) -> None:
    error = wb_cli("--db", str(tmp_path / "none.db"), "stats", "--json").error()
    assert error["kind"] == "not_found"
    assert error["hint"] == {"kind": "run", "step": "start_database"}
    assert "run `workbench demo`" in error["message"]


@pytest.mark.skipif(not PG_URL, reason="a PostgreSQL server's missing database")
@pytest.mark.parametrize("args", [["stats", "--json"], ["doc", "add", "a.txt", "--json"]])
def test_a_missing_postgresql_database_is_not_found_with_a_hint(
    wb_cli: Run, args: list[str], tmp_path: Path
) -> None:
    """As a missing SQLite file is: both the lean read path (psycopg2) and the engine's."""
    from urllib.parse import urlsplit, urlunsplit

    name = "wb_missing_" + uuid.uuid4().hex[:10]
    server = urlsplit(PG_URL)
    url = urlunsplit(server._replace(path="/" + name, query=""))
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    error = wb_cli("--db", url, *args).error()
    assert error["kind"] == "not_found", error
    assert error["hint"] == {"kind": "run", "step": "start_database", "database": name}
    assert f"no database {name!r} on the server" in error["message"]
    assert f"create it (createdb {name})" in error["message"]


def test_damaged_record(wb_cli: Run, claim: str, tmp_path: Path, db_url: str) -> None:
    from sqlalchemy import text

    from workbench.db.engine import get_engine
    from workbench.domain.errors import DamagedRecord
    from workbench.services.context import Workbench
    from workbench.services.evidence import get_evidence_file

    source = tmp_path / "source.pdf"
    source.write_bytes(b"%PDF-1.4 evidence")
    added = wb_cli("evidence", "add", claim, "--file", str(source), "--stance", "supports")
    assert added.code == 0, added.err
    with get_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE blobs SET data = :d"), {"d": b"tampered"})
    get_engine(db_url).dispose()
    with pytest.raises(DamagedRecord):
        get_evidence_file(Workbench(url=db_url, actor="tester"), 1)
    # Without --json the refusal is in words.
    r = wb_cli("evidence", "get", "1", "-o", str(tmp_path / "out.pdf"))
    assert r.code == 1 and "do not match sha256" in r.err
    assert not (tmp_path / "out.pdf").exists()


def test_usage(wb_cli: Run) -> None:
    r = wb_cli("claim", "show", "not-a-number", "--json")
    error = r.error()
    assert r.code == 2 and error["kind"] == "usage"
    assert "see `workbench claim show --help`" in error["message"]


def test_a_bad_option_value_is_usage_with_the_librarys_words(wb_cli: Run) -> None:
    r = wb_cli("claim", "similar", "1", "--min-score", "1.5", "--json")
    error = r.error()
    assert r.code == 2 and error["kind"] == "usage"
    assert "min score must be between 0 and 1 (got 1.5)" in error["message"]


def test_json_after_a_double_dash_is_an_argument_not_the_flag(wb_cli: Run, claim: str) -> None:
    r = wb_cli("note", "add", "99", "--", "--json")
    assert r.code == 1 and r.err.startswith("error: no claim #99")


@pytest.mark.parametrize(
    ("raised", "kind", "code"),
    [
        (OSError(13, "Permission denied", "x.txt"), "file_error", 1),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), "encoding", 1),
        (click.Abort(), "aborted", 1),
        (click.ClickException("cannot write out.txt"), "file_error", 1),
    ],
)
def test_failures_outside_the_library_have_kinds_too(
    capsys: pytest.CaptureFixture[str], raised: BaseException, kind: str, code: int
) -> None:
    @click.command()
    @click.option("--json", "as_json", is_flag=True)
    def failing(as_json: bool) -> None:
        raise raised

    with pytest.raises(SystemExit) as done:
        run(failing, ["--json"])
    assert done.value.code == code
    error = json.loads(capsys.readouterr().err)["error"]
    assert error["kind"] == kind


@pytest.mark.parametrize("args", [["claim", "show", "-1"], ["doc", "show", "-5", "--json"]])
def test_a_negative_id_is_told_as_an_id_not_an_option(wb_cli: Run, args: list[str]) -> None:
    """A trial: `claim show -1` said "No such option '-1'"."""
    r = wb_cli(*args)
    assert r.code == 2 and r.out == ""
    assert f"{args[2]} is no id: ids are whole numbers from 1" in r.err
    assert f"see `workbench {args[0]} show --help`" in r.err


def test_ctrl_c_is_an_interrupt_not_a_refusal(capsys: pytest.CaptureFixture[str]) -> None:
    """click turns Ctrl-C into Abort: it still ends with the shell's 130 and says nothing
    half-written was committed (a trial got "aborted" and 1, the code of a refusal)."""

    @click.command()
    def interrupted() -> None:
        raise KeyboardInterrupt

    with pytest.raises(SystemExit) as done:
        run(interrupted, [])
    assert done.value.code == 130
    assert "interrupted; nothing half-written was committed" in capsys.readouterr().err


@pytest.mark.parametrize("error_type", ERROR_TYPES, ids=lambda t: t.kind)
def test_every_library_error_type_has_its_own_kind(
    capsys: pytest.CaptureFixture[str], error_type: type[WorkbenchError]
) -> None:
    @click.command()
    @click.option("--json", "as_json", is_flag=True)
    def failing(as_json: bool) -> None:
        raise error_type("refused for a reason")

    with pytest.raises(SystemExit) as done:
        run(failing, ["--json"])
    assert done.value.code == 1
    error = json.loads(capsys.readouterr().err)["error"]
    assert error == {"kind": error_type.kind, "message": "refused for a reason"}
    kinds = [t.kind for t in ERROR_TYPES]
    assert len(set(kinds)) == len(kinds) and error_type.kind.replace("_", "").isalpha()


@pytest.mark.skipif(bool(PG_URL), reason="SQLite is backed up to a file; PostgreSQL by pg_dump")
def test_a_file_into_a_missing_folder_is_a_file_error_for_a_backup_as_for_a_bundle(
    wb_cli: Run, claim: str, tmp_path: Path
) -> None:
    """A researcher's nightly script wrote `backup` and `export bundle` into a dated folder it
    had not made yet, and tested `.error.kind == "file_error"` as errors.md says of a file that
    could not be written: the bundle said file_error, the backup the same sentence as
    invalid_input, so the script took it for bad input and did not retry."""
    missing = tmp_path / "nightly"
    kinds = {}
    for args in (
        ["backup", str(missing / "desk.db")],
        ["export", "bundle", str(missing / "b.zip")],
    ):
        r = wb_cli(*args, "--json")
        assert r.code == 1 and r.out == ""
        error = r.error()
        assert error["message"].endswith(f"the folder {missing} does not exist")
        kinds[args[0]] = error["kind"]
    assert kinds == {"backup": "file_error", "export": "file_error"}
