"""`export claimreview --after HEAD`: a partner's feed by position in the trail, not by clock
(trial99 item 4).

The bug: a fact-check partner pulling the feed incrementally had only `--since LAST_PULL`,
which selects each review by its date. A correction written on a machine whose clock was
behind (a laptop fallen back to 2001) is dated on or before the first verdict's day, which the
partner pulled long ago: the partner never received the correction, and nothing said so.

Now `--after HEAD [--after-seq N]` (the head the last pull reported, as `audit export --after`
takes it) publishes the reviews of the claims whose verdict moved after that event (given,
approved, corrected, withdrawn or reopened), whatever the clocks said: the same review objects
and dates as a full export. The export reports the trail's head as it read it, for the next
pull; a head the trail does not hold is refused, and `--since` with `--after` too (the clock
window would drop exactly the corrections the position window exists to deliver).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.chain_head import chain_head
from workbench.services.claims import SpanRequest, add_claim, set_status, withdraw
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import ReviewExport, export_claimreview
from workbench.services.review_selection import ReviewSelection

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}
TEXT = "闫俊杰在商汤科技工作了7年。公司估值超过40亿美元。去年招了300人。"


def _claim(wb: Workbench, doc: int, quote: str, text: str) -> int:
    claim = add_claim(wb, doc, text, SpanRequest(quote=quote)).id
    add_evidence(wb, claim, EvidenceInput(stance="supports", url="https://example.org/s"))
    return claim


@pytest.fixture
def pulled(wb: Workbench, set_day: Callable[[str], None]) -> dict[str, Any]:
    """Three claims given verdicts on 2026-12-03, and the partner's pull that day: the feed's
    head then (seq and hash), and the claim ids."""
    set_day("2026-12-03T10:00:00")
    doc = add_document(
        wb,
        TEXT.encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="王小明"),
    ).document.id
    ids = {
        "tenure": _claim(wb, doc, "在商汤科技工作了7年", "He worked at SenseTime for 7 years"),
        "valued": _claim(wb, doc, "估值超过40亿美元", "Valued at over $4bn"),
        "hired": _claim(wb, doc, "去年招了300人", "Hired 300 last year"),
    }
    for claim in ids.values():
        set_status(wb, claim, "verified", note="checked")
    head = chain_head(wb)
    return {"ids": ids, "seq": head.seq, "head": head.hash}


def _urls(result: ReviewExport) -> list[str]:
    return [r["url"] for r in result.reviews]


def _url(claim: int) -> str:
    return f"https://checks.example.org/#claim-{claim}"


def test_a_correction_on_a_clock_behind_is_in_the_next_pull_by_position(
    wb: Workbench, set_day: Callable[[str], None], pulled: dict[str, Any]
) -> None:
    tenure = pulled["ids"]["tenure"]
    set_day("2001-01-01T00:00:00")  # the laptop whose clock fell back
    set_status(wb, tenure, "in_progress", note="A reader: he joined in 2015.")
    set_status(wb, tenure, "misleading", note="About 6.5 years; 7 rounds it up.")
    # The partner pulled on 2026-12-03: the next day's clock window misses the correction.
    assert export_claimreview(wb, ReviewSelection(**ORG, since="2026-12-04")).reviews == []
    after = export_claimreview(wb, ReviewSelection(**ORG, after_head=pulled["head"]))
    (review,) = after.reviews
    assert review["url"] == _url(tenure)
    # The same review object, with the same dates, as the full export publishes.
    full = export_claimreview(wb, ReviewSelection(**ORG))
    assert review in full.reviews
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert (review["datePublished"], review["dateModified"]) == ("2026-12-03", "2026-12-03")
    # Its seq alone, and both together, select the same.
    by_seq = export_claimreview(wb, ReviewSelection(**ORG, after_seq=pulled["seq"]))
    assert by_seq.reviews == after.reviews
    both = ReviewSelection(**ORG, after_seq=pulled["seq"], after_head=pulled["head"])
    assert export_claimreview(wb, both).reviews == after.reviews
    # The head to give next time: the trail's as the export read it.
    now = chain_head(wb)
    assert after.next_after == (now.seq, now.hash)
    assert now.seq == pulled["seq"] + 2


def test_a_pull_with_nothing_new(wb: Workbench, pulled: dict[str, Any]) -> None:
    """No verdict moved since the head (a note was added: no review changes): nothing is
    published or skipped, and the next head is the trail's, past the note."""
    from workbench.services.notes import add_note

    add_note(wb, pulled["ids"]["valued"], "a source for later")
    result = export_claimreview(wb, ReviewSelection(**ORG, after_head=pulled["head"]))
    assert result.reviews == []
    assert len(result.skipped) == 0
    assert result.next_after == (pulled["seq"] + 1, chain_head(wb).hash)
    # Asked again after that head: nothing, and the same head back.
    again = export_claimreview(wb, ReviewSelection(**ORG, after_head=chain_head(wb).hash))
    assert (again.reviews, again.next_after) == ([], result.next_after)


