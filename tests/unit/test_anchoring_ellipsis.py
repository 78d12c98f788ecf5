"""A quote typed with three full stops finds the document's ellipsis, and the reverse.

An English desk's trial: a debate transcript kept `four more years... six, actually` and the
checker pasted the quote from a word processor that had made it `four more years… six,
actually` (or the other way round, a wire story's `more to do… wages` typed `more to do...
wages`); `claim add --quote` refused both, offering only the nearest passage, though the two
differ only in an NFKC compatibility form, which quote matching otherwise folds.
"""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import find_quote_tolerant
from workbench.domain.errors import InvalidInput


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
