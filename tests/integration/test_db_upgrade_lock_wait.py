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
from workbench.db.postgresql import MIGRATION_LOCK

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
    assert outcome.err == (
        "error: the database stayed locked by another writer; try the command again\n"
    ), outcome.err


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
