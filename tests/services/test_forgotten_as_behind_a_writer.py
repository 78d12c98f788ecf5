"""trial330 (left alone there): a person who forgot `--as`, on a desk where another writer held
the write lock, waited out the lock's whole bound (30 s) before being refused for the name:
the name was asked only inside the write, after its lock was taken. The refusal for a name
nobody registered, or one bound to another login role (PostgreSQL), now comes once the wait
has lasted its silent second, not at its end.

The lock is held by a write transaction of the test's own for as long as the test needs; the
lock's bound is cut to a few seconds, so that a refusal that waits for it still fails quickly,
and the refusal that does not wait it out is asserted to come well before it (review345: once
the wait has lasted the silent second, not at once, as the holder may be registering the name)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, Result, run_in_process
from workbench.db.engine import get_engine
from workbench.services.context import Workbench, transaction

# The lock's bound while these tests hold it: longer than any refusal that does not wait.
BOUND_MS = 3_000


@pytest.fixture
def short_bound(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", BOUND_MS)
    get_engine(db_url).dispose()  # new connections take the shorter bound


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


def _timed_while_held(
    url: str, holder: str, at: str, actor: str, *args: str
) -> tuple[Result, float]:
    """`--db at --as actor args` run while `holder`'s write holds the desk at `url`, and the
    seconds it took."""
    with transaction(Workbench(url=url, actor=holder), write=True):
        began = time.monotonic()
        result = _run(at, actor, *args)
        return result, time.monotonic() - began


@pytest.mark.usefixtures("short_bound")
def test_a_name_nobody_registered_is_refused_without_waiting_for_another_writer(
    db_url: str,
) -> None:
    """A checker whose shell had no WORKBENCH_USER (acting as `root`) ran `note add` while a
    colleague's import held the desk: silent for the lock's bound, then "'root' is not a
    registered user". Nothing she could do about the name waited on the colleague."""
    assert _run(db_url, "alice", "user", "add", "alice").code == 0
    refused, took = _timed_while_held(db_url, "alice", db_url, "root", "user", "add", "zoe")
    assert refused.code == 1, (refused.out, refused.err)
    assert "'root' is not a registered user of this desk" in refused.err, refused.err
    # Asked once the wait has lasted its silent second (lock_wait.WAIT_NOTICE_MS), not the rest.
    assert took < BOUND_MS / 1000 - 1, f"the refusal waited {took:.1f} s for the other writer"
    # Nothing was written for it, and the name is still asked inside the write: once the lock
    # is free, the same command is refused the same way.
    again = _run(db_url, "root", "user", "add", "zoe")
    assert again.code == 1 and "'root' is not a registered user" in again.err, again.err
    names = _run(db_url, "alice", "user", "list")
    assert "zoe" not in names.out, names.out


@pytest.mark.usefixtures("short_bound")
@pytest.mark.skipif(not PG_URL, reason="login roles exist on PostgreSQL only")
def test_a_name_bound_to_another_role_is_refused_without_waiting_for_another_writer(
    db_url: str, person: Callable[[str], str]
) -> None:
    """ana's role typing `--as ed` (the editor's name, bound to the owner's role) while the
    editor's write held the desk: refused for the role only once the lock's bound was out."""
    with get_engine(db_url).connect() as conn:
        owner_role = str(conn.execute(text("SELECT session_user")).scalar_one())
    ana_url = person(db_url)
    with get_engine(ana_url).connect() as conn:
        ana_role = str(conn.execute(text("SELECT session_user")).scalar_one())
    assert _run(db_url, "ed", "user", "add", "ed", "--role", owner_role).code == 0
    assert _run(db_url, "ed", "user", "add", "ana", "--role", ana_role).code == 0
    refused, took = _timed_while_held(db_url, "ed", ana_url, "ed", "user", "add", "zoe")
    assert refused.code == 1, (refused.out, refused.err)
    assert "acts from the database role" in refused.err, refused.err
    # Asked once the wait has lasted its silent second (lock_wait.WAIT_NOTICE_MS), not the rest.
    assert took < BOUND_MS / 1000 - 1, f"the refusal waited {took:.1f} s for the other writer"


# How long the holder's own `user add tim` holds the desk: a registration is a short write,
# well within the moment a wait stays silent (lock_wait.WAIT_NOTICE_MS).
HOLDER_MS = 300


@pytest.mark.usefixtures("short_bound")
def test_a_name_the_holder_s_write_registers_is_not_refused_before_the_wait(
    db_url: str,
) -> None:
    """review345: the desk's owner ran `user add tim` and tim, told to go ahead, ran his first
    command a moment early, while that write still held the desk. Before people341 his write
    waited the few milliseconds and went through under his new name; the read before the wait,
    which cannot see a registration not yet committed, refused him: "'tim' is not a registered
    user", for a name registered an instant later."""
    import threading

    from workbench.domain.identity import skeleton
    from workbench.services.users import _insert_user

    assert _run(db_url, "alice", "user", "add", "alice").code == 0
    holding = threading.Event()
    failed: list[BaseException] = []

    def _owner_adds_tim() -> None:
        try:
            with transaction(Workbench(url=db_url, actor="alice"), write=True) as tx:
                _insert_user(tx, "tim", skeleton("tim"))
                holding.set()
                time.sleep(HOLDER_MS / 1000)
        except BaseException as exc:  # told to the test below
            failed.append(exc)
            holding.set()

    owner = threading.Thread(target=_owner_adds_tim)
    owner.start()
    try:
        assert holding.wait(10)
        tims = _run(db_url, "tim", "user", "add", "zoe")
    finally:
        owner.join(10)
    assert not failed, failed
    assert tims.code == 0, (tims.out, tims.err)
    assert "zoe" in _run(db_url, "alice", "user", "list").out


@pytest.mark.usefixtures("short_bound")
def test_a_write_on_a_free_desk_or_behind_a_short_one_asks_nothing_before_the_wait(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review345: the read before the wait costs a free desk's write nothing (no statement, no
    connection of the read engine), nor one behind a write shorter than the silent second."""
    import threading

    import workbench.services.context as context

    asked: list[str] = []
    real = context._refused_before_the_wait

    def _counted(wb: Workbench, *rest: object) -> None:
        asked.append(wb.actor)
        real(wb, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(context, "_refused_before_the_wait", _counted)
    assert _run(db_url, "alice", "user", "add", "alice").code == 0
    assert _run(db_url, "alice", "user", "add", "bob").code == 0
    assert asked == []
    holding = threading.Event()

    def _short_write() -> None:
        with transaction(Workbench(url=db_url, actor="alice"), write=True):
            holding.set()
            time.sleep(HOLDER_MS / 1000)

    other = threading.Thread(target=_short_write)
    other.start()
    try:
        assert holding.wait(10)
        assert _run(db_url, "bob", "user", "add", "zoe").code == 0
    finally:
        other.join(10)
    assert asked == []
    # Behind a write that outlasts the silent second, it is asked, once.
    refused, _took = _timed_while_held(db_url, "alice", db_url, "root", "user", "add", "zed")
    assert refused.code == 1 and asked == ["root"], (asked, refused.err)
