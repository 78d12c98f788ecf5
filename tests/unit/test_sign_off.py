"""Who gave a claim's verdict and who approved it, read from its events."""

from __future__ import annotations

from typing import Any

from workbench.domain.sign_off import (
    SignOff,
    reason_note,
    reopened_verdict,
    sign_off,
    withdrawn_verdict,
)


def _ev(seq: int, actor: str, action: str, **payload: Any) -> tuple[int, str, str, Any]:
    return (seq, actor, action, payload)


def test_a_verdict_given_directly_has_no_approver() -> None:
    events = [
        _ev(1, "maria", "claim.added", after={"status": "unverified"}),
        _ev(2, "maria", "claim.status_changed", after={"status": "verified"}),
    ]
    assert sign_off(events) == SignOff("verified", "maria", None, 2)


def test_an_approved_verdict_names_its_proposer_and_approver() -> None:
    events = [
        _ev(1, "maria", "claim.added", after={"status": "unverified"}),
        _ev(2, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(3, "maria", "note.added", after={"body": "x"}),
        _ev(4, "lin", "claim.approved", before={"proposed_by": "maria"}, after={"status": "false"}),
        _ev(5, "lin", "claim.assigned", before={"assignee": None}, after={"assignee": "lin"}),
    ]
    assert sign_off(events) == SignOff("false", "maria", "lin", 4)


def test_reopening_a_verdict_clears_its_sign_off_and_a_new_one_counts() -> None:
    approved = [
        _ev(1, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(
            2,
            "lin",
            "claim.approved",
            before={"proposed_by": "maria"},
            after={"status": "verified"},
        ),
    ]
    reopened = [*approved, _ev(3, "maria", "claim.status_changed", after={"status": "in_progress"})]
    assert sign_off(reopened) is None
    # The trial's path: review turned off, a verdict given alone, review turned on again.
    again = [*reopened, _ev(4, "maria", "claim.status_changed", after={"status": "verified"})]
    assert sign_off(again) == SignOff("verified", "maria", None, 4)
    # A rejected proposal leaves no verdict.
    rejected = [
        *reopened,
        _ev(5, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(6, "lin", "claim.rejected", after={"status": "in_progress"}),
    ]
    assert sign_off(rejected) is None


def test_an_imported_verdict_has_no_approver() -> None:
    events = [_ev(1, "bot", "claim.imported", after={"status": "misleading"})]
    assert sign_off(events) == SignOff("misleading", "bot", None, 1)
    assert sign_off([]) is None


# reason_note: the note an export publishes (a trial: `export annotations` and `export claims`
# published the approver's "同意", the latest note, instead of the verdict's reason).


def _noted(note_id: int | None) -> dict[str, Any]:
    return {"note": None if note_id is None else {"id": note_id, "body": "..."}}


def test_an_approved_verdict_publishes_its_proposals_reason_not_the_approval() -> None:
    events = [
        _ev(1, "maria", "claim.added", after={"status": "unverified"}),
        _ev(2, "maria", "claim.review_requested", after={"status": "in_review"}, **_noted(2)),
        _ev(
            3,
            "lin",
            "claim.approved",
            before={"proposed_by": "maria"},
            after={"status": "false"},
            **_noted(3),
        ),
    ]
    notes = [(1, "maria"), (2, "maria"), (3, "lin"), (4, "lin")]  # 3: 同意; 4: ok
    assert reason_note(events, notes) == 2
    # in review: the proposal's reason too
    assert reason_note(events[:2], notes[:2]) == 2


def test_a_direct_verdict_publishes_its_own_note_whatever_came_after() -> None:
    events = [_ev(1, "maria", "claim.status_changed", after={"status": "verified"}, **_noted(5))]
    assert reason_note(events, [(4, "maria"), (5, "maria"), (6, "lin"), (7, "maria")]) == 5


def test_a_confirmed_verdict_publishes_the_confirmations_reason() -> None:
    events = [
        _ev(1, "maria", "claim.status_changed", after={"status": "false"}, **_noted(1)),
        _ev(2, "wang", "claim.status_changed", after={"status": "false"}, **_noted(3)),
    ]
    assert reason_note(events, [(1, "maria"), (2, "lin"), (3, "wang"), (4, "lin")]) == 3


def test_a_verdict_without_its_note_falls_back_on_its_givers_last_note_else_none() -> None:
    events = [_ev(1, "seed", "claim.added", after={"status": "misleading"})]
    assert reason_note(events, [(1, "seed"), (2, "lin"), (3, "seed"), (4, "lin")]) == 3
    assert reason_note(events, [(2, "lin"), (4, "lin")]) is None  # never another's note
    assert reason_note(events, []) is None
    approved_bare = [
        _ev(1, "maria", "claim.review_requested", after={"status": "in_review"}),
        _ev(2, "lin", "claim.approved", before={"proposed_by": "maria"}, after={"status": "false"}),
    ]
    assert reason_note(approved_bare, [(1, "maria"), (2, "lin")]) == 1


def test_an_open_claim_publishes_its_latest_note() -> None:
    rejected = [
        _ev(1, "maria", "claim.review_requested", after={"status": "in_review"}, **_noted(1)),
        _ev(2, "lin", "claim.rejected", after={"status": "in_progress"}, **_noted(2)),
    ]
    assert reason_note(rejected, [(1, "maria"), (2, "lin"), (3, "maria")]) == 3
    reopened = [
        _ev(1, "maria", "claim.status_changed", after={"status": "false"}, **_noted(1)),
        _ev(2, "lin", "claim.status_changed", after={"status": "in_progress"}, **_noted(2)),
    ]
    assert reason_note(reopened, [(1, "maria"), (2, "lin")]) == 2
    assert reason_note([], [(1, "maria"), (2, "lin")]) == 2
    assert reason_note([], []) is None
    # events that set no status are not read
    assigned = [_ev(1, "lin", "claim.assigned", after={"assignee": "lin"}, **_noted(1))]
    assert reason_note(assigned, [(1, "lin"), (2, "maria")]) == 2


def test_a_withdrawn_claim_has_no_sign_off_and_publishes_its_withdrawal_reason() -> None:
    """The claims table lists a withdrawn claim with the reason it was taken back (an import
    withdraws it again with it), not a note written after."""
    events = [
        _ev(1, "maria", "claim.status_changed", after={"status": "unverifiable"}, **_noted(1)),
        _ev(2, "lin", "claim.status_changed", after={"status": "withdrawn"}, **_noted(2)),
    ]
    assert sign_off(events) is None
    assert reason_note(events, [(1, "maria"), (2, "lin"), (3, "maria")]) == 2
    imported = [_ev(1, "bot", "claim.imported", after={"status": "withdrawn"}, **_noted(4))]
    assert reason_note(imported, [(4, "bot"), (5, "lin")]) == 4
    restored = [
        *events,
        _ev(3, "lin", "claim.status_changed", after={"status": "in_progress"}, **_noted(3)),
    ]
    assert reason_note(restored, [(1, "maria"), (2, "lin"), (3, "lin"), (4, "maria")]) == 4


def test_a_verdict_given_under_a_names_earlier_form_falls_back_on_that_persons_note() -> None:
    """A verdict recorded without its note, proposed as `王 芳` (the form an earlier version
    stored: a space between Chinese characters), then a note by `王芳` (the same person, as
    today's version records her): the table published no note, since the giver's notes were
    picked by `author == giver`. Now authors and the giver compare in their form today
    (people.current_form), as the board and the audit filter compare people; a name that only
    reads like hers (`wang fang`) is still someone else, whose note never stands in."""
    proposed = [
        _ev(1, "王 芳", "claim.review_requested", after={"status": "in_review"}),
        _ev(2, "lin", "claim.approved", before={"proposed_by": "王 芳"}, after={"status": "false"}),
    ]
    assert reason_note(proposed, [(1, "王芳"), (2, "lin")]) == 1
    given = [_ev(1, "王 芳", "claim.status_changed", after={"status": "misleading"})]
    assert reason_note(given, [(3, "lin"), (4, "王芳"), (5, "lin")]) == 4
    # and the other way round: a note an earlier version stored, a verdict given today
    today = [_ev(1, "王芳", "claim.status_changed", after={"status": "misleading"})]
    assert reason_note(today, [(6, "王 芳"), (7, "lin")]) == 6
    assert reason_note(today, [(8, "wang fang"), (9, "lin")]) is None


def test_a_reopened_claim_names_the_verdict_it_held_before() -> None:
    """The verdict a claim open again held (its review may be out): for the ClaimReview
    export's skip reason. None for a claim never judged, or holding a verdict now."""
    judged = [
        _ev(1, "maria", "claim.added", after={"status": "unverified"}),
        _ev(2, "maria", "claim.status_changed", after={"status": "false"}),
    ]
    reopened = [*judged, _ev(3, "lin", "claim.status_changed", after={"status": "in_progress"})]
    assert reopened_verdict(reopened) == "false"
    assert withdrawn_verdict(reopened) is None
    proposed_again = [
        *reopened,
        _ev(4, "lin", "claim.review_requested", after={"status": "in_review"}),
    ]
    assert reopened_verdict(proposed_again) == "false"
    assert reopened_verdict(judged) is None
    assert reopened_verdict(judged[:1]) is None
    withdrawn = [*judged, _ev(3, "lin", "claim.status_changed", after={"status": "withdrawn"})]
    assert reopened_verdict(withdrawn) is None


def _timed(seq: int, at: str, action: str, status: str | None = None) -> Any:
    return (seq, f"{at}.000000Z", action, {"after": {"status": status}} if status else {})


ADDED = _timed(1, "2026-12-01T09:00:00", "claim.added", "unverified")


def test_a_verdict_stamped_ahead_is_dated_by_the_move_after_it() -> None:
    from workbench.domain.sign_off import RanAhead, trail_time

    events = [
        ADDED,
        _timed(2, "2099-01-01T00:00:00", "claim.status_changed", "verified"),
        _timed(3, "2026-12-04T10:00:00", "note.added"),  # a note is no verdict move
        _timed(4, "2026-12-05T10:00:00", "claim.status_changed", "in_progress"),
        _timed(5, "2026-12-05T10:00:01", "claim.status_changed", "misleading"),
    ]
    assert trail_time(events, 2, events[1][1]) == RanAhead(
        2, events[1][1], "2026-12-05T10:00:00.000000Z", 4
    )
    assert trail_time(events, 5, events[4][1]) is None


def test_a_move_behind_the_claims_addition_shows_nothing_of_the_verdicts_clock() -> None:
    """A laptop back at 2001 (or five minutes slow) is the clock behind: no re-dating."""
    from workbench.domain.sign_off import trail_time

    for behind in ("2001-01-01T00:00:00", "2026-12-01T08:58:00"):
        events = [
            ADDED,
            _timed(2, "2026-12-01T09:10:00", "claim.status_changed", "verified"),
            _timed(3, behind, "claim.status_changed", "in_progress"),
        ]
        assert trail_time(events, 2, events[1][1]) is None


def test_a_verdict_ahead_with_its_claim_added_on_that_clock_is_not_told() -> None:
    from workbench.domain.sign_off import trail_time

    events = [
        _timed(1, "2099-01-01T00:00:00", "claim.added", "unverified"),
        _timed(2, "2099-01-01T00:00:05", "claim.status_changed", "verified"),
        _timed(3, "2026-12-05T10:00:00", "claim.status_changed", "in_progress"),
    ]
    assert trail_time(events, 2, events[1][1]) is None
