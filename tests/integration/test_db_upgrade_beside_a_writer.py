"""`db upgrade` putting back a guard trigger and a trigram index while a writer is mid-write.

The repair took the migrations' lock only, not the desk's write lock: it restored the trigger on
events (a lock on events to its end), then built the index on notes, which waited for a writer
that had added its note and waited in turn to append its event. PostgreSQL broke the deadlock by
refusing one of them: in trial317 the `db upgrade` ("the database stayed locked by another
writer") after 14 s of index building, the writer having waited silently all along.
"""

from __future__ import annotations

import threading

import pytest

from tests.conftest import PG_URL
from workbench.db.engine import get_engine
from workbench.services.context import Workbench

HELD_AT_MOST_S = 20.0


@pytest.mark.slow
@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's guard triggers and trigram indexes")
def test_db_upgrade_repairs_beside_a_writer_without_a_deadlock(wb: Workbench) -> None:
    """A writer holding the desk's write lock has inserted into notes and appends its event once
    `db upgrade` is under way: both finish, the upgrade after the writer."""
    from sqlalchemy import create_engine, text

    from workbench.db.backend import lock_event_appends
    from workbench.services.database import upgrade_database

    with create_engine(wb.url).begin() as conn:
        conn.execute(text("DROP TRIGGER events_no_truncate ON events"))
        conn.execute(text("DROP INDEX ix_notes_body_trgm"))
    get_engine(wb.url).dispose()
    held, go = threading.Event(), threading.Event()
    failed: list[BaseException] = []
    other = create_engine(wb.url)

    def writer() -> None:
        try:
            with other.connect() as conn, conn.begin():
                lock_event_appends(conn, "tester")
                # What inserting a note takes, then what appending its event takes.
                conn.execute(text("LOCK TABLE notes IN ROW EXCLUSIVE MODE"))
                held.set()
                go.wait(HELD_AT_MOST_S)
                conn.execute(text("LOCK TABLE events IN ROW EXCLUSIVE MODE"))
        except BaseException as exc:
            failed.append(exc)
            held.set()

    def upgrade() -> None:
        try:
            upgraded.append(upgrade_database(wb))
        except BaseException as exc:
            failed.append(exc)

    upgraded: list[object] = []
    writing = threading.Thread(target=writer, daemon=True)
    writing.start()
    assert held.wait(30), "the writer never took its locks"
    upgrading = threading.Thread(target=upgrade, daemon=True)
    upgrading.start()
    # Long enough for the repair to have restored the trigger and reached the index, where it
    # would wait for the writer (PostgreSQL looks for a deadlock after a second's wait).
    upgrading.join(2.0)
    go.set()
    writing.join(60)
    upgrading.join(60)
    other.dispose()
    assert not failed, failed
    assert len(upgraded) == 1
    with get_engine(wb.url).connect() as conn:
        names = conn.execute(
            text(
                "SELECT indexname FROM pg_indexes WHERE indexname = 'ix_notes_body_trgm'"
                " AND schemaname = current_schema()"
            )
        ).all()
    assert len(names) == 1
