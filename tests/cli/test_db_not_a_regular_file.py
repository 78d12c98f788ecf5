"""`--db` naming something that is not a file (a FIFO, /dev/null, /dev/zero, a folder): `db
status` said "empty: not created yet (`workbench db upgrade` creates it)", and `db upgrade`
then failed with "disk I/O error"; a read said the device "holds no workbench tables (another
program's database?)" and offered `db upgrade`; a folder gave "unable to open database file".
A database is a file: each command that opens --db now says at once what the path is, in one
line, exit 1, and nothing is made there (trial252)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

COMMANDS = [
    ["db", "status"],
    ["db", "status", "--json"],
    ["db", "upgrade"],
    ["doc", "list"],
    ["audit", "head"],
    ["audit", "verify"],
    ["demo"],
]


def run(db: str, *args: str) -> Outcome:
    return run_cli(list(args), env={"WORKBENCH_DB": db, "WORKBENCH_USER": "t"})


def refusal(r: Outcome) -> str:
    assert r.crash is None, repr(r.crash)
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1, r.err
    return r.err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_as_the_database_is_said_at_once(device: str, args: list[str]) -> None:
    err = refusal(run(device, *args))
    assert f"no database at {device}: it is not a regular file (a device, pipe or socket)" in err
    assert "upgrade" not in err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_fifo_as_the_database_is_said_at_once(tmp_path: Path, args: list[str]) -> None:
    fifo = tmp_path / "desk.db"
    os.mkfifo(fifo)
    err = refusal(run(str(fifo), *args))
    assert f"no database at {fifo}: it is not a regular file (a device, pipe or socket)" in err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_folder_as_the_database_is_said_at_once(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    err = refusal(run(str(folder), *args))
    assert f"no database at {folder}: it is a directory, not a file" in err
    assert list(folder.iterdir()) == []


def test_a_link_to_a_fifo_is_said_as_the_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "desk.db"
    link.symlink_to(fifo)
    err = refusal(run(str(link), "db", "status"))
    assert f"no database at {fifo}: it is not a regular file" in err  # the path resolved


def test_backup_from_a_device_writes_nothing(tmp_path: Path) -> None:
    err = refusal(run("/dev/null", "backup", str(tmp_path / "copy.db")))
    assert "not a regular file" in err
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_link_to_itself_is_said_as_one(tmp_path: Path, args: list[str]) -> None:
    """`db status` said the system's raw 'Too many levels of symbolic links: PATH', where
    the reads said what it is (trial252)."""
    link = tmp_path / "desk.db"
    link.symlink_to("desk.db")
    err = refusal(run(str(link), *args))
    assert f"no database at {link}: it is a symbolic link to desk.db, which loops" in err


def test_a_folder_on_the_way_that_leads_to_itself(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    path = tmp_path / "loop" / "desk.db"
    for args in (["db", "status"], ["db", "upgrade"], ["doc", "list"]):
        err = refusal(run(str(path), *args))
        # The words every path through such a loop gets (review261), reads and outputs alike.
        assert (
            f"no database at {path}: a symbolic link on the way to it loops "
            "(Too many levels of symbolic links)" in err
        )
