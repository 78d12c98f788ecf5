"""A quote edited inside (fuzzy) that also had words run onto its edge where a mark was: the
words run on are the claim's too. newuser's first hour: 我们是全国第一个实现全域5G覆盖的城市。
became 我们是全国率先实现全域5G覆盖的城市之一。, and the claim's new quote stopped at 城市, leaving
out 之一 ("one of"), so `claim show` quoted the page as still saying "the first city"."""

from __future__ import annotations

from workbench.domain.anchoring import AnchorState, Matcher, Selector
from workbench.domain.spans import span_at

OLD = (
    "本市去年GDP增长5.2%\n"
    "市统计局3月1日发布的数据显示，2025年本市地区生产总值达到2.8万亿元，同比增长5.2%。\n"
    "市长王芳在新闻发布会上表示：“我们是全国第一个实现全域5G覆盖的城市。”"
    "她还说，明年本市将投资500亿元建设新的地铁线路。\n"
)


def _found(old: str, new: str, quote: str) -> tuple[AnchorState, str | None]:
    start = old.index(quote)
    sp = span_at(old, start, start + len(quote))
    found = Matcher(new).reanchor(Selector(sp.start, sp.end, sp.quote, sp.prefix, sp.suffix))
    return found.state, None if found.span is None else found.span.quote


def test_words_added_after_an_edited_quote_are_taken_into_its_span() -> None:
    new = OLD.replace("第一个实现全域5G覆盖的城市。", "率先实现全域5G覆盖的城市之一。")
    state, quote = _found(OLD, new, "我们是全国第一个实现全域5G覆盖的城市")
    assert (state, quote) == (AnchorState.FUZZY, "我们是全国率先实现全域5G覆盖的城市之一")


def test_an_edited_quote_still_followed_by_its_mark_is_not_widened() -> None:
    new = OLD.replace("第一个实现全域5G覆盖", "率先实现全域5G覆盖")
    state, quote = _found(OLD, new, "我们是全国第一个实现全域5G覆盖的城市")
    assert (state, quote) == (AnchorState.FUZZY, "我们是全国率先实现全域5G覆盖的城市")
