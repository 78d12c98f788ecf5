"""What the Markdown timeline's headings read: the claims and documents they name, on a driver
connection, for both of its paths (the driver's, services.timeline_read, and the ORM's,
exports/timeline_md.write, on its transaction's own connection: Tx.reading). The ORM's path
read them as ORM objects (a Claim, a Document, services.revisions' revision_text); these are
the same values, read once for both."""

# Statements are built from this package's own table and column names; values are bound.
from __future__ import annotations

from dataclasses import dataclass

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import eq, param, select
from workbench.db.tables import Column
from workbench.defaults import INT_MAX
from workbench.domain.errors import NotFound

# How many ids of claims `Heads` reads at once.
CLAIMS_AHEAD = 500


@dataclass(frozen=True, slots=True)
class ClaimHead:
    """What a claim's heading reads of it."""

    id: int
    document_id: int
    revision: int
    start: int
    end: int
    text: str
    quote: str
    speaker: str | None
    status: str
    version: int
    proposed_status: str | None
    verdict_revision: int | None


def _named(column: Column, name: str) -> Column:
    return Column(column.sql, name, column.kind)


_c = tables.claims.c
_CLAIM = select(
    _c.id,
    _c.document_id,
    _c.revision,
    _named(_c.span_start, "start"),
    _named(_c.span_end, "end"),
    _c.text,
    _c.quote,
    _c.speaker,
    _c.status,
    _c.version,
    _c.proposed_status,
    _c.verdict_revision,
    source=tables.claims,
)


class Heads:
    """The claims and documents a timeline's headings name, read on a driver connection.

    The claims a range of ids at a time: events come in claim id order, and one query per
    claim was 40% of a year's desk's timeline (trial211: 20,000 claims, 200,000 events, 10 CPU
    s). The ranges never overlap, so no more claims are read than the database holds, and one
    range's are held at a time."""

    def __init__(self, conn: Reader) -> None:
        self.conn = conn
        self.start = self.end = 0  # the range of ids held
        self.held: dict[int, ClaimHead] = {}

    def claim(self, claim_id: int) -> ClaimHead | None:
        if claim_id < self.start:  # (not in id order: read alone)
            row = self.conn.first(_CLAIM.where(eq(_c.id, claim_id)))
            return None if row is None else ClaimHead(*row)
        if claim_id >= self.end:
            # The range's last id no more than an id can be: PostgreSQL's ids are 32-bit, and
            # a bound past 2**31 - 1 is an error there, not a range (review217).
            last = min(claim_id + CLAIMS_AHEAD - 1, INT_MAX)
            self.start, self.end = claim_id, last + 1
            query = _CLAIM.where(f"{_c.id} >= " + param(self.start), f"{_c.id} <= " + param(last))
            self.held = {row.id: ClaimHead(*row) for row in self.conn.rows(query)}
        return self.held.get(claim_id)

    def source(self, document_id: int, revision: int) -> tuple[str | None, str] | None:
        """The title of document `document_id` and the text of its revision `revision` (None:
        no such document). A revision it does not have is refused, as services.revisions'
        revision_text refuses it."""
        from workbench.services.doc_show import latest_number, stored_text

        d = tables.documents.c
        row = self.conn.first(
            select(d.title, d.text, source=tables.documents).where(eq(d.id, document_id))
        )
        if row is None:
            return None
        if revision == 1:
            return row.title, row.text
        text = stored_text(self.conn, document_id, revision)
        if text is None:
            last = latest_number(self.conn, document_id)
            raise NotFound(
                f"document #{document_id} has no revision {revision}: it has revisions 1..{last}"
            )
        return row.title, text
