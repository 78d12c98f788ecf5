"""The append lock on PostgreSQL: a writer's wait for it is bounded, and a writer that holds it
while its client has gone quiet does not hold it for ever."""

from __future__ import annotations

import threading
import time

import pytest

from workbench.domain.errors import Conflict
from workbench.services.context import Workbench, transaction


def test_a_stopped_writer_lets_the_desk_go_and_is_told_why(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client stopped in the middle of a write (a laptop asleep mid-`doc update`, Ctrl-Z)
    held the desk's append lock for as long as the server kept its session, hours, "idle in
    transaction": every writer of the desk waited behind it. The server now ends a write
    transaction idle past IDLE_WRITE_MS (shortened here), which frees the lock for the next
    writer, and the stopped client, when it wakes, is told in one line that nothing was written
    and to try again."""
    import workbench.db.postgresql as pg

    monkeypatch.setattr(pg, "IDLE_WRITE_MS", 1000)
    wb = Workbench(url=postgres_url, actor="tester")
    other = Workbench(url=postgres_url, actor="tester")
    refused: list[BaseException] = []
    started = threading.Event()

    def stopped_writer() -> None:
        try:
            with transaction(wb, write=True) as tx:
                started.set()
                time.sleep(3)  # the client does nothing while it holds the lock
                tx.session.connection().exec_driver_sql("SELECT 1")
        except Conflict as exc:
            refused.append(exc)

    holder = threading.Thread(target=stopped_writer, daemon=True)
    holder.start()
    assert started.wait(30)
    began = time.monotonic()
    with transaction(other, write=True):
        waited = time.monotonic() - began
    holder.join(30)
    assert waited < 2.5, f"the next writer waited {waited:.1f} s behind an idle one"
    assert refused, "the idle writer's transaction was not ended"
    assert "sat idle" in str(refused[0]) and "try the command again" in str(refused[0])


def test_desks_in_two_schemas_have_locks_of_their_own(postgres_url: str) -> None:
    """The append lock's key was one constant for the whole database: two desks in two schemas
    took the same lock. It is now the desk's events table's, which two transactions of one desk
    share and another schema's desk does not."""
    from sqlalchemy import text

    from tests.conftest import PG_DEFAULT, PG_URL, _new_pg_database
    from workbench.db.engine import get_engine

    other_desk = _new_pg_database(PG_URL or PG_DEFAULT, migrated=True)
    other_url = next(other_desk)
    try:
        keys = []
        for url in (postgres_url, postgres_url, other_url):
            with transaction(Workbench(url=url, actor="tester"), write=True) as tx:
                keys.append(
                    tx.session.execute(
                        text(
                            "SELECT classid, objid FROM pg_locks WHERE locktype = 'advisory'"
                            " AND pid = pg_backend_pid() AND objsubid = 2"
                        )
                    ).all()
                )
        assert len(keys[0]) == 1 and keys[0] == keys[1], keys
        assert keys[2] and keys[2] != keys[0], keys
    finally:
        get_engine(other_url).dispose()
        next(other_desk, None)
