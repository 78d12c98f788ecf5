"""What `same_but_spacing` may take as spacing alone. A line break is structure in this
workbench, not spacing: it starts a speaker's turn in a transcript (`speaker_turns`), ends a
headline's or a list item's sentence (`segment`), and a blank line parts two paragraphs. A page
that only moved a line break kept its words in their order, yet gave a line to another speaker
or joined a headline to the sentence below it; taken as a check, the stored text kept the old
structure and the claim on that line kept the old speaker. Spaces doubled, spaces at a line's
ends, tabs, a no-break or ideographic space, extra blank lines between paragraphs stay
spacing alone."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from workbench.db.models import Event
from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench, transaction
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import same_but_spacing, update_document
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


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a headline joined to the sentence below it
        ("Taxes cut\nThe minister said taxes fell.", "Taxes cut The minister said taxes fell."),
        # two paragraphs made one
        ("First paragraph here.\n\nSecond one here.", "First paragraph here. Second one here."),
        # a paragraph cut in two
        ("First paragraph here.\nSecond one here.", "First paragraph here.\n\nSecond one here."),
        # 中文: a line break between sentences taken out
        ("部长说税收下降了。\n经济增长了5%。", "部长说税收下降了。 经济增长了5%。"),
    ],
)
def test_a_line_break_put_in_or_taken_out_is_no_spacing(old: str, new: str) -> None:
    assert not same_but_spacing(old, new)
    assert not same_but_spacing(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Growth was 3.5% in 2023.", "Growth  was 3.5%\tin 2023.  "),
        ("Growth was 1 000 jobs.", "Growth was 1\u00a0000 jobs."),
        ("经济 增长", "经济\u3000增长"),
        ("One paragraph.\n\nTwo.", "One paragraph.  \n \n\n\nTwo.\n"),
        ("A line.\nAnother.", "A line. \t\n  Another."),
    ],
)
def test_spaces_within_lines_and_blank_lines_are_spacing(old: str, new: str) -> None:
    assert same_but_spacing(old, new)


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
