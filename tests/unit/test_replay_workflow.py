"""Replay holds the events to the workflow's evidence rule: an event that gives a claim a factual
verdict (verified, false, misleading), or proposes one, before any evidence of that claim was
recorded claims a move the workflow refuses, and is a difference even where the tables agree."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.domain.kinds import Kind
from workbench.domain.replay import Replay
from workbench.domain.replay_state import IdSet

# Just the fields the rule reads: the rule goes by kind and field names, not by the registry.
KINDS = {
    "claim": Kind("claim", ("id", "status", "proposed_status"), claim_field="id"),
    "evidence": Kind("evidence", ("id", "claim_id"), claim_field="claim_id", immutable=True),
}


class Trail:
    def __init__(self) -> None:
        self.replay = Replay(KINDS)
        self.seq = 0

    def event(self, action: str, etype: str, eid: int, claim: int, payload: Any) -> int:
        self.seq += 1
        self.replay.apply(self.seq, action, etype, str(eid), claim, json.dumps(payload))
        return self.seq

    def claim(self, cid: int, status: str = "unverified", proposed: str | None = None) -> int:
        """A claim as a workbench with the workflow creates it (with its `priority`)."""
        after = {"id": cid, "status": status, "proposed_status": proposed, "priority": "normal"}
        return self.event("claim.added", "claim", cid, cid, {"after": after})

    def evidence(self, eid: int, cid: int) -> int:
        after = {"id": eid, "claim_id": cid}
        return self.event("evidence.added", "evidence", eid, cid, {"after": after})

    def move(self, cid: int, action: str, before: dict[str, Any], after: dict[str, Any]) -> int:
        return self.event(action, "claim", cid, cid, {"before": before, "after": after})

    def messages(self) -> list[str]:
        return [d.message for d in self.replay.differences]


@pytest.mark.parametrize("verdict", ["verified", "false", "misleading"])
def test_a_factual_verdict_with_no_evidence_is_a_difference(verdict: str) -> None:
    t = Trail()
    t.claim(1)
    seq = t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": verdict})
    assert t.messages() == [
        f"seq {seq} (claim.status_changed): claim #1: status becomes {verdict!r} with no "
        "evidence recorded for the claim: the workflow refuses that verdict without evidence "
        "(verdict_needs_evidence)"
    ]


@pytest.mark.parametrize("verdict", ["unverifiable", "opinion", "in_progress"])
def test_other_statuses_need_no_evidence(verdict: str) -> None:
    t = Trail()
    t.claim(1)
    t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": verdict})
    assert t.messages() == []


def test_evidence_recorded_first_allows_the_verdict() -> None:
    t = Trail()
    t.claim(1)
    t.claim(2)
    t.evidence(1, 1)
    t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": "false"})
    assert t.messages() == []
    # evidence of another claim does not count for claim 2
    seq = t.move(2, "claim.status_changed", {"status": "unverified"}, {"status": "false"})
    assert [m.split(":")[0] for m in t.messages()] == [f"seq {seq} (claim.status_changed)"]


def test_evidence_recorded_after_the_verdict_is_too_late() -> None:
    t = Trail()
    t.claim(1)
    seq = t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": "verified"})
    t.evidence(1, 1)
    (message,) = t.messages()
    assert message.startswith(f"seq {seq} (claim.status_changed): claim #1: status becomes")


def test_a_proposal_is_held_to_the_rule_and_its_approval_too() -> None:
    t = Trail()
    t.claim(1)
    proposed = t.move(
        1,
        "claim.review_requested",
        {"status": "unverified", "proposed_status": None},
        {"status": "in_review", "proposed_status": "misleading"},
    )
    approved = t.move(
        1,
        "claim.approved",
        {"status": "in_review", "proposed_status": "misleading"},
        {"status": "misleading", "proposed_status": None},
    )
    assert [m.split(": ")[2] for m in t.messages()] == [
        "proposed_status becomes 'misleading' with no evidence recorded for the claim",
        "status becomes 'misleading' with no evidence recorded for the claim",
    ]
    assert [d.seq for d in t.replay.differences] == [proposed, approved]


def test_a_claim_created_with_a_verdict_needs_evidence_too() -> None:
    """As an import once created a claim on a table's word for its verdict: reported."""
    t = Trail()
    seq = t.claim(1, status="false")
    (message,) = t.messages()
    assert message.startswith(f"seq {seq} (claim.added): claim #1: status becomes 'false'")


