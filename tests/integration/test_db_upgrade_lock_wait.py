"""`db upgrade` on PostgreSQL behind another session holding the migrations' lock.

trial96 gave every PostgreSQL transaction, `db upgrade`'s too, the writers' lock_timeout (it
waited without a bound before). A `db upgrade` that runs out of it, behind another `db upgrade`
or a first write still setting up a desk (fix98 holds the migrations' lock to the end of that
write), is refused, but in the words of no lock wait: the driver's own, through the front end's
catch-all, "error: database error: canceling statement due to lock timeout" (kind storage: a
broken server to mend), where every other command behind a lock says that the database stayed
locked and to try the command again (kind conflict).
"""

from __future__ import annotations

import threading

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.db.engine import get_engine
from workbench.db.pg_locks import MIGRATION_LOCK

HELD_AT_MOST_S = 20.0


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's lock_timeout")
@pytest.mark.parametrize("desk", ["db_url", "empty_db_url"], ids=["at the head", "empty"])
def test_db_upgrade_behind_the_migrations_lock_says_the_database_stayed_locked(
    desk: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the head (the guards' repair takes the lock) and on an empty schema (the set-up)."""
    from sqlalchemy import create_engine, text

    import workbench.db.sqlite as sqlite_backend

    db_url: str = request.getfixturevalue(desk)

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 1000)
    get_engine(db_url).dispose()
    held, done = threading.Event(), threading.Event()
    other = create_engine(db_url)

    def other_session() -> None:
        with other.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            held.set()
            done.wait(HELD_AT_MOST_S)

    holder = threading.Thread(target=other_session, daemon=True)
    holder.start()
    try:
        assert held.wait(30), "the other session never took the lock"
        outcome = run_cli(["db", "upgrade"], env={"WORKBENCH_DB": db_url})
    finally:
        done.set()
        holder.join(60)
        other.dispose()
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    # (the session holding it named, as a write's refusal names it: fix206)
    assert outcome.err.startswith(
        "error: the database stayed locked by another writer (a session of role "
    ), outcome.err
    assert outcome.err.endswith("); try the command again\n") and outcome.err.count("\n") == 1


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's lock_timeout")
def test_db_upgrade_refused_behind_the_migrations_lock_has_the_lock_reason(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix206: `db upgrade` behind another's migration lock was refused with kind conflict
    and no reason (a front end's `--json` error had none); it carries the lock wait's own
    (`database_locked`)."""
    from sqlalchemy import create_engine, text

    import workbench.db.sqlite as sqlite_backend
    from workbench.domain.errors import DATABASE_LOCKED, Conflict
    from workbench.services.context import Workbench
    from workbench.services.database import upgrade_database

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 300)
    get_engine(db_url).dispose()
    other = create_engine(db_url)
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            with pytest.raises(Conflict) as refused:
                upgrade_database(Workbench(url=db_url, actor="tester"))
    finally:
        other.dispose()
    assert refused.value.reason == DATABASE_LOCKED, refused.value


@pytest.fixture
def told_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every wait is said at once (no threshold), and runs out after 300 ms."""
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's migrations' lock")
@pytest.mark.usefixtures("told_at_once")
def test_db_upgrade_waiting_for_the_migrations_lock_says_so_and_who_holds_it(db_url: str) -> None:
    """fix206: `db upgrade` behind another session holding the migrations' lock (another
    `db upgrade`, a first write setting a desk up) waited its whole bound without a word, as
    writes did before trial196; it says the wait as a write does, naming the session and the
    lock it waits for: the migrations' lock (fix232: it said '... holds the write lock', a
    write's words, of a lock no write of the desk was holding)."""
    from sqlalchemy import create_engine, text

    get_engine(db_url).dispose()
    other = create_engine(db_url)
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text("SET LOCAL application_name = 'psql'"))
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            outcome = run_cli(["db", "upgrade"], env={"WORKBENCH_DB": db_url})
    finally:
        other.dispose()
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    assert outcome.err.splitlines()[0].startswith(
        "waiting for another writer to finish (a session of role "
    ), outcome.err
    assert "(psql) holds the migrations' lock); up to 0.3 s…" in outcome.err, outcome.err
    assert outcome.err.splitlines()[1].startswith(
        "error: the database stayed locked by another writer"
    ), outcome.err


@pytest.mark.skipif(bool(PG_URL), reason="SQLite: a file upgraded by its first use")
@pytest.mark.usefixtures("told_at_once")
@pytest.mark.parametrize("command", [["db", "upgrade"], ["claim", "list"]])
def test_a_sqlite_upgrade_on_first_use_waiting_for_the_lock_says_so(
    empty_db_url: str, command: list[str]
) -> None:
    """fix206: an older SQLite file upgraded by `db upgrade` or by its first use (any
    command) while another program held its write lock waited without a word; it says the
    wait as a write does (a file cannot say who holds its lock)."""
    from tests.integration.test_writer_lock_wait_notice import held_by_another_program
    from workbench.db.migrate import upgrade

    upgrade(get_engine(empty_db_url), "0008_similar_meta")
    get_engine(empty_db_url).dispose()
    with held_by_another_program(empty_db_url):
        outcome = run_cli(["--db", empty_db_url, *command])
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    assert outcome.err == (
        "waiting for another writer to finish (a SQLite file does not say who holds its write "
        "lock); up to 0.3 s…\n"
        "error: the database stayed locked by another writer; try the command again\n"
    ), outcome.err
