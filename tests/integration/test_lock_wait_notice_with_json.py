"""review205: a script's `--json` write refused after waiting for another writer's lock.

docs/json.md promises that a command run with `--json` that exits 1 leaves one line on
stderr, the error object. A write that waited past a second for a colleague's lock first
said `waiting for another writer to finish (alice holds the write lock); up to 30 s…` on
stderr, then the error object: a retrying script that read stderr as one JSON document
(`json.loads(err)`) failed on the notice instead of reading `conflict`. The notice is for a
person; with `--json` it is not said (the refusal still names the writer).

No timings are asserted: the lock is held by the test's own write for as long as the command
runs, the wait is cut short and the notice's threshold set to nothing. Runs on the backend the
suite runs on (WORKBENCH_TEST_DATABASE_URL for PostgreSQL).
"""

from __future__ import annotations

import json

import pytest

from tests.inprocess import run_cli
from workbench.db.engine import get_engine
from workbench.services.context import Workbench, transaction

# The lock wait cut short, so that a refusal comes at once.
SHORT_WAIT_MS = 300


@pytest.fixture
def short_waits(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every wait is said at once (no threshold), and runs out after SHORT_WAIT_MS."""
    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", SHORT_WAIT_MS)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)
    get_engine(db_url).dispose()  # new connections take the short wait


def one_claim(url: str) -> int:
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document

    wb = Workbench(url=url, actor="tester")
    doc = add_document(wb, "甲说了一句话。乙说了另一句话。".encode()).document.id
    return add_claim(wb, doc, "甲说了一句话", SpanRequest(quote="甲说了一句话")).id


@pytest.mark.usefixtures("short_waits")
def test_a_json_write_refused_after_waiting_leaves_one_json_line_on_stderr(db_url: str) -> None:
    """`note add --json` behind alice's write: stderr was the notice, then the error object;
    it is the error object alone, as docs/json.md promises."""
    claim = one_claim(db_url)
    with transaction(Workbench(url=db_url, actor="alice"), write=True):
        outcome = run_cli(
            ["note", "add", str(claim), "等锁", "--json"],
            env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"},
        )
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    assert outcome.out == "", outcome.out
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1, outcome.err
    error = json.loads(lines[0])["error"]
    assert error["kind"] == "conflict", error
    assert error["message"].startswith("the database stayed locked by another writer"), error
    if db_url.startswith("postgres"):
        assert "(alice)" in error["message"], error


@pytest.mark.usefixtures("short_waits")
def test_a_json_refusal_after_the_lock_wait_ran_out_has_a_stable_reason(db_url: str) -> None:
    """fix206: a retrying script matched the English of the refusal ("stayed locked"), as it
    had no `reason`, where every other refusal it acts on has one (docs/errors.md). It has
    `database_locked`, on both backends, the writer named or not."""
    from workbench.domain.errors import DATABASE_LOCKED

    claim = one_claim(db_url)
    with transaction(Workbench(url=db_url, actor="alice"), write=True):
        outcome = run_cli(
            ["note", "add", str(claim), "等锁", "--json"],
            env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"},
        )
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    error = json.loads(outcome.err)["error"]
    assert (error["kind"], error.get("reason")) == ("conflict", DATABASE_LOCKED), error
