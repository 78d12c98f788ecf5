"""Fetching the rows a command names, with the one NotFound message each kind has."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workbench.db.models import Claim, Document, Evidence
from workbench.defaults import INT_MAX
from workbench.domain.errors import NotFound, step
from workbench.services.claim_records import no_claim
from workbench.services.context import Tx
from workbench.services.doc_show import no_document

# Claim IDs a statement names at most: far below SQLite's (32,766) and PostgreSQL's (65,535)
# parameter limits, and a batch of claims small enough to hold while it is edited (a bulk edit
# of a year's claims held 40,000 of them, their tags, evidence and events: 674 MB).
ID_BATCH = 500
# Unknown claim IDs a refusal names.
NAMED_MISSING = 10


def _valid(ident: int) -> bool:
    # Ids are 32-bit integers on every backend (INT_MAX); anything outside cannot name a row
    # (and would overflow the driver rather than simply not match).
    return 1 <= ident <= INT_MAX


def get_document(tx: Tx, document_id: int) -> Document:
    doc = tx.session.get(Document, document_id) if _valid(document_id) else None
    if doc is None:
        raise no_document(document_id)
    return doc


def check_documents(tx: Tx, document_ids: Sequence[int]) -> None:
    """NotFound, as `get_document` says it, for the first of `document_ids` that does not
    exist; in one statement, and without reading any document's text."""
    valid = [i for i in dict.fromkeys(document_ids) if _valid(i)]
    found = set(tx.session.scalars(select(Document.id).where(Document.id.in_(valid))))
    for document_id in document_ids:
        if document_id not in found:
            raise no_document(document_id)


def get_claim_row(tx: Tx, claim_id: int) -> Claim:
    claim = tx.session.get(Claim, claim_id) if _valid(claim_id) else None
    if claim is None:
        raise no_claim(claim_id)
    return claim


def claims_by_ids(tx: Tx, ids: Sequence[int], *, editing: bool = False) -> list[Claim]:
    """All the named claims, or NotFound naming every missing one. `editing`: the caller is
    about to change them all or none (a bulk edit), and the refusal says nothing was changed;
    a reader (an export of named claims) changes nothing either way, so it does not say so."""
    return [c for batch in claim_batches(tx, check_claims(tx, ids, editing=editing)) for c in batch]


def check_claims(tx: Tx, ids: Sequence[int], *, editing: bool = False) -> list[int]:
    """The named claim IDs, each once in the order first named, once every one is known to
    exist (read by id only, `ID_BATCH` a statement); else NotFound as `claims_by_ids` says it."""
    unique = list(dict.fromkeys(ids))
    valid = [i for i in unique if _valid(i)]
    found: set[int] = set()
    for start in range(0, len(valid), ID_BATCH):
        chunk = valid[start : start + ID_BATCH]
        found.update(tx.session.scalars(select(Claim.id).where(Claim.id.in_(chunk))))
    missing = [i for i in unique if i not in found]
    if missing:
        # The first few, and how many more: a line of 39,000 IDs is no message.
        named = "no claim " + ", ".join(f"#{i}" for i in missing[:NAMED_MISSING])
        if len(missing) > NAMED_MISSING:
            named += f" and {len(missing) - NAMED_MISSING:,} more"
        raise NotFound(
            named + ("; nothing was changed" if editing else ""),
            hint=step("list", entity="claim"),
        )
    return unique


def claim_batches(tx: Tx, ids: Sequence[int]) -> Iterator[list[Claim]]:
    """The claims of `ids` (all known to exist: `check_claims`), `ID_BATCH` at a time in the
    order given, their tags and evidence read with them: a caller that lets go of a batch
    before asking for the next holds one batch, however many claims are named."""
    for start in range(0, len(ids), ID_BATCH):
        chunk = ids[start : start + ID_BATCH]
        query = (
            select(Claim)
            .where(Claim.id.in_(chunk))
            .options(selectinload(Claim.tags), selectinload(Claim.evidence))
        )
        rows = {c.id: c for c in tx.session.scalars(query)}
        yield [rows[i] for i in chunk]


def get_evidence_row(tx: Tx, evidence_id: int) -> Evidence:
    ev = tx.session.get(Evidence, evidence_id) if _valid(evidence_id) else None
    if ev is None:
        raise NotFound(f"no evidence #{evidence_id}", hint=step("list", entity="evidence"))
    return ev
