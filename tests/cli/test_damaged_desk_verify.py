"""trial96: `audit verify` said OK over a damaged SQLite file.

With the claims table's root page zeroed, `audit verify` printed `OK 32 events` (exit 0): the
walk reads the events table alone, and SQLite finds damage only on the pages it reads, while
`claim list` failed with "database disk image is malformed". An editor signing off the trail
was told the desk was sound.
Now verify (database mode, SQLite) also has SQLite check every page (`PRAGMA quick_check`): a
damaged file is a failure, exit 1, kind `damaged` (reason `damaged_database`), one line naming
the first problems SQLite finds and that the chain itself holds.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import small_desk, zero_root_page
from tests.inprocess import err_line, ok, run_cli
from workbench.domain.errors import DamagedRecord
from workbench.services.chain_head import chain_head
from workbench.services.context import Workbench
from workbench.services.verify import verify_database

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="the damage is written into a SQLite file")


_desk = small_desk


def test_verify_of_a_file_with_a_damaged_page_fails_though_the_chain_holds(
    wb: Workbench,
) -> None:
    path, env = _desk(wb)
    head = chain_head(wb)
    ok(run_cli(["audit", "verify"], env=env))
    root = zero_root_page(path, "claims")
    r = run_cli(["audit", "verify"], env=env)
    assert r.crash is None, r.crash
    assert "OK" not in r.out, r.out
    err_line(r, 1, f"the database file {path} is damaged: SQLite's check finds Page {root}")
    assert f"its audit chain holds ({head.count} events, head {head.hash})" in r.err, r.err
    assert "restore it from a backup" in r.err, r.err
    j = run_cli(["audit", "verify", "--json"], env=env)
    assert j.code == 1 and j.out == "", j
    error = json.loads(j.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_database", error
    with pytest.raises(DamagedRecord, match=f"Page {root}"):
        verify_database(wb)


def test_verify_of_a_file_whose_events_are_damaged_is_damaged_too(wb: Workbench) -> None:
    path, env = _desk(wb)
    zero_root_page(path, "events")
    r = run_cli(["audit", "verify", "--json"], env=env)
    assert r.code == 1 and r.out == "", r
    error = json.loads(r.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_database", error
