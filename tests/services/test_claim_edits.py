"""`claim edit` in the library: what a claim says is corrected until it is judged, one audited
change at a time, and the rest of the workbench (replay, "checked before?") sees the new words."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from workbench.db.engine import get_engine
from workbench.db.models import Event
from workbench.domain.errors import Conflict, InvalidInput, NotFound, TransitionRefused
from workbench.domain.limits import MAX_NOTE
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.replay import replay
from workbench.services.review import reject
from workbench.services.settings import set_config
from workbench.services.similar import similar_claims
from workbench.services.verify import verify_database

TEXT = "The plant created 10,000 jobs in 2024, the mayor said. Acme recalled 3,000 cars in Ohio."


@pytest.fixture
def claim(wb: Workbench) -> int:
    doc = add_document(wb, TEXT.encode()).document.id
    return add_claim(
        wb, doc, "The plant created 12,000 jobs in 2024", SpanRequest(quote="10,000 jobs")
    ).id


def _edits(wb: Workbench) -> list[dict[str, object]]:
    with transaction(wb) as tx:
        rows = tx.session.scalars(
            select(Event.payload).where(Event.action == "claim.edited").order_by(Event.seq)
        )
        return [json.loads(p) for p in rows]


def test_only_what_is_given_changes_in_one_event_with_before_and_after(
    wb: Workbench, claim: int
) -> None:
    done = edit_claim(
        wb, claim, text="The plant created 10,000 jobs in 2024", speaker=" the mayor ", note="src"
    )
    assert done.changed == ("text", "speaker")
    assert done.claim.text == "The plant created 10,000 jobs in 2024"
    assert done.claim.speaker == "the mayor" and done.claim.type == "fact"
    assert done.claim.version == 2 and done.note is not None and done.note.body == "src"
    [payload] = _edits(wb)
    assert payload["before"] == {
        "text": "The plant created 12,000 jobs in 2024",
        "speaker": None,
        "version": 1,
        "updated_at": payload["before"]["updated_at"],  # type: ignore[index]
    }
    after = payload["after"]
    assert isinstance(after, dict)
    assert after["text"] == "The plant created 10,000 jobs in 2024"
    assert after["speaker"] == "the mayor" and after["version"] == 2
    assert payload["note"]["body"] == "src"  # type: ignore[index]
    typed = edit_claim(wb, claim, claim_type="quantity")
    assert typed.changed == ("type",) and typed.claim.type == "quantity"
    gone = edit_claim(wb, claim, speaker="")
    assert gone.changed == ("speaker",) and gone.claim.speaker is None
    assert len(_edits(wb)) == 3
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]
    assert verify_database(wb).ok


def test_the_same_values_change_nothing_and_record_nothing(
    wb: Workbench, claim: int, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    # The text as stored: normalised whitespace is the same text.
    same = edit_claim(
        wb, claim, text="  The plant created   12,000 jobs in 2024 ", claim_type="fact"
    )
    assert same.changed == () and same.claim.version == 1
    assert edit_claim(wb, claim, speaker="").changed == ()  # it had none
    assert counts() == before
    # A note given with nothing to change would be lost: refused, not dropped.
    with pytest.raises(TransitionRefused) as refused:
        edit_claim(wb, claim, claim_type="fact", note="why")
    assert refused.value.reason == "note_without_change"
    assert counts() == before


@pytest.mark.parametrize(
    ("given", "fragment"),
    [
        ({}, "nothing to change"),
        ({"text": ""}, "the claim text is empty"),
        ({"text": "   \n "}, "the claim text is empty"),
        ({"text": "\u200b"}, "the claim text is empty"),  # draws nothing
        ({"text": "x" * (MAX_NOTE + 1)}, "the limit is"),
        ({"text": "ten\x1b[31m thousand"}, "control character U+001B"),
        ({"claim_type": "rumour"}, "unknown claim type 'rumour'"),
        ({"claim_type": ""}, "unknown claim type ''"),
        ({"speaker": "the\nmayor"}, "one line"),
        ({"speaker": "x" * 201}, "the limit is 200"),
        ({"text": "fine", "note": "  "}, "the note is empty"),
        ({"text": "fine", "note": "\u202e"}, "the note is empty"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    wb: Workbench,
    claim: int,
    counts: Callable[[], dict[str, int]],
    given: dict[str, str],
    fragment: str,
) -> None:
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        edit_claim(wb, claim, **given)
    assert fragment in refused.value.message
    assert counts() == before
    assert get_claim(wb, claim).text == "The plant created 12,000 jobs in 2024"


def test_an_unknown_claim_is_not_found(wb: Workbench) -> None:
    for missing in (1, 999, 0, 2**40):
        with pytest.raises(NotFound, match=f"no claim #{missing}"):
            edit_claim(wb, missing, text="x")


def test_a_stale_version_is_refused(wb: Workbench, claim: int) -> None:
    edit_claim(wb, claim, claim_type="quantity", expected_version=1)
    with pytest.raises(
        Conflict, match=r"changed since version 1 \(it is now at version 2\): type by tester"
    ):
        edit_claim(wb, claim, text="other", expected_version=1)
    with pytest.raises(Conflict, match="never been at version 7"):
        edit_claim(wb, claim, text="other", expected_version=7)
    assert get_claim(wb, claim).type == "quantity"


@pytest.mark.parametrize("field", ["text", "claim_type", "speaker"])
def test_a_judged_claim_says_what_was_judged_until_it_is_reopened(
    wb: Workbench, claim: int, field: str, counts: Callable[[], dict[str, int]]
) -> None:
    value = {"text": "new words", "claim_type": "quantity", "speaker": "the mayor"}[field]
    add_evidence(wb, claim, EvidenceInput(stance="refutes", url="https://example.org/jobs"))
    set_status(wb, claim, "false", note="the source says 10,000")
    before = counts()
    with pytest.raises(TransitionRefused) as refused:
        edit_claim(wb, claim, **{field: value})
    assert refused.value.reason == "claim_judged"
    assert "has a verdict (false)" in refused.value.message
    assert refused.value.hint is not None
    assert refused.value.hint.facts == {"step": "reopen", "claim_id": claim}
    assert counts() == before
    set_status(wb, claim, "in_progress", note="wrong figure in the claim")
    assert edit_claim(wb, claim, **{field: value}).changed == (
        "type" if field == "claim_type" else field,
    )


def test_a_claim_in_review_is_edited_only_after_the_proposal_is_rejected(
    wb: Workbench, claim: int
) -> None:
    set_config(wb, "review.required", "true")
    set_status(wb, claim, "unverifiable", note="no record")
    with pytest.raises(TransitionRefused) as refused:
        edit_claim(wb, claim, text="new words", speaker="the mayor")
    assert refused.value.reason == "claim_judged"
    assert "in review: its text and speaker are what the proposed verdict judged" in str(
        refused.value
    )
    assert refused.value.hint is not None and refused.value.hint.facts["step"] == "reject"
    reject(Workbench(url=wb.url, actor="editor"), claim, note="the claim misquotes")
    assert edit_claim(wb, claim, text="new words").claim.status == "in_progress"


def test_an_unverified_or_in_progress_claim_is_edited_freely(wb: Workbench, claim: int) -> None:
    assert edit_claim(wb, claim, text="first").changed == ("text",)
    set_status(wb, claim, "in_progress")
    assert edit_claim(wb, claim, text="second").claim.status == "in_progress"


def test_an_edit_cannot_make_a_duplicate_of_a_claim_on_the_same_span(
    wb: Workbench, claim: int
) -> None:
    doc = get_claim(wb, claim).document_id
    other = add_claim(wb, doc, "another reading", SpanRequest(quote="10,000 jobs")).id
    with pytest.raises(Conflict, match=f"claim #{claim} already pins this span with this text"):
        edit_claim(wb, other, text="The plant created 12,000 jobs in 2024")


def test_checked_before_sees_the_edited_text(wb: Workbench, claim: int) -> None:
    doc = get_claim(wb, claim).document_id
    cars = add_claim(wb, doc, "Acme recalled 3,000 cars in Ohio", SpanRequest(quote="Acme")).id
    # The index is built now, with the claim's first text: the two claims have nothing alike.
    assert claim not in {s.claim.id for s in similar_claims(wb, cars)}
    edit_claim(wb, claim, text="Acme recalled 3,000 cars in Ohio in 2024")
    found = {s.claim.id: s for s in similar_claims(wb, cars)}
    assert claim in found and found[claim].claim.text.startswith("Acme recalled")
    # And the other way: the edited claim's own search reads its new text.
    assert cars in {s.claim.id for s in similar_claims(wb, claim)}


def test_replay_rebuilds_the_edited_words_from_the_events(wb: Workbench, claim: int) -> None:
    """Replay takes the text from claim.edited, not from claim.added: the edited table agrees,
    and a text changed behind the trail's back is named against the edited one."""
    edit_claim(wb, claim, text="The plant created 10,000 jobs in 2024", claim_type="quantity")
    assert replay(wb).consistent
    with get_engine(wb.url).begin() as conn:
        conn.execute(text("UPDATE claims SET text = 'sneaky' WHERE id = :id"), {"id": claim})
    assert [d.message for d in replay(wb).differences] == [
        f"claim #{claim} text: events say 'The plant created 10,000 jobs in 2024', "
        "table says 'sneaky'"
    ]
