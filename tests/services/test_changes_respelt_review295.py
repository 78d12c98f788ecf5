"""`doc changes` and a quote respelt (fix284): what re-anchoring reads as the same words is a
respelling when the characters differ, except where the difference is the text's layout, which
re-anchoring drops before it compares (`quote_folding.fold`): spacing, invisible characters, and a
word hyphenated at a line's end. A straight quote mark made curly is a respelling (the stored
quote, and what the exports publish, now has the curly one); a line rewrapped is not."""

from __future__ import annotations

from workbench.services.changes import TouchedClaim, document_changes
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content


def _touched(wb: Workbench, old: str, new: str, quote: str) -> list[TouchedClaim]:
    doc = add_document(wb, old.encode(), meta=DocumentMeta(title="t")).document.id
    add_claim(wb, doc, "c", SpanRequest(quote=quote))
    update_document(wb, doc, Content(new, "text", "new.txt"))
    [rev] = document_changes(wb, doc).revisions
    return list(rev.claims)


def test_a_straight_quote_mark_made_curly_is_respelt(wb: Workbench) -> None:
    [claim] = _touched(
        wb,
        'He said "we will win" and left.\nOther words here.\n',
        "He said \u201cwe will win\u201d and left.\nOther words here.\n",
        '"we will win"',
    )
    assert (claim.state, claim.respelt) == ("exact", True)
    assert (claim.old_quote, claim.new_quote) == ('"we will win"', "\u201cwe will win\u201d")


def test_a_word_hyphenated_at_a_line_end_rewrapped_is_no_respelling(wb: Workbench) -> None:
    """A PDF's text rewrapped: `con-\\nsider` in the quote is `consider` now. Re-anchoring finds
    it exact (it drops a line-break hyphen as it drops spaces); it is the same quote to a
    reader, as fix284 says of a line broken otherwise, and is not listed."""
    touched = _touched(
        wb,
        "We must con-\nsider the cost of it all.\nOther words here.\n",
        "We must consider the cost of it all.\nOther words here.\n",
        "con-\nsider the cost",
    )
    assert touched == [], touched
