"""A desk kept in a schema of its own, backed up with the pg_dump command `workbench backup`
prints and restored as docs/backup.md says, keeps its four trigram search indexes.

Was: the command named the desk's schema alone (`--schema=desk`), and pg_dump then leaves every
extension out, pg_trgm included (in the desk's schema or in public): pg_restore said "errors
ignored on restore: 4", the indexes on gin_trgm_ops were gone, and search went on as a scan of
every row with nothing saying so (review297)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import PG_URL, Result, pg_schema_of
from workbench.db.url import libpq_uri, resolve_url
from workbench.services.backup import pg_dump_command

Main = Callable[..., Result]

TRIGRAM_INDEXES = {
    "ix_claims_text_trgm",
    "ix_claims_quote_trgm",
    "ix_notes_body_trgm",
    "ix_evidence_title_trgm",
}


def test_a_desk_schema_s_dump_takes_pg_trgm_with_it() -> None:
    command = shlex.split(
        pg_dump_command("postgresql://desk@db/claims?options=-csearch_path%3Dwb1", "c.dump")
    )
    assert "--schema=wb1" in command and "--extension=pg_trgm" in command, command


def test_a_whole_database_s_dump_names_no_extension() -> None:
    """Without --schema pg_dump takes every extension; --extension would narrow that."""
    command = pg_dump_command("postgresql://desk@db/claims", "c.dump")
    assert "--extension" not in command, command


@pytest.mark.skipif(not PG_URL, reason="pg_dump is PostgreSQL's")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="needs pg_dump and pg_restore")
def test_the_printed_backup_restores_the_trigram_indexes(
    db_url: str, workbench_main: Main, tmp_path: Path
) -> None:
    dump = tmp_path / "desk.dump"
    r = workbench_main(["--db", db_url, "backup", str(dump)])
    assert r.code == 0, r.err
    printed = r.out.strip().splitlines()[0]
    assert printed.startswith("pg_dump "), r.out
    ran = subprocess.run(shlex.split(printed), capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    admin = create_engine(resolve_url(PG_URL), isolation_level="AUTOCOMMIT")
    restored = "wbt_restore_" + uuid.uuid4().hex[:12]
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{restored}"'))
        there = make_url(resolve_url(PG_URL)).set(database=restored)
        target = libpq_uri(there.render_as_string(hide_password=False))
        ran = subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={target}", str(dump)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert ran.returncode == 0, ran.stderr  # was: "errors ignored on restore: 4"
        check = create_engine(there)
        try:
            with check.connect() as conn:
                found = conn.execute(
                    text("SELECT indexname FROM pg_indexes WHERE schemaname = :schema"),
                    {"schema": pg_schema_of(db_url)},
                ).scalars()
                assert set(found) >= TRIGRAM_INDEXES
        finally:
            check.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)'))
        admin.dispose()
