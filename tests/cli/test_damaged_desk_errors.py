"""trial96: a SQLite desk with a damaged page was said as a storage failure.

With the claims table's root page zeroed, `claim list`, `claim show` and `note add` said
`database error: database disk image is malformed` under the kind `storage`, which
docs/errors.md keeps for a database that cannot be opened or answers with an error (a full
disk, an I/O error), and nothing said what to do. With the first page zeroed, every command
said `cannot open database ...: file is not a database`, kind `storage` too.
Now SQLite's SQLITE_CORRUPT and SQLITE_NOTADB are the kind `damaged` (reason
`damaged_database`), on every command, and the line says to restore from a backup
(docs/backup.md, Restore).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import PG_URL
from tests.damaged_file import small_desk, zero_page, zero_root_page
from tests.inprocess import err_line, run_cli
from workbench.services.context import Workbench

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="the damage is written into a SQLite file")


_desk = small_desk


@pytest.mark.parametrize(
    "args",
    [["claim", "list"], ["claim", "show", "1"], ["note", "add", "1", "a note"], ["stats"]],
)
def test_a_damaged_page_is_said_as_damage_with_the_way_back(wb: Workbench, args: list[str]) -> None:
    path, env = _desk(wb)
    zero_root_page(path, "claims")
    r = run_cli(args, env=env)
    assert r.crash is None, r.crash
    err_line(r, 1, f"the database file {path} is damaged")
    assert "database disk image is malformed" in r.err, r.err
    assert "restore" in r.err and "docs/backup.md" in r.err, r.err
    j = run_cli([*args, "--json"], env=env)
    assert j.code == 1, j
    error = json.loads(j.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_database", error
    assert error["hint"] == {"kind": "run", "step": "restore_backup"}, error


def test_a_damaged_first_page_is_damage_too_or_no_database(wb: Workbench) -> None:
    """SQLITE_NOTADB: the header is gone, or the file was never a database (someone's text
    file given as --db): the line says both, the way back for the first."""
    path, env = _desk(wb)
    zero_page(path, 1)
    r = run_cli(["claim", "list", "--json"], env=env)
    assert r.code == 1, r
    error = json.loads(r.err)["error"]
    assert error["kind"] == "damaged" and error["reason"] == "damaged_database", error
    assert error["message"].startswith(
        f"{path} is not a SQLite database, or its first page is damaged "
        "(SQLite: file is not a database); "
    ), error
    assert error["hint"] == {"kind": "run", "step": "restore_backup", "if_desk": True}, error
    t = run_cli(["audit", "verify"], env=env)
    err_line(t, 1, "or its first page is damaged")
    assert "if it is the desk's file, restore it from a backup" in t.err, t.err
