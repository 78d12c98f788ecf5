"""A claim's notes and evidence as read-only lists, on the database driver (workbench.db.reader).

`note list` and `evidence list` are asked as often as `claim show` and answer less: read on the
ORM, each loaded SQLAlchemy and the models first, a second and more on a tiny desk where `claim
show` took a fifth of that (trial57). One indexed query each, shared with `claim show`.
"""

# Statements are built from this package's own table and column names; values are bound.
from __future__ import annotations

from workbench.db import tables
from workbench.db.reader import Reader
from workbench.db.sql import eq, select
from workbench.defaults import INT_MAX
from workbench.domain.errors import NotFound, step
from workbench.services.context import Workbench, reading
from workbench.services.views import EvidenceView, NoteView, from_row


def notes_of(conn: Reader, claim_id: int) -> list[NoteView]:
    """The claim's notes, oldest first."""
    n = tables.notes.c
    q = select(*n, source=tables.notes).where(eq(n.claim_id, claim_id)).order_by(n.id)
    return [from_row(NoteView, r) for r in conn.rows(q)]


def evidence_of(conn: Reader, claim_id: int) -> list[EvidenceView]:
    """The claim's evidence, in the order it was attached."""
    e = tables.evidence.c
    q = select(*e, source=tables.evidence).where(eq(e.claim_id, claim_id)).order_by(e.id)
    return [from_row(EvidenceView, r) for r in conn.rows(q)]


def no_claim(claim_id: int) -> NotFound:
    """The refusal of a claim id no claim has, as every command words it."""
    return NotFound(f"no claim #{claim_id}", hint=step("list", entity="claim"))


def require_claim(conn: Reader, claim_id: int) -> None:
    """`no_claim` unless claim `claim_id` exists."""
    c = tables.claims.c
    found = (
        conn.scalar(select(c.id, source=tables.claims).where(eq(c.id, claim_id)))
        if 1 <= claim_id <= INT_MAX
        else None
    )
    if found is None:
        raise no_claim(claim_id)


def claim_notes(wb: Workbench, claim_id: int) -> list[NoteView]:
    with reading(wb) as conn:
        require_claim(conn, claim_id)
        return notes_of(conn, claim_id)


def claim_evidence(wb: Workbench, claim_id: int) -> list[EvidenceView]:
    with reading(wb) as conn:
        require_claim(conn, claim_id)
        return evidence_of(conn, claim_id)
