"""`audit replay`: rebuild every entity from the events alone and compare it with the tables.

The events are streamed into the rebuilt state (the size of the tables, long texts reduced to
their digests), then each table is streamed against it in key order. The state is kept in a
temporary directory behind a bounded cache (workbench/services/replay_spill.py), so memory does
not grow with the rows. Everything is read in one snapshot, so a writer committing meanwhile
cannot show up as a difference.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

from workbench.db.models import (
    Base,
    Blob,
    Claim,
    ClaimTag,
    Document,
    DocumentRevision,
    Event,
    Evidence,
    Note,
    Setting,
    User,
)
from workbench.db.paging import keyset_rows
from workbench.domain.kinds import KINDS
from workbench.domain.payloads import event_value
from workbench.domain.replay import Difference, EventRow, Replay, ReplayReport
from workbench.domain.replay_state import Store
from workbench.services import search_index
from workbench.services.audit import stream_events
from workbench.services.context import Tx, Workbench, transaction
from workbench.services.progress import Progress, counted
from workbench.services.replay_spill import SpillStore

BATCH = 5000
# A reader yields (key, the row's values in the order of its kind's fields).
Reader = Callable[[Tx], Iterator[tuple[str, tuple[Any, ...]]]]


def columns_reader(
    model: type[Base], kind: str, key: str = "id", long: str | None = None
) -> Reader:
    """Rows of `model` read column by column, one attribute per field of `kind`, BATCH rows
    at a time; with `long`, the field whose values may be long (a document's text), pages
    bounded by that field's bytes as well (workbench.db.paging): a batch of documents held
    every text on the desk at once."""
    fields = KINDS[kind].fields

    def read(tx: Tx) -> Iterator[tuple[str, tuple[Any, ...]]]:
        attrs: list[InstrumentedAttribute[Any]] = [getattr(model, name) for name in fields]
        key_at = fields.index(key)
        conn = tx.session.connection()
        query = select(*attrs)
        rows = (
            conn.execute(query.order_by(attrs[key_at]).execution_options(yield_per=BATCH))
            if long is None
            else keyset_rows(conn, query, attrs[key_at], getattr(model, long))
        )
        for row in rows:
            yield str(row[key_at]), tuple(map(event_value, row))
            del row  # (a document's whole text) not held while the next row is read

    return read


# Kind -> how to read its table in the events' terms. A kind without a reader here fails the
# replay tests, so a new kind of entity cannot be left out of the comparison.
def claims_reader(tx: Tx) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Claims with their tags (a table of their own) folded in as the events carry them: both
    read in claim-id order and merged, so no claim's tags are held beyond its own row."""
    conn = tx.session.connection()
    tag_rows = conn.execute(
        select(ClaimTag.claim_id, ClaimTag.tag)
        .order_by(ClaimTag.claim_id, ClaimTag.tag)
        .execution_options(yield_per=BATCH)
    )
    # Each claim's tags in code point order, sorted here, as the events carry them: PostgreSQL
    # orders text by the database's collation (a locale's put `äc` before `ay`).
    tags = (
        (claim_id, sorted(tag for _, tag in rows)) for claim_id, rows in groupby(tag_rows, _first)
    )
    fields = KINDS["claim"].fields
    at = fields.index("tags")
    columns = [getattr(Claim, name) for name in fields if name != "tags"]
    query = select(*columns).order_by(Claim.id).execution_options(yield_per=BATCH)
    pending = next(tags, None)
    for row in conn.execute(query):
        claim_id = row[0]
        # Tags of a claim that has no row are skipped, as a join would.
        while pending is not None and pending[0] < claim_id:
            pending = next(tags, None)
        values = list(map(event_value, row))
        if pending is not None and pending[0] == claim_id:
            values.insert(at, pending[1])
            pending = next(tags, None)
        else:
            values.insert(at, [])
        yield str(claim_id), tuple(values)


_first = itemgetter(0)


def settings_reader(tx: Tx) -> Iterator[tuple[str, tuple[Any, ...]]]:
    for key, value, by, at in tx.session.connection().execute(
        select(Setting.key, Setting.value, Setting.updated_by, Setting.updated_at).order_by(
            Setting.key
        )
    ):
        yield key, (key, _stored_value(value), by, event_value(at))


def _stored_value(value: str) -> Any:
    """A setting's stored JSON, decoded; a value that is no JSON (edited by hand in a bundle or
    the file) is compared as the text it is, so that it is a difference, not a crash."""
    try:
        return json.loads(value)
    except ValueError:
        return value


@dataclass(frozen=True, slots=True)
class TableReader:
    """How to read one kind's table (named, so that a caller can count its rows beforehand)."""

    table: str
    read: Reader


TABLES: dict[str, TableReader] = {
    "document": TableReader(
        Document.__tablename__, columns_reader(Document, "document", long="text")
    ),
    "revision": TableReader(
        DocumentRevision.__tablename__, columns_reader(DocumentRevision, "revision", long="text")
    ),
    "claim": TableReader(Claim.__tablename__, claims_reader),
    "note": TableReader(Note.__tablename__, columns_reader(Note, "note")),
    "evidence": TableReader(Evidence.__tablename__, columns_reader(Evidence, "evidence")),
    "setting": TableReader(Setting.__tablename__, settings_reader),
    "user": TableReader(User.__tablename__, columns_reader(User, "user", key="name")),
}
# Every table the comparison reads a row of at a time: the kinds' own, then the archived files.
COMPARED_TABLES = (*(reader.table for reader in TABLES.values()), Blob.__tablename__)
# Passes items through (to count them, say); counts nothing by default.
Counting = Callable[[Iterable[Any]], Iterator[Any]]


def _uncounted(items: Iterable[Any]) -> Iterator[Any]:
    return iter(items)


def replay(
    wb: Workbench, progress: Progress | None = None, *, store: Store | None = None
) -> ReplayReport:
    """Rebuild the state from the events, then compare it with the tables (`progress` hears
    of the events applied). The state goes to `store`; by default a SpillStore in a temporary
    directory, removed after."""
    with transaction(wb) as tx:
        tx.one_snapshot()  # the events and the tables read as of the same moment
        count: Counting = _uncounted
        if progress is not None:
            total = tx.session.connection().execute(select(func.max(Event.seq))).scalar()
            count = partial(counted, progress=progress, total=total)
        return replay_in(tx, count, store=store)


# Where the rows replayed are, as a changed archived file's difference says.
INSIDE_THE_DATABASE = "inside the database"


def replay_in(
    tx: Tx,
    events: Counting | None = None,
    rows: Counting | None = None,
    *,
    store: Store | None = None,
    held: str = INSIDE_THE_DATABASE,
) -> ReplayReport:
    """`replay` inside a transaction the caller holds: a bundle restore replays what it has
    written before committing it. `events` and `rows` see the events applied and the table
    rows compared go past (to count them); the state goes to `store` as in `replay`. `held`
    says where the rows are, for a changed archived file ("in the bundle": a refused restore
    leaves nothing in the database)."""
    if store is not None:
        return _replay(tx, Replay(store=store), events or _uncounted, rows or _uncounted, held)
    with (
        tempfile.TemporaryDirectory(prefix="workbench-replay-") as tmp,
        SpillStore(KINDS, Path(tmp)) as spill,
    ):
        return _replay(tx, Replay(store=spill), events or _uncounted, rows or _uncounted, held)


def _replay(
    tx: Tx, state: Replay, events: Counting, rows: Counting, held: str = INSIDE_THE_DATABASE
) -> ReplayReport:
    columns = (
        Event.seq,
        Event.action,
        Event.entity_type,
        Event.entity_id,
        Event.claim_id,
        Event.payload,
    )
    apply = state.apply
    conn = tx.session.connection()
    # The actor too: the sign-off rule reads who approved; and the time, which bounds what a
    # first-release status change did not record (re-reading one event needs neither).
    streamed = stream_events(conn, select(*columns, Event.actor, Event.at))
    for seq, action, etype, eid, claim_id, payload, actor, at in events(streamed):
        apply(seq, action, etype, eid, claim_id, payload, actor, at)
        del payload  # (a document's whole text) not held while the next event is read

    def event_at(seq: int) -> EventRow | None:
        found = conn.execute(select(*columns).where(Event.seq == seq)).first()
        if found is None:
            return None
        seq_, action, etype, eid, claim_id, payload = found
        return (seq_, action, etype, eid, claim_id, payload)

    for kind in state.kinds:
        state.compare(kind, rows(TABLES[kind].read(tx)), event_at)
    for problem in blob_problems(tx, rows, held):
        state.differ(Difference(problem, subject="blob"))
    # Derived data no event describes, but that search answers from (SQLite only).
    for problem in search_index.problems(tx):
        state.differ(Difference(problem, subject="search index"))
    return state.report()


def blob_problems(
    tx: Tx, rows: Counting | None = None, held: str = INSIDE_THE_DATABASE
) -> Iterator[str]:
    """Archived files whose bytes no longer hash to the sha256 they are filed under.

    Replay has already held each evidence row's sha256 to the one its event recorded; this
    holds the stored bytes to that sha256, so a file changed inside the database is caught
    here, not only when someone runs `evidence get`.
    """
    # Whole files (up to 50 MB each): pages bounded by their bytes.
    query = select(Blob.sha256, Blob.size, Blob.data)
    found = keyset_rows(tx.session.connection(), query, Blob.sha256, Blob.data)
    for digest, size, data in (rows or _uncounted)(found):
        actual = hashlib.sha256(data).hexdigest()
        if actual != digest or len(data) != size:
            yield (
                f"archived file {digest[:12]}…: its {len(data):,} stored bytes hash to "
                f"{actual[:12]}… ({size:,} bytes recorded): it was changed {held}"
            )
