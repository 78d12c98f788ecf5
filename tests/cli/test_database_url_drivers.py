"""`--db` URLs naming a driver (`dialect+driver://`) the workbench does not run on: one line
on stderr, exit 1 or 2, no traceback, and no file left behind by a read."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import run_cli


def test_an_async_sqlite_driver_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """`workbench --db sqlite+aiosqlite:///desk.db claim list` (a URL copied from an async
    application's settings) printed a traceback ending in ModuleNotFoundError: No module named
    'aiosqlite', where `mysql://...` is told "unsupported database URL" in one line."""
    r = run_cli(["--db", f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}", "claim", "list"])
    assert r.crash is None, repr(r.crash)
    lines = r.err.strip().splitlines()
    assert r.code in (1, 2) and len(lines) == 1 and lines[0].startswith("error: "), r


def test_a_read_through_an_explicit_pysqlite_url_refuses_a_missing_file(tmp_path: Path) -> None:
    """`workbench --db sqlite+pysqlite:///desk.db claim list` (SQLAlchemy's own spelling of the
    default driver) on a missing file created desk.db (its tables and all) and said "database
    error: no such table: claims"; `sqlite:///desk.db` refuses the read ("no database at
    desk.db") and creates nothing."""
    target = tmp_path / "desk.db"
    r = run_cli(["--db", f"sqlite+pysqlite:///{target}", "claim", "list"])
    assert r.crash is None, repr(r.crash)
    assert r.code == 1 and "no database at" in r.err, r
    assert not target.exists()
