"""`claim list --untouched-since`: the claims nobody has worked on since a time (an editor's
"what has nobody touched for a week?").

Before, `claim list` could filter by status, owner and due date but not by activity, and
`--updated-since` could not stand in for it: a note or evidence does not change a claim's
`updated_at` (which version checks compare, and must not move for them). Now activity is any
audit event on the claim, its notes, evidence and reviews (events.claim_id), a claim is
untouched since WHEN when it has no event at or after WHEN, and each listed claim carries its
last activity (`last_activity`, the time of its latest event).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.queries import ClaimFilter, claims_page, list_claims, stats

TEXT = "甲公司2024年营收增长30%。乙公司裁员200人。丙公司成立于2019年。丁公司市值千亿。"
CLAIMS = [
    ("A grew 30%", "营收增长30%"),
    ("B cut 200 jobs", "裁员200人"),
    ("C was founded in 2019", "成立于2019年"),
    ("D is worth 100bn", "市值千亿"),
]


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


@pytest.fixture
def desk(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> dict[str, int]:
    """Four claims added on 1 November 2026; then a note on A (20 November), evidence on B
    (25 November) and a status change on D (26 November); C left alone."""
    import workbench.services.claims as claims
    import workbench.services.context as context

    clock: Iterator[dt.datetime] = iter(())

    def set_day(day: str) -> None:
        nonlocal clock
        clock = (at(day) + dt.timedelta(seconds=i) for i in range(10_000))

    monkeypatch.setattr(context, "now", lambda: next(clock))
    monkeypatch.setattr(claims, "now", lambda: next(clock))  # the claims' updated_at
    set_day("2026-11-01T09:00:00")
    ids = dict(zip("ABCD", document_with_claims(TEXT, CLAIMS).claims, strict=True))
    set_day("2026-11-20T10:00:00")
    add_note(wb, ids["A"], "年报第3页")
    set_day("2026-11-25T10:00:00")
    add_evidence(wb, ids["B"], EvidenceInput(stance="supports", citation="公司公告"))
    set_day("2026-11-26T10:00:00")
    set_status(wb, ids["D"], "in_progress")
    return ids


def listed(wb: Workbench, **filters: Any) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(**filters))]


def test_untouched_since_a_date(wb: Workbench, desk: dict[str, int]) -> None:
    """A note and evidence are activity, though neither changes the claim's row."""
    assert listed(wb, untouched_since="2026-11-22") == [desk["A"], desk["C"]]
    assert listed(wb, untouched_since="2026-11-10") == [desk["C"]]
    # the claims' own additions on 1 November count too
    assert listed(wb, untouched_since="2026-11-01") == []
    assert listed(wb, untouched_since="2026-12-01") == sorted(desk.values())
    # with the other filters: the open claims nobody touched since the 22nd
    assert listed(wb, untouched_since="2026-11-22", statuses=["unverified"]) == [
        desk["A"],
        desk["C"],
    ]
    shown, total = claims_page(wb, ClaimFilter(untouched_since="2026-11-22", limit=1))
    assert [c.id for c in shown] == [desk["A"]] and total == 2


def test_each_listed_claim_says_its_last_activity(wb: Workbench, desk: dict[str, int]) -> None:
    """`updated_at` and `version` stay as they were after a note or evidence (version checks
    compare them); `last_activity` is the time of the claim's latest event."""
    seen = {c.id: c for c in list_claims(wb)}
    a, b = seen[desk["A"]], seen[desk["B"]]
    assert a.last_activity == "2026-11-20T10:00:00.000000Z"
    assert b.last_activity == "2026-11-25T10:00:00.000000Z"
    assert seen[desk["C"]].last_activity is not None
    assert seen[desk["C"]].last_activity.startswith("2026-11-01T09:00")
    assert seen[desk["D"]].last_activity == "2026-11-26T10:00:00.000000Z"
    assert a.version == 1 and a.updated_at < a.last_activity
    assert a.to_json()["last_activity"] == a.last_activity
    # the board's short lists are not claim lists: they carry no last activity
    board = stats(wb).to_json()
    assert all("last_activity" not in c for c in board["oldest_open"])


