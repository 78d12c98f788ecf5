"""review215: the lock wait's notice under a DBA's statement_timeout of about a second or less.

A writer is told it waits only once the wait has lasted the quiet second (`WAIT_NOTICE_MS`):
most writes are short, and a notice for each would be noise; a wait whose whole bound is no
longer is never told (SQLite and PostgreSQL alike). Under a statement_timeout of 500 ms (the
URL's options, as a role's or a database's would be) each wait statement is cut to 450 ms,
and `note add` said "waiting for another writer to finish (...); up to 0.9 s…" after 0.45 s
of waiting, before the quiet second, then was refused 0.45 s later. Now a wait the server
keeps within the quiet second is one silent wait, refused in one line naming the holder, as
a bound no longer than the silence always was.

No timings are asserted: the lock is held by the test's own connection for as long as the
command runs. PostgreSQL only (a server's statement_timeout).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from tests.integration.test_writer_lock_wait_notice import held_by_another_program, one_claim
from workbench.db.engine import get_engine

pytestmark = pytest.mark.skipif(not PG_URL, reason="PostgreSQL: a server's statement_timeout")

# The notice's silence as shipped (a second); the workbench's own bound far longer.
QUIET_MS = 1000
OWN_BOUND_MS = 20_000


@pytest.fixture
def bounds(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", OWN_BOUND_MS)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", QUIET_MS)
    get_engine(db_url).dispose()


@pytest.mark.usefixtures("bounds")
@pytest.mark.parametrize("statement_timeout_ms", [500, 1000])
def test_a_wait_the_server_keeps_within_the_quiet_second_is_refused_untold(
    db_url: str, statement_timeout_ms: int
) -> None:
    """`note add` under statement_timeout 500 ms (or 1 s) behind another session: the notice
    came before the quiet second; now the refusal alone, naming the holder."""
    claim = one_claim(db_url)
    short = db_url + f"%20-cstatement_timeout%3D{statement_timeout_ms}"
    with held_by_another_program(db_url):
        outcome = run_cli(
            ["note", "add", str(claim), "等锁"],
            env={"WORKBENCH_DB": short, "WORKBENCH_USER": "bob"},
        )
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1, outcome.err
    assert lines[0].startswith(
        "error: the database stayed locked by another writer (a session of role"
    ), outcome.err
    assert "(psql)" in lines[0], outcome.err


@pytest.mark.usefixtures("bounds")
def test_the_library_tells_no_wait_the_server_keeps_within_the_quiet_second(
    db_url: str,
) -> None:
    """The library's facts: no WaitBegan for a wait that cannot outlast the silence; the
    conflict names the holder."""
    from workbench.domain.errors import DATABASE_LOCKED, Conflict
    from workbench.services.context import Workbench
    from workbench.services.notes import add_note

    claim = one_claim(db_url)
    facts: list[Any] = []
    wb = Workbench(url=db_url + "%20-cstatement_timeout%3D500", actor="bob")
    wb.on_lock_wait = facts.append
    with held_by_another_program(db_url), pytest.raises(Conflict) as refused:
        add_note(wb, claim, "等不到")
    assert facts == [], facts
    assert refused.value.reason == DATABASE_LOCKED
    assert "(psql)" in str(refused.value), refused.value
