"""review58: a claim re-pinned (`claim edit --quote`) onto the very span a revision had changed
its quote to (a fuzzy claim confirmed where it is, its text corrected to match) was given back
its old, pre-edit words when a later revision put the original text back.

The re-pin's `claim.edited` event held only `anchor_state`/`anchor_score` (start, end, quote,
prefix and suffix were unchanged), so `_pinned_span` did not count it as the span being "set
another way" and still offered the span from before the first quote change. Re-anchoring
then moved the claim onto the words the person had just re-pinned it away from, reported it
exact and "back on the words it was pinned to", with a text that no longer says them."""

from __future__ import annotations

from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim, get_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

PARA = "The company said revenue grew {} percent last year to 300 million."
TEXT = "Intro line here.\n\n" + PARA + "\n\nOther paragraph text stays.\n"


def _text(figure: str) -> str:
    return TEXT.format(figure)


def test_a_claim_repinned_where_it_was_was_not_given_back_its_old_words(wb: Workbench) -> None:
    doc = add_document(wb, _text("15").encode()).document.id
    claim = add_claim(
        wb, doc, "Revenue grew 15 percent.", SpanRequest(quote="revenue grew 15 percent")
    ).id
    update_document(wb, doc, Content(_text("20"), "text", "r2.txt"))  # fuzzy: 15 -> 20
    # The person confirms the changed words as the claim's pin, and corrects its text.
    edit_claim(
        wb,
        claim,
        text="Revenue grew 20 percent.",
        span=SpanRequest(quote="revenue grew 20 percent"),
    )
    repinned = get_claim(wb, claim)
    assert repinned.quote == "revenue grew 20 percent"
    update_document(wb, doc, Content(_text("25"), "text", "r3.txt"))  # fuzzy: 20 -> 25
    update_document(wb, doc, Content(_text("15"), "text", "r4.txt"))  # revision 1's text again
    after = get_claim(wb, claim)
    # The pin the person gave is "revenue grew 20 percent"; the words from before that edit
    # ("15 percent") are not the span it was pinned to, and a claim whose text says 20 percent
    # must not be reported exact on them. The text now holds "15 percent" where the claim sits,
    # so the quote is those words, found changed (fuzzy), not given back as its pin.
    assert after.anchor_state == "fuzzy", (after.quote, after.anchor_state)
    assert after.quote == "revenue grew 15 percent" and after.revision == 4


def test_a_moved_claim_repinned_where_it_is_stays_when_the_first_line_returns(
    wb: Workbench,
) -> None:
    """The same for a claim moved to a second copy of its line (review48's rule gives it back
    the first when that returns): once the person pins it on the second, it is theirs there."""
    line = "Unemployment fell 5 percent within two years."
    first = f"{line}\nA line between.\n{line}\nThe end.\n"
    doc = add_document(wb, first.encode()).document.id
    claim = add_claim(
        wb, doc, "Unemployment fell 5 percent.", SpanRequest(quote=line, occurrence=1)
    ).id
    update_document(wb, doc, Content(f"A line between.\n{line}\nThe end.\n", "text", "r2.txt"))
    moved = get_claim(wb, claim)
    assert moved.anchor_state == "moved"
    second = moved.start
    edit_claim(wb, claim, span=SpanRequest(start=second, end=second + len(line)))
    assert get_claim(wb, claim).anchor_state == "exact"
    update_document(wb, doc, Content(first, "text", "r3.txt"))
    after = get_claim(wb, claim)
    assert after.start == first.index(line, 1) and after.quote == line
