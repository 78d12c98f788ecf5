"""`stats --by KEY` in the library (services.breakdown): the desk's claims counted by tag,
speaker, type, owner or the UTC month they were added (trial57: a year's retrospective had no
way to count claims but one `claim list --limit 1` per tag or speaker, and none by month).

The desk: six claims, hand-counted below. Withdrawn #5 is counted nowhere.

| #  | added (UTC)       | speaker | type       | tags           | owner | status      |
| c1 | 2025-11-20 10:00  | 张一鸣  | fact       | economy, 估值  | dana  | false       |
| c2 | 2025-12-31 23:30  | 张一鸣  | fact       | economy        | dana  | verified    |
| c3 | 2026-01-02 09:00  | Lei Jun | prediction | economy        | lee   | in_progress |
| c4 | 2026-01-03 09:00  | -       | opinion    | 估值           | -     | unverified  |
| c5 | 2026-01-04 09:00  | Lei Jun | fact       | economy        | -     | withdrawn   |
| c6 | 2026-01-05 09:00  | -       | fact       | -              | lee   | in_review   |
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.breakdown import breakdown
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.settings import set_config
from workbench.services.workflow import assign, tag

TEXT = "一句。二句。三句。四句。五句。六句。"
CLAIMS: list[dict[str, Any]] = [
    {"at": "2025-11-20T10:00", "quote": "一句", "speaker": "张一鸣", "claim_type": "fact"},
    {"at": "2025-12-31T23:30", "quote": "二句", "speaker": "张一鸣", "claim_type": "fact"},
    {"at": "2026-01-02T09:00", "quote": "三句", "speaker": "Lei Jun", "claim_type": "prediction"},
    {"at": "2026-01-03T09:00", "quote": "四句", "speaker": None, "claim_type": "opinion"},
    {"at": "2026-01-04T09:00", "quote": "五句", "speaker": "Lei Jun", "claim_type": "fact"},
    {"at": "2026-01-05T09:00", "quote": "六句", "speaker": None, "claim_type": "fact"},
]


def build_desk(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The desk of the table above; each claim added at its own UTC time."""
    import workbench.services.claims as claims
    import workbench.services.context as context

    moment = [dt.datetime(2025, 11, 1, tzinfo=dt.UTC)]

    def tick() -> dt.datetime:
        moment[0] += dt.timedelta(seconds=1)
        return moment[0]

    monkeypatch.setattr(context, "now", tick)
    monkeypatch.setattr(claims, "now", tick)
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    ids = []
    for spec in CLAIMS:
        moment[0] = dt.datetime.fromisoformat(spec["at"]).replace(tzinfo=dt.UTC)
        text = f"claim {spec['quote']}"
        span = SpanRequest(quote=spec["quote"])
        kept = {k: spec[k] for k in ("speaker", "claim_type")}
        ids.append(add_claim(wb, doc, text, span, **kept).id)
    c1, c2, c3, c4, c5, c6 = ids
    tag(wb, [c1, c2, c3, c5], ["economy"])
    tag(wb, [c1, c4], ["估值"])
    assign(wb, [c1, c2], "dana")
    assign(wb, [c3, c6], "lee")
    for claim_id in (c1, c2, c6):
        add_evidence(wb, claim_id, EvidenceInput(stance="refutes", url="https://example.org/s"))
    set_status(wb, c1, "false", note="no")
    set_status(wb, c2, "verified", note="yes")
    set_status(wb, c3, "in_progress")
    withdraw(wb, c5, reason="a duplicate of #3")
    set_config(wb, "review.required", "true")
    set_status(wb, c6, "misleading", note="half of it")
    return ids


@pytest.fixture
def desk(wb: Workbench, monkeypatch: pytest.MonkeyPatch) -> Workbench:
    build_desk(wb, monkeypatch)
    return wb


def counted(wb: Workbench, key: str, limit: int = 50, **span: str) -> list[tuple[Any, ...]]:
    """Each row as (value, claims, to_check, in_review, verified, false, misleading, unverifiable,
    opinion)."""
    return [(r.value, *r.counts.values()) for r in breakdown(wb, key, limit, **span).rows]


def test_claims_by_tag_count_a_claim_under_each_of_its_tags(desk: Workbench) -> None:
    """There was no count by tag. c1 counts under economy and 估值; withdrawn c5 under
    neither; c6, untagged, in the (none) row (None)."""
    assert counted(desk, "tag") == [
        ("economy", 3, 1, 0, 1, 1, 0, 0, 0),
        ("估值", 2, 1, 0, 0, 1, 0, 0, 0),
        (None, 1, 0, 1, 0, 0, 0, 0, 0),
    ]


def test_claims_by_speaker_put_those_with_none_last_among_equals(desk: Workbench) -> None:
    """There was no count by speaker. 张一鸣 and the speakerless tie at 2: by name, none last;
    Lei Jun's withdrawn claim is left out."""
    assert counted(desk, "speaker") == [
        ("张一鸣", 2, 0, 0, 1, 1, 0, 0, 0),
        (None, 2, 1, 1, 0, 0, 0, 0, 0),
        ("Lei Jun", 1, 1, 0, 0, 0, 0, 0, 0),
    ]


