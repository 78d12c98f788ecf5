"""trial196: five checkers on one desk; a command that had to wait for another writer's lock.

`note add` behind a colleague's long write sat silent for up to 30 s (on a terminal it looked
like a hang), then went on, or was refused with 'the database stayed locked by another
writer', which did not say who was writing. A wait that lasts past a moment is now said once
on stderr, naming the writer where the backend can tell (PostgreSQL: the workbench name of
the write holding the desk's lock; a SQLite file cannot tell, and the notice says so), and
the refusal names the same writer.

No timings are asserted: the lock is held by a second connection of the test for as long as
the test needs, the lock wait is cut short and the notice's threshold set to nothing, and the
wait that ends is ended by the test itself once the library has told it began. Runs on the
backend the suite runs on (WORKBENCH_TEST_DATABASE_URL for PostgreSQL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.db.engine import get_engine
from workbench.db.url import sqlite_file
from workbench.services.context import Workbench, transaction

# The lock wait cut short, so that a refusal comes at once.
SHORT_WAIT_MS = 300


def one_claim(url: str) -> int:
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document

    wb = Workbench(url=url, actor="tester")
    doc = add_document(wb, "甲说了一句话。乙说了另一句话。".encode()).document.id
    return add_claim(wb, doc, "甲说了一句话", SpanRequest(quote="甲说了一句话")).id


@pytest.fixture
def short_waits(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every wait is said at once (no threshold), and runs out after SHORT_WAIT_MS."""
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", SHORT_WAIT_MS)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)
    get_engine(db_url).dispose()  # new connections take the short wait


def is_postgres(url: str) -> bool:
    return url.startswith("postgres")


@contextmanager
def held_by_another_program(url: str) -> Iterator[Any]:
    """The desk's write lock held by a connection that is no workbench's: on SQLite another
    program's write transaction on the file; on PostgreSQL a `psql` session taking the desk's
    append lock. Yields a function that lets go of it."""
    if is_postgres(url):
        from sqlalchemy import create_engine, text

        from workbench.db.pg_locks import APPEND_LOCK_SQL, DESK_LOCK_CLASS

        other = create_engine(url)
        conn = other.connect()
        conn.execute(text("SET application_name = 'psql'"))
        conn.execute(text(APPEND_LOCK_SQL), {"desk_lock": DESK_LOCK_CLASS})
        try:
            yield conn.rollback
        finally:
            conn.close()
            other.dispose()
        return
    path = sqlite_file(url)
    assert path is not None
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("BEGIN IMMEDIATE")
    try:
        yield lambda: raw.execute("ROLLBACK")
    finally:
        raw.close()


@pytest.mark.usefixtures("short_waits")
@pytest.mark.parametrize("writer", ["alice", "王芳"])
def test_a_writer_behind_another_is_told_it_waits_and_for_whom_then_refused_naming_them(
    db_url: str, writer: str
) -> None:
    """Bob's `note add` while Alice's write held the desk: silent, then 'the database stayed
    locked by another writer', with nobody named. Now one line says it waits (on PostgreSQL,
    for Alice; on SQLite, that the file does not say for whom), and the refusal names Alice
    where the backend can tell."""
    claim = one_claim(db_url)
    with transaction(Workbench(url=db_url, actor=writer), write=True):
        outcome = run_cli(
            ["note", "add", str(claim), "等锁"],
            env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"},
        )
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 2, outcome.err
    notice, refusal = lines
    assert notice.startswith("waiting for another writer to finish"), outcome.err
    assert "up to 0.3 s" in notice, notice
    if is_postgres(db_url):
        assert f"({writer} holds the write lock)" in notice, notice
        assert refusal == (
            f"error: the database stayed locked by another writer ({writer}); try the command again"
        ), outcome.err
    else:
        assert "(a SQLite file does not say who holds its write lock)" in notice, notice
        assert refusal == (
            "error: the database stayed locked by another writer; try the command again"
        ), outcome.err


@pytest.mark.usefixtures("short_waits")
def test_a_writer_that_does_not_wait_says_nothing_of_waiting(db_url: str) -> None:
    """The notice is for a wait: a write that finds the desk free prints its confirmation
    alone, even with no threshold at all."""
    claim = one_claim(db_url)
    outcome = run_cli(
        ["note", "add", str(claim), "不等"],
        env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"},
    )
    assert outcome.code == 0, (outcome.code, outcome.out, outcome.err)
    assert "waiting" not in outcome.err, outcome.err


@pytest.mark.usefixtures("short_waits")
def test_the_library_tells_a_wait_began_and_ended_and_who_held_the_lock(db_url: str) -> None:
    """The library's facts, for any front end: the wait began (the bound, and the holder: on
    PostgreSQL a session of a role and a program that is no workbench write; SQLite cannot
    tell) and, once the holder let go, that it ended; the write then goes on."""
    from workbench.services.notes import add_note

    claim = one_claim(db_url)
    facts: list[Any] = []
    with held_by_another_program(db_url) as let_go:

        def heard(fact: Any) -> None:
            facts.append(fact)
            if type(fact).__name__ == "WaitBegan":
                let_go()

        wb = Workbench(url=db_url, actor="bob")
        wb.on_lock_wait = heard
        note = add_note(wb, claim, "等到了")
    assert note.id > 0
    assert [type(f).__name__ for f in facts] == ["WaitBegan", "WaitEnded"], facts
    began = facts[0]
    assert began.bound_ms == SHORT_WAIT_MS
    if is_postgres(db_url):
        assert began.who_known
        assert began.holder is not None
        assert (began.holder.name, began.holder.program) == (None, "psql")
        assert began.holder.role
    else:
        assert not began.who_known
        assert began.holder is None


