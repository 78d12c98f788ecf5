"""review51: `edited_at_edges` false flags and wrong widened spans (each failed before its fix)."""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, document_text
from workbench.services.extract import accept_candidates
from workbench.services.revisions import update_document
from workbench.services.sources import Content


def revise(wb: Workbench, doc: int, text: str) -> None:
    update_document(wb, doc, Content(text, "text", "r.txt"))


def judged(wb: Workbench, doc: int, quote: str) -> int:
    cid = add_claim(wb, doc, quote, SpanRequest(quote=quote)).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no series")
    return cid


ZH = (
    "从波士顿到滨江\n"
    "谭霁青1974年出生于江西赣州，父亲是当地一家县医院的外科医生。全市有充电站1500座。"
    "比去年增加300座。\n"
)


def test_a_headline_edited_leaves_the_first_paragraphs_claim(wb: Workbench) -> None:
    doc = add_document(wb, ZH.encode(), meta=DocumentMeta(title="t")).document.id
    cid = judged(wb, doc, "谭霁青1974年出生于江西赣州")
    revise(wb, doc, ZH.replace("从波士顿到滨江", "从波士顿到杭州"))
    c = get_claim(wb, cid)
    assert (c.anchor_state, c.quote, c.verdict_revision) == (
        "exact",
        "谭霁青1974年出生于江西赣州",
        None,
    )


def test_an_accepted_sentence_is_not_changed_by_the_next_sentences_first_word(
    wb: Workbench,
) -> None:
    doc = add_document(wb, ZH.encode(), meta=DocumentMeta(title="t")).document.id
    accept_candidates(wb, doc)
    sentence = "谭霁青1974年出生于江西赣州，父亲是当地一家县医院的外科医生。"
    cid = {c.quote: c.id for c in _claims(wb, doc)}[sentence]
    revise(wb, doc, ZH.replace("全市有充电站", "该市有充电站"))  # the next sentence's 全 made 该
    c = get_claim(wb, cid)
    assert (c.anchor_state, c.quote) == ("exact", sentence)


def test_full_width_digits_made_ascii_are_no_edit(wb: Workbench) -> None:
    text = "全市有充电站１５００座，同比增长２０%。\n"
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="t")).document.id
    cid = judged(wb, doc, "全市有充电站")
    revise(wb, doc, text.replace("１５００", "1500"))
    c = get_claim(wb, cid)
    assert c.verdict_revision is None and c.quote == "全市有充电站", (c.anchor_state, c.quote)


EN = (
    "Its revenue rose 3.5% to $4.2 billion. The company is based in Austin, Texas.\n"
    "Officials said it was the first time in 40 years the city ran a surplus.\n"
)


def test_a_sentence_ending_in_an_abbreviation_added_after_the_quote(wb: Workbench) -> None:
    doc = add_document(wb, EN.encode(), meta=DocumentMeta(title="t")).document.id
    cid = judged(wb, doc, "Its revenue rose 3.5% to $4.2 billion")
    revise(wb, doc, EN.replace("billion. The", "billion. Its biggest customer is Apple Inc. The"))
    c = get_claim(wb, cid)
    assert (c.anchor_state, c.quote) == ("exact", "Its revenue rose 3.5% to $4.2 billion")


def test_a_widened_span_starts_at_a_word(wb: Workbench) -> None:
    doc = add_document(wb, EN.encode(), meta=DocumentMeta(title="t")).document.id
    cid = add_claim(wb, doc, "rose", SpanRequest(quote="rose 3.5% to $4.2 billion")).id
    cid2 = add_claim(wb, doc, "first", SpanRequest(quote="it was the first time")).id
    revise(wb, doc, EN.replace("revenue rose", "revenues rose").replace("said it", "say it"))
    # a word's tail is no word: 's rose 3.5% to $4.2 billion', 'y it was the first time'
    assert [get_claim(wb, c).quote for c in (cid, cid2)] == [
        "revenues rose 3.5% to $4.2 billion",
        "say it was the first time",
    ]


def _claims(wb: Workbench, doc: int):  # type: ignore[no-untyped-def]
    from workbench.services.queries import ClaimFilter, list_claims

    return list_claims(wb, ClaimFilter(document_id=doc))


def test_text_check(wb: Workbench) -> None:  # the widened spans are the text's code points
    doc = add_document(wb, EN.encode(), meta=DocumentMeta(title="t")).document.id
    cid = add_claim(wb, doc, "x", SpanRequest(quote="the first time in 40 years")).id
    revise(wb, doc, EN.replace("it was the first", "it was truly the first"))
    c = get_claim(wb, cid)
    assert document_text(wb, doc, c.revision)[c.start : c.end] == c.quote
