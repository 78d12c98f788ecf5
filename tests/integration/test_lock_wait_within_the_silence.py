"""review215: a wait whose whole bound is no longer than the notice's silence is never told.

PostgreSQL never tells it (pg_append_lock: "a bound shorter than the silence: a wait never
told"). 9e96baf6 made SQLite tell its wait before it looks at the bound, so that a step
outlasting a short bound on a loaded machine still says the wait before its refusal; but a
wait that runs out at the silence's end is then told at that moment: 'waiting for another
writer to finish ...; up to 1 s…' and the refusal on the next line, every time
(tests/integration/test_audit_review57.py failed so on main, on SQLite). The refusal is one
line, on both backends.
"""

from __future__ import annotations

import pytest

from tests.inprocess import run_cli
from tests.integration.test_writer_lock_wait_notice import held_by_another_program, one_claim
from workbench.db.engine import get_engine

BOUND_MS = 600


@pytest.fixture
def bound_as_long_as_the_silence(monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", BOUND_MS)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", BOUND_MS)


@pytest.mark.usefixtures("bound_as_long_as_the_silence")
def test_a_wait_no_longer_than_the_silence_is_refused_in_one_line(db_url: str) -> None:
    """张三's `note add` behind another program's write, the wait as long as the silence: the
    refusal alone, no notice of a wait that is over as it is said."""
    claim = one_claim(db_url)
    get_engine(db_url).dispose()  # (new connections take the shortened wait)
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "张三"}
    with held_by_another_program(db_url):
        outcome = run_cli(["note", "add", str(claim), "等锁：核实中"], env=env)
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    assert "waiting for another writer" not in outcome.err, outcome.err
    assert outcome.err.startswith("error: the database stayed locked by another writer")
    assert outcome.err.count("\n") == 1, outcome.err
