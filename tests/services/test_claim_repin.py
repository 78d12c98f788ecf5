"""`claim edit --quote/--start/--end` in the library: a claim pinned to the wrong words, or to
words a revision changed or removed, is pinned anew in the latest revision, exactly, in one
audited change; never once a verdict is given or proposed (the span is what was judged).

Before, the only way to move a claim's span was to withdraw it and add another, which lost its
notes, owner, tags and history (trial54's left-alone item)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from workbench.db.models import Event
from workbench.domain.errors import Conflict, InvalidInput, TransitionRefused
from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.replay import replay
from workbench.services.revisions import update_document
from workbench.services.sources import Content
from workbench.services.verify import verify_database

TEXT = "市统计局称，全市去年新增就业岗位1.2万个，比上年多2000个。另一段说的是别的事情。"
SHORT = "新增就业岗位"  # cut short of its figure


@pytest.fixture
def doc(wb: Workbench) -> int:
    return add_document(wb, TEXT.encode()).document.id


@pytest.fixture
def claim(wb: Workbench, doc: int) -> int:
    return add_claim(wb, doc, "去年新增就业岗位1.2万个", SpanRequest(quote=SHORT)).id


def _edits(wb: Workbench) -> list[dict[str, dict[str, object]]]:
    with transaction(wb) as tx:
        rows = tx.session.scalars(
            select(Event.payload).where(Event.action == "claim.edited").order_by(Event.seq)
        )
        return [json.loads(p) for p in rows]


def test_a_span_cut_short_is_pinned_anew_in_one_event(wb: Workbench, claim: int) -> None:
    done = edit_claim(wb, claim, span=SpanRequest(quote="新增就业岗位1.2万个"), note="figure")
    assert done.changed == ("span",)
    c = done.claim
    assert TEXT[c.start : c.end] == c.quote == "新增就业岗位1.2万个"
    assert c.version == 2 and c.text == "去年新增就业岗位1.2万个"
    [payload] = _edits(wb)
    # Only the fields that moved: the claim stays in revision 1, exactly anchored.
    assert set(payload["after"]) == {"end", "quote", "suffix", "version", "updated_at"}
    assert payload["before"]["quote"] == SHORT and payload["before"]["end"] == c.start + 6
    assert payload["note"]["body"] == "figure"
    assert replay(wb).consistent
    assert verify_database(wb).ok


def test_offsets_pin_it_too_and_the_same_span_changes_nothing(
    wb: Workbench, claim: int, counts: Callable[[], dict[str, int]]
) -> None:
    start = TEXT.index("全市")
    moved = edit_claim(wb, claim, span=SpanRequest(start=start, end=start + 15))
    assert moved.claim.quote == "全市去年新增就业岗位1.2万个"
    before = counts()
    again = edit_claim(wb, claim, span=SpanRequest(quote="全市去年新增就业岗位1.2万个"))
    assert again.changed == () and again.claim.version == 2
    assert counts() == before


def test_an_orphaned_claim_is_pinned_in_the_latest_revision(
    wb: Workbench, doc: int, claim: int
) -> None:
    revised = TEXT.replace("全市去年新增就业岗位1.2万个", "全市去年新增岗位合计1.3万个")
    update_document(wb, doc, Content(revised, "text", "r2.txt"))
    before = get_claim(wb, claim)
    assert before.revision == 1 and before.anchor_state == "orphaned"
    assert [c.id for c in list_claims(wb, ClaimFilter(anchor="changed"))] == [claim]
    done = edit_claim(wb, claim, span=SpanRequest(quote="新增岗位合计1.3万个"), text="新增1.3万个")
    assert done.changed == ("text", "span")
    c = done.claim
    assert (c.revision, c.anchor_state, c.anchor_score) == (2, "exact", None)
    assert revised[c.start : c.end] == c.quote
    assert list_claims(wb, ClaimFilter(anchor="changed")) == []
    assert replay(wb).consistent and verify_database(wb).ok


def test_a_judged_claims_span_stays_until_it_is_reopened(
    wb: Workbench, claim: int, counts: Callable[[], dict[str, int]]
) -> None:
    add_evidence(wb, claim, EvidenceInput(stance="supports", url="https://example.org/jobs"))
    set_status(wb, claim, "verified", note="the bureau's table")
    before = counts()
    with pytest.raises(TransitionRefused) as refused:
        edit_claim(wb, claim, span=SpanRequest(quote="新增就业岗位1.2万个"))
    assert refused.value.reason == "claim_judged"
    assert "its span is what was judged" in refused.value.message
    assert counts() == before
    set_status(wb, claim, "in_progress", note="the span missed the figure")
    assert edit_claim(wb, claim, span=SpanRequest(quote="1.2万个")).changed == ("span",)


def test_a_withdrawn_claims_span_stays(wb: Workbench, claim: int) -> None:
    set_status(wb, claim, "withdrawn", note="not a claim")
    with pytest.raises(TransitionRefused) as refused:
        edit_claim(wb, claim, span=SpanRequest(quote="1.2万个"))
    assert refused.value.reason == "claim_withdrawn"


@pytest.mark.parametrize(
    ("span", "fragment"),
    [
        (SpanRequest(quote="没有这句话"), "quote not found"),
        (SpanRequest(quote="新增", start=1, end=2), "not both"),
        (SpanRequest(start=3), "pin the claim to its source"),
        (SpanRequest(start=5, end=5), "the span is empty"),
        (SpanRequest(start=0, end=10_000), "outside the document"),
        (SpanRequest(quote="新增", occurrence=9), "occurrence"),
    ],
)
def test_a_bad_span_is_refused_and_writes_nothing(
    wb: Workbench,
    claim: int,
    counts: Callable[[], dict[str, int]],
    span: SpanRequest,
    fragment: str,
) -> None:
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        edit_claim(wb, claim, span=span, note="why")
    assert fragment in refused.value.message
    assert counts() == before
    assert get_claim(wb, claim).quote == SHORT


def test_a_span_cannot_make_a_duplicate(wb: Workbench, doc: int, claim: int) -> None:
    other = add_claim(wb, doc, "去年新增就业岗位1.2万个", SpanRequest(quote="1.2万个")).id
    with pytest.raises(Conflict, match=f"claim #{other} already pins this span with this text"):
        edit_claim(wb, claim, span=SpanRequest(quote="1.2万个"))
