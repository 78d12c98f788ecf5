"""review57: can an editor trust the audit trail under real conditions?

A writer waiting for the audit chain's append lock, on both backends: a write takes the lock
first (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), and on SQLite a writer that cannot
get it within the busy timeout is refused with one line ("the database stayed locked by another
writer; try the command again"). These tests hold a real write transaction open, as a long
`doc update` or `import bundle` does, and run a small command beside it; the lock wait is
shortened to one second through the one bound the workbench has
(workbench.db.sqlite.BUSY_TIMEOUT_MS), so they are fast.

And what verify and replay let through: a claim hidden from SQLite's search index, and an event
whose actor is not the author its own payload names.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import Outcome, run_cli
from workbench.db.engine import get_engine
from workbench.services.context import Workbench, transaction

LOCK_WAIT_MS = 1000
# How long a command may take, beyond the lock wait, before the test calls it stuck.
SLACK_S = 5.0


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.db.sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", LOCK_WAIT_MS)


@contextmanager
def writer_holding_the_lock(wb: Workbench, for_at_most: float) -> Iterator[None]:
    """A write transaction of `wb`'s desk (its append lock held), open in another thread from
    the start of the block until the block ends or `for_at_most` seconds have passed; it
    changes nothing. (The CLI runs in the main thread: it installs signal handlers.)"""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction(wb, write=True):
            held.set()
            release.wait(for_at_most)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert held.wait(30), "the holding transaction never started"
    try:
        yield
    finally:
        release.set()
        holder.join(60)


def timed(args: list[str], env: dict[str, str]) -> tuple[Outcome, float]:
    began = time.monotonic()
    outcome = run_cli(args, env=env)
    return outcome, time.monotonic() - began


def one_claim(url: str) -> int:
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document

    wb = Workbench(url=url, actor="tester")
    doc = add_document(wb, "甲说了一句话。乙说了另一句话。".encode()).document.id
    return add_claim(wb, doc, "甲说了一句话", SpanRequest(quote="甲说了一句话")).id


def test_a_writer_behind_a_long_write_is_refused_in_one_line_not_left_waiting(
    db_url: str, short_lock_wait: Any
) -> None:
    """While one write transaction held the append lock, a `note add` on PostgreSQL waited
    for it with no bound: pg_advisory_xact_lock was taken with no lock_timeout, so the command
    sat silent for as long as the other held it (65 s and counting behind a psql session
    holding the lock; 17-21 s behind a colleague's `doc update` of a 4,000-claim document),
    where the same command on SQLite gave up after the busy timeout with one line saying to
    try again. A stuck session (an idle transaction, a hung client) left every writer of the
    desk hanging without a word."""
    claim = one_claim(db_url)
    get_engine(db_url).dispose()  # new connections take the shortened wait
    wb = Workbench(url=db_url, actor="tester")
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "bob"}
    bound = LOCK_WAIT_MS / 1000 + SLACK_S
    with writer_holding_the_lock(wb, for_at_most=bound + 1):
        outcome, took = timed(["note", "add", str(claim), "等锁"], env)
    assert took < bound, f"the command waited {took:.1f} s for the append lock"
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), outcome.err
    assert "locked" in lines[0] or "try the command again" in lines[0], outcome.err


def test_a_write_on_one_desk_does_not_wait_for_a_write_on_another_schemas_desk(
    postgres_url: str,
) -> None:
    """Two desks in two schemas of one PostgreSQL database shared one append lock: the
    advisory lock's key was a constant ("wbchain"), the same in every schema, so a `doc update`
    running on one desk made a `note add` on the other desk wait 17 s, though neither desk's
    chain had anything to do with the other's (and an `import bundle` into a new schema held
    every other desk's writers for its whole run)."""
    from tests.conftest import PG_DEFAULT, PG_URL, _new_pg_database

    other_desk = _new_pg_database(PG_URL or PG_DEFAULT, migrated=True)
    other_url = next(other_desk)
    try:
        claim = one_claim(postgres_url)
        busy = Workbench(url=other_url, actor="tester")
        env = {"WORKBENCH_DB": postgres_url, "WORKBENCH_USER": "bob"}
        with writer_holding_the_lock(busy, for_at_most=SLACK_S + 1):
            outcome, took = timed(["note", "add", str(claim), "另一个库"], env)
        assert took < SLACK_S, f"the write waited {took:.1f} s for the other desk's write"
        assert outcome.code == 0, (outcome.code, outcome.out, outcome.err)
    finally:
        next(other_desk, None)


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's search index is a table of its own")
def test_a_claim_hidden_from_search_by_sql_is_noticed(
    db_url: str, document_with_claims: Any
) -> None:
    """On SQLite, `claim list --search` answers from the FTS5 table claim_fts, which no event
    describes, no trigger guards and neither `audit verify`, `audit replay` nor `db status`
    compares with the claims: one DELETE of a claim's rows there (no trigger dropped) made the
    claim vanish from every search ("no claims match"), and the trail still said OK and
    consistent. An editor asking "was this checked before?" got a false no that nothing in
    the audit tooling could reveal (on PostgreSQL the search reads the claims table itself)."""
    from sqlalchemy import text

    made = document_with_claims(
        "甲说了一句话。乙说了另一句话。",
        claims=[("闫俊杰辞去商汤科技职务", "乙说了另一句话")],
    )
    with get_engine(db_url).begin() as conn:
        conn.execute(text("DELETE FROM claim_fts WHERE claim_id = :c"), {"c": made.claims[0]})
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    found = run_cli(["claim", "list", "--search", "辞去商汤", "--json"], env=env)
    replayed = run_cli(["audit", "replay"], env=env)
    assert f'"id": {made.claims[0]}' in found.out or replayed.code == 1, (
        found.out,
        found.err,
        replayed.out,
    )


def test_replay_holds_a_note_event_to_the_author_its_note_names(
    wb: Workbench, document_with_claims: Any
) -> None:
    """An event appended by hand (chain intact, no trigger dropped) whose envelope said
    mallory wrote note #N while the note row and the event's own payload said bob replayed
    as consistent: `note list` showed bob's note, the Markdown timeline "mallory · note #N
    added", and `audit export --actor bob` left it out. Every note the workbench writes has
    its event's actor as author (services.notes), so the two can only differ in a forged or
    altered trail, and replay, which promises that the tables say exactly what the events
    say, never compared them. (The sign-off rule reads the event's actor: a note recorded
    under the approver's name is one the approver is taken to have seen.)"""
    from workbench.db.models import Claim, Note
    from workbench.domain.clock import now
    from workbench.domain.payloads import created, note_payload
    from workbench.services.replay import replay

    claim_id = document_with_claims().claims[0]
    forger = Workbench(url=wb.url, actor="mallory")
    with transaction(forger, write=True) as tx:
        claim = tx.session.get(Claim, claim_id)
        assert claim is not None
        note = Note(claim_id=claim_id, author="bob", body="已核实，无误", created_at=now())
        tx.session.add(note)
        tx.session.flush()
        tx.record("note.added", "note", note.id, created(note_payload(note)), claim_id=claim_id)
    report = replay(wb)
    assert not report.consistent, "a note.added by mallory of bob's note replayed as consistent"
