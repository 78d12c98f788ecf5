"""How a write's wait for another writer's lock reaches whoever listens: the listener rides on
the write's engine as an execution option (SQLite waits as the transaction begins, in the
engine's own `begin` hook, where nothing else of the caller's is at hand)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from workbench.domain.lock_wait import LockWait

ON_LOCK_WAIT = "workbench_on_lock_wait"
# A writer's wait for the lock is told (to the write's listener) once it has lasted this long:
# silent for 30 s, a waiting `note add` looked like a hang (trial196); a moment, as writers
# queue behind each other's short writes all day and a notice for each would be noise.
WAIT_NOTICE_MS = 1000

Listener = Callable[["LockWait"], None]


def listener_of(conn: Connection) -> Listener | None:
    """Who is told of this write's lock wait, if anyone."""
    found: Listener | None = conn.get_execution_options().get(ON_LOCK_WAIT)
    return found


def listened(engine: Engine, listener: Listener | None) -> Engine:
    """`engine` with `listener` told of its writes' lock waits (as it is, None: no one is)."""
    return engine if listener is None else engine.execution_options(**{ON_LOCK_WAIT: listener})


def notice_after_ms() -> int:
    """How long a wait is silent before it is told (`WAIT_NOTICE_MS`; read when asked, so a
    test can set it)."""
    return WAIT_NOTICE_MS
