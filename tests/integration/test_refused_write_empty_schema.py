"""A refused write meeting a database with no desk in it leaves it as it found it (fix98).

On PostgreSQL a write that met an empty schema set the desk up first (the migrations, in a
transaction of their own, committed: fifteen tables, alembic_version, sequences, the guard
functions) and only then checked its change; refused (`note add 7` with no claim #7, a
`claim add` on no document), it kept them all. The next read then answered from an empty desk
(`0 events`, `no claims match`) where it had said there was no desk there: a desk reached
through a mistyped or emptied schema looked intact and empty. SQLite's new files were taken
back already (services.new_database, trial88); PostgreSQL now sets the desk up in the write's
own transaction, so a refusal rolls both back. A schema holding other tables of the user's
keeps them, untouched; a desk that was there is not changed by a refused write.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL, Result, pg_schema_of, run_in_process
from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.revision import current_revision
from workbench.domain.errors import NotFound
from workbench.services.context import Workbench, transaction
from workbench.services.notes import add_note

Main = Callable[..., Result]

# Refused writes, each after the desk would be set up: the change itself is what is refused.
REFUSED = [
    ("note", "add", "7", "循环笔记"),
    ("claim", "add", "1", "--text", "一句话", "--quote", "一句话"),
    ("claim", "tag", "7", "经济"),
]


def _run(url: str, *args: str, input: str | None = None) -> Result:
    return run_in_process(["--db", url, "--as", "editor", *args], input=input)


def _schema_objects(url: str) -> list[tuple[str, str]]:
    """Everything in the URL's schema: relations (tables, sequences, indexes, views), functions,
    types, and extensions that live there."""
    from sqlalchemy import text

    schema = pg_schema_of(url)
    admin = get_engine(PG_URL)
    with admin.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT 'relation', c.relname FROM pg_class c JOIN pg_namespace n"
                " ON n.oid = c.relnamespace WHERE n.nspname = :s"
                " UNION ALL SELECT 'function', p.proname FROM pg_proc p JOIN pg_namespace n"
                " ON n.oid = p.pronamespace WHERE n.nspname = :s"
                " UNION ALL SELECT 'type', t.typname FROM pg_type t JOIN pg_namespace n"
                " ON n.oid = t.typnamespace WHERE n.nspname = :s"
                " UNION ALL SELECT 'extension', e.extname FROM pg_extension e JOIN pg_namespace n"
                " ON n.oid = e.extnamespace WHERE n.nspname = :s"
            ),
            {"s": schema},
        ).all()
    return sorted((str(kind), str(name)) for kind, name in rows)


@pytest.mark.parametrize("args", REFUSED, ids=lambda a: " ".join(a[:2]))
def test_a_refused_write_leaves_an_empty_database_empty(empty_db_url: str, args: Any) -> None:
    """Was (PostgreSQL): the refusal left an empty desk, which the next read reported as
    `0 events`. Now the read still says there is no desk (both backends)."""
    r = _run(empty_db_url, *args)
    assert r.code == 1 and r.err.startswith("error: no "), r.err
    r = _run(empty_db_url, "audit", "head")
    assert r.code == 1, r.out + r.err
    assert "no workbench tables" in r.err or "no database at" in r.err, r.err
    if PG_URL:
        assert _schema_objects(empty_db_url) == []


needs_pg = pytest.mark.skipif(not PG_URL, reason="PostgreSQL only (WORKBENCH_TEST_DATABASE_URL)")


@needs_pg
def test_a_refused_write_leaves_no_table_sequence_function_or_type(empty_db_url: str) -> None:
    """The library's rule, not the CLI's: the schema holds nothing of the workbench after a
    refused write, and the database's extensions are where they were (pg_trgm: in public)."""
    from sqlalchemy import text

    def extensions() -> set[tuple[str, str]]:
        with get_engine(PG_URL).connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT e.extname, n.nspname FROM pg_extension e"
                    " JOIN pg_namespace n ON n.oid = e.extnamespace"
                )
            ).all()
        return {(str(a), str(b)) for a, b in rows}

    before = extensions()
    wb = Workbench.open(empty_db_url, "editor")
    with pytest.raises(NotFound):
        add_note(wb, 7, "循环笔记")
    assert _schema_objects(empty_db_url) == []
    assert extensions() == before
    assert current_revision(get_engine(empty_db_url)) is None


@needs_pg
def test_a_refused_write_leaves_the_users_own_tables_as_they_were(empty_db_url: str) -> None:
    """A schema holding other tables of the user's: they keep their rows, and nothing of the
    workbench's is added beside them."""
    from sqlalchemy import text

    with get_engine(empty_db_url).begin() as conn:
        conn.execute(text("CREATE TABLE recipes (id serial PRIMARY KEY, name text)"))
        conn.execute(text("INSERT INTO recipes (name) VALUES ('汤')"))
    before = _schema_objects(empty_db_url)
    r = _run(empty_db_url, "note", "add", "7", "循环笔记")
    assert r.code == 1 and r.err.startswith("error: no claim #7"), r.err
    assert _schema_objects(empty_db_url) == before
    with get_engine(empty_db_url).connect() as conn:
        assert conn.execute(text("SELECT name FROM recipes")).scalars().all() == ["汤"]


