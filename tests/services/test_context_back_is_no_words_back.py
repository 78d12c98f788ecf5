"""trial263: a story revised over a week. A sentence beside a claim's quote was cut, then put
back; the claim's own words never changed. `doc update` said "#5 back on the words it was
pinned to" and `doc changes` listed the claim as touched ("verdict verified, words back") with
the same quote before and after, as if the revision had given back words it had taken.

The rule behind it (review48) gives a claim moved to another passage of the same words back
the passage it was on. Here the claim never left its passage: only the words beside it came
and went, and re-anchoring already finds it where it was."""

from __future__ import annotations

from workbench.services.changes import document_changes
from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document, document_text
from workbench.services.revisions import AnchorOutcome, update_document
from workbench.services.sources import Content

JOBS = "主任王海燕说，第二工厂将带来约3000个就业岗位。"
LAND = "她同时透露，园区已为项目预留了800亩土地。"
MARKET = "据联盟数据，今年前十个月国内动力电池装车量累计达到437.5GWh，同比增长38.2%。"
QUOTE = "今年前十个月国内动力电池装车量累计达到437.5GWh，同比增长38.2%"


def _story(headline: str, land: bool) -> str:
    return (
        f"{headline}\n本报讯 星河新能源完成融资。\n{JOBS}{LAND if land else ''}\n{MARKET}\n结尾。\n"
    )


def _revise(wb: Workbench, doc: int, text: str) -> list[AnchorOutcome]:
    return list(update_document(wb, doc, Content(text, "text", "r.txt")).anchors)


def test_a_sentence_cut_and_put_back_beside_a_quote_gives_no_words_back(wb: Workbench) -> None:
    doc = add_document(wb, _story("星河新能源获10亿元融资", True).encode()).document.id
    claim = add_claim(wb, doc, "Installs 437.5GWh", SpanRequest(quote=QUOTE)).id
    _revise(wb, doc, _story("星河新能源获10亿元融资", False))  # the sentence cut: moved
    assert get_claim(wb, claim).anchor_state == "moved"
    # The sentence back, and a headline one character longer: the quote is where it was.
    [outcome] = _revise(wb, doc, _story("星河新能源获12亿元融资 更正", True))
    after = get_claim(wb, claim)
    assert document_text(wb, doc, after.revision)[after.start : after.end] == QUOTE
    assert not outcome.restored, outcome
    assert after.anchor_state in ("moved", "exact") and after.anchor_score == 1.0, after
    [revision] = [r for r in document_changes(wb, doc).revisions if r.number == 3]
    assert [c.claim_id for c in revision.claims] == [], revision.claims


def test_the_same_at_the_same_offset(wb: Workbench) -> None:
    """The sentence back with nothing else changed: the claim is where it was in revision 1,
    found there as it moved (by offset), not given back."""
    doc = add_document(wb, _story("星河新能源获10亿元融资", True).encode()).document.id
    claim = add_claim(wb, doc, "Installs 437.5GWh", SpanRequest(quote=QUOTE)).id
    _revise(wb, doc, _story("星河新能源获10亿元融资", False))
    [outcome] = _revise(wb, doc, _story("星河新能源获10亿元融资", True))
    assert not outcome.restored, outcome
    after = get_claim(wb, claim)
    assert after.anchor_state == "moved" and after.anchor_score == 1.0, after
