"""Claims through the library: span pinning, filters, the status workflow, notes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.exports.events import export_text
from workbench.services.claim_records import claim_notes
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.queries import ClaimFilter, list_claims, show_claim

Counts = Callable[[], dict[str, int]]
TEXT = "2025年1月,MiniMax率先发布了国内首个线性注意力架构模型。6月,MiniMax开源了M1。😀𠀀结束。"


@pytest.fixture
def doc_id(wb: Workbench) -> int:
    return add_document(wb, TEXT.encode()).document.id


def test_add_by_quote_pins_exact_span(wb: Workbench, doc_id: int) -> None:
    c = add_claim(
        wb,
        doc_id,
        "  MiniMax-Text-01 was   China's first linear-attention model ",
        SpanRequest(quote="国内首个线性注意力架构"),
        speaker="Article author",
        claim_type="priority",
    )
    assert TEXT[c.start : c.end] == c.quote == "国内首个线性注意力架构"
    assert c.text == "MiniMax-Text-01 was China's first linear-attention model"
    assert c.status == "unverified" and c.version == 1 and c.type == "priority"
    assert c.prefix == TEXT[max(0, c.start - 32) : c.start]
    assert c.suffix == TEXT[c.end : c.end + 32]


def test_add_by_offsets_counts_code_points(wb: Workbench, doc_id: int) -> None:
    start = TEXT.index("😀")
    c = add_claim(wb, doc_id, "emoji", SpanRequest(start=start, end=start + 2))
    assert c.quote == "😀𠀀"


def test_occurrence_picks_among_repeats(wb: Workbench, doc_id: int) -> None:
    c = add_claim(wb, doc_id, "second", SpanRequest(quote="MiniMax", occurrence=2))
    assert c.start == TEXT.index("MiniMax", TEXT.index("MiniMax") + 1)


def test_how_a_span_and_a_filter_are_asked_is_checked_before_any_text() -> None:
    """The rules on how options combine, which the CLI asks first to answer with exit 2; no
    document or database is needed to tell."""
    assert SpanRequest(quote="M1", occurrence=2).problem() is None
    assert SpanRequest(start=0, end=1).problem() is None
    assert SpanRequest(start=9, end=99).problem() is None  # past the end: the text decides
    wrong = {
        # wrong whatever the text (trial47: exit 1 where --start -1 is exit 2)
        "start (9) is after end (2)": [SpanRequest(start=9, end=2)],
        "the span is empty (start and end are both 3)": [SpanRequest(start=3, end=3)],
        "pin the claim to its source": [SpanRequest(), SpanRequest(start=5), SpanRequest(end=5)],
        "not both": [SpanRequest(quote="M1", start=0), SpanRequest(quote="M1", start=0, end=1)],
        "goes with a quote": [SpanRequest(occurrence=1, start=0, end=1)],
    }
    for message, spans in wrong.items():
        for span in spans:
            problem = span.problem()
            assert problem is not None and message in problem.message, span
    assert ClaimFilter(assignee="bob").problem() is None
    problem = ClaimFilter(assignee="bob", unassigned=True).problem()
    assert problem is not None and "contradict" in problem.message


@pytest.mark.parametrize(
    ("span", "text", "error", "message"),
    [
        (SpanRequest(quote="MiniMax"), "x", InvalidInput, "occurs 2 times"),
        (SpanRequest(quote="不存在"), "x", InvalidInput, "not found"),
        (SpanRequest(start=5, end=5), "x", InvalidInput, "empty"),
        (SpanRequest(start=6, end=5), "x", InvalidInput, "after end"),
        (SpanRequest(start=0, end=10_000), "x", InvalidInput, "outside the document"),
        (SpanRequest(start=0), "x", InvalidInput, "pin the claim to its source"),
        (SpanRequest(), "x", InvalidInput, "pin the claim"),
        (SpanRequest(quote="M1", start=0, end=1), "x", InvalidInput, "not both"),
        (SpanRequest(occurrence=1, start=0, end=1), "x", InvalidInput, "goes with a quote"),
        (SpanRequest(quote="M1"), "   ", InvalidInput, "claim text is empty"),
    ],
)
def test_add_refusals_write_nothing(
    wb: Workbench,
    doc_id: int,
    counts: Counts,
    span: SpanRequest,
    text: str,
    error: type[Exception],
    message: str,
) -> None:
    before = counts()
    with pytest.raises(error, match=message):
        add_claim(wb, doc_id, text, span)
    assert counts() == before


def test_unknown_document_and_type_are_refused(wb: Workbench, doc_id: int, counts: Counts) -> None:
    before = counts()
    with pytest.raises(NotFound, match="no document #42"):
        add_claim(wb, 42, "x", SpanRequest(quote="M1"))
    with pytest.raises(InvalidInput, match="unknown claim type"):
        add_claim(wb, doc_id, "x", SpanRequest(quote="M1"), claim_type="gossip")
    assert counts() == before


def _claims(wb: Workbench, doc_id: int) -> list[int]:
    ids = []
    for quote, speaker, ctype in [
        ("2025年1月", "Article author", "date"),
        ("国内首个线性注意力架构", "Article author", "priority"),
        ("M1", "Yan Junjie", "fact"),
    ]:
        ids.append(
            add_claim(
                wb, doc_id, quote, SpanRequest(quote=quote), speaker=speaker, claim_type=ctype
            ).id
        )
    return ids


def test_list_filters(wb: Workbench, doc_id: int) -> None:
    a, b, c = _claims(wb, doc_id)
    set_status(wb, b, "in_progress")
    assert [x.id for x in list_claims(wb)] == [a, b, c]
    assert [x.id for x in list_claims(wb, ClaimFilter(statuses=["unverified"]))] == [a, c]
    both = ClaimFilter(statuses=["unverified", "in_progress"])
    assert [x.id for x in list_claims(wb, both)] == [a, b, c]
    assert [x.id for x in list_claims(wb, ClaimFilter(speaker="Yan Junjie"))] == [c]
    assert [x.id for x in list_claims(wb, ClaimFilter(claim_type="date"))] == [a]
    assert [x.id for x in list_claims(wb, ClaimFilter(document_id=doc_id, limit=2))] == [a, b]
    with pytest.raises(NotFound, match="no document #999"):
        list_claims(wb, ClaimFilter(document_id=999))
    with pytest.raises(InvalidInput, match="unknown status"):
        list_claims(wb, ClaimFilter(statuses=["done"]))


def test_status_walkthrough_and_events(wb: Workbench, doc_id: int) -> None:
    (cid, *_) = _claims(wb, doc_id)
    r = set_status(wb, cid, "in_progress")
    assert r.changed and r.claim.version == 2
    add_evidence(wb, cid, EvidenceInput(stance="refutes", citation="MiniMax press release"))
    r = set_status(wb, cid, "false", note="The model was released in January 2025? No: see X.")
    assert r.claim.status == "false" and r.claim.version == 3
    assert [n.body for n in claim_notes(wb, cid)] == [
        "The model was released in January 2025? No: see X."
    ]
    detail = show_claim(wb, cid)
    assert [e.action for e in detail.events] == [
        "claim.added",
        "claim.status_changed",
        "evidence.added",
        "claim.status_changed",
    ]
    last = detail.events[-1].payload
    assert {k: last["before"][k] for k in ("status", "version")} == {
        "status": "in_progress",
        "version": 2,
    }
    assert {k: last["after"][k] for k in ("status", "version")} == {"status": "false", "version": 3}
    assert last["after"]["updated_at"] == r.claim.updated_at
    assert last["note"]["body"].startswith("The model")
    assert "[" not in detail.context and detail.context.endswith("。")


def test_final_status_needs_note_and_writes_nothing_without(
    wb: Workbench, doc_id: int, counts: Counts
) -> None:
    (cid, *_) = _claims(wb, doc_id)
    before = counts()
    with pytest.raises(InvalidInput, match="needs a reason"):
        set_status(wb, cid, "verified")
    assert counts() == before


def test_reopening_needs_note(wb: Workbench, doc_id: int, counts: Counts) -> None:
    (cid, *_) = _claims(wb, doc_id)
    set_status(wb, cid, "opinion", note="It is a value judgement.")
    before = counts()
    with pytest.raises(InvalidInput, match="reopening"):
        set_status(wb, cid, "in_progress")
    assert counts() == before
    assert set_status(wb, cid, "in_progress", note="New source found.").changed


def test_same_status_changes_nothing(wb: Workbench, doc_id: int, counts: Counts) -> None:
    (cid, *_) = _claims(wb, doc_id)
    before = counts()
    r = set_status(wb, cid, "unverified")
    assert not r.changed and r.claim.version == 1
    assert counts() == before


def test_stale_version_is_a_conflict(wb: Workbench, doc_id: int, counts: Counts) -> None:
    (cid, *_) = _claims(wb, doc_id)
    set_status(wb, cid, "in_progress", expected_version=1)
    before = counts()
    with pytest.raises(
        Conflict, match=r"claim #\d+ was changed since version 1 .*: status by tester$"
    ):
        set_status(wb, cid, "unverified", expected_version=1)
    assert counts() == before


def test_unknown_claim_and_status(wb: Workbench, doc_id: int) -> None:
    with pytest.raises(NotFound, match="no claim #77"):
        set_status(wb, 77, "in_progress")
    with pytest.raises(InvalidInput, match="valid statuses"):
        set_status(wb, 1, "done")


def test_notes(wb: Workbench, doc_id: int, counts: Counts) -> None:
    (cid, *_) = _claims(wb, doc_id)
    n = add_note(wb, cid, "  长笔记\n第二行  ")
    assert n.body == "长笔记\n第二行" and n.author == "tester"
    before = counts()
    with pytest.raises(InvalidInput, match="empty"):
        add_note(wb, cid, " \n ")
    with pytest.raises(NotFound):
        add_note(wb, 999, "x")
    assert counts() == before
    assert '"action":"note.added"' in export_text(wb, "jsonl")


def test_a_new_claim_has_every_column_from_one_place() -> None:
    """`claim add` (ORM) and a bulk import (Core) both take a new claim's values from
    new_claim_values: every column of the claims table but its id, so that a column added to
    the model without a value for a new claim fails here, not in one of the two routes."""
    from workbench.db.models import Claim
    from workbench.domain.spans import Span
    from workbench.services.claims import claim_columns, new_claim_values

    span = Span(start=3, end=5, quote="ab", prefix="xyz", suffix="")
    values = new_claim_values(
        "tester", 1, span, "  a  claim ", speaker=" Li ", claim_type="date", priority="high"
    )
    columns = claim_columns(values)
    assert set(columns) == {c.name for c in Claim.__table__.columns} - {"id"}
    assert (columns["span_start"], columns["span_end"], columns["text"]) == (3, 5, "a claim")
    assert (values["speaker"], values["priority"], values["status"]) == ("Li", "high", "unverified")
    with pytest.raises(TypeError, match="no field colour"):
        new_claim_values("tester", 1, span, "x", speaker=None, claim_type="fact", colour="red")
