"""A quote pinned in simplified characters, in a revision written in traditional ones (the
same article's Hong Kong edition, OpenCC's s2t): its words are there, in the other script, so
the claim is found there as changed (`fuzzy`: its verdict flagged, the new characters shown),
never said gone. The trial's 'MiniMax经历了3到4次严重的预训练失败' shares 8 of 18 characters
with 'MiniMax經歷了3到4次嚴重的預訓練失敗', under the fuzzy step's threshold: orphaned."""

from __future__ import annotations

import opencc

from workbench.domain.anchoring import AnchorState, Selector, reanchor
from workbench.domain.spans import span_at

TEXT = (
    "2023年,MiniMax决定要做MoE。这是一个大胆的选择,一切都要摸黑探索。\n\n"
    "代价是惨重的——MiniMax经历了3到4次严重的预训练失败,每一次模型崩了,"
    "就意味着两个月的研发周期白费。\n"
)
QUOTE = "MiniMax经历了3到4次严重的预训练失败"
S2T = opencc.OpenCC("s2t").convert


def _selector(text: str, quote: str) -> Selector:
    span = span_at(text, text.index(quote), text.index(quote) + len(quote))
    return Selector(span.start, span.end, span.quote, span.prefix, span.suffix)


def test_a_quote_in_the_other_script_is_found_as_changed() -> None:
    new = S2T(TEXT)
    found = reanchor(new, _selector(TEXT, QUOTE))
    assert found.state == AnchorState.FUZZY
    assert found.span is not None and found.span.quote == S2T(QUOTE)
    assert new[found.span.start : found.span.end] == "MiniMax經歷了3到4次嚴重的預訓練失敗"


def test_a_figure_changed_as_well_is_in_the_new_quote() -> None:
    """The script folded, a changed figure is still a change the claim shows."""
    new = S2T(TEXT.replace("3到4次", "5到6次"))
    found = reanchor(new, _selector(TEXT, QUOTE))
    assert found.state == AnchorState.FUZZY
    assert found.span is not None and "5到6次" in found.span.quote


def test_words_gone_in_either_script_stay_gone() -> None:
    new = S2T(TEXT.replace("代价是惨重的——MiniMax经历了3到4次严重的预训练失败,", ""))
    assert reanchor(new, _selector(TEXT, QUOTE)).state == AnchorState.ORPHANED


def test_a_quote_pinned_in_traditional_is_found_in_simplified() -> None:
    """Back the other way (the page switched back, or a claim pinned on the Hong Kong edition):
    the new text is already simplified, the quote is not."""
    old = S2T(TEXT)
    found = reanchor(TEXT, _selector(old, S2T(QUOTE)))
    assert found.state == AnchorState.FUZZY
    assert found.span is not None and found.span.quote == QUOTE


def test_a_quote_that_is_simplified_already_is_not_looked_for_twice() -> None:
    """Nothing to fold on either side: orphaned as before, without a second search."""
    gone = TEXT.replace("代价是惨重的——MiniMax经历了3到4次严重的预训练失败,", "")
    assert reanchor(gone, _selector(TEXT, QUOTE)).state == AnchorState.ORPHANED
