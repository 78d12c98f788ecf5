"""What `same_but_spacing` (workbench.domain.spacing, its cases held in
tests/unit/test_spacing.py) takes as spacing alone, as a revision meets it. A line break is
structure in this workbench, not spacing: it starts a speaker's turn in a transcript
(`speaker_turns`), ends a headline's or a list item's sentence (`segment`), and a blank line
parts two paragraphs. A page that only moved a line break kept its words in their order, yet
gave a line to another speaker or joined a headline to the sentence below it; taken as a check,
the stored text kept the old structure and the claim on that line kept the old speaker."""

from __future__ import annotations

import json

from sqlalchemy import select

from workbench.db.models import Event
from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench, transaction
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

TRANSCRIPT = (
    "MODERATOR: Welcome to the debate tonight.\n"
    "MARSH: We cut taxes for every family last year. OKAFOR: Growth doubled since the cut.\n"
    "MODERATOR: Thank you both.\n"
)


def test_a_line_break_giving_a_line_to_another_speaker_is_a_revision(wb: Workbench) -> None:
    doc = add_document(wb, TRANSCRIPT.encode(), meta=DocumentMeta(title="Debate")).document.id
    claim = add_claim(
        wb, doc, "Growth doubled since the cut.", SpanRequest(quote="Growth doubled")
    ).id
    assert get_claim(wb, claim).speaker == "MARSH"
    split = TRANSCRIPT.replace(" OKAFOR:", "\nOKAFOR:")
    result = update_document(wb, doc, Content(split, "text", "corrected.txt"))
    assert result.created and not result.spacing_only
    assert get_claim(wb, claim).speaker == "OKAFOR"


def test_a_spacing_only_check_says_so_in_its_event(wb: Workbench) -> None:
    text = "Unemployment fell to 3.5% in March, the lowest level since 1969.\n"
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="Jobs")).document.id
    update_document(wb, doc, Content(text, "text", "same.txt"))
    result = update_document(wb, doc, Content(text.replace(" ", "  "), "text", "spaced.txt"))
    assert result.spacing_only
    with transaction(wb) as tx:
        payloads = tx.session.scalars(
            select(Event.payload).where(Event.action == "document.checked").order_by(Event.seq)
        ).all()
    same, spaced = (json.loads(p)["after"] for p in payloads)
    # The source's own text is not the revision's: the trail says so, and how.
    assert "spacing_only" not in same
    assert spaced["spacing_only"] is True
