"""review112: a search index damaged in its FTS5 tables other than the structure record.

fix109 told a damaged search index (FTS5's claim_fts) from a damaged file when FTS5 says
SQLITE_CORRUPT_VTAB or a write meets a bare constraint failure. An index whose settings record
(claim_fts_config, its `version` row) is emptied by hand, as review105 emptied the structure
record, makes SQLite say SQLITE_ERROR ("invalid fts5 file format (found 0, expected 4) - run
'rebuild'") on every statement that opens the table: `audit verify` crashed with that
OperationalError (a traceback: its spot check re-raised it), every write to claims or notes
and every search said "database error: ..." (kind storage, "try again"), and `db upgrade`
failed the same way. With the index's own data table gone (claim_fts_data dropped), the writes
said the index is damaged and `db upgrade` rebuilds it, and `db upgrade` then failed with "no
such table: claim_fts_data": the refusal's one way back did not work.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import rebuilt_keeping_the_work, small_desk
from tests.inprocess import err_line, ok, run_cli
from workbench.services.chain_head import chain_head
from workbench.services.context import Workbench

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is an FTS5 table")

# By hand, as SQL can: the index's settings emptied, or its data table (structure record and
# segments) dropped. The file's pages stay sound.
CONFIG_EMPTIED = "DELETE FROM claim_fts_config"
DATA_DROPPED = "DROP TABLE claim_fts_data"


def _damage(path: Path, statement: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(statement)
        conn.commit()


def test_audit_verify_says_the_search_index_is_damaged_when_its_settings_are_emptied(
    wb: Workbench,
) -> None:
    path, env = small_desk(wb)
    _damage(path, CONFIG_EMPTIED)
    r = run_cli(["audit", "verify"], env=env)
    assert r.crash is None, r.crash
    assert "OK" not in r.out, r.out
    err_line(r, 1, f"the search index of the database file {path} is damaged")
    assert "invalid fts5 file format" in r.err, r.err
    assert "`workbench db upgrade` rebuilds it" in r.err, r.err
    j = run_cli(["audit", "verify", "--json"], env=env)
    assert j.crash is None, j.crash
    assert json.loads(j.err)["error"]["reason"] == "damaged_search_index", j.err


@pytest.mark.parametrize(
    "args",
    [["note", "add", "1", "来源已核实"], ["claim", "list", "--search", "2021年底"]],
    ids=["write", "search"],
)
def test_a_command_over_emptied_index_settings_names_the_index_and_db_upgrade(
    wb: Workbench, args: list[str]
) -> None:
    path, env = small_desk(wb)
    _damage(path, CONFIG_EMPTIED)
    r = run_cli([*args, "--json"], env=env)
    assert r.crash is None, r.crash
    assert r.code == 1, r
    error = json.loads(r.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_search_index", error
    assert error["hint"] == {"kind": "run", "step": "rebuild_search_index"}, error


@pytest.mark.parametrize("damage", [CONFIG_EMPTIED, DATA_DROPPED], ids=["config", "data"])
def test_db_upgrade_rebuilds_an_index_whose_own_tables_are_damaged(
    wb: Workbench, damage: str
) -> None:
    path, env = small_desk(wb)
    ok(run_cli(["note", "add", "1", "来源已核实"], env=env))
    head = chain_head(wb)
    _damage(path, damage)
    rebuilt_keeping_the_work(wb, path, env, head)
