"""review105 #5: a damaged search index was said as a damaged file, with no way back but a
restore.

With the FTS5 index claim_fts's structure record overwritten by hand (its tables' pages
sound), every write to claims or notes said "the database file ... is damaged (SQLite: vtable
constructor failed: claim_fts); restore it from a backup", which throws away every change
since that backup, for an index derived from the tables; with the record emptied instead,
the same writes said `database error: constraint failed` (kind `storage`, "try again").
`audit verify` said OK either way (quick_check does not read inside FTS5), and `db upgrade`,
the documented rebuild of the index, failed as the writes did.
Now the refusal names the search index and `workbench db upgrade` (reason
`damaged_search_index`), `audit verify` finds it, and `db upgrade` rebuilds the index from the
tables and says so, keeping every change.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import (
    EMPTY_STRUCTURE,
    UNREADABLE_STRUCTURE,
    damage_search_index,
    rebuilt_keeping_the_work,
    small_desk,
)
from tests.inprocess import err_line, ok, run_cli
from workbench.services.chain_head import chain_head
from workbench.services.context import Workbench

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is an FTS5 table")

BOTH = pytest.mark.parametrize(
    "block", [UNREADABLE_STRUCTURE, EMPTY_STRUCTURE], ids=["unreadable", "emptied"]
)


@BOTH
def test_db_upgrade_rebuilds_a_damaged_search_index_and_keeps_the_work(
    wb: Workbench, block: bytes
) -> None:
    path, env = small_desk(wb)
    ok(run_cli(["note", "add", "1", "来源已核实"], env=env))
    head = chain_head(wb)
    damage_search_index(path, block)
    rebuilt_keeping_the_work(wb, path, env, head)


@BOTH
def test_a_write_over_a_damaged_search_index_names_it_and_db_upgrade(
    wb: Workbench, block: bytes
) -> None:
    path, env = small_desk(wb)
    damage_search_index(path, block)
    r = run_cli(["note", "add", "1", "来源已核实"], env=env)
    assert r.crash is None, r.crash
    err_line(r, 1, f"the search index of the database file {path} is damaged")
    assert "`workbench db upgrade` rebuilds it" in r.err, r.err
    assert "restore it from a backup" not in r.err, r.err
    j = run_cli(["note", "add", "1", "来源已核实", "--json"], env=env)
    assert j.code == 1, j
    error = json.loads(j.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_search_index", error
    assert error["hint"] == {"kind": "run", "step": "rebuild_search_index"}, error


@BOTH
def test_audit_verify_finds_a_damaged_search_index(wb: Workbench, block: bytes) -> None:
    path, env = small_desk(wb)
    ok(run_cli(["audit", "verify"], env=env))
    damage_search_index(path, block)
    r = run_cli(["audit", "verify"], env=env)
    assert r.crash is None, r.crash
    assert "OK" not in r.out, r.out
    err_line(r, 1, f"the search index of the database file {path} is damaged")
    assert "its audit chain holds (2 events" in r.err, r.err
    assert "`workbench db upgrade` rebuilds it" in r.err, r.err
    j = run_cli(["audit", "verify", "--json"], env=env)
    assert json.loads(j.err)["error"]["reason"] == "damaged_search_index", j.err
