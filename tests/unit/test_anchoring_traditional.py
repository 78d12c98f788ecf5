"""A quote pinned in simplified characters, in a revision written in traditional ones (the
same article's Hong Kong edition, OpenCC's s2t): its words are there, in the other script, so
the claim is found there as changed (`fuzzy`: its verdict flagged, the new characters shown),
never said gone. The trial's 'MiniMax经历了3到4次严重的预训练失败' shares 8 of 18 characters
with 'MiniMax經歷了3到4次嚴重的預訓練失敗', under the fuzzy step's threshold: orphaned."""

from __future__ import annotations

import random

import opencc
import pytest

from workbench.domain.anchoring import Anchored, AnchorState, Matcher, Selector, reanchor
from workbench.domain.chinese_forms import simplified_text
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


def test_a_quote_that_is_simplified_already_is_not_looked_for_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing to fold on either side: orphaned as before, without a second search (the fuzzy
    step is run once; before, this test asserted only the state, which a second search that
    finds nothing gives too)."""
    gone = TEXT.replace("代价是惨重的——MiniMax经历了3到4次严重的预训练失败,", "")
    searches: list[str] = []
    fuzzy = Matcher._fuzzy

    def counted(self: Matcher, sel: Selector, hint: int) -> Anchored:
        searches.append(self.text)
        return fuzzy(self, sel, hint)

    monkeypatch.setattr(Matcher, "_fuzzy", counted)
    assert reanchor(gone, _selector(TEXT, QUOTE)).state == AnchorState.ORPHANED
    assert searches == [gone]


# Phrases OpenCC's t2s phrase table converts as a whole (乾隆 keeps its 乾, 沈思 becomes 沉思),
# characters outside the BMP it converts (𩀨 to 𫕚), a compatibility ideograph it normalises.
PHRASES = ("乾隆年間", "沈思往事", "死氣沈沈", "魏徵", "於單", "李澤鉅", "頭髮", "皇後", "乾杯")
RARE = ("\U00029028", "\U00029159", "\U00020000", "\U0002a6d6", "\uf900", "𠮷")


def test_t2s_writes_a_character_for_a_character() -> None:
    """What re-anchoring in the other script rests on: a span found in the text written in
    simplified characters is the same span of the text itself. Checked on the tables' phrases,
    on characters outside the BMP and on random text, so that an OpenCC whose tables change a
    length fails here, not in a claim pinned a few characters off."""
    rng = random.Random(20)
    pool = [*PHRASES, *RARE, *S2T("说了后来发现头发干了里面"), "abc", "，", "\n"]
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
        assert len(simplified_text(text)) == len(text), text
    assert simplified_text("𩀨") == "𫕚" and simplified_text("乾隆年間") == "乾隆年间"


def test_a_character_the_fold_merges_is_never_exact() -> None:
    """乾杯 and 幹杯 are one 干杯 in simplified characters: the fold finds the claim, and says
    its words changed (fuzzy, its verdict flagged), never that they are the same."""
    old = "他舉起酒杯說：「乾杯！」大家都笑了。"
    found = reanchor(old.replace("乾", "幹"), _selector(old, "乾杯"))
    assert found.state == AnchorState.FUZZY
    assert found.span is not None and found.span.quote == "幹杯"