def test_a_long_name_cut_short_by_the_server_is_said_as_its_start() -> None:
    """The server keeps 63 bytes of a session's application_name: a long Chinese name, cut
    inside one of its letters' escapes, is said as the letters that are whole and '…', never
    as a wrong letter or a decoding error."""
    from workbench.db.pg_append_lock import app_name, holder_of

    kept = app_name("欧阳" * 10)[:63]
    holder = holder_of(kept, "desk", lossy=True)
    assert holder.name == "欧阳欧阳欧阳欧阳…", holder
    assert holder_of(app_name("王芳"), "desk", lossy=True).name == "王芳"
    assert holder_of("psql", "desk", lossy=True).program == "psql"


@pytest.mark.usefixtures("short_waits")
def test_the_refusal_names_who_held_the_lock_when_the_wait_ran_out(db_url: str) -> None:
    """PostgreSQL: the writer named when the wait began had finished, and another had taken
    the lock before this one's turn came; the refusal named the first, who no longer held it.
    It names whoever held the lock as the wait ran out."""
    if not is_postgres(db_url):
        pytest.skip("PostgreSQL names the holder (a SQLite file cannot)")
    from sqlalchemy import create_engine, text

    from workbench.db.pg_locks import APPEND_LOCK_SQL, DESK_LOCK_CLASS
    from workbench.domain.errors import Conflict
    from workbench.services.notes import add_note

    claim = one_claim(db_url)
    other = create_engine(db_url)
    second = other.connect()
    try:
        with held_by_another_program(db_url) as let_go:

            def heard(fact: Any) -> None:
                if type(fact).__name__ == "WaitBegan":
                    let_go()
                    second.execute(text("SET application_name = 'nightly-import'"))
                    second.execute(text(APPEND_LOCK_SQL), {"desk_lock": DESK_LOCK_CLASS})

            wb = Workbench(url=db_url, actor="bob")
            wb.on_lock_wait = heard
            with pytest.raises(Conflict) as refused:
                add_note(wb, claim, "等不到")
    finally:
        second.close()
        other.dispose()
    assert str(refused.value) == (
        "the database stayed locked by another writer (a session of role "
        f"{second_role(db_url)} (nightly-import)); try the command again"
    )


def second_role(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SELECT current_user")).scalar())
    finally:
        engine.dispose()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL: a server's statement_timeout")
def test_the_notice_says_the_servers_shorter_bound_and_the_refusal_is_the_lock_waits(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix206: under a DBA's statement_timeout shorter than the wait (here 1.5 s, through the
    URL's options, as a role's or a database's would be), the notice said "up to 20 s" (the
    workbench's own bound) and the server cancelled the wait at 1.5 s, refused in the words of
    a statement timeout ("ask the server's administrator to raise it") where another writer
    was simply still writing. The notice says the bound the server leaves, and the wait runs
    out as a lock wait does: stayed locked, naming the writer, reason database_locked."""
    import json
    import re

    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend
    from workbench.domain.errors import DATABASE_LOCKED

    claim = one_claim(db_url)
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 20_000)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)
    short = db_url + "%20-cstatement_timeout%3D1500"
    env = {"WORKBENCH_DB": short, "WORKBENCH_USER": "bob"}
    with held_by_another_program(db_url):
        said = run_cli(["note", "add", str(claim), "等锁"], env=env)
        as_json = run_cli(["note", "add", str(claim), "等锁", "--json"], env=env)
    assert said.code == 1, said.err
    bound = re.search(r"up to ([0-9.]+) s", said.err)
    assert bound is not None and float(bound[1]) <= 1.5, said.err
    assert "stayed locked by another writer (a session of role" in said.err, said.err
    error = json.loads(as_json.err)["error"]
    assert (error["kind"], error.get("reason")) == ("conflict", DATABASE_LOCKED), error


def test_a_write_on_a_free_desk_sends_no_statement_for_the_wait(db_url: str) -> None:
    """fix206 asks a server's limits (read-only, statement_timeout) only when the lock was
    found taken, and the notice's machinery costs a free desk nothing: a note's write sends
    as many statements as before (10 on PostgreSQL, 8 on SQLite: measured on main)."""
    from sqlalchemy import Engine, event

    from workbench.services.notes import add_note

    claim = one_claim(db_url)
    wb = Workbench(url=db_url, actor="tester")
    add_note(wb, claim, "先写一条")  # (the engine and the desk's first use, not counted)
    sent: list[str] = []

    def count(*args: Any) -> None:
        sent.append(str(args[2]))

    event.listen(Engine, "before_cursor_execute", count)
    try:
        add_note(wb, claim, "再写一条")
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert len(sent) == (10 if is_postgres(db_url) else 8), sent
