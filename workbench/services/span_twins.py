"""Claims pinned to the very words of another: `claim add` tells the person, and so does an
import, of each new claim (with other text: the same text is `existing_claim`'s duplicate)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from workbench.db.models import Claim
from workbench.domain.text import Span
from workbench.services.context import Tx
from workbench.services.views import ClaimView


def _pinned_in(document_id: int, revision: int) -> tuple[Any, ...]:
    """The claims pinned in this revision of the document: where a span's twins are sought."""
    return (Claim.document_id == document_id, Claim.revision == revision)


def same_span_claims(tx: Tx, document_id: int, span: Span, *, revision: int = 1) -> tuple[int, ...]:
    """Claims pinned to exactly this span (with other text, or `claims.existing_claim` would
    have refused): a new one is accepted, but the person is told, so a duplicate is a decision.
    One claim's question (`claim add`); an import asks `SpanTwins` for many."""
    ids = tx.session.scalars(
        select(Claim.id)
        .where(*_pinned_in(document_id, revision), Claim.start == span.start, Claim.end == span.end)
        .order_by(Claim.id)
    )
    return tuple(ids)


class SpanTwins:
    """The claims of one revision of a document by their span, and the new ones as they come:
    `told` gives each new claim the ids of those pinned to exactly its span before it."""

    def __init__(self, tx: Tx, document_id: int, revision: int) -> None:
        self._on: dict[tuple[int, int], list[int]] = {}
        rows = tx.session.execute(
            select(Claim.id, Claim.start, Claim.end)
            .where(*_pinned_in(document_id, revision))
            .order_by(Claim.id)
        )
        for claim_id, start, end in rows:
            self._on.setdefault((start, end), []).append(claim_id)

    def told(self, added: Iterable[ClaimView]) -> list[ClaimView]:
        """`added` (new claims, in the order they were written), each with `same_span`: the
        claims pinned to its span before it (none, mostly), as `claim add` gives it."""
        out = []
        for view in added:
            on = self._on.setdefault((view.start, view.end), [])
            out.append(replace(view, same_span=tuple(on)))
            on.append(view.id)
        return out
