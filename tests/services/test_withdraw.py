"""Withdrawing a claim picked out by mistake (not a claim, a duplicate, the wrong span): the
library's rules, the event it writes, and every list, count and search it leaves."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import Conflict, InvalidInput, NotFound, TransitionRefused, step
from workbench.services.board import board
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.queries import ClaimFilter, list_claims, show_claim, stats
from workbench.services.replay import replay
from workbench.services.review import reject
from workbench.services.settings import set_config
from workbench.services.similar import similar_claims
from workbench.services.verify import verify_database
from workbench.services.workflow import assign, set_due

MakeDoc = Callable[..., Any]
TEXT = "MiniMax经历了3到4次严重的预训练失败。单次高达1500万美金的算力成本。只有四家公司。"


@pytest.fixture
def ids(document_with_claims: MakeDoc) -> list[int]:
    """Claim 1 and its duplicate 2 (the same words, pinned again), and claim 3."""
    return document_with_claims(
        TEXT,
        [
            ("MiniMax had 3 to 4 failed pre-training runs", "3到4次严重的预训练失败"),
            ("MiniMax suffered 3-4 failed pre-training runs", "3到4次严重的预训练失败"),
            ("Only four companies", "只有四家公司"),
        ],
    ).claims


def events_of(wb: Workbench, claim_id: int) -> list[Any]:
    return show_claim(wb, claim_id).events


def test_a_withdrawal_records_its_reason_in_one_status_change(
    wb: Workbench, ids: list[int]
) -> None:
    dup = ids[1]
    done = withdraw(wb, dup, reason="  A duplicate of #1. ")
    assert (done.changed, done.previous, done.claim.status) == (True, "unverified", "withdrawn")
    assert done.claim.version == 2 and done.claim.rating is None and not done.claim.flagged
    (note,) = done.notes
    assert note.body == "A duplicate of #1."
    last = events_of(wb, dup)[-1]
    assert last.action == "claim.status_changed"
    assert last.payload["before"]["status"] == "unverified"
    assert last.payload["after"]["status"] == "withdrawn"
    assert last.payload["note"]["id"] == note.id
    assert last.payload["note"]["body"] == "A duplicate of #1."
    assert replay(wb).consistent and verify_database(wb).ok


@pytest.mark.parametrize("reason", ["", "   ", "\n\t", "\u200b", "\u202e\u3164"])
def test_a_withdrawal_needs_a_reason(
    wb: Workbench, ids: list[int], reason: str, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    with pytest.raises(TransitionRefused) as refused:
        withdraw(wb, ids[1], reason=reason)
    assert refused.value.reason == "withdraw_needs_reason"
    assert counts() == before


def test_nothing_is_withdrawn_twice_or_unknown_or_stale(wb: Workbench, ids: list[int]) -> None:
    withdraw(wb, ids[1], reason="a duplicate of #1")
    with pytest.raises(TransitionRefused) as refused:
        withdraw(wb, ids[1], reason="still a duplicate")
    assert refused.value.reason == "already_withdrawn"
    with pytest.raises(NotFound):
        withdraw(wb, 999, reason="no such claim")
    with pytest.raises(Conflict):
        withdraw(wb, ids[2], reason="not a claim", expected_version=5)
    assert withdraw(wb, ids[2], reason="not a claim", expected_version=1).changed


def test_a_claim_in_review_is_withdrawn_once_its_proposal_is_rejected(
    wb: Workbench, ids: list[int]
) -> None:
    set_config(wb, "review.required", "true")
    maria = Workbench(url=wb.url, actor="maria")
    set_status(maria, ids[1], "opinion", note="a view, not a fact")
    with pytest.raises(TransitionRefused) as refused:
        withdraw(maria, ids[1], reason="a duplicate of #1")
    assert refused.value.reason == "pending_review"
    assert refused.value.hint == step(
        "review", claim_id=ids[1], proposed_by="maria", own_proposal=True
    )
    assert show_claim(wb, ids[1]).claim.status == "in_review"
    reject(maria, ids[1], note="withdrawn by its proposer: a duplicate")
    assert withdraw(maria, ids[1], reason="a duplicate of #1").claim.proposed_status is None


def test_a_verdict_closed_by_mistake_is_withdrawn_and_no_longer_counted_as_one(
    wb: Workbench, ids: list[int]
) -> None:
    """The trial's workaround: a mistaken claim closed as unverifiable (published as
    "Unproven"). Withdrawn, it is neither a verdict nor open work."""
    set_status(wb, ids[2], "unverifiable", note="not a claim at all")
    withdraw(wb, ids[2], reason="not a claim: a rhetorical aside")
    detail = show_claim(wb, ids[2])
    assert detail.claim.status == "withdrawn" and detail.sign_off is None
    counted = stats(wb).by_status
    assert (counted["unverifiable"], counted["withdrawn"]) == (0, 1)


def test_a_flagged_verdict_withdrawn_is_flagged_no_more(wb: Workbench, ids: list[int]) -> None:
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    add_evidence(wb, ids[0], EvidenceInput(stance="refutes", citation="Filing, 2024"))
    set_status(wb, ids[0], "false", note="two failures, per the filing")
    update_document(wb, 1, Content(TEXT.replace("3到4次", "5到6次"), "text", "v2.txt"))
    assert show_claim(wb, ids[0]).claim.flagged
    withdrawn = withdraw(wb, ids[0], reason="the sentence is gone from the article").claim
    assert withdrawn.status == "withdrawn" and not withdrawn.flagged
    assert list_claims(wb, ClaimFilter(flagged=True)) == []


@pytest.mark.parametrize("target", ["unverified", "in_progress"])
def test_a_withdrawn_claim_is_restored_open_with_a_reason(
    wb: Workbench, ids: list[int], target: str
) -> None:
    withdraw(wb, ids[1], reason="a duplicate of #1")
    for refused_move, reason in (
        ((target, None), "restore_needs_note"),
        (("opinion", "a view"), "claim_withdrawn"),
        (("in_review", "x"), "review_not_settable"),
    ):
        with pytest.raises(TransitionRefused) as refused:
            set_status(wb, ids[1], refused_move[0], note=refused_move[1])
        assert refused.value.reason == reason
    back = set_status(wb, ids[1], target, note="not a duplicate: another figure")
    assert (back.previous, back.claim.status) == ("withdrawn", target)
    assert events_of(wb, ids[1])[-1].payload["note"]["body"] == "not a duplicate: another figure"
    # once restored, it is a claim like any other again
    assert ids[1] in [c.id for c in list_claims(wb)]
    assert set_status(wb, ids[1], "opinion", note="a view").claim.status == "opinion"
    assert replay(wb).consistent


def test_status_withdrawn_is_the_same_move(wb: Workbench, ids: list[int]) -> None:
    with pytest.raises(TransitionRefused) as refused:
        set_status(wb, ids[1], "withdrawn")
    assert refused.value.reason == "withdraw_needs_reason"
    moved = set_status(wb, ids[1], "withdrawn", note="a duplicate of #1")
    assert moved.claim.status == "withdrawn"
    assert events_of(wb, ids[1])[-1].action == "claim.status_changed"


def test_a_withdrawn_claims_words_are_not_edited(wb: Workbench, ids: list[int]) -> None:
    withdraw(wb, ids[1], reason="the wrong span")
    with pytest.raises(TransitionRefused) as refused:
        edit_claim(wb, ids[1], text="something else")
    assert refused.value.reason == "claim_withdrawn"
    assert refused.value.hint == step("restore", claim_id=ids[1])


def test_adding_a_withdrawn_claim_again_says_to_restore_it(wb: Workbench, ids: list[int]) -> None:
    withdraw(wb, ids[2], reason="not a claim")
    with pytest.raises(Conflict) as refused:
        add_claim(wb, 1, "Only four companies", SpanRequest(quote="只有四家公司"))
    assert "was withdrawn" in str(refused.value)
    assert refused.value.hint == step("restore", claim_id=ids[2])


def test_lists_leave_a_withdrawn_claim_out_unless_asked(wb: Workbench, ids: list[int]) -> None:
    withdraw(wb, ids[1], reason="a duplicate of #1")

    def listed(**flt: Any) -> list[int]:
        return [c.id for c in list_claims(wb, ClaimFilter(**flt))]

    assert listed() == [ids[0], ids[2]]
    assert listed(statuses=["withdrawn"]) == [ids[1]]
    assert listed(withdrawn_too=True) == ids
    assert listed(document_id=1) == [ids[0], ids[2]]
    assert listed(open=True) == [ids[0], ids[2]]
    assert listed(search="3到4次") == [ids[0]]
    assert listed(search="3到4次", withdrawn_too=True) == ids[:2]


def test_no_one_owns_a_withdrawn_claim_and_it_is_never_late(wb: Workbench, ids: list[int]) -> None:
    assign(wb, ids, "maria")
    set_due(wb, ids, "2020-01-01")
    withdraw(wb, ids[1], reason="a duplicate of #1")
    maria = Workbench(url=wb.url, actor="maria")
    assert [c.id for c in list_claims(maria, ClaimFilter(queue_of="maria"))] == [ids[0], ids[2]]
    s = stats(wb)
    assert s.by_status["withdrawn"] == 1 and s.by_status["unverified"] == 2
    assert sum(s.by_status.values()) == 3  # every claim once, under its status
    load = s.by_owner["maria"]
    assert (load.to_check, load.total) == (2, 2)
    assert s.by_assignee == {"maria": 2} and s.by_type == {"fact": 2}
    assert s.overdue.total == 2 and s.oldest_open.total == 2
    assert ids[1] not in [c.id for c in s.overdue.claims]
    b = board(wb)
    assert b.counts["withdrawn"] == 1 and b.unverified.total == 2 and b.overdue.total == 2
    # an owner who holds nothing but withdrawn claims holds nothing
    withdraw(wb, ids[0], reason="not a claim")
    withdraw(wb, ids[2], reason="not a claim")
    assert stats(wb).by_owner == {}


def test_checked_before_never_answers_with_a_withdrawn_claim(wb: Workbench, ids: list[int]) -> None:
    found = {s.claim.id for s in similar_claims(wb, ids[0], min_score=0.0)}
    assert ids[1] in found
    withdraw(wb, ids[1], reason="a duplicate of #1")
    assert ids[1] not in {s.claim.id for s in similar_claims(wb, ids[0], min_score=0.0)}
    # nor when a claim is added: "similar to" names the claim kept, not its withdrawn twin
    added = add_claim(
        wb, 1, "MiniMax had three or four failed runs", SpanRequest(quote="严重的预训练失败")
    )
    assert [ref.id for ref in added.similar or ()] == [ids[0]]
    # its own search still runs: it is asked of, never answered with
    assert ids[0] in {s.claim.id for s in similar_claims(wb, ids[1], min_score=0.0)}


def test_a_withdrawn_claim_round_trips_through_the_claims_table(
    wb: Workbench, ids: list[int], tmp_path: Path
) -> None:
    """The claims table lists it (status withdrawn, its reason as the note, no rating); an
    import of the table brings it back withdrawn, with that reason, and one event."""
    from workbench.services.documents import add_document
    from workbench.services.exports import claim_rows
    from workbench.services.imports import import_claims
    from workbench.services.notes import add_note

    withdraw(wb, ids[1], reason="a duplicate of #1")
    add_note(wb, ids[1], "a note after the withdrawal")
    # (Into another document: the rows' own document_id would name the first.)
    rows = [{k: v for k, v in r.items() if k != "document_id"} for r in claim_rows(wb)]
    row = next(r for r in rows if r["id"] == ids[1])
    assert (row["status"], row["rating"], row["note"]) == ("withdrawn", None, "a duplicate of #1")
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    copy = add_document(wb, (TEXT + "\n再版。").encode()).document.id
    result = import_claims(wb, str(path), copy)
    by_text = {c.text: c for c in result.added}
    again = by_text["MiniMax suffered 3-4 failed pre-training runs"]
    assert again.status == "withdrawn" and result.notices == []
    assert events_of(wb, again.id)[-1].payload["note"]["body"] == "a duplicate of #1"
    assert replay(wb).consistent
    # a withdrawn row without its reason is refused, as `claim withdraw` without one is
    del rows[1]["note"]
    path.write_text(json.dumps([rows[1]], ensure_ascii=False), encoding="utf-8")
    third = add_document(wb, (TEXT + "\n三版。").encode()).document.id
    with pytest.raises(InvalidInput, match="withdrawing a claim needs a reason"):
        import_claims(wb, str(path), third)
