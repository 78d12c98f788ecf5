"""A quote refused because it would cut a run of dots (`他说...` against `他说⋯⋯`, `Wait...`
against `Wait….`) was offered "the nearest passage, 100% alike, is '他说⋯'": half the run, the
very cut the refusal is for, and "100% alike" beside "not found". The passage offered now holds
the whole run, and the refusal says why the quote is not it (fix272)."""

from __future__ import annotations

import re

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.pinning import find_quote_tolerant


def _refusal(text: str, quote: str) -> str:
    with pytest.raises(InvalidInput, match="not found") as refused:
        find_quote_tolerant(text, quote)
    return str(refused.value.message)


@pytest.mark.parametrize(
    ("text", "quote", "whole"),
    [
        ("他说⋯⋯好的", "他说...", "他说⋯⋯"),
        ("前面 他说⋯⋯ 后面 再说", "他说...", "他说⋯⋯"),
        ("他说……我们", "...我们", "……我们"),
        ("Wait…. then", "Wait...", "Wait…."),
        ("他说……。", "他说...", "他说……"),  # the sentence's own stop is no dot of the run
    ],
)
def test_the_passage_offered_holds_the_whole_run(text: str, quote: str, whole: str) -> None:
    said = _refusal(text, quote)
    assert "100%" not in said, said
    assert repr(whole) in said, said
    assert "run of dots" in said, said
    # What is offered is what a quote is found as.
    assert find_quote_tolerant(text, whole).quote == whole


def test_a_passage_alike_elsewhere_is_widened_over_the_run_too() -> None:
    """A quote typed differently (a word changed) whose nearest passage ends in a run: the
    passage offered holds the run whole, and its likeness is measured on what is offered (and
    must reach 70%, as any offer's: fix284 moved this test off '我们能做到...' against
    我们会做到⋯⋯, offered at 64%)."""
    said = _refusal("我们今年一定会做到⋯⋯好的", "我们今年一定能做到...")
    found = re.search(r"(\d+)% alike, is '([^']*)'", said)
    assert found is not None, said
    assert found.group(2) == "我们今年一定会做到⋯⋯", said
    assert int(found.group(1)) >= 70, said


def test_a_quote_cutting_a_ligature_beside_an_ellipsis_is_not_said_to_cut_dots() -> None:
    """A quote "ind..." in "the ﬁnd… ok" is refused for cutting the ligature ﬁ, not a run of
    dots: its dots end where the ellipsis does. The nearest passage is offered, as before
    (rr275)."""
    said = _refusal("the ﬁnd… ok", "ind...")
    assert "run of dots" not in said, said
    assert "'ﬁnd…'" in said, said


@pytest.mark.parametrize("marks", ["“”", "「」", "''"])
def test_a_quote_pasted_in_marks_is_offered_the_whole_run(marks: str) -> None:
    """ "“他说...”" is "他说..." pasted with its quotation marks: refused as "他说..." is, for
    cutting the run "⋯⋯" in two, it was offered '他说⋯', half the run (rr275)."""
    said = _refusal("他说⋯⋯好的", f"{marks[0]}他说...{marks[1]}")
    assert "'他说⋯⋯'" in said, said
    assert "run of dots" in said, said
