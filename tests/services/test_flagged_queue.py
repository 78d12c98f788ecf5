"""A verdict flagged for re-review (its quote changed after the verdict) is work for its owner:
it is in their queue, and stating the verdict again with a reason is the new decision that
clears the flag, under the same rules as any verdict (evidence, sign-off when required)."""

from __future__ import annotations

import pytest

from tests.conftest import PG_URL
from workbench.domain.errors import InvalidInput, TransitionRefused
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.queries import ClaimFilter, list_claims, stats
from workbench.services.replay import replay
from workbench.services.review import approve
from workbench.services.revisions import update_document
from workbench.services.settings import set_config
from workbench.services.sources import Content
from workbench.services.workflow import assign

OLD = "宁德时代2024年营收4009亿元。公司表示，其海螺AI在全球拥有超过一亿用户。其他。"
NEW = OLD.replace("4009亿", "4010亿")


@pytest.fixture
def desk(wb: Workbench) -> dict[str, int]:
    """#flagged: wang's misleading verdict, its quote changed since; #settled: wang's verdict,
    quote unchanged; #open: wang's, in progress; #other: nobody's, unverified."""
    doc = add_document(wb, OLD.encode(), meta=DocumentMeta(title="t")).document.id
    quotes = {
        "flagged": "营收4009亿元",
        "settled": "海螺AI在全球拥有超过一亿用户",
        "open": "宁德时代",
        "other": "其他",
    }
    ids = {k: add_claim(wb, doc, k, SpanRequest(quote=q)).id for k, q in quotes.items()}
    assign(wb, [ids["flagged"], ids["settled"], ids["open"]], "wang")
    for k in ("flagged", "settled"):
        set_status(wb, ids[k], "in_progress")
        add_evidence(wb, ids[k], EvidenceInput(stance="refutes", citation="annual report"))
        set_status(wb, ids[k], "misleading", note="half the story")
    set_status(wb, ids["open"], "in_progress")
    update_document(wb, doc, Content(NEW, "text", "v2.txt"))
    assert get_claim(wb, ids["flagged"]).flagged
    return ids


def found(wb: Workbench, **kw: object) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(**kw))]  # type: ignore[arg-type]


def test_a_queue_is_open_work_and_flagged_verdicts(wb: Workbench, desk: dict[str, int]) -> None:
    """A person's queue is the library's rule (ClaimFilter.queue_of), so a library caller gets
    what `claim list --mine` shows: their open claims and their verdicts flagged for re-review;
    a status filter picks among all their claims instead; settled_too adds their verdicts."""
    assert found(wb, queue_of="wang") == [desk["flagged"], desk["open"]]
    assert found(wb, queue_of="Wang ") == [desk["flagged"], desk["open"]]  # a name, as --as
    assert found(wb, queue_of="wang", flagged=True) == [desk["flagged"]]
    assert found(wb, queue_of="wang", open=True) == [desk["open"]]
    assert found(wb, queue_of="wang", statuses=["misleading"]) == [desk["flagged"], desk["settled"]]
    everything = [desk["flagged"], desk["settled"], desk["open"]]
    assert found(wb, queue_of="wang", settled_too=True) == everything
    assert found(wb, queue_of="nobody") == []
    assert ClaimFilter(queue_of="wang").queue and not ClaimFilter(queue_of="wang", open=True).queue
    assert found(wb, open=True, assignee="wang") == [desk["open"]]
    # A flagged proposal in review is both; here the flagged claim is settled.
    assert found(wb, open=True, flagged=True) == []


@pytest.mark.parametrize(
    ("kw", "told"),
    [
        ({"queue_of": "wang", "assignee": "li"}, "name two owners"),
        ({"queue_of": "wang", "unassigned": True}, "contradict each other"),
        ({"settled_too": True}, "settled_too widens a person's queue"),
    ],
)
def test_a_queue_refuses_filters_that_contradict_it(
    wb: Workbench, desk: dict[str, int], kw: dict[str, object], told: str
) -> None:
    with pytest.raises(InvalidInput, match=told):
        found(wb, **kw)