def test_a_write_that_is_made_sets_the_desk_up(empty_db_url: str) -> None:
    """The set-up commits with the write that needed it: the desk is there, at the head."""
    r = _run(empty_db_url, "doc", "add", "-", input="第一篇。")
    assert r.code == 0, r.err
    assert current_revision(get_engine(empty_db_url)) == HEAD_REVISION
    r = _run(empty_db_url, "audit", "head")
    assert r.code == 0 and "1 event" in r.out, r.out + r.err


def test_a_refused_write_on_a_desk_changes_nothing(
    db_url: str, counts: Callable[[], dict[str, int]]
) -> None:
    """A desk that was there: a refused write leaves every table as it was (both backends)."""
    before = counts()
    r = _run(db_url, "note", "add", "7", "循环笔记")
    assert r.code == 1 and r.err.startswith("error: no claim #7"), r.err
    assert counts() == before
    assert current_revision(get_engine(db_url)) == HEAD_REVISION


# Another process's write on the same empty schema, started while this one's set-up is open.
OTHER_WRITE = [sys.executable, "-m", "workbench", "--as", "editor", "doc", "add", "-"]


def _waiting_for_advisory_lock(url: str) -> bool:
    from sqlalchemy import text

    with get_engine(PG_URL).connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    " WHERE l.locktype = 'advisory' AND NOT l.granted"
                    " AND a.query LIKE '%pg_advisory_xact_lock%'"
                    " AND a.application_name = :app"
                ),
                {"app": "fix98-" + pg_schema_of(url)},
            ).first()
        )


@pytest.fixture
def other_writer(empty_db_url: str, tmp_path: Path) -> Iterator[Callable[[str], Writer]]:
    """Starts `doc add -` of a text in another process; its stdin, stdout and stderr are files."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(text: str) -> Writer:
        n = len(procs)
        source, err = tmp_path / f"in{n}.txt", tmp_path / f"err{n}.txt"
        source.write_text(text, encoding="utf-8")
        app = "fix98-" + pg_schema_of(empty_db_url)
        env = {**os.environ, "WORKBENCH_DB": empty_db_url, "PGAPPNAME": app}
        with source.open("rb") as stdin, err.open("wb") as stderr:
            proc = subprocess.Popen(
                OTHER_WRITE, env=env, cwd=tmp_path, stdin=stdin, stdout=stderr, stderr=stderr
            )
        procs.append(proc)
        return Writer(proc, err)

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


class Writer:
    def __init__(self, proc: subprocess.Popen[bytes], output: Path) -> None:
        self.proc, self.output = proc, output

    def running(self) -> bool:
        return self.proc.poll() is None

    def finish(self) -> tuple[int, str]:
        code = self.proc.wait(timeout=120)
        return code, self.output.read_text(encoding="utf-8")


@needs_pg
def test_another_write_waiting_on_the_set_up_makes_the_desk_once_this_one_is_refused(
    empty_db_url: str, other_writer: Callable[[str], Writer]
) -> None:
    """Two writes meet the same empty schema: this one sets the desk up in its transaction,
    the other waits for the lock meanwhile. This one is refused (rolled back, set-up and all);
    the other then sets the desk up itself, and its write is made: one desk, its one event."""
    wb = Workbench.open(empty_db_url, "editor")
    with pytest.raises(RuntimeError, match="refused here"), transaction(wb, write=True):
        other = other_writer("第一篇。")
        deadline = time.monotonic() + 60
        while not _waiting_for_advisory_lock(empty_db_url):
            assert other.running(), other.finish()
            assert time.monotonic() < deadline, "the other write never waited"
            time.sleep(0.05)
        raise RuntimeError("refused here")
    code, said = other.finish()
    assert code == 0, said
    assert current_revision(get_engine(empty_db_url)) == HEAD_REVISION
    r = _run(empty_db_url, "audit", "head")
    assert r.code == 0 and "1 event," in r.out, r.out + r.err


@needs_pg
def test_writes_starting_together_on_an_empty_schema_all_succeed(
    empty_db_url: str, other_writer: Callable[[str], Writer]
) -> None:
    """As test_parallel_migrations, for ordinary writes: one sets the desk up, the others wait
    for it and write into it."""
    writers = [other_writer(f"第{n}篇。") for n in "一二三"]
    for writer in writers:
        code, said = writer.finish()
        assert code == 0, said
    r = _run(empty_db_url, "audit", "head")
    assert r.code == 0 and "3 events" in r.out, r.out + r.err