def test_claims_by_type_and_owner(desk: Workbench) -> None:
    """Type and owner, as the board's (withdrawn left out), now with each status split."""
    assert counted(desk, "type") == [
        ("fact", 3, 0, 1, 1, 1, 0, 0, 0),
        ("opinion", 1, 1, 0, 0, 0, 0, 0, 0),
        ("prediction", 1, 1, 0, 0, 0, 0, 0, 0),
    ]
    assert counted(desk, "owner") == [
        ("dana", 2, 0, 0, 1, 1, 0, 0, 0),
        ("lee", 2, 1, 1, 0, 0, 0, 0, 0),
        (None, 1, 1, 0, 0, 0, 0, 0, 0),
    ]


def test_claims_by_month_are_by_the_utc_month_they_were_added(desk: Workbench) -> None:
    """There was no count by month. c2, added 2025-12-31 23:30 UTC (January in Beijing), is
    December's. Months are in date order (they were ordered by count: 2026-01 came first)."""
    assert counted(desk, "month") == [
        ("2025-11", 1, 0, 0, 0, 1, 0, 0, 0),
        ("2025-12", 1, 0, 0, 1, 0, 0, 0, 0),
        ("2026-01", 3, 2, 1, 0, 0, 0, 0, 0),
    ]


def test_a_span_counts_the_claims_added_in_it(desk: Workbench) -> None:
    """--since/--until with --by: the claims added in the span (a date is its whole day)."""
    assert counted(desk, "type", since="2026-01-02", until="2026-01-03") == [
        ("opinion", 1, 1, 0, 0, 0, 0, 0, 0),
        ("prediction", 1, 1, 0, 0, 0, 0, 0, 0),
    ]
    assert counted(desk, "month", since="2025-12-31T23:00:00Z") == [
        ("2025-12", 1, 0, 0, 1, 0, 0, 0, 0),
        ("2026-01", 3, 2, 1, 0, 0, 0, 0, 0),
    ]
    assert counted(desk, "tag", since="2027-01-01") == []


def test_the_limit_bounds_the_rows_and_the_total_says_how_many(desk: Workbench) -> None:
    """--limit cuts the rows in the database, and the total still counts them all."""
    cut = breakdown(desk, "tag", 2)
    assert ([r.value for r in cut.rows], cut.total) == (["economy", "估值"], 3)
    none = breakdown(desk, "speaker", 0)
    assert (none.rows, none.total) == ([], 3)
    assert breakdown(desk, "month", 1).to_json() == [
        {
            "month": "2026-01",
            **{"claims": 3, "to_check": 2, "in_review": 1, "verified": 0, "false": 0},
            **{"misleading": 0, "unverifiable": 0, "opinion": 0},
        }
    ]


def test_the_limit_keeps_the_latest_months_in_date_order(desk: Workbench) -> None:
    """--limit kept the busiest months, so a year's table by month could skip the month just
    past for a busier one long ago; it keeps the latest, oldest first, and still counts all."""
    latest = breakdown(desk, "month", 2)
    assert ([r.value for r in latest.rows], latest.total) == (["2025-12", "2026-01"], 3)


def test_an_empty_desk_and_bad_keys(wb: Workbench) -> None:
    """No claims: no rows, none in all; a key not offered, a negative limit or an end before
    its start are refused."""
    empty = breakdown(wb, "speaker", 10)
    assert (empty.rows, empty.total) == ([], 0)
    for bad in (
        {"key": "status", "limit": 10},
        {"key": "tag", "limit": -1},
        {"key": "tag", "limit": 10, "since": "2026-02-01", "until": "2026-01-01"},
        {"key": "tag", "limit": 10, "until": "2026-01-01"},
    ):
        with pytest.raises(InvalidInput):
            breakdown(wb, **bad)


def test_one_speaker_typed_otherwise_in_another_document_is_one_row(wb: Workbench) -> None:
    """`stats --by speaker` counted Donald Trump (two claims of one article) and `donald
    trump` (a claim of another, whose desk typed it so), and 王芳 beside `王 芳`, as four
    speakers, where `claim list --speaker` finds each one's claims together. One row each,
    named as the desk typed the name on most of them (then in code point order: the same
    every run), whichever document was added first."""
    first = add_document(wb, "一句。二句。三句。".encode(), meta=DocumentMeta(title="a"))
    second = add_document(wb, "四句。五句。".encode(), meta=DocumentMeta(title="b"))
    said = [
        (second, "四句", "donald trump"),
        (first, "一句", "Donald Trump"),
        (first, "二句", "Donald Trump"),
        (first, "三句", "王 芳"),
        (second, "五句", "王芳"),
    ]
    for added, quote, speaker in said:
        add_claim(
            wb, added.document.id, f"claim {quote}", SpanRequest(quote=quote), speaker=speaker
        )
    assert counted(wb, "speaker") == [
        ("Donald Trump", 3, 3, 0, 0, 0, 0, 0, 0),
        ("王 芳", 2, 2, 0, 0, 0, 0, 0, 0),
    ]
    assert breakdown(wb, "speaker", 1).total == 2