@pytest.mark.parametrize(
    "statuses",
    [["unverified"], ["in_progress"], ["withdrawn"], ["unverified", "in_progress", "withdrawn"]],
)
def test_flagged_and_only_statuses_without_a_verdict_contradict(
    wb: Workbench, desk: dict[str, int], statuses: list[str]
) -> None:
    """trial211: `claim list --flagged --status unverified` said "no claims match" where
    `--overdue --status verified` is refused. Only a verdict, given or proposed, is flagged
    (a revision flags `holds_verdict` claims, and any change of status clears the mark), so
    the list is empty by a mistake, never an answer."""
    with pytest.raises(InvalidInput, match="only a verdict, given or proposed, is flagged"):
        found(wb, flagged=True, statuses=statuses)


def test_flagged_with_a_status_that_holds_a_verdict_is_a_filter(
    wb: Workbench, desk: dict[str, int]
) -> None:
    """Not refused where one status asked for can hold a flagged verdict."""
    assert found(wb, flagged=True, statuses=["misleading"]) == [desk["flagged"]]
    assert found(wb, flagged=True, statuses=["unverified", "misleading"]) == [desk["flagged"]]
    assert found(wb, flagged=True, statuses=["in_review"]) == []
    assert ClaimFilter(flagged=True, statuses=["in_review"]).problem() is None


def test_the_same_verdict_with_a_reason_clears_the_flag(
    wb: Workbench, desk: dict[str, int]
) -> None:
    cid = desk["flagged"]
    with pytest.raises(TransitionRefused, match="flagged for re-review"):
        set_status(wb, cid, "misleading")
    change = set_status(wb, cid, "misleading", note="4010亿 is still half the story")
    assert change.changed and change.previous == "misleading"
    assert change.claim.status == "misleading" and not change.claim.flagged
    assert [n.body for n in change.notes] == ["4010亿 is still half the story"]
    assert found(wb, flagged=True) == []
    # Confirmed once, it is a settled verdict again: the same words change nothing.
    with pytest.raises(TransitionRefused, match="already misleading"):
        set_status(wb, cid, "misleading", note="again")
    assert replay(wb).consistent


def test_with_review_required_the_confirmation_is_signed_off(
    wb: Workbench, desk: dict[str, int]
) -> None:
    cid = desk["flagged"]
    set_config(wb, "review.required", "true")
    if PG_URL:
        # every test connects as one database role: the role rule has its own tests
        set_config(wb, "review.distinct_roles", "false")
    wang, editor = (Workbench(url=wb.url, actor=name) for name in ("wang", "editor"))
    change = set_status(wang, cid, "misleading", note="still half")
    assert change.claim.status == "in_review" and change.claim.proposed_status == "misleading"
    with pytest.raises(TransitionRefused, match="different reviewer"):
        approve(wang, cid)
    approved = approve(editor, cid, note="agreed")
    assert approved.status == "misleading" and not approved.flagged
    assert replay(wb).consistent
    assert stats(wb).flagged.total == 0


def test_stats_by_owner_counts_what_is_still_to_do(wb: Workbench, desk: dict[str, int]) -> None:
    set_config(wb, "review.required", "true")
    add_evidence(wb, desk["open"], EvidenceInput(stance="supports", citation="filing"))
    set_status(wb, desk["open"], "verified", note="matches the filing")
    s = stats(wb)
    assert {k: v.to_json() for k, v in s.by_owner.items()} == {
        "wang": {"to_check": 0, "awaiting_approval": 1, "flagged": 1, "total": 3},
        "(unassigned)": {"to_check": 1, "awaiting_approval": 0, "flagged": 0, "total": 1},
    }
    assert list(s.by_owner) == ["wang", "(unassigned)"]
    assert s.by_assignee == {"wang": 3, "(unassigned)": 1}
    board = s.to_json()
    assert board["awaiting_approval_total"] == 1
    assert [c["id"] for c in board["awaiting_approval"]] == [desk["open"]]
