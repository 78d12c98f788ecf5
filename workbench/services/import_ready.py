"""A claim checked from an import's file and ready to write (`Ready`), and how both
imports know a claim again: its digest (`claim_key`), and what an export's row or
annotation of a claim of the document says of it (`Stored`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from workbench.db.models import Claim, Document
from workbench.domain.arrival import Arrival
from workbench.domain.claim_identity import SAME_CLAIM_COLUMNS
from workbench.domain.quote_marks import MARKS_LEFT_OUT, marks_dropped
from workbench.domain.spans import Span
from workbench.services.context import Tx

OFFSETS_SET_ASIDE = (
    "its start and end hold other text than its quote: pinned where the quote is (the offsets "
    "only say which occurrence)"
)


def how_anchored(
    exact: str | None, span: Span, start: int | None = None, end: int | None = None
) -> str | None:
    """What is said of a quote from a file anchored as it was: found only without the
    quotation marks it came in (`quote_marks.marks_dropped`), or elsewhere than the offsets
    the row gives beside it (`start`, `end`), which only say which occurrence: the row's own
    numbers are set aside, so they are not set aside unsaid."""
    said = [MARKS_LEFT_OUT] if exact is not None and marks_dropped(exact, span.quote) else []
    given = None if exact is None or start is None or end is None else (start, end)
    if given is not None and given != (span.start, span.end):
        # Alike for every row (no numbers), so that the rows of a file made for another
        # revision are said in one line (`collapsed`); each claim's span is in --json's added.
        said.append(OFFSETS_SET_ASIDE)
    return "; ".join(said) or None


@dataclass(frozen=True, slots=True)
class Ready:
    """A claim checked and ready to write (from a row or an annotation): where it pins, its
    fields, and how the workflow takes the status its file gave (`arrived`)."""

    number: int  # the row, or the annotation's place in its collection, from 1
    span: Span
    text: str  # as stored
    claim_type: str
    note: str | None
    arrived: Arrival
    speaker: str | None = None
    assignee: str | None = None
    priority: str | None = None
    due: Any = None
    tags: tuple[str, ...] = ()
    asked: str | None = None  # the status the row gives (it may arrive at another)
    # The rating label an annotation gives (`IncomingAnnotation.rating`): compared only.
    rating: str | None = None
    given: frozenset[str] = frozenset()  # the columns the row gives a value in
    # The COMPARED columns (and `note`) the file has, the row leaves empty; of an annotation,
    # those this workbench's own lacks (`_annotation_empties`).
    emptied: frozenset[str] = frozenset()
    # The claim the row's id cell names, when the row is not that claim's own (`_own_claim`),
    # and whether that id is a claim of the document (`OtherId`).
    named: int | None = None
    named_known: bool = False
    # The claim this row is the export's own row of (`_own_claim`), already present: its span
    # is the claim's (its context not read), not anchored, and nothing is written for it.
    present: int | None = None
    # An annotation whose target names another document of the desk (`DocumentSources`).
    elsewhere: str | None = None
    # How its quote was anchored, if that is to be said (found without its quotation marks).
    anchored: str | None = None
    # The claim's own row (`present`) whose status the workflow would refuse without the note
    # the row leaves empty (a verdict needs its reason): why, to refuse the row with, if its
    # export writes a note (`reasons_emptied`).
    unreasoned: str | None = None

    @property
    def notice(self) -> str | None:
        said = [n for n in (self.anchored, self.elsewhere, self.arrived.notice) if n is not None]
        return "; ".join(said) if said else None


@dataclass(frozen=True, slots=True)
class Stored:
    """What an export's row of a claim of the document says of it (see `_own_claim`)."""

    id: int
    key: int  # `claim_key` of its quote and text
    start: int
    end: int
    revision: int
    said: int  # `claim_key` of its text alone

    @classmethod
    def of(cls, row: Any) -> Stored:
        """A claim's row as read (STORED_COLUMNS)."""
        return cls(
            row.id,
            claim_key((("quote", row.quote), ("text", row.text))),
            row.start,
            row.end,
            row.revision,
            claim_key((("text", row.text),)),
        )


# What `Stored.of` reads of a claim's row.
STORED_COLUMNS = (Claim.id, Claim.quote, Claim.text, Claim.start, Claim.end, Claim.revision)


def claim_key(same: tuple[tuple[str, object], ...]) -> int:
    """A claim's identity (same_claim's values) as a 128-bit digest: what an import keeps of
    each row to find repeats, instead of its text (a tenth of the memory). Two different
    claims share a digest with a chance of about 1 in 10^28 at 100,000 rows."""
    values = tuple(value for _, value in same)
    return int.from_bytes(hashlib.blake2b(repr(values).encode(), digest_size=16).digest())


def claim_keys(tx: Tx, doc: Document, revision: int) -> dict[int, int | None]:
    """The identity (`claim_key`) of every claim pinned in this revision of the document,
    with its id (None: a row earlier in the file, added to the map as it is read)."""
    table = Claim.__table__
    rows = tx.session.execute(
        select(table.c.id, *(table.c[name] for name in SAME_CLAIM_COLUMNS)).where(
            Claim.document_id == doc.id, Claim.revision == revision
        )
    )
    return {claim_key(tuple(zip(SAME_CLAIM_COLUMNS, row[1:], strict=True))): row[0] for row in rows}
