"""A read of a SQLite file that holds another program's tables sets no desk up in it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]


def test_a_sqlite_file_of_another_program_is_not_made_a_desk_by_a_read(
    cli: Run, tmp_path: Path
) -> None:
    """fix90 noted it: a read of a SQLite file that holds another program's tables gave it the
    workbench's fifteen tables and reported an empty, intact desk ("OK 0 events"). Now it is
    refused as a server's schema without them is, and the file is left as it was."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t(x)")
        conn.execute("insert into t values (1)")
    conn.close()
    for args in (("claim", "list"), ("audit", "verify"), ("audit", "head"), ("stats",)):
        r = cli("--db", str(path), *args)
        assert r.code == 1, (args, r.out)
        assert r.err == (
            f"error: {path} holds no workbench tables (another program's database?): a read "
            "does not set a desk up; check --db, or `workbench db upgrade` sets a desk up in "
            "it, if that is meant\n"
        ), args
    with sqlite3.connect(path) as conn:
        tables = [row[0] for row in conn.execute("select name from sqlite_master")]
    conn.close()
    assert tables == ["t"]


def test_seed_load_sets_a_desk_up_in_it_as_every_write_does(
    workbench_main: Run, tmp_path: Path
) -> None:
    """Was: `seed load` (a write, as `doc add` or the demo, which set a desk up in such a file)
    was refused with the read's words, "a read does not set a desk up": its first step, the
    similar-claims index's catch-up (services.similar.catch_up), is a read transaction of its
    own. Now the catch-up finds nothing to index there and the load sets the desk up."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t(x)")
    conn.close()
    r = workbench_main(["--db", str(path), "--as", "editor", "seed", "load"])
    assert r.code == 0, r.err
    assert "31 claims added" in r.out, r.out
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("select name from sqlite_master")}
    conn.close()
    assert {"t", "claims", "events"} <= tables
