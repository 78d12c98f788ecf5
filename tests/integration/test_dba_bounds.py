"""trial121: the bounds a PostgreSQL server's administrator sets on a role or database, met by
the workbench's reads and writes, are said as what they are.

- `idle_in_transaction_session_timeout` set low for the role ended `audit verify` as it
  computed between statements, and the line said "the server ended this command's transaction
  after it sat idle for 300 s holding the write lock": the write's bound, of a read that held
  no lock and sat idle for milliseconds. A read keeps the server's bound and now says so.
- `statement_timeout` set low said "database error: canceling statement due to statement
  timeout", and `audit verify` called it a database it could not open: now one line naming
  the server's bound and who can raise it.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.conftest import pooled_connections_forgotten
from workbench.db.sql import Sql
from workbench.domain.errors import Conflict, StorageError
from workbench.services.context import Workbench, reading, transaction

IDLE_100_MS = "%20-cidle_in_transaction_session_timeout%3D100"
STATEMENT_50_MS = "%20-cstatement_timeout%3D50"


def test_a_read_idle_past_the_servers_bound_says_it_was_the_servers(postgres_url: str) -> None:
    wb = Workbench(url=postgres_url + IDLE_100_MS, actor="tester")
    with pytest.raises(StorageError) as refused, reading(wb) as reader:
        reader.raw(Sql("SELECT 1"))
        time.sleep(0.6)  # idle in the read's transaction, past the server's 100 ms
        reader.raw(Sql("SELECT 1"))
    said = str(refused.value)
    assert not isinstance(refused.value, Conflict)
    assert "idle_in_transaction_session_timeout" in said, said
    assert "300 s" not in said and "write lock" not in said, said


def test_a_write_keeps_its_own_idle_bound_over_the_servers(postgres_url: str) -> None:
    """A write sets its own bound (IDLE_WRITE_MS), so the server's 100 ms does not end it."""
    from sqlalchemy import text

    wb = Workbench(url=postgres_url + IDLE_100_MS, actor="tester")
    with transaction(wb, write=True, derived=True) as tx:
        tx.session.execute(text("SELECT 1"))
        time.sleep(0.6)
        assert tx.session.execute(text("SELECT 1")).scalar() == 1


@pytest.mark.parametrize("through", ["driver", "sqlalchemy"])
def test_a_statement_past_the_servers_statement_timeout_is_said_as_that(
    postgres_url: str, through: str
) -> None:
    """Through the read paths' driver (claim list, stats) and SQLAlchemy (audit verify)."""
    from sqlalchemy import text

    wb = Workbench(url=postgres_url + STATEMENT_50_MS, actor="tester")
    with pytest.raises(StorageError) as refused:
        if through == "driver":
            with reading(wb) as reader:
                reader.raw(Sql("SELECT pg_sleep(1)"))
        else:
            with transaction(wb) as tx:
                tx.session.execute(text("SELECT pg_sleep(1)"))
    said = str(refused.value)
    # (set here by the URL, which the line names: test_a_bound_the_url_or_pgoptions_sets...)
    assert "statement_timeout" in said and "URL" in said, said
    assert "canceling statement" not in said, said


def test_a_bound_not_set_by_this_client_is_the_administrators_to_raise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Set for the role or the database (nothing in the URL or PGOPTIONS names it)."""
    from workbench.db.postgresql import QUERY_CANCELED, bound_refusal

    class Cancelled(Exception):
        pgcode = QUERY_CANCELED

    monkeypatch.delenv("PGOPTIONS", raising=False)
    url = "postgresql://tester@db/desk?options=-csearch_path%3Ddesk"
    said = bound_refusal(
        Cancelled("canceling statement due to statement timeout"), write=False, url=url
    )
    assert said is not None and "administrator" in said, said


@pytest.mark.parametrize("where", ["url", "pgoptions"])
def test_a_bound_the_url_or_pgoptions_sets_is_not_sent_to_the_administrator(
    postgres_url: str, where: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """review140: a statement_timeout (or a read's idle_in_transaction_session_timeout) given
    in the database URL's options, or in PGOPTIONS, was said as 'set for the role or the
    database; ask the server's administrator to raise it for this role': the person who set it
    was sent to an administrator who had set nothing. It names where it was set now."""
    url = postgres_url
    if where == "url":
        url += STATEMENT_50_MS
    else:
        # (libpq sends PGOPTIONS only when the URL gives no options: the schema goes there)
        from urllib.parse import parse_qs, urlsplit

        schema = parse_qs(urlsplit(url).query)["options"][0].split("=", 1)[1]
        url = url.split("?", 1)[0]
        monkeypatch.setenv("PGOPTIONS", f"-c search_path={schema} -c statement_timeout=50")
        pooled_connections_forgotten(url, request)
    wb = Workbench(url=url, actor="tester")
    with pytest.raises(StorageError) as refused, reading(wb) as reader:
        reader.raw(Sql("SELECT pg_sleep(1)"))
    said = str(refused.value)
    assert "statement_timeout" in said, said
    assert "administrator" not in said and "for the role or the database" not in said, said
    assert ("URL" if where == "url" else "PGOPTIONS") in said, said


@pytest.mark.parametrize("where", ["migrations", "guards"])
def test_db_upgrade_idle_past_the_servers_bound_says_it_was_the_servers(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """`db upgrade` sets no idle bound of its own (a write's IDLE_WRITE_MS is set where a write
    holds the append lock), yet the server's idle_in_transaction_session_timeout ending it was
    said as "the server ended this command's transaction after it sat idle for 300 s holding
    the write lock; ... try the command again": a bound it never set, a lock it never held, and
    trying again meets the same bound. Now said as the server's bound, and where it was set.
    (The repair of guards and indexes takes the write lock since trial317, and from then on a
    write's bounds are its own: the idle case left to the server's is before it.)"""
    import workbench.db.migrate as migrate
    import workbench.services.database as database
    from workbench.services.database import upgrade_database

    if not empty_db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's idle bound")
    if where == "migrations":
        real_lock = migrate.lock_migrations

        def slow_lock(conn: Any) -> None:
            real_lock(conn)
            # Idle in the migration's transaction, past the server's 100 ms (the lock is its
            # first statement: fix173 reads the head revision before the transaction begins).
            time.sleep(0.6)

        monkeypatch.setattr(migrate, "lock_migrations", slow_lock)
    else:
        real_take = database.lock_event_appends

        def slow_take(conn: Any, actor: str | None = None) -> None:
            # Idle in the repair's transaction before it takes the desk's write lock (since
            # trial317 the repair holds it, under a write's own bounds, as any write does).
            time.sleep(0.6)
            real_take(conn, actor)

        monkeypatch.setattr(database, "lock_event_appends", slow_take)
    wb = Workbench(url=empty_db_url + IDLE_100_MS, actor="tester")
    with pytest.raises(StorageError) as refused:
        upgrade_database(wb)
    said = str(refused.value)
    assert not isinstance(refused.value, Conflict), said
    assert "idle_in_transaction_session_timeout" in said and "URL" in said, said
    assert "300 s" not in said and "write lock" not in said, said
