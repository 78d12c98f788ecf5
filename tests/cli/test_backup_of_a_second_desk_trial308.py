"""A second desk in its own schema of a database, set up after the first desk put pg_trgm in
its schema, is backed up with the pg_dump command `workbench backup` prints and restored as it
says, and keeps its four trigram search indexes.

trial308 met: the desk `other` beside the desk `desk` (README: `-csearch_path%3Ddesk`, each in
its own schema); the first desk's set-up installed pg_trgm in `desk`, and 0016 made `other`'s
indexes on `desk.gin_trgm_ops`. The dump (`--schema=other --extension=pg_trgm`) names the
extension in `desk`, which it does not hold: pg_restore into a new database said `schema "desk"
does not exist` six times, the indexes were gone, `db status` said `current`, and search went
on as a scan of every row. `backup` said nothing of it."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from tests.conftest import PG_URL, Result
from workbench.db.url import libpq_uri, resolve_url
from workbench.services.backup import backup
from workbench.services.context import Workbench

pytestmark = pytest.mark.skipif(not PG_URL, reason="two desks in one PostgreSQL database")

Main = Callable[..., Result]

TRIGRAM_INDEXES = {
    "ix_claims_text_trgm",
    "ix_claims_quote_trgm",
    "ix_notes_body_trgm",
    "ix_evidence_title_trgm",
}


def _admin() -> Engine:
    return create_engine(resolve_url(PG_URL), isolation_level="AUTOCOMMIT")


def _database_url(name: str) -> str:
    there = make_url(resolve_url(PG_URL)).set(database=name)
    return libpq_uri(there.render_as_string(hide_password=False))


@pytest.fixture
def two_desks(workbench_main: Main) -> Iterator[tuple[str, str]]:
    """A new database holding the desk `first` and, set up after it, the desk `second`, each
    reached with its own schema alone on its search_path; yields the database and the second
    desk's URL."""
    database = "wbt_two_desks_" + uuid.uuid4().hex[:12]
    admin = _admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    base = _database_url(database)
    with create_engine(base, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text("CREATE SCHEMA first"))
        conn.execute(text("CREATE SCHEMA second"))
    second = base + "?options=-csearch_path%3Dsecond"
    try:
        for schema in ("first", "second"):
            url = base + f"?options=-csearch_path%3D{schema}"
            r = workbench_main(["--db", url, "--as", "editor", "demo"])
            assert r.code == 0, r.err
        yield database, second
    finally:
        # WITH (FORCE): the workbench's pooled connections to it are ended with it.
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def test_backup_names_the_schema_a_second_desk_s_pg_trgm_is_in(
    two_desks: tuple[str, str],
) -> None:
    """The rule: the extension the dump takes lives in another desk's schema, which the dump
    leaves out, so the restore needs that schema made first."""
    _, second = two_desks
    b = backup(Workbench(url=second, actor="editor"), "second.dump")
    assert b.command is not None and "--schema=second" in b.command
    assert b.extension_schema == "first"


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="needs pg_dump and pg_restore")
def test_the_printed_backup_of_a_second_desk_restores_its_trigram_indexes(
    two_desks: tuple[str, str], workbench_main: Main, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, second = two_desks
    dump = tmp_path_factory.mktemp("dump") / "second.dump"
    r = workbench_main(["--db", second, "backup", str(dump)])
    assert r.code == 0, r.err
    ran = subprocess.run(
        shlex.split(r.out.strip().splitlines()[0]), capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    # What the DBA is told to do before pg_restore (was: nothing).
    assert "CREATE SCHEMA first" in r.err, r.err
    restored = "wbt_restore_" + uuid.uuid4().hex[:12]
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{restored}"'))
        target = _database_url(restored)
        with create_engine(target, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text("CREATE SCHEMA first"))
        ran = subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={target}", str(dump)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert ran.returncode == 0, ran.stderr  # was: schema "desk" does not exist, 6 times
        check = create_engine(target)
        try:
            with check.connect() as conn:
                found = conn.execute(
                    text("SELECT indexname FROM pg_indexes WHERE schemaname = 'second'")
                ).scalars()
                assert set(found) >= TRIGRAM_INDEXES
        finally:
            check.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)'))
        admin.dispose()