def test_days_ago(wb: Workbench, desk: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Nd is N days before now (a week: 7d), as typed on a Chinese keyboard too (7天, ７ｄ)."""
    import workbench.domain.clock as clock

    monkeypatch.setattr(clock, "now", lambda: at("2026-11-30T12:00:00"))
    for week in ("7d", "7天", "７ｄ", " 7D "):
        assert listed(wb, untouched_since=week) == [desk["A"], desk["C"]], week
    # since 25 November 12:00: B's evidence (10:00) is before, D's status change after
    assert listed(wb, untouched_since="5d") == [desk["A"], desk["B"], desk["C"]]
    assert clock.parse_since_or_days("1d") == at("2026-11-29T12:00:00")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("-7d", "not a date"),
        ("0d", "at least 1 day"),
        ("36501d", "at most 36,500 days"),
        ("9" * 5000 + "d", "at most 36,500 days"),
        ("7 days", "not a date"),
        ("last week", "not a date"),
        ("2026-13-01", "not a date"),
        ("", "not a date"),
    ],
)
def test_bad_times_are_refused(wb: Workbench, value: str, said: str) -> None:
    with pytest.raises(InvalidInput, match=said):
        list_claims(wb, ClaimFilter(untouched_since=value))


def test_untouched_on_or_before_updated_lists_what_it_says(
    wb: Workbench, desk: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changed since X and untouched since Y, Y on or before X, was refused as a
    contradiction ("a change is activity"). A `doc update`'s re-anchoring changes a claim and
    is no activity (test_changed_by_a_revision_yet_untouched_is_no_contradiction), so the
    pair is a real question; on this desk, where every change is someone's, it lists nothing.
    Y after X (changed since X, then left alone since Y) lists what it says."""
    import workbench.domain.clock as clock

    monkeypatch.setattr(clock, "now", lambda: at("2026-11-30T12:00:00"))
    for updated, untouched in (
        ("2026-11-26", "2026-11-26"),
        ("2026-11-26", "2026-11-20"),
        ("2026-11-25", "7d"),  # 23 November, 12:00
        ("2026-11-26T10:00:00Z", "2026-11-26T10:00:00+00:00"),
    ):
        flt = ClaimFilter(updated_since=updated, untouched_since=untouched)
        assert flt.problem() is None, (updated, untouched)
        assert list_claims(wb, flt) == [], (updated, untouched)
    assert listed(wb, updated_since="2026-11-26", untouched_since="2026-11-27") == [desk["D"]]
    assert listed(wb, updated_since="2026-11-20", untouched_since="1d") == [desk["D"]]


def test_the_board_counts_each_owners_untouched_open_claims(
    wb: Workbench, desk: dict[str, int]
) -> None:
    """The board said how many claims each owner has to check, not how many of them nobody
    has worked on for a while: an editor read that claim by claim (`claim list --open
    --untouched-since`). Now `stats(untouched_since=WHEN)` counts, per owner, the open claims
    (unverified or in progress) with no activity since WHEN, by the rule claim list uses; a
    verdict is no one's idle work. Unasked, the board is as it was."""
    add_evidence(wb, desk["C"], EvidenceInput(stance="refutes", citation="工商登记"))
    set_status(wb, desk["C"], "false", note="成立于2018年")  # C: a verdict, on 26 November
    board = stats(wb, untouched_since="2026-11-22")
    nobody = board.by_owner["(unassigned)"]
    assert (nobody.to_check, nobody.untouched) == (3, 1)  # A (its note on the 20th)
    assert stats(wb, untouched_since="2026-12-01").by_owner["(unassigned)"].untouched == 3
    assert board.to_json()["by_owner"]["(unassigned)"]["untouched"] == 1
    assert board.to_json()["untouched_since"] == "2026-11-22T00:00:00.000000Z"
    unasked = stats(wb).to_json()
    assert "untouched" not in unasked["by_owner"]["(unassigned)"]
    assert "untouched_since" not in unasked
    with pytest.raises(InvalidInput, match="at least 1 day"):
        stats(wb, untouched_since="0d")


def test_a_claim_in_review_is_not_counted_as_untouched_work_to_check(
    wb: Workbench, desk: dict[str, int]
) -> None:
    """The board's `untouched` is "of those to check" (docs/json.md, README), and sits beside
    `to check`, which leaves out a claim in review (that is `in review`, the approver's). It
    counted every open claim, in review too: an owner with one proposal waiting and nothing
    else read 'to check 0, untouched 1'. Now a claim in review is not counted: `untouched` is
    never more than `to_check`."""
    from tests.conftest import PG_URL
    from workbench.services.settings import set_config

    set_config(wb, "review.required", "true")
    if PG_URL:
        # every test connects as one database role: the role rule has its own tests
        set_config(wb, "review.distinct_roles", "false")
    change = set_status(wb, desk["B"], "verified", note="公告属实")
    assert change.claim.status == "in_review"
    nobody = stats(wb, untouched_since="2026-12-01").by_owner["(unassigned)"]
    assert (nobody.to_check, nobody.awaiting_approval) == (3, 1)
    assert nobody.untouched == 3  # A, C and D; not B, whose proposal awaits approval


def test_a_new_revision_of_the_document_is_not_work_on_its_claims(
    wb: Workbench, desk: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`doc update` re-anchors every claim of the document to the new revision and writes an
    event for each (claim.reanchored; claim.quote_changed where the quote changed): the
    revision's doing, not anyone's work on the claim. Counted as activity, one correction of
    an article took every claim of it off the editor's "nobody has touched these for a week"
    list and out of the board's `untouched` (on a desk of 39 claims, 7 of the 23 untouched
    vanished after one `doc update`), and set their last activity to the update's time. Now
    the re-anchoring events are not activity: A (a note on the 20th) and C (left alone since
    the 1st) stay untouched since the 22nd, a changed quote (A's) included."""
    import workbench.services.context as context
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    later = (at("2026-11-28T10:00:00") + dt.timedelta(seconds=i) for i in range(10_000))
    monkeypatch.setattr(context, "now", lambda: next(later))
    revised = TEXT.replace("营收增长30%", "营收增长35%") + "戊公司上市。"
    update_document(wb, desk_document(wb, desk["A"]), Content(revised, "text", "r2.txt"))
    assert listed(wb, untouched_since="2026-11-22") == [desk["A"], desk["C"]]
    board = stats(wb, untouched_since="2026-11-22").by_owner["(unassigned)"]
    assert (board.to_check, board.untouched) == (4, 2)
    seen = {c.id: c for c in list_claims(wb)}
    assert seen[desk["A"]].last_activity == "2026-11-20T10:00:00.000000Z"
    last_c = seen[desk["C"]].last_activity
    assert last_c is not None and last_c.startswith("2026-11-01T09:00")


def desk_document(wb: Workbench, claim_id: int) -> int:
    return next(c.document_id for c in list_claims(wb) if c.id == claim_id)


def test_changed_by_a_revision_yet_untouched_is_no_contradiction(
    wb: Workbench, desk: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--updated-since X --untouched-since Y`, Y on or before X, was refused as a
    contradiction: "a change is activity". Since a `doc update`'s re-anchoring is no one's
    work (test above), a change is not always activity: re-anchoring sets the claim's
    updated_at and leaves it untouched. The claims a correction on the 28th moved that nobody
    has worked on since the 22nd (A, C) are what the editor asks for, not a mistake."""
    import workbench.services.claim_updates as claim_updates
    import workbench.services.context as context
    from workbench.services.revisions import update_document
    from workbench.services.sources import Content

    later = (at("2026-11-28T10:00:00") + dt.timedelta(seconds=i) for i in range(10_000))
    monkeypatch.setattr(context, "now", lambda: next(later))
    monkeypatch.setattr(claim_updates, "now", lambda: next(later))  # the claims' updated_at
    revised = TEXT.replace("营收增长30%", "营收增长35%") + "戊公司上市。"
    update_document(wb, desk_document(wb, desk["A"]), Content(revised, "text", "r2.txt"))
    flt = ClaimFilter(updated_since="2026-11-27", untouched_since="2026-11-22")
    assert flt.problem() is None
    assert listed(wb, updated_since="2026-11-27", untouched_since="2026-11-22") == [
        desk["A"],
        desk["C"],
    ]
    # the same moment both ways: every claim the revision moved, none worked on since
    assert listed(wb, updated_since="2026-11-28", untouched_since="2026-11-28") == sorted(
        desk.values()
    )
