"""trial96: a desk on a disk that has filled up. Every command, a read too, said `error: cannot
open database sqlite:///...: disk I/O error`: SQLite in WAL mode makes a 32 KB -shm file beside
the database when it opens it, and with no room for it answers SQLITE_IOERR_SHMSIZE, "disk I/O
error", which reads as a failing drive. Nothing said the disk was full, or what to do."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.inprocess import err_line, run_cli

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="a SQLite file on a full disk")


class _Full:
    f_bavail = 0
    f_frsize = 4096


def test_a_database_that_cannot_be_opened_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.db.url import cannot_open

    db = tmp_path / "w.db"
    db.write_bytes(b"")
    url = f"sqlite:///{db}"
    assert cannot_open(url, "disk I/O error").endswith("disk I/O error")  # room left: as said
    monkeypatch.setattr(os, "statvfs", lambda path: _Full())
    said = cannot_open(url, "disk I/O error")
    assert said.endswith(
        f"disk I/O error (the disk holding {tmp_path} is full: SQLite needs room beside the "
        "database for its -wal and -shm files, reads included; free some space)"
    ), said


@pytest.fixture
def full_disk(tmp_path: Path, sqlite_template: Path) -> Iterator[Path]:
    """A small tmpfs holding a desk, then filled to the last block (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        shutil.copyfile(sqlite_template, mnt / "desk.db")
        with open(mnt / "fill", "wb", buffering=0) as fill:
            try:
                while True:
                    fill.write(b"\0" * 4096)
            except OSError:
                pass  # the disk is full
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_read_on_a_full_disk_says_so_and_the_desk_is_intact_once_room_is_made(
    full_disk: Path,
) -> None:
    env = {"WORKBENCH_DB": str(full_disk / "desk.db"), "WORKBENCH_USER": "tester"}
    r = run_cli(["claim", "list"], env=env)
    err_line(r, 1, f"the disk holding {full_disk} is full")
    (full_disk / "fill").unlink()
    assert run_cli(["audit", "verify"], env=env).code == 0
    assert sorted(p.name for p in full_disk.iterdir()) == ["desk.db"]


def test_a_new_desk_started_on_a_full_disk_leaves_a_file_read_as_not_set_up_yet(
    full_disk: Path,
) -> None:
    """review290: `--db new.db demo` on a full disk failed in one line but left a 0-byte
    new.db, and the next command called it an emptied desk to restore from a backup, a desk
    that never was. The file stays (as a `touch` would leave it); the read says first that no
    desk is set up in it yet, then the hint for a desk that was emptied; a write sets it up."""
    new = full_disk / "new.db"
    env = {"WORKBENCH_DB": str(new), "WORKBENCH_USER": "tester"}
    r = run_cli(["demo"], env=env)
    err_line(r, 1, f"the disk holding {full_disk} is full")
    assert sorted(p.name for p in full_disk.iterdir()) == ["desk.db", "fill", "new.db"]
    assert new.stat().st_size == 0
    r = run_cli(["claim", "list"], env=env)
    err_line(
        r,
        1,
        f"{new} is an empty file: no desk is set up in it yet (a first write that failed "
        "before setting it up leaves one, as `touch` does), or it was emptied; a read does not "
        "set one up (a write or `workbench db upgrade` does); if it is the desk's file, "
        "restore it from a backup",
    )
    (full_disk / "fill").unlink()
    assert run_cli(["demo"], env=env).code == 0
    assert run_cli(["claim", "list"], env=env).code == 0
