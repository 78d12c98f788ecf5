"""`extract` on stored documents, and `--accept` turning candidates into claims."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.limits import MAX_NOTE
from workbench.exports.events import export_text
from workbench.services.context import Workbench
from workbench.services.documents import add_document, document_text
from workbench.services.extract import (
    ExtractOptions,
    accept_candidates,
    candidate_json,
    extract,
)
from workbench.services.queries import list_claims
from workbench.services.seeds import load_seed

Counts = Callable[[], dict[str, int]]


def test_candidates_are_exact_spans_in_document_order(wb: Workbench) -> None:
    doc = load_seed(wb).document.id
    text = document_text(wb, doc)
    found = extract(wb, doc)
    assert found
    assert [c.start for c in found] == sorted(c.start for c in found)
    for c in found:
        js = candidate_json(c)
        assert text[js["start"] : js["end"]] == js["text"]
        assert 0.5 <= js["score"] <= 1 and js["reasons"] and js["suggested_type"]
    best = extract(wb, doc, ExtractOptions(limit=3))
    assert len(best) == 3 and [c for c in found if c in best] == best, "in document order"
    assert min(c.score for c in best) >= max(c.score for c in found if c not in best)
    assert extract(wb, doc, ExtractOptions(limit=0)) == []
    assert len(extract(wb, doc, ExtractOptions(min_score=0.9))) < len(found)


def test_accept_skips_claimed_spans_and_is_idempotent(wb: Workbench, counts: Counts) -> None:
    seed = load_seed(wb)
    before = counts()
    result = accept_candidates(wb, seed.document.id)
    assert result.added and result.skipped, "seed claims cover some candidates"
    after = counts()
    assert after["claims"] - before["claims"] == len(result.added)
    assert after["events"] - before["events"] == len(result.added)
    for c in result.added:
        assert c.status == "unverified" and c.text == " ".join(c.quote.split())
    again = accept_candidates(wb, seed.document.id)
    assert again.added == [] and counts() == after
    added_ids = {c.id for c in result.added}
    for new in result.added:
        for other in list_claims(wb):
            if other.id != new.id:
                overlaps = other.start < new.end and new.start < other.end
                assert not overlaps, (new.id, other.id) if other.id not in added_ids else ""
    assert '"action":"claim.added"' in export_text(wb, "jsonl")


def test_refusals(wb: Workbench, counts: Counts) -> None:
    doc = add_document(wb, "2025年1月,MiniMax发布了首个模型。".encode()).document.id
    before = counts()
    with pytest.raises(NotFound):
        accept_candidates(wb, 999)
    with pytest.raises(InvalidInput, match="between 0 and 1"):
        accept_candidates(wb, doc, ExtractOptions(min_score=2))
    with pytest.raises(InvalidInput, match="limit must be 0 or more"):
        extract(wb, doc, ExtractOptions(limit=-1))
    assert counts() == before


DEBATE = (
    "HOLT: Good evening from Hofstra University.\n"
    "TRUMP: The unemployment rate rose to 9 percent in 2010,\n"
    "CLINTON: We have created 15 million new private-sector jobs since 2009.\n"
    "TRUMP: Our jobs are fleeing the country to Mexico.\n"
)


def test_a_transcript_gives_speakers_to_candidates_and_claims(
    wb: Workbench, counts: Counts
) -> None:
    doc = add_document(wb, DEBATE.encode()).document.id
    found = extract(wb, doc, ExtractOptions(min_score=0.3))
    assert [c.speaker for c in found] == ["TRUMP", "CLINTON", "TRUMP"]
    assert all(DEBATE[c.start : c.end] == c.text and ":" not in c.text for c in found)
    assert candidate_json(found[0])["speaker"] == "TRUMP"
    off = extract(wb, doc, ExtractOptions(min_score=0.3, speakers="off"))
    assert all(c.speaker is None for c in off)
    assert any(c.text.startswith("TRUMP:") for c in off)
    result = accept_candidates(wb, doc, ExtractOptions(min_score=0.3))
    assert [c.speaker for c in result.added] == ["TRUMP", "CLINTON", "TRUMP"]
    assert [(c.start, c.end) for c in result.added] == [(c.start, c.end) for c in found]
    assert [c.speaker for c in list_claims(wb)] == ["TRUMP", "CLINTON", "TRUMP"]


def test_speakers_refusals(wb: Workbench, counts: Counts) -> None:
    doc = add_document(wb, b"Revenue rose 40 percent in 2023.\nNote: estimates.\n")
    before = counts()
    assert all(c.speaker is None for c in extract(wb, doc.document.id, ExtractOptions(min_score=0)))
    with pytest.raises(InvalidInput, match="no line starts with a speaker"):
        accept_candidates(wb, doc.document.id, ExtractOptions(speakers="on"))
    with pytest.raises(InvalidInput, match="one of auto, on, off"):
        extract(wb, doc.document.id, ExtractOptions(speakers="yes"))
    assert counts() == before


# One "sentence" longer than a claim text may be (a table or a list pasted without a full stop).
LONG = "Revenue rose " + " and ".join(f"{i} percent in 2023" for i in range(8000)) + "."
WITH_LONG = (
    "The company said revenue rose 40 percent in 2023.\n\n"
    + LONG
    + "\n\nUnemployment fell to 3.5 percent in 2019.\n"
)


def test_accept_takes_every_candidate_that_can_be_a_claim(wb: Workbench, counts: Counts) -> None:
    assert len(LONG) > MAX_NOTE
    doc = add_document(wb, WITH_LONG.encode()).document.id
    found = extract(wb, doc)
    assert [c.text for c in found][1] == LONG, "the long sentence is a candidate"
    before = counts()
    result = accept_candidates(wb, doc)
    assert [c.start for c in result.added] == [found[0].start, found[2].start]
    assert counts()["claims"] - before["claims"] == 2
    assert counts()["events"] - before["events"] == 2
    ((unfit, problem),) = [(u.candidate, u.problem) for u in result.unfit]
    assert unfit == found[1]
    assert problem == f"the claim text is {len(LONG):,} characters; the limit is {MAX_NOTE:,}"
    js = result.to_json()
    assert [u["start"] for u in js["unfit"]] == [found[1].start]
    assert js["unfit"][0]["problem"] == problem
    again = accept_candidates(wb, doc)
    assert again.added == [] and len(again.skipped) == 2 and len(again.unfit) == 1


def test_a_control_character_of_the_document_is_a_space_in_the_claim_text(wb: Workbench) -> None:
    # The claim text refuses control characters (typed, one is a mistake); one the document
    # holds made its sentence unfit, and nothing the person could do at `--accept` fixed it.
    text = "Revenue rose\x07 40 percent in 2023.\nJobs grew 5 percent in 2024.\x1b[0m\n"
    doc = add_document(wb, text.encode()).document.id
    result = accept_candidates(wb, doc)
    assert result.unfit == []
    assert [c.quote for c in result.added] == [  # the span: the document's own text
        "Revenue rose\x07 40 percent in 2023.",
        "Jobs grew 5 percent in 2024.\x1b[0m",
    ]
    assert [c.text for c in result.added] == [
        "Revenue rose 40 percent in 2023.",
        "Jobs grew 5 percent in 2024. [0m",
    ]


def test_a_sentence_claimed_in_part_is_named_with_its_claims(wb: Workbench) -> None:
    from workbench.services.claims import SpanRequest, add_claim

    text = (
        "2024年，星澜储能建成亚洲最大的钠离子储能项目，容量达100兆瓦时。\n"
        "公司2023年营收达到15.6亿元，同比增长42%。\n"
    )
    doc = add_document(wb, text.encode()).document.id
    phrase = add_claim(wb, doc, "largest in Asia", SpanRequest(quote="亚洲最大的钠离子储能项目")).id
    revenue = SpanRequest(quote="公司2023年营收达到15.6亿元，同比增长42%")
    whole = add_claim(wb, doc, "revenue", revenue).id
    result = accept_candidates(wb, doc, ExtractOptions(min_score=0.0))
    by_claim = {s.covered_by: s for s in result.skipped}
    # the year and the 100兆瓦时 are nobody's claim yet: covered in part, and by which claim
    assert by_claim[(phrase,)].in_part and by_claim[(phrase,)].uncovered >= 10
    # the closing 。 left out of a claim leaves nothing to claim
    assert by_claim[(whole,)].uncovered == 0 and not by_claim[(whole,)].in_part
    assert result.to_json()["skipped"][0]["covered_by"] == [phrase]


def test_a_long_claim_far_back_is_named_for_the_candidates_it_covers(wb: Workbench) -> None:
    """One claim over the whole text, then short claims inside it on 65 of its 70 sentences:
    the last sentences' candidates have 66 claims starting before them, and the long one (the
    only one that covers them) was beyond the 50 claims looked at, so they named no claim and
    counted every letter uncovered."""
    from workbench.services.claims import SpanRequest, add_claim

    lines = [f"Revenue rose {i} percent in 2023 across every region." for i in range(70)]
    text = "\n".join(lines) + "\n"
    doc = add_document(wb, text.encode()).document.id
    whole = add_claim(wb, doc, "all of it", SpanRequest(start=0, end=len(text) - 1)).id
    at = 0
    for i, line in enumerate(lines[:65]):
        add_claim(wb, doc, f"revenue {i}", SpanRequest(start=at, end=at + len("Revenue")))
        at += len(line) + 1
    result = accept_candidates(wb, doc, ExtractOptions(min_score=0.0))
    assert result.added == [] and len(result.skipped) == 70
    for s in result.skipped[65:]:
        assert s.covered_by == (whole,) and s.uncovered == 0, s
    assert all(s.covered_by[0] == whole and s.uncovered == 0 for s in result.skipped)


def test_an_accepted_quote_takes_the_speaker_the_sentence_names(wb: Workbench) -> None:
    """trial48: `extract --accept` set no speaker for a quote in prose, and ClaimReview then
    named the document's author as its author."""
    text = (
        "据深圳市统计局发布的数据，2025年深圳新能源汽车产量达到280万辆，同比增长35%。\n\n"
        "比亚迪董事长王传福表示：“我们今年的海外销量将首次突破100万辆。”\n"
    )
    doc = add_document(wb, text.encode()).document.id
    accepted = accept_candidates(wb, doc, ExtractOptions(min_score=0.0))
    speakers = {c.quote[:6]: c.speaker for c in accepted.added}
    assert speakers["比亚迪董事长"] == "王传福"
    assert speakers["据深圳市统计"] is None
