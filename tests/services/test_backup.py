"""`workbench backup`: a copy that verifies and replays, taken while the database is in use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.domain.errors import InvalidInput
from workbench.services.backup import backup, pg_dump_command
from workbench.services.chain_head import chain_head
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.verify import verify_database


@pytest.mark.skipif(bool(PG_URL), reason="the SQLite backup API; PostgreSQL prints pg_dump")
def test_backup_restores_to_a_verified_replayable_database(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    cid = add_claim(wb, doc, "founded", SpanRequest(quote="2021年底")).id
    add_note(wb, cid, "before the backup")
    head = chain_head(wb)
    copy = tmp_path / "backup.db"
    done = backup(wb, str(copy))
    assert done.head == head and done.path == str(copy)
    add_note(wb, cid, "after the backup: not in the copy")

    # The documented restore: put the copy in place, then verify and replay it.
    restored = tmp_path / "restored.db"
    shutil.copyfile(copy, restored)
    assert not (tmp_path / "restored.db-wal").exists()
    back = Workbench(url=f"sqlite:///{restored}", actor="tester")
    assert verify_database(back, head=head.hash, count=head.count).ok
    assert verify_database(back).count == head.count
    assert replay(back).consistent
    env = {"WORKBENCH_DB": str(restored), "WORKBENCH_USER": "tester"}
    assert run_cli(["audit", "verify", "--head", head.hash], env=env).code == 0
    assert run_cli(["audit", "replay"], env=env).out.startswith("consistent")


@pytest.mark.skipif(bool(PG_URL), reason="SQLite files")
def test_backup_never_overwrites(wb: Workbench, tmp_path: Path) -> None:
    add_document(wb, "一段。".encode())
    target = tmp_path / "exists.db"
    target.write_text("precious")
    with pytest.raises(InvalidInput, match="never overwrites"):
        backup(wb, str(target))
    assert target.read_text() == "precious"
    with pytest.raises(FileNotFoundError, match="does not exist"):
        backup(wb, str(tmp_path / "no" / "dir.db"))


def test_postgresql_gets_the_pg_dump_command() -> None:
    url = "postgresql+psycopg://desk:secret@db.example:5433/claims?options=-csearch_path%3Dwb1"
    command = pg_dump_command(url, "claims dump")
    assert command == (
        "pg_dump --format=custom --no-comments '--file=claims dump' --schema=wb1 "
        "--extension=pg_trgm "
        "postgresql://desk@db.example:5433/claims"
    )
    assert "secret" not in command


@pytest.mark.skipif(bool(PG_URL), reason="the SQLite backup API; PostgreSQL prints pg_dump")
def test_a_backup_to_a_drive_without_hard_links_is_a_copy(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`os.link` fails on exFAT (a USB stick, where a backup often goes)."""
    import errno
    import os

    def no_links(src: str, dst: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    add_document(wb, "MiniMax在2021年底创业。".encode())
    head = chain_head(wb)
    monkeypatch.setattr(os, "link", no_links)
    copy = tmp_path / "stick" / "backup.db"
    copy.parent.mkdir()
    assert backup(wb, str(copy)).head == head
    assert verify_database(Workbench(url=f"sqlite:///{copy}", actor="t")).count == head.count
    assert [p.name for p in copy.parent.iterdir()] == ["backup.db"]


def test_the_pg_dump_command_keeps_the_query_quoted_without_the_password() -> None:
    """The command printed dropped the URL's query whole (trial56): a server named by
    `?host=...&port=...` or a required `sslmode` was lost. The query is kept now, shell-quoted
    (its `&` would otherwise end the command), with the password left out in either form and
    the search_path given as --schema, any other `options` kept."""
    import shlex

    url = (
        "postgresql+psycopg://desk:s3cret@/claims?host=%2Fvar%2Frun%2Fpg&port=6432"
        "&password=hunter2&sslmode=require&options=-csearch_path%3Dwb1%20-cstatement_timeout%3D0"
    )
    command = pg_dump_command(url, "c.dump")
    assert shlex.split(command) == [
        "pg_dump",
        "--format=custom",
        "--no-comments",
        "--file=c.dump",
        "--schema=wb1",
        "--extension=pg_trgm",
        "postgresql://desk@/claims?host=%2Fvar%2Frun%2Fpg&port=6432&sslmode=require"
        "&options=-cstatement_timeout%3D0",
    ]
    assert "s3cret" not in command and "hunter2" not in command


@pytest.mark.parametrize(("name", "why"), [("", "empty name"), ("a\0b", "NUL byte")])
def test_a_backup_name_that_is_no_files_is_refused(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, why: str
) -> None:
    """By domain.file_name's rule, as load_seed's name and the CLI's FILE: backup(wb, "") was
    refused as " exists: a backup never overwrites a file" (the folder . exists), and a NUL
    byte was a ValueError from making the copy, the desk opened first (rrexits)."""
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(InvalidInput, match=why):
        backup(wb, name)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