def test_a_later_change_to_a_settled_claim_is_not_reported_again() -> None:
    t = Trail()
    t.claim(1)
    t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": "false"})
    t.move(1, "claim.tagged", {}, {})
    t.move(1, "claim.status_changed", {"status": "false"}, {"status": "false"})
    assert len(t.messages()) == 1


def test_id_set_holds_ids_in_and_beyond_its_bitmap() -> None:
    ids = IdSet(bitmap_ids=64)
    for n in (0, 1, 7, 8, 63, 64, 10**15, -3):
        assert n not in ids
        ids.add(n)
        assert n in ids
    assert 2 not in ids and 62 not in ids and 65 not in ids and 10**15 + 1 not in ids
    assert len(ids._bits) <= 8  # the bitmap never passes its limit


def test_a_trail_from_before_the_workflow_gave_verdicts_without_evidence() -> None:
    """Before migration 0003 there was no evidence to cite: a claim created without the
    workflow's fields and rated false is no difference; from the first event written under
    the workflow on, the rule holds (here: an assignment)."""
    t = Trail()
    old = {"id": 1, "status": "unverified", "proposed_status": None}  # no priority: pre-0003
    t.event("claim.added", "claim", 1, 1, {"after": old})
    t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": "false"})
    t.event("claim.added", "claim", 2, 2, {"after": {**old, "id": 2}})
    assert t.messages() == [] and not t.replay.workflow
    t.move(2, "claim.assigned", {}, {})
    assert t.replay.workflow
    seq = t.move(2, "claim.status_changed", {"status": "unverified"}, {"status": "false"})
    assert [m.split(":")[0] for m in t.messages()] == [f"seq {seq} (claim.status_changed)"]


@pytest.mark.parametrize(
    ("action", "after"),
    [("evidence.added", {"id": 1, "claim_id": 1}), ("claim.added", {"id": 2, "priority": "low"})],
)
def test_the_workflow_begins_at_the_first_event_only_it_writes(
    action: str, after: dict[str, Any]
) -> None:
    t = Trail()
    t.event("claim.added", "claim", 1, 1, {"after": {"id": 1, "status": "unverified"}})
    assert not t.replay.workflow
    t.event(
        action,
        action.split(".")[0],
        after["id"],
        after.get("claim_id", after["id"]),
        {"after": after},
    )
    assert t.replay.workflow


def test_an_imported_verdict_with_no_evidence_is_not_held_to_the_rule() -> None:
    """`import claims` wrote such events until 2026-12-01: a desk's genuine trail has them."""
    t = Trail()
    t.claim(1)  # the trail is under the workflow from its first event
    after = {"id": 2, "status": "false", "proposed_status": None, "priority": "normal"}
    source = {"file": "t.csv", "row": 1}
    t.event("claim.imported", "claim", 2, 2, {"after": after, "note": None, "source": source})
    t.move(1, "claim.status_changed", {"status": "unverified"}, {"status": "false"})
    assert len(t.messages()) == 1 and "claim #1" in t.messages()[0]


# The words of a claim, for the edit rule: claim edit refuses changing them once judged.
WORDED = {
    **KINDS,
    "claim": Kind(
        "claim",
        ("id", "status", "proposed_status", "text", "type", "speaker"),
        claim_field="id",
    ),
}


