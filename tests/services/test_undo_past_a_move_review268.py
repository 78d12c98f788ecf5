"""review268: a verdict given, then a neighbouring sentence cut (the claim moved, its words
unchanged), then its own sentence cut or edited (flagged), then the article put back as it
was when the verdict was given: `doc update` said "the text is revision 1's again" and the
claim "quote found again", yet the verdict stayed flagged "given on the words of revision 2"
and withheld from every export. Its words are back with the context they had when judged;
only the context of revision 2 (the one the flag recorded) is not, since the neighbour is
back too. An undo of several revisions at once gives the span back, as one undo does."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.services import revisions
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document, document_text
from workbench.services.revisions import update_document
from workbench.services.sources import Content

QUOTE = "The plant employs 3000 workers in the county."
FIRST = f"Intro line here.\nA neighbouring sentence sits here.\n{QUOTE}\nThe end of the story.\n"
MOVED = FIRST.replace("A neighbouring sentence sits here.\n", "")
GONE = MOVED.replace(f"{QUOTE}\n", "")
EDITED = MOVED.replace("3000", "3500")


def _revise(wb: Workbench, doc: int, text: str) -> None:
    update_document(wb, doc, Content(text, "text", "r.txt"))


@pytest.mark.parametrize("flagging", [GONE, EDITED], ids=["quote gone", "quote edited"])
def test_an_undo_of_several_revisions_gives_a_moved_verdict_its_span_back(
    wb: Workbench, flagging: str
) -> None:
    doc = add_document(wb, FIRST.encode()).document.id
    cid = add_claim(wb, doc, "3000 workers", SpanRequest(quote=QUOTE)).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no payroll figures")
    judged = get_claim(wb, cid)
    _revise(wb, doc, MOVED)  # a neighbour cut: moved, not flagged
    assert get_claim(wb, cid).verdict_revision is None
    _revise(wb, doc, flagging)
    assert get_claim(wb, cid).verdict_revision is not None
    outcome = update_document(wb, doc, Content(FIRST, "text", "r.txt")).anchors
    after = get_claim(wb, cid)
    assert [o.restored for o in outcome] == [True], outcome
    assert after.verdict_revision is None and after.anchor_state == "exact", after
    assert (after.start, after.quote, after.prefix) == (judged.start, QUOTE, judged.prefix)
    assert document_text(wb, doc, after.revision)[after.start : after.end] == QUOTE


def test_words_the_verdict_was_not_given_on_are_not_given_back(wb: Workbench) -> None:
    """Only the judged words: an undo that once gave the verdict its words back (from 3500 to
    3000) leaves 3500 among the spans the claim held, which the verdict never judged."""
    doc = add_document(wb, FIRST.encode()).document.id
    cid = add_claim(wb, doc, "3000 workers", SpanRequest(quote=QUOTE)).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no payroll figures")
    changed = FIRST.replace("3000", "3500")
    _revise(wb, doc, changed)  # flagged
    _revise(wb, doc, FIRST)  # given back, no longer flagged
    assert get_claim(wb, cid).verdict_revision is None
    _revise(wb, doc, MOVED)  # a neighbour cut: moved
    _revise(wb, doc, GONE)  # flagged
    outcome = update_document(wb, doc, Content(changed, "text", "r.txt")).anchors
    after = get_claim(wb, cid)
    assert [o.restored for o in outcome] == [False], outcome
    assert after.verdict_revision is not None and "3500" in after.quote, after


PAD = "and so I say to all of you gathered here tonight that "
SAID = "unemployment is 4.1%"
DEBATE = (
    "MODERATOR: Welcome to the debate.\n"
    f"OKAFOR: {PAD}we cut waste. {SAID} according to the latest figures.\n"
    "MARSH: That is not true.\n"
)
DEBATE_MOVED = DEBATE.replace("we cut waste. ", "")


def test_words_back_on_another_speakers_line_are_given_back_where_the_speaker_says_them(
    wb: Workbench,
) -> None:
    """refactor281's edge: the span the flag recorded is back where it was, on a line now
    NGUYEN's; re-anchoring finds the words on OKAFOR's line, with the context they had when
    judged. The verdict gets that span back (before refactor281 it stayed flagged, for words
    its speaker says as judged); never NGUYEN's words, nor NGUYEN as the speaker."""
    doc = add_document(wb, DEBATE.encode()).document.id
    cid = add_claim(wb, doc, "Unemployment", SpanRequest(quote=SAID), speaker="OKAFOR").id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no series")
    judged = get_claim(wb, cid)
    _revise(wb, doc, DEBATE_MOVED)  # a neighbour cut: moved
    _revise(wb, doc, DEBATE.replace("4.1%", "4.3%"))  # put back, figure changed: flagged
    assert get_claim(wb, cid).verdict_revision is not None
    corrected = DEBATE_MOVED.replace("OKAFOR: ", "NGUYEN: ") + DEBATE.splitlines(True)[1]
    [outcome] = update_document(wb, doc, Content(corrected, "text", "r.txt")).anchors
    after = get_claim(wb, cid)
    assert outcome.restored and after.verdict_revision is None, outcome
    assert (after.speaker, after.quote, after.prefix) == ("OKAFOR", SAID, judged.prefix)
    assert after.start == corrected.rindex(SAID) != corrected.index(SAID)


def test_an_undo_gives_the_span_back_without_searching_for_the_words(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A verdict's span back where it was is given back as it is: the search re-anchoring does
    (the fuzzy one, for a quote the flag changed) is not needed. refactor281 ran it for every
    claim first: an undo of 300 flagged verdicts took 1.9 s of CPU where it took 0.3 s."""
    doc = add_document(wb, FIRST.encode()).document.id
    cid = add_claim(wb, doc, "3000 workers", SpanRequest(quote=QUOTE)).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no payroll figures")
    _revise(wb, doc, FIRST.replace("3000", "3500"))  # flagged
    searched: list[int] = []
    search = revisions.edited_at_edges

    def counted(*args: Any, **kwargs: Any) -> Any:
        searched.append(cid)
        return search(*args, **kwargs)

    monkeypatch.setattr(revisions, "edited_at_edges", counted)
    [outcome] = update_document(wb, doc, Content(FIRST, "text", "r.txt")).anchors
    assert outcome.restored and searched == [], outcome