def test_withdrawn_and_reopened_after_the_head_say_take_it_down(
    wb: Workbench, pulled: dict[str, Any]
) -> None:
    """A review the partner holds that no longer stands is named on stderr as the full export
    names it (take it down); claims untouched since the head are not selected."""
    ids = pulled["ids"]
    withdraw(wb, ids["valued"], reason="A duplicate.")
    set_status(wb, ids["hired"], "in_progress", note="reopened: a new filing")
    result = export_claimreview(wb, ReviewSelection(**ORG, after_head=pulled["head"]))
    assert result.reviews == []
    skipped = {c: r.reason for r in result.skipped.by_reason() for c in r.ids}
    assert set(skipped) == {ids["valued"], ids["hired"]}
    assert "take down any review of it published before" in skipped[ids["valued"]]
    assert "take down any review of it published before" in skipped[ids["hired"]]
    full = export_claimreview(wb, ReviewSelection(**ORG))
    said = {c: r.reason for r in full.skipped.by_reason() for c in r.ids}
    assert skipped == {c: said[c] for c in skipped}
    assert _urls(full) == [_url(ids["tenure"])]


def test_an_approved_verdict_after_the_head(wb: Workbench, pulled: dict[str, Any]) -> None:
    """A verdict proposed before the pull and approved after it is in the next pull (its
    approval is the verdict's move), and a verdict given before the head is not."""
    from workbench.services import review
    from workbench.services.settings import set_config

    set_config(wb, "review.required", "true")
    set_config(wb, "review.distinct_roles", "false")
    doc = add_document(wb, "甲说：去年卖了3000辆车。".encode()).document.id
    sold = _claim(wb, doc, "去年卖了3000辆车", "Sold 3000 cars")
    set_status(Workbench(url=wb.url, actor="alice"), sold, "verified", note="the filing")
    head = chain_head(wb)
    review.approve(Workbench(url=wb.url, actor="editor"), sold)
    result = export_claimreview(wb, ReviewSelection(**ORG, after_head=head.hash))
    assert _urls(result) == [_url(sold)]
    assert len(result.skipped) == 0


def test_after_refusals(wb: Workbench, pulled: dict[str, Any]) -> None:
    """pin_after's refusals, as `audit export --after` gives them; --since or --claim with it."""
    with pytest.raises(NotFound, match="no event in the trail has the hash"):
        export_claimreview(wb, ReviewSelection(**ORG, after_head="ab" * 32))
    with pytest.raises(InvalidInput, match="the head given is the hash of event"):
        export_claimreview(
            wb, ReviewSelection(**ORG, after_head=pulled["head"], after_seq=pulled["seq"] - 1)
        )
    with pytest.raises(NotFound, match="the trail ends at seq"):
        export_claimreview(wb, ReviewSelection(**ORG, after_seq=pulled["seq"] + 5))
    with pytest.raises(InvalidInput, match="--after selects"):
        export_claimreview(
            wb, ReviewSelection(**ORG, after_head=pulled["head"], since="2026-12-01")
        )
    with pytest.raises(InvalidInput, match="--after selects"):
        export_claimreview(wb, ReviewSelection(**ORG, after_head=pulled["head"], claim_ids=[1]))


def test_after_seq_zero_is_the_whole_feed(wb: Workbench, pulled: dict[str, Any]) -> None:
    """A partner's first pull (`--after-seq 0`, the empty trail's head) is the full export,
    with the head to continue from."""
    first = export_claimreview(wb, ReviewSelection(**ORG, after_seq=0))
    full = export_claimreview(wb, ReviewSelection(**ORG))
    assert first.reviews == full.reviews
    assert first.next_after == (pulled["seq"], pulled["head"])
    assert full.next_after is None
