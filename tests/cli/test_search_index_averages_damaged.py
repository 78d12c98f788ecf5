"""review112: `audit verify` said OK over a search index that every write refused.

fix109's spot check opens the index (its structure record) and finds one row of its own by
its first characters. FTS5 keeps one more record every write to it reads: its averages
(claim_fts_data id 1, the rows' count and token totals). With that record deleted by hand,
every write to claims, notes or evidence was refused as a damaged search index (rightly, with
`db upgrade` as the way back), while `audit verify`, the sign-off's check, said "OK".
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import small_desk
from tests.inprocess import err_line, ok, run_cli
from workbench.services.context import Workbench

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is an FTS5 table")


def test_audit_verify_finds_the_index_averages_record_gone(wb: Workbench) -> None:
    path, env = small_desk(wb)
    ok(run_cli(["audit", "verify"], env=env))
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM claim_fts_data WHERE id = 1")
        conn.commit()
    w = run_cli(["note", "add", "1", "来源已核实", "--json"], env=env)
    assert json.loads(w.err)["error"]["reason"] == "damaged_search_index", w.err
    r = run_cli(["audit", "verify"], env=env)
    assert r.crash is None, r.crash
    assert "OK" not in r.out, r.out
    err_line(r, 1, f"the search index of the database file {path} is damaged")
    assert "`workbench db upgrade` rebuilds it" in r.err, r.err
    ok(run_cli(["db", "upgrade"], env=env))
    ok(run_cli(["audit", "verify"], env=env))
    ok(run_cli(["note", "add", "1", "来源已核实"], env=env))
