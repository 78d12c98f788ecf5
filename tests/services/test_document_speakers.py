"""The spellings of a document's speakers read once for a whole revision (review61): the same
answers as asking the database for each claim."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from workbench.db.models import Claim
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.speakers import DocumentSpeakers, document_speaker


class _Undone(Exception):
    pass


SPELLINGS = ("MARSH", "Marsh", "marsh", "ＭＡＲＳＨ", "Okafor", "OKAFOR", "Dana Whitfield", None)


def test_the_spellings_read_once_answer_as_the_database_does(wb: Workbench) -> None:
    """`doc update` giving a transcript's lines to another speaker asked the database for the
    document's spellings once per claim renamed (a GROUP BY over all its claims: quadratic in
    a transcript's claims). They are now read once and kept as the claims take new speakers;
    here, across ties between spellings, a claim asked about that is the first of its
    spelling and spellings emptied, every answer is the database's."""
    said = [f"Exports rose {n} percent." for n in range(24)]
    doc = add_document(wb, "".join(f"MARSH: {s}\n" for s in said).encode()).document.id
    for s in said:
        add_claim(wb, doc, s, SpanRequest(quote=s))
    draw = random.Random(61)
    with pytest.raises(_Undone), transaction(wb) as tx:
        claims = tx.session.scalars(select(Claim).where(Claim.document_id == doc)).all()
        for claim in claims:  # as a desk's edits over time may leave them
            claim.speaker = draw.choice(SPELLINGS)
        kept = DocumentSpeakers(tx, doc)
        for _ in range(300):
            claim = draw.choice(claims)
            wanted = draw.choice(SPELLINGS)
            expected = document_speaker(tx, doc, wanted, besides=claim.id)
            assert kept.spelling(wanted, besides=claim) == expected, (claim.id, wanted)
            # The claim takes the answer (a revision's rename) or, now and then, another
            # spelling (as a tie or an emptied spelling could follow).
            after = expected if draw.random() < 0.7 else draw.choice(SPELLINGS)
            before, claim.speaker = claim.speaker, after
            kept.moved(claim.id, before, after)
        raise _Undone  # (the speakers were set without events: nothing is committed)
