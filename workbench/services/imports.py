"""Claims coming in from other tools: Web Annotation collections (and claims tables)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select

from workbench.db.models import Claim
from workbench.domain.errors import InvalidInput
from workbench.domain.selectors import QuoteHint, anchor
from workbench.domain.status import ClaimType
from workbench.domain.text import decode_utf8
from workbench.services.claims import insert_claim
from workbench.services.context import Workbench, mutation, transaction
from workbench.services.documents import read_source
from workbench.services.lookup import get_document
from workbench.services.views import ClaimView


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: list[ClaimView]
    present: int = 0
    skipped: list[str] = field(default_factory=list)


def read_json_file(path: str) -> object:
    raw = decode_utf8(read_source(path), path)
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise InvalidInput(f"{path} is not valid JSON: {exc}") from None


@mutation
def import_annotations(wb: Workbench, path: str, document_id: int) -> ImportResult:
    """Claims from a Web Annotation collection, anchored by their selectors in document DOC.

    All or nothing: every annotation must anchor, or nothing is added (the errors name each
    one). An annotation whose span and text a claim already has is counted, not added again.
    """
    from workbench.exports.annotations import read_collection

    incoming = read_collection(read_json_file(path))
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        spans = []
        errors = []
        for item in incoming:
            hint = QuoteHint(
                exact=item.exact,
                prefix=item.prefix,
                suffix=item.suffix,
                start=item.start,
                end=item.end,
            )
            try:
                spans.append(anchor(doc.text, hint))
            except InvalidInput as exc:
                errors.append(f"annotation {item.index}: {exc}")
        if errors:
            more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
            raise InvalidInput("nothing imported: " + "; ".join(errors[:5]) + more)
        existing = {
            (s, e, t)
            for s, e, t in tx.session.execute(
                select(Claim.start, Claim.end, Claim.text).where(Claim.document_id == doc.id)
            )
        }
        added: list[ClaimView] = []
        present = 0
        for item, span in zip(incoming, spans, strict=True):
            text = " ".join(item.text.split())
            if (span.start, span.end, text) in existing:
                present += 1
                continue
            claim = insert_claim(tx, doc, span, text, speaker=None, claim_type=ClaimType.FACT)
            existing.add((span.start, span.end, claim.text))
            added.append(ClaimView.of(claim))
        return ImportResult(added=added, present=present)
