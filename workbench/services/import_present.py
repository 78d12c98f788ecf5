"""What an import says of its rows (or annotations) whose claim is already present: the
fields they give otherwise or empty (`Differs`), an id naming another claim (`OtherId`),
and a verdict's reason emptied (`reasons_emptied`). Nothing of the claim is changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import select

from workbench.db.models import Claim, ClaimTag, Note
from workbench.domain.status import Status, rating_contradicts, rating_emptied
from workbench.services.context import Tx
from workbench.services.import_ready import Ready, Stored, claim_key
from workbench.services.import_text_changed import TextChange, texts_changed


@dataclass(frozen=True, slots=True)
class Differs:
    """Row `row` is claim `claim_id`, already present, whose `fields` the file gives
    otherwise (in `COMPARED` order, then an annotation's `rating`, then `note`: a note none of
    the claim's notes is)."""

    row: int
    claim_id: int
    fields: tuple[str, ...]
    # Those of `fields` the row leaves empty where the claim has a value (for `note`, where
    # the export writes one), in an export (`_ClaimsFile.export`): not cleared (an emptied
    # cell was taken as nothing, unsaid, and the editor took the field to be cleared, the
    # note deleted).
    emptied: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OtherId:
    """Row `row` gives id `id`, but is not that claim's row (its quote and text are not the
    claim's, or no claim of the document has the id): it was taken by its words as claim
    `claim_id`, already present, or `added` as a new claim (neither: a repeat of an earlier
    row of the file, not added again). `known`: the id is a claim of the document."""

    row: int
    id: int
    claim_id: int | None
    added: bool
    known: bool
    # The edit that changed the id's claim's text away from the row's (`texts_changed`): the
    # row is an old copy of that claim, from a file written before the edit (trial196).
    text_changed: TextChange | None = None
    # The claim the row was added as (not in a dry run, whose ids are no claim's).
    added_as: int | None = None


# The fields of a row compared with its present claim, each as a claims table names it. A
# column the file does not have is not compared (a file need not carry every column); a cell
# an export's row leaves empty where the claim has a value is said as emptied (`Differs.emptied`).
COMPARED = ("speaker", "type", "status", "assignee", "priority", "due", "tags")
# What a claim holds for a field no one set: an emptied cell is no difference from it.
UNSET: dict[str, object] = {"type": "fact", "status": "unverified", "priority": "normal"}


def reasons_emptied(tx: Tx, rows: list[Ready], *, batch: int) -> list[Ready]:
    """Of claims' own rows whose status needs the note they leave empty (`Ready.unreasoned`),
    those whose claim's export writes a note: its reason, emptied in the sheet, refused as a
    row adding the verdict without one is. The others are as their export wrote them (a
    verdict recorded with no reason). A few queries a `batch` of rows (the import's
    BATCH), none per row."""
    from workbench.services.table_facts import published_notes

    refused: list[Ready] = []
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        with tx.reading() as reader:
            noted = published_notes(reader, sorted({cast(int, r.present) for r in chunk}))
        refused.extend(r for r in chunk if r.present in noted)
    return refused


def note_other_id(
    ready: Ready,
    claim_id: int | None,
    stored: Callable[[int], Stored | None],
    other_ids: list[OtherId],
    old_copies: list[tuple[int, int, str]],
    *,
    added: bool,
) -> None:
    """Both imports': note row (or annotation) `ready` in `other_ids` when its id names
    another claim than the one its words were taken as (`claim_id`, present; or `added`; or
    neither, a repeat of an earlier row), and in `old_copies` when that claim (`stored`, by
    id), a claim of the document, has another text than the row's: it may be an old copy of
    that claim (`say_texts_changed`)."""
    if ready.named is None or ready.named == claim_id:
        return
    other_ids.append(OtherId(ready.number, ready.named, claim_id, added, ready.named_known))
    named = stored(ready.named)
    if named is not None and claim_key((("text", ready.text),)) != named.said:
        old_copies.append((len(other_ids) - 1, named.id, ready.text))


def say_texts_changed(
    tx: Tx, other_ids: list[OtherId], old_copies: list[tuple[int, int, str]]
) -> None:
    """Give each of `old_copies`' rows the edit that changed its id's claim's text away from
    the row's, if one did (`texts_changed`), in place in `other_ids`."""
    if not old_copies:
        return
    changed = texts_changed(tx.session, ((claim, text) for _, claim, text in old_copies))
    for index, claim, text in old_copies:
        change = changed.get((claim, text))
        if change is not None:
            other_ids[index] = replace(other_ids[index], text_changed=change)


def _given(ready: Ready) -> dict[str, object]:
    """The `COMPARED` fields a checked row gives, as its claim would store them."""
    values: dict[str, object] = {
        "speaker": ready.speaker,
        "type": ready.claim_type,
        "status": ready.asked,
        "assignee": ready.assignee,
        "priority": ready.priority,
        "due": ready.due,
        "tags": frozenset(ready.tags) or None,
    }
    return {
        name: value for name, value in values.items() if name in ready.given and value is not None
    }


# The claim's column of each `COMPARED` field but its tags (`differing`).
_STORED_FIELDS = {
    "speaker": Claim.speaker,
    "type": Claim.type,
    "status": Claim.status,
    "assignee": Claim.assignee,
    "priority": Claim.priority,
    "due": Claim.due,
}


def differing(
    tx: Tx, rows: list[tuple[int, int, Ready]], *, export: bool, batch: int
) -> list[Differs]:
    """Of the rows already present (row, claim id, the row checked), those whose claim stores
    another value of a field the row gives; and, in an export (`export`: `_ClaimsFile.export`),
    a field the row leaves empty where the claim has a value (the note: where the export
    writes one). An editor's own sheet's empty cell was never filled: the desk may have set
    the field since (an owner, a due date), which is no edit of the file's. Read a `batch`
    of rows at a time (the import's BATCH)."""
    from workbench.services.table_facts import published_notes

    found: list[Differs] = []
    conn = tx.session.connection()
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        ids = {claim_id for _, claim_id, _ in chunk}
        # Only the fields the chunk's rows give or empty are read (an annotation gives none of
        # the owner, priority, due date and tags: reading them, the tags a query of their own,
        # was most of an untouched annotations export's comparison, perf204); the status
        # always, which a rating is compared with. Read as rows, not through the ORM's loading.
        wanted = frozenset[str]().union(*(r.given | r.emptied for _, _, r in chunk))
        read = [name for name in _STORED_FIELDS if name in wanted or name == "status"]
        stored: dict[int, dict[str, object]] = {
            row[0]: dict(zip(read, row[1:], strict=True))
            for row in conn.execute(
                select(Claim.id, *(_STORED_FIELDS[name] for name in read)).where(Claim.id.in_(ids))
            )
        }
        if "tags" in wanted:
            tags: dict[int, set[str]] = {}
            for claim_id, tag in conn.execute(
                select(ClaimTag.claim_id, ClaimTag.tag).where(ClaimTag.claim_id.in_(ids))
            ):
                tags.setdefault(claim_id, set()).add(tag)
            for claim_id, claim in stored.items():
                claim["tags"] = frozenset(tags.get(claim_id, ()))
        # A note the row gives that is none of its claim's (an export's note rewritten in the
        # sheet): not added, so said (review: it was dropped unsaid). Read only for such rows.
        noted = {claim_id for _, claim_id, ready in chunk if ready.note is not None}
        notes: dict[int, set[str]] = {}
        if noted:
            for claim_id, body in conn.execute(
                select(Note.claim_id, Note.body).where(Note.claim_id.in_(noted))
            ):
                notes.setdefault(claim_id, set()).add(body)
        # A note cell the row leaves empty where the export writes a note (the claim's
        # verdict's reason, else an open claim's latest published note: `published_notes`):
        # no note is deleted, so said. Not where the export writes none (a verdict recorded
        # with no reason, its only notes others'): an untouched export said it was emptied.
        # Read only for such rows, in a few queries for the batch.
        unnoted = {claim_id for _, claim_id, ready in chunk if export and "note" in ready.emptied}
        if unnoted:
            # Only a claim with a note not internal publishes one: the others' verdict events
            # are not read (most of the comparison's time, of an untouched export's claims
            # with no note).
            unnoted = set(
                conn.scalars(
                    select(Note.claim_id)
                    .where(Note.claim_id.in_(unnoted), Note.internal.is_(False))
                    .distinct()
                )
            )
        published: set[int] = set()
        if unnoted:
            with tx.reading() as reader:
                published = set(published_notes(reader, sorted(unnoted)))
        for number, claim_id, ready in chunk:
            given = _given(ready)
            claim = stored[claim_id]
            # A status the row's claim would arrive at (a verdict comes in open, or proposed)
            # is no difference: a re-import of an imported file does not differ by it. A row
            # whose verdict the workflow refused for want of its reason (`unreasoned`) arrives
            # nowhere: its status is compared as given (opinion with no note on an unverified
            # claim was taken as arriving unverified, and its edit went unsaid).
            arrives = (
                None
                if ready.unreasoned is not None
                else ready.arrived.decision.changes.get("status", Status.UNVERIFIED.value)
            )
            emptied = tuple(
                name
                for name in COMPARED
                if export
                and name in ready.emptied
                and claim[name] not in (None, frozenset(), UNSET.get(name))
            )
            fields = tuple(
                name
                for name in COMPARED
                if name in emptied
                or (
                    name in given
                    and given[name] != claim[name]
                    and not (name == "status" and claim[name] == arrives)
                )
            )
            # A rating an editor changed, which the status the import reads does not carry
            # (`rating_contradicts`): said, as the silence read as "imported fine". One left
            # empty is said as emptied, as other cells are (review216: "its rating differs"
            # of a file that gives none; a table's was not said at all).
            own = ready.asked if "status" in given else None
            if ready.rating is not None and not ready.rating.strip():
                if export and rating_emptied(own, str(claim["status"])):
                    fields, emptied = (*fields, "rating"), (*emptied, "rating")
            elif ready.rating is not None and rating_contradicts(
                ready.rating, own, str(claim["status"])
            ):
                fields = (*fields, "rating")
            if ready.note is not None and ready.note not in notes.get(claim_id, ()):
                fields = (*fields, "note")
            elif "note" in ready.emptied and claim_id in published:
                fields, emptied = (*fields, "note"), (*emptied, "note")
            if fields:
                found.append(Differs(number, claim_id, fields, emptied))
    return found
