"""fix206: a `--json` write refused after this command set up or upgraded the SQLite file.

docs/json.md promises that a command run with `--json` that exits 1 leaves one line on stderr,
the error object. The lines said when the command's context closes came first: "created a
new workbench database at ./desk.db, kept: another process has it open" (a refused write
whose new file could not be taken back) and "upgraded the database schema from A to B" (an
older file upgraded by the first use, then the write refused), and a script's
`json.loads(stderr)` failed on them instead of reading the refusal. Without `--json` they are
still said, before the error line.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import workbench.services.new_database as new_database
from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import database_revision, upgrade

OLDER = "0008_similar_meta"


def kept_open(db: Path, monkeypatch: pytest.MonkeyPatch) -> list[sqlite3.Connection]:
    """Another process reads the new file as the refused write would take it back."""
    real = new_database.take_back
    readers: list[sqlite3.Connection] = []

    def with_a_reader(wb: new_database.SetUp) -> None:
        reader = sqlite3.connect(db)
        reader.execute("SELECT count(*) FROM events").fetchall()
        readers.append(reader)
        real(wb)

    monkeypatch.setattr(new_database, "take_back", with_a_reader)
    return readers


def test_a_json_refusal_after_a_kept_new_file_is_the_error_object_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`note add --json` on a new file another process opened: stderr was the "created ...,
    kept" line, then the error object; it is the error object alone."""
    db = tmp_path / "desk.db"
    readers = kept_open(db, monkeypatch)
    monkeypatch.chdir(tmp_path)
    r = run_cli(["--db", str(db), "--as", "editor", "note", "add", "7", "循环笔记", "--json"])
    for reader in readers:
        reader.close()
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    assert json.loads(r.err)["error"]["kind"] == "not_found", r.err
    assert db.exists()


def test_without_json_the_kept_new_file_is_still_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The person reading stderr is still told the file was kept, and why."""
    db = tmp_path / "desk.db"
    readers = kept_open(db, monkeypatch)
    monkeypatch.chdir(tmp_path)
    r = run_cli(["--db", str(db), "--as", "editor", "note", "add", "7", "循环笔记"])
    for reader in readers:
        reader.close()
    assert r.code == 1, r.err
    assert r.err.splitlines()[0].startswith("created a new workbench database at ./desk.db, kept")


@pytest.mark.skipif(bool(PG_URL), reason="SQLite: a file upgraded by its first use")
def test_a_json_refusal_after_the_first_use_upgraded_the_file_is_the_error_object_alone(
    empty_db_url: str,
) -> None:
    """An older file, upgraded by a `note add --json` then refused (no such claim): stderr was
    "upgraded the database schema from ... to ...", then the error object."""
    upgrade(get_engine(empty_db_url), OLDER)
    r = run_cli(["--db", empty_db_url, "--as", "editor", "note", "add", "7", "笔记", "--json"])
    assert database_revision(get_engine(empty_db_url)) == HEAD_REVISION
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    assert json.loads(r.err)["error"]["kind"] == "not_found", r.err


@pytest.mark.skipif(bool(PG_URL), reason="SQLite: a file upgraded by its first use")
def test_a_json_command_that_succeeds_still_says_the_upgrade(empty_db_url: str) -> None:
    """Done, a `--json` command's stderr holds notices (docs/json.md): the upgrade is said."""
    upgrade(get_engine(empty_db_url), OLDER)
    r = run_cli(["--db", empty_db_url, "claim", "list", "--json"])
    assert r.code == 0, r.err
    assert r.err == f"upgraded the database schema from {OLDER} to {HEAD_REVISION}\n"
