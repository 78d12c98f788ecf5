"""A TextQuoteSelector names one place in the text: its prefix, exact and suffix together occur
once, where the claim is. A quote in a passage the article repeats (a pull quote, a standfirst
printed again, a paragraph a CMS doubled) is at more than one place with the same 32
characters around it; a reader that anchors by the quote (Hypothesis does, when the page's
text is not the text the positions count in) takes the first match, the wrong one."""

from __future__ import annotations

from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.exports import export_annotations

UNIT = (
    "The council met on Monday and agreed that prices rose 12% this year across the whole "
    "region of the north. "
)
TEXT = "城市新闻 🏙️: " + UNIT * 4 + "\n"


def _selects(text: str, quote: dict[str, str]) -> list[int]:
    """Where the selector's exact text starts, at each place its prefix, exact and suffix
    occur together (overlapping ones too)."""
    needle = quote["prefix"] + quote["exact"] + quote["suffix"]
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at + len(quote["prefix"]))
        at = text.find(needle, at + 1)
    return found


def test_a_repeated_passage_is_selected_where_the_claim_is(wb: Workbench) -> None:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="rep")).document.id
    for n in (1, 2, 4):
        add_claim(wb, doc, f"Prices rose ({n})", SpanRequest(quote="prices rose 12%", occurrence=n))
    items = export_annotations(wb).collection["first"]["items"]
    assert len(items) == 3
    for item in items:
        quote, position = item["target"]["selector"]
        assert TEXT[position["start"] : position["end"]] == quote["exact"] == "prices rose 12%"
        assert _selects(TEXT, quote) == [position["start"]], quote
