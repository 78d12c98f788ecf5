"""A claim whose quote ends with a footnote marker, re-anchored in a revised text.

trial162 kept a footnote marker after a stop with the sentence it annotates, so `extract
--accept` now makes claims quoting "Consumer prices rose 4.5% in 2023.¹". When the next
sentence's first words were edited ("Wages" made "Nominal wages"), `doc update` took them into
the claim: its quote became "... in 2023.¹ Nominal wages", fuzzy, "quote changed", the
claim flagged for words of another sentence. A quote ending in a stop is not changed by the
next sentence's words (review51), and one ending in its stop's footnote marker is no other:
ends_sentence is asked of the stop before the marker, as the splitter reads it (review164).
"""

from __future__ import annotations

import pytest

from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

TEXT = "Annual report\n\nConsumer prices rose 4.5% in 2023.{m} Wages rose 3.1% in 2023.\n"


@pytest.mark.parametrize("marker", ["¹", "[1]", "²³"])
def test_the_next_sentences_edit_leaves_a_footnoted_quote_as_it_was(
    wb: Workbench, marker: str
) -> None:
    text = TEXT.format(m=marker)
    doc = add_document(wb, text.encode(), meta=DocumentMeta(title="t")).document.id
    quote = f"Consumer prices rose 4.5% in 2023.{marker}"
    cid = add_claim(wb, doc, "Prices rose 4.5%", SpanRequest(quote=quote)).id
    update_document(wb, doc, Content(text.replace("Wages", "Nominal wages"), "text", "r.txt"))
    c = get_claim(wb, cid)
    assert (c.anchor_state, c.quote) == ("exact", quote)
