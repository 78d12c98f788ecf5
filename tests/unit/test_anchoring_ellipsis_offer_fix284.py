"""The passage offered for a quote refused, when an ellipsis is near: it holds a run of dots
whole, wherever the quote's dots are, and it is offered only at the 70% likeness
(MIN_QUOTE_SIMILARITY) every offered passage meets."""

from __future__ import annotations

import re

import pytest

from workbench.domain.anchoring import MIN_QUOTE_SIMILARITY
from workbench.domain.errors import InvalidInput
from workbench.domain.pinning import find_quote_tolerant


def _refusal(text: str, quote: str) -> str:
    with pytest.raises(InvalidInput, match="not found") as refused:
        find_quote_tolerant(text, quote)
    return str(refused.value.message)


def _offered(said: str) -> tuple[int, str] | None:
    found = re.search(r"(\d+)% alike, is '([^']*)'", said)
    return None if found is None else (int(found.group(1)), found.group(2))


@pytest.mark.parametrize(
    ("text", "quote", "whole"),
    [
        ("他说\u2026\u2026我们会继续努力。", "他说...我们", "他说\u2026\u2026我们"),
        ("他说\u22ef\u22ef我们会继续努力。", "他说...我们", "他说\u22ef\u22ef我们"),
        ("记者问：他说\u2026\u2026我们会吗？", "他说...我们会", "他说\u2026\u2026我们会"),
        # Every passage cutting the run is under 70% alike, the whole one over it.
        ("他说\u2026\u2026我们会继续努力。", "他说...我们会", "他说\u2026\u2026我们会"),
    ],
)
def test_dots_inside_a_quote_are_offered_the_whole_run(text: str, quote: str, whole: str) -> None:
    """`他说...我们` against the article's `他说……我们` was offered '他说…', half the run (and
    without 我们): three stops typed in the middle of a quote are one ellipsis, not the
    article's two, so the quote is refused, but what it is offered holds the run whole."""
    said = _refusal(text, quote)
    offered = _offered(said)
    assert offered is not None, said
    assert offered[1] == whole, said
    assert offered[0] >= 100 * MIN_QUOTE_SIMILARITY, said
    # What is offered is what a quote is found as.
    assert find_quote_tolerant(text, whole).quote == whole


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("他说\u2026\u2026", "他们说..."),
        ("我们会做到\u22ef\u22ef好的", "我们能做到..."),
        ("And we can do it\u2026\u2026 they said", "we could do it..."),
    ],
)
def test_a_widened_passage_is_offered_only_as_alike_as_any(text: str, quote: str) -> None:
    """A quote typed with another word whose nearest passage ends in a run of dots was offered
    that passage widened over the run 'however long': '他们说...' was told 'the nearest
    passage, 62% alike, is 他说……', below the 70% that every other offer meets."""
    said = _refusal(text, quote)
    offered = _offered(said)
    assert offered is None or offered[0] >= 100 * MIN_QUOTE_SIMILARITY, said
