"""Fetching the rows a command names, with the one NotFound message each kind has."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from workbench.db.models import Claim, Document
from workbench.domain.errors import NotFound
from workbench.services.context import Tx


def get_document(tx: Tx, document_id: int) -> Document:
    doc = tx.session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"no document #{document_id}; `workbench doc list` shows them")
    return doc


def get_claim_row(tx: Tx, claim_id: int) -> Claim:
    claim = tx.session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim #{claim_id}; `workbench claim list` shows them")
    return claim


def claims_by_ids(tx: Tx, ids: Sequence[int]) -> list[Claim]:
    """All the named claims, or NotFound naming every missing one (bulk edits are all-or-none)."""
    unique = list(dict.fromkeys(ids))
    rows = {c.id: c for c in tx.session.scalars(select(Claim).where(Claim.id.in_(unique)))}
    missing = [i for i in unique if i not in rows]
    if missing:
        raise NotFound("no claim " + ", ".join(f"#{i}" for i in missing) + "; nothing was changed")
    return [rows[i] for i in unique]