def _worded_claim(t: Trail, status: str, **more: object) -> None:
    after = {
        **more,
        "id": 1,
        "status": status,
        "proposed_status": "opinion" if status == "in_review" else None,
        "text": "A said",
        "type": "fact",
        "speaker": None,
        "priority": "normal",
    }
    t.event("claim.added", "claim", 1, 1, {"after": after})


@pytest.mark.parametrize("status", ["in_review", "unverifiable", "opinion"])
def test_an_edit_of_a_judged_claim_is_a_difference(status: str) -> None:
    """`claim edit` refuses a claim in review or with a verdict (claim_judged): an event that
    edits one claims a move the workflow never makes."""
    t = Trail()
    t.replay = Replay(WORDED)
    _worded_claim(t, status)
    seq = t.move(
        1,
        "claim.edited",
        {"text": "A said", "speaker": None},
        {"text": "A said nothing", "speaker": "甲"},
    )
    assert t.messages() == [
        f"seq {seq} (claim.edited): claim #1: text and speaker changed while the claim is "
        f"{status!r}: the workflow refuses to change what a claim in review or with a verdict "
        "says (claim_judged)"
    ]


def test_a_new_span_for_a_judged_claim_is_a_difference() -> None:
    """`claim edit --quote` pins a claim anew only while it is open: a verdict judged the
    words it was pinned to, so an event moving a judged claim's span records a refused move."""
    t = Trail()
    fields = ("id", "status", "proposed_status", "text", "type", "speaker", "start", "end")
    t.replay = Replay({**WORDED, "claim": Kind("claim", fields, claim_field="id")})
    _worded_claim(t, "unverifiable", start=0, end=2)
    seq = t.move(1, "claim.edited", {"start": 0, "end": 2}, {"start": 4, "end": 9})
    assert t.messages() == [
        f"seq {seq} (claim.edited): claim #1: span changed while the claim is 'unverifiable': the "
        "workflow refuses to change what a claim in review or with a verdict says (claim_judged)"
    ]


@pytest.mark.parametrize("status", ["unverified", "in_progress"])
def test_an_edit_of_an_open_claim_is_no_difference(status: str) -> None:
    t = Trail()
    t.replay = Replay(WORDED)
    _worded_claim(t, status)
    t.move(1, "claim.edited", {"type": "fact"}, {"type": "opinion"})
    assert t.messages() == []


def test_the_status_before_the_edit_is_what_counts() -> None:
    """A forged edit that also moves the status back does not get past the rule."""
    t = Trail()
    t.replay = Replay(WORDED)
    _worded_claim(t, "opinion")
    seq = t.move(
        1,
        "claim.edited",
        {"status": "opinion", "text": "A said"},
        {"status": "unverified", "text": "A said nothing"},
    )
    beyond, message = t.messages()
    assert beyond == (
        f"seq {seq} (claim.edited): claim #1: changes 'status' and 'text': a claim.edited "
        "changes only 'text', 'type', 'speaker', 'start', 'end', 'quote', 'prefix', 'suffix', "
        "'revision', 'anchor_state' and 'anchor_score' (and a claim's 'version' and 'updated_at')"
    )
    assert message.startswith(f"seq {seq} (claim.edited): claim #1: text changed while the claim")


def test_a_replay_counts_a_documents_first_text_among_its_revisions() -> None:
    from workbench.domain.replay import ReplayReport

    report = ReplayReport(
        events=30, entities={"document": 9, "revision": 4, "claim": 2}, differences=[], total=0
    )
    assert report.counted() == {"document": 9, "revision": 13, "claim": 2}
    assert report.entities["revision"] == 4  # --json keeps the entities the events create
    assert ReplayReport(0, {"claim": 1}, [], 0).counted() == {"claim": 1}


# --- withdrawn claims: withdrawing and restoring need a reason (a note with the change) ------

NOTED = {**KINDS, "note": Kind("note", ("id", "claim_id", "body"), claim_field="claim_id")}


