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
# What a write asks once its wait for another writer's lock has lasted WAIT_NOTICE_MS (a free
# desk's write, and one behind a short write, never asks it): what refuses it whatever the
# wait's end, its actor's name (people341). Not sooner: the read cannot see a registration the
# holder's write is about to commit, the owner's `user add tim` that tim's write waits for
# (review345).
BEFORE_WAITING = "workbench_before_waiting"
# A writer's wait for the lock is told (to the write's listener) once it has lasted this long:
# silent for 30 s, a waiting `note add` looked like a hang (trial196); a moment, as writers
# queue behind each other's short writes all day and a notice for each would be noise.
WAIT_NOTICE_MS = 1000

Listener = Callable[["LockWait"], None]
# Raises the write's refusal, if it has one that no wait would change.
Check = Callable[[], None]


def listener_of(conn: Connection) -> Listener | None:
    """Who is told of this write's lock wait, if anyone."""
    found: Listener | None = conn.get_execution_options().get(ON_LOCK_WAIT)
    return found


def listened(
    engine: Engine, listener: Listener | None, before_waiting: Check | None = None
) -> Engine:
    """`engine` with `listener` told of its writes' lock waits (as it is, None: no one is), and
    `before_waiting` asked when a write's wait for the desk's write lock is to be told, before
    it waits on."""
    options: dict[str, object] = {}
    if listener is not None:
        options[ON_LOCK_WAIT] = listener
    if before_waiting is not None:
        options[BEFORE_WAITING] = before_waiting
    return engine.execution_options(**options) if options else engine


def ask_before_waiting(conn: Connection) -> None:
    """The write's refusal that needs no lock, raised once it has waited the silent moment for
    the desk's write lock another writer holds, not the rest: a person who forgot `--as` on a
    busy desk was refused for the name only once the other writer let go, up to the lock's
    whole bound (trial330)."""
    check: Check | None = conn.get_execution_options().get(BEFORE_WAITING)
    if check is not None:
        check()


def notice_after_ms() -> int:
    """How long a wait is silent before it is told (`WAIT_NOTICE_MS`; read when asked, so a
    test can set it)."""
    return WAIT_NOTICE_MS
