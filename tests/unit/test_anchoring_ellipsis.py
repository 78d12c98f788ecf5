"""A quote typed with three full stops finds the document's ellipsis, and the reverse.

An English desk's trial: a debate transcript kept `four more years... six, actually` and the
checker pasted the quote from a word processor that had made it `four more years… six,
actually` (or the other way round, a wire story's `more to do… wages` typed `more to do...
wages`); `claim add --quote` refused both, offering only the nearest passage, though the two
differ only in an NFKC compatibility form, which quote matching otherwise folds.
"""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import AnchorState, Selector, reanchor
from workbench.domain.errors import InvalidInput
from workbench.domain.pinning import find_quote_tolerant


@pytest.mark.parametrize(
    ("text", "quote", "span"),
    [
        ("He added: more to do… wages have to follow.", "more to do... wages", "more to do… wages"),
        ("four more years... six, actually.", "four more years… six", "four more years... six"),
        ("Wait… what?", "Wait . . . what", "Wait… what"),
        ("他说……我们会做到。", "他说......我们", "他说……我们"),
    ],
)
def test_ellipsis_and_three_full_stops_are_one(text: str, quote: str, span: str) -> None:
    """The ellipsis character and three full stops were two characters to quote matching; the
    span found is the stored text's own characters."""
    found = find_quote_tolerant(text, quote)
    assert found.quote == span
    assert text[found.start : found.end] == span


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("他说……我们", "他说..."),  # three stops are one ellipsis, not the first half of two
        ("他说……我们", "...我们"),
        ("Wait…. what", "Wait..."),
    ],
)
def test_half_an_ellipsis_run_is_no_occurrence(text: str, quote: str) -> None:
    """Reading an ellipsis as three full stops must not let a quote's typed full stops end or
    start inside a run of dots that an ellipsis is part of: the quote would cut the run in
    two."""
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant(text, quote)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("他说……我们", "他说．．．"),  # full-width full stops, as a Chinese keyboard types them
        ("他说……我们", "他说。。。"),  # ideographic full stops, which fold to "." too
        ("他说……我们", "．．．我们"),
    ],
)
def test_full_stops_of_any_width_never_cut_an_ellipsis_run(text: str, quote: str) -> None:
    """Review255: the run was held only for an ASCII "." at the quote's edge; "．．．" and
    "。。。" fold to "..." just the same, and pinned the first half of a "……"."""
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant(text, quote)


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("Wages rose. Prices fell.", "Wages rose… Prices fell.", "Wages rose."),
        ("x. Wait. what", "x. Wait… what", "Wait."),
        ("他说...我们会做到。", "他说……我们会做到。", "他说..."),
    ],
)
def test_a_revision_that_makes_a_quotes_stop_an_ellipsis_is_an_edit(
    old: str, new: str, quote: str
) -> None:
    """Review255: re-anchoring read the quote's folded "." as the first dot of the new "…" and
    took the whole ellipsis: "Wages rose." became "Wages rose…", exact, score 1.0, the verdict
    standing, where before the ellipsis was folded the claim was fuzzy (its quote changed). A
    sentence's stop made an ellipsis (words left out, a sentence trailing off) is an edit."""
    start = old.index(quote)
    end = start + len(quote)
    sel = Selector(start, end, quote, old[:start], old[end:])
    found = reanchor(new, sel)
    assert found.state is not AnchorState.EXACT and found.state is not AnchorState.MOVED
    assert found.quote_changed
    # Its match is not shown as whole ("quote changed (1.00)"): the window "rose." ended
    # inside the ellipsis' dots and was scored, not the span "rose…" it stands for.
    assert found.score < 0.99


@pytest.mark.parametrize(
    ("text", "quote", "span"),
    [
        ("他说⋯⋯我们会做到。", "他说……我们", "他说⋯⋯我们"),  # U+22EF, a Taiwanese text's ellipsis
        ("他说⋯⋯我们会做到。", "他说......我们", "他说⋯⋯我们"),
        ("他说……我们会做到。", "他说⋯⋯我们", "他说……我们"),
        ("more to do︙ wages", "more to do... wages", "more to do︙ wages"),  # the vertical form
        ("more to do︙ wages", "more to do… wages", "more to do︙ wages"),
    ],
)
def test_the_midline_ellipsis_is_an_ellipsis(text: str, quote: str, span: str) -> None:
    """Review255: "⋯" (the midline ellipsis many Chinese texts set, "⋯⋯") has no NFKC form,
    so it stayed itself while "…" became three stops: a quote typed "……" or "......" was
    refused against "⋯⋯". The vertical "︙" became a lone "…" and, "…" now being "...", no
    longer matched the "…" it had matched."""
    found = find_quote_tolerant(text, quote)
    assert found.quote == span
    assert text[found.start : found.end] == span


def test_half_a_midline_ellipsis_run_is_no_occurrence() -> None:
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant("他说⋯⋯我们", "他说...")


@pytest.mark.parametrize(
    ("text", "quote", "span"),
    [
        ("他说……。我们会做到。", "他说......", "他说……"),  # "……。": the stop ends the sentence
        ("他说……。我们会做到。", "他说．．．．．．", "他说……"),
        ("“走吧⋯⋯。”他说", "走吧......", "走吧⋯⋯"),
        ("他说了。……我们", "他说了.", "他说了。"),  # the quote's own stop, typed ASCII
        ("他说了。……我们", "。……我们", "。……我们"),
    ],
)
def test_an_ideographic_full_stop_is_no_dot_of_an_ellipsis(
    text: str, quote: str, span: str
) -> None:
    """rr260: "。" folds to "." as "．" does, and was read as a fourth dot of the run beside a
    "……": a quote typed "他说......" was refused against "他说……。" with the nearest passage
    "100% alike", though it holds the whole ellipsis and the "。" is the sentence's own stop."""
    found = find_quote_tolerant(text, quote)
    assert found.quote == span
    assert text[found.start : found.end] == span


def test_doc_update_keeps_a_quote_before_a_sentence_stop_exact() -> None:
    """rr260: re-anchoring held the same run, so "他说......" revised to "他说……。" (the
    ellipsis set, a stop added after it) was flagged as a changed quote."""
    old, new, quote = "前文。他说......我们会做到。", "前文。他说……。我们会做到。", "他说......"
    start = old.index(quote)
    sel = Selector(start, start + len(quote), quote, old[:start], old[start + len(quote) :])
    found = reanchor(new, sel)
    assert found.state in (AnchorState.EXACT, AnchorState.MOVED)
    assert found.span is not None and found.span.quote == "他说……"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("他说……我们", "他说...\u200b"),  # a zero-width space pasted after it
        ("他说……我们", "他说...\u00ad"),  # a soft hyphen
        ("他说……我们", "\ufeff...我们"),  # a byte order mark before it
        ("他说……我们", "他说. . .\u200b "),
    ],
)
def test_an_invisible_character_at_the_edge_does_not_hide_the_typed_stop(
    text: str, quote: str
) -> None:
    """rr260: the edge held to the run was the quote's last character as typed, and one that
    folding drops (a zero-width space, a soft hyphen, a BOM pasted with it) hid the full stop
    before it: "他说...\u200b" pinned the first half of "……", as "他说..." does not."""
    with pytest.raises(InvalidInput, match="not found"):
        find_quote_tolerant(text, quote)