def _noted_move(
    t: Trail, before: str, after: str, note: int | None, action: str = "claim.status_changed"
) -> int:
    written = None if note is None else {"id": note, "claim_id": 1, "body": "a duplicate"}
    payload = {"before": {"status": before}, "after": {"status": after}, "note": written}
    return t.event(action, "claim", 1, 1, payload)


def test_a_withdrawal_and_a_restoring_with_their_reasons_are_no_difference() -> None:
    t = Trail()
    t.replay = Replay(NOTED)
    t.claim(1)
    _noted_move(t, "unverified", "withdrawn", 1)
    _noted_move(t, "withdrawn", "in_progress", 2)
    _noted_move(t, "in_progress", "unverifiable", 3)
    _noted_move(t, "unverifiable", "withdrawn", 4)
    assert t.messages() == []


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [
        ("unverified", "withdrawn", "withdrawn with no reason recorded (withdraw_needs_reason)"),
        ("opinion", "withdrawn", "withdrawn with no reason recorded (withdraw_needs_reason)"),
        (
            "withdrawn",
            "unverified",
            "restored from withdrawn with no reason recorded (restore_needs_note)",
        ),
    ],
)
def test_a_withdrawal_or_restoring_without_a_reason_is_a_difference(
    before: str, after: str, rule: str
) -> None:
    t = Trail()
    t.replay = Replay(NOTED)
    t.claim(1)
    if before != "unverified":
        _noted_move(t, "unverified", before, 1)
    seq = _noted_move(t, before, after, None)
    assert t.messages() == [
        f"seq {seq} (claim.status_changed): claim #1: {rule}: a move the workflow refuses"
    ]


@pytest.mark.parametrize(
    ("action", "verdict"),
    [("claim.status_changed", "opinion"), ("claim.review_requested", "in_review")],
)
def test_a_verdict_straight_from_withdrawn_is_a_difference(action: str, verdict: str) -> None:
    t = Trail()
    t.replay = Replay(NOTED)
    t.claim(1)
    _noted_move(t, "unverified", "withdrawn", 1)
    seq = _noted_move(t, "withdrawn", verdict, 2, action)
    assert t.messages() == [
        f"seq {seq} ({action}): claim #1: status becomes {verdict!r} straight from withdrawn: "
        "the workflow restores a withdrawn claim before it is judged (claim_withdrawn): a move "
        "the workflow refuses"
    ]


def test_a_claim_imported_withdrawn_needs_its_reason() -> None:
    t = Trail()
    t.replay = Replay(NOTED)
    t.claim(2)
    after = {"id": 1, "status": "withdrawn", "proposed_status": None, "priority": "normal"}
    note = {"id": 1, "claim_id": 1, "body": "not a claim"}
    t.event(
        "claim.imported",
        "claim",
        1,
        1,
        {"after": after, "note": note, "source": {"file": "t.csv", "row": 1}},
    )
    assert t.messages() == []
    seq = t.event(
        "claim.imported",
        "claim",
        3,
        3,
        {"after": {**after, "id": 3}, "note": None, "source": {"file": "t.csv", "row": 1}},
    )
    assert t.messages() == [
        f"seq {seq} (claim.imported): claim #3: withdrawn with no reason recorded "
        "(withdraw_needs_reason): a move the workflow refuses"
    ]


def test_an_edit_of_a_withdrawn_claim_is_a_difference() -> None:
    t = Trail()
    t.replay = Replay({**WORDED, "note": NOTED["note"]})
    _worded_claim(t, "unverified")
    _noted_move(t, "unverified", "withdrawn", 1)
    seq = t.move(1, "claim.edited", {"text": "A said"}, {"text": "A said nothing"})
    assert t.messages() == [
        f"seq {seq} (claim.edited): claim #1: text changed while the claim is withdrawn: the "
        "workflow refuses to change what was taken back until it is restored (claim_withdrawn)"
    ]
