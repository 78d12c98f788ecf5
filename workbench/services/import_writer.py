"""Both imports' writing of their new claims, a batch at a time: one INSERT per table for
the claims, their tags, notes and events."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from sqlalchemy import insert

from workbench.db.backend import insert_returning_ids
from workbench.db.models import Claim, ClaimTag, Document, Note
from workbench.domain.actions import IMPORTED
from workbench.domain.clock import now
from workbench.domain.desk import Priority
from workbench.domain.payloads import claim_payload, imported, note_payload
from workbench.services.claim_rows import claim_view
from workbench.services.claims import claim_columns, new_claim_values
from workbench.services.context import Entry, Tx
from workbench.services.import_present import OtherId
from workbench.services.import_ready import Ready
from workbench.services.span_twins import SpanTwins, WouldAdd
from workbench.services.views import ClaimView

if TYPE_CHECKING:
    from sqlalchemy import Table


class NewClaims:
    """Both imports' writing of their new claims, a batch at a time: each batch inserted, the
    rows of `other_ids` it adds recorded (`added_as`), and its claims told as added, or, in a
    dry run, as the claims it would add (`twins`: with the claims on their spans)."""

    def __init__(
        self,
        tx: Tx,
        doc: Document,
        other_ids: list[OtherId],
        *,
        source: str,
        revision: int,
        dry_run: bool,
    ) -> None:
        self._tx, self._doc, self._source, self._revision = tx, doc, source, revision
        self._dry_run = dry_run
        self.twins = SpanTwins(tx, doc.id, revision)
        self.added_as = _AddedAs(other_ids, dry_run=dry_run)

    def write(self, batch: list[Ready]) -> tuple[list[ClaimView], list[WouldAdd]]:
        """`batch` written: the claims it added, or in a dry run those it would add."""
        views = _insert_imported(
            self._tx, self._doc, batch, source=self._source, revision=self._revision
        )
        self.added_as.note(batch, views)
        rows = (r.number for r in batch)
        # A dry run's writes are rolled back: its claims are told from those present by
        # being its own, not by the ids they drew (another writer's can be higher).
        if self._dry_run:
            return [], self.twins.would_add(views, rows)
        return self.twins.told(views, rows), []


class _AddedAs:
    """Both imports' record of the rows of `other_ids` that became new claims, and of the
    claims they were added as: noted batch by batch as they are written, then given to those
    rows (`OtherId.added_as`). Nothing in a dry run, whose ids are no claim's."""

    def __init__(self, other_ids: list[OtherId], *, dry_run: bool) -> None:
        self._ids = {} if dry_run else {o.row: 0 for o in other_ids if o.added}

    def note(self, batch: list[Ready], views: list[ClaimView]) -> None:
        """The claims `views` that `batch`'s rows were written as, in order."""
        if self._ids:
            self._ids.update(
                (ready.number, view.id)
                for ready, view in zip(batch, views, strict=True)
                if ready.number in self._ids
            )

    def given(self, other_ids: list[OtherId]) -> list[OtherId]:
        """`other_ids`, each row added given the claim it was added as."""
        if not self._ids:
            return other_ids
        return [replace(o, added_as=self._ids.get(o.row) if o.added else None) for o in other_ids]


def batches(items: Iterable[Ready], size: int) -> Iterator[list[Ready]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _insert_imported(
    tx: Tx,
    doc: Document,
    batch: list[Ready],
    *,
    source: str,
    revision: int,
) -> list[ClaimView]:
    """A batch of new claims with their tags, notes and events, in one INSERT per table: the
    claims `new_claim_values` makes, without an ORM object and a flush per row."""
    claims = [
        new_claim_values(
            tx.actor,
            doc.id,
            ready.span,
            ready.text,
            speaker=ready.speaker,
            claim_type=ready.claim_type,
            revision=revision,
            assignee=ready.assignee,
            priority=ready.priority or Priority.NORMAL.value,
            due=ready.due,
            **ready.arrived.decision.changes,
        )
        for ready in batch
    ]
    rows = [claim_columns(values) for values in claims]
    conn = tx.session.connection()
    ids = insert_returning_ids(conn, cast("Table", Claim.__table__), rows)
    for values, row, claim_id in zip(claims, rows, ids, strict=True):
        values["id"] = row["id"] = claim_id
    tags = [
        {"claim_id": values["id"], "tag": tag}
        for values, ready in zip(claims, batch, strict=True)
        for tag in ready.tags
    ]
    if tags:
        conn.execute(insert(cast("Table", ClaimTag.__table__)), tags)
    notes = [
        # A reason, or an open claim's note, as the table published it: never internal.
        {"claim_id": values["id"], "author": tx.actor, "body": ready.note, "internal": False}
        | {"created_at": now()}
        for values, ready in zip(claims, batch, strict=True)
        if ready.note is not None
    ]
    if notes:
        note_ids = insert_returning_ids(conn, cast("Table", Note.__table__), notes)
        for written, note_id in zip(notes, note_ids, strict=True):
            written["id"] = note_id
    note_of = {written["claim_id"]: written for written in notes}
    events: list[Entry] = []
    views: list[ClaimView] = []
    for values, row, ready in zip(claims, rows, batch, strict=True):
        note = note_of.get(values["id"])
        payload = imported(
            claim_payload(SimpleNamespace(**values), tags=ready.tags),
            None if note is None else note_payload(SimpleNamespace(**note)),
            {"file": source, "row": ready.number},
        )
        events.append((IMPORTED, "claim", values["id"], payload, values["id"]))
        # The view of the row as written, as a read of it would give it.
        views.append(claim_view(SimpleNamespace(**row), ready.tags))
    tx.record_all(events)
    return views
