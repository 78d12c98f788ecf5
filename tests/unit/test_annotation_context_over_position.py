"""trial324: an annotation made by a browser tool (Hypothesis and others count offsets in
JavaScript's UTF-16 units) on a Chinese report with an emoji 🚀 in each of its repeated
sentences. Its TextPositionSelector fell a few characters past the occurrence it meant, which
its TextQuoteSelector's prefix and suffix name exactly; `anchor_quote` took the occurrence
nearest the position, the next sentence's, whose surroundings are not the prefix and suffix
given: the claim was pinned to the wrong sentence, as if exact. The prefix and suffix given
must hold around the occurrence taken (its docstring), wherever the position points."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.pinning import QuoteHint, anchor_quote

TEXT = "".join(
    f"第{i}句：全市GDP增长5.{i}%，其中AI产业贡献了{i}0亿元🚀🤖🎉👍😀🔥。" for i in range(1, 9)
)
QUOTE = "其中AI产业贡献了"


def _utf16(text: str, at: int) -> int:
    return len(text[:at].encode("utf-16-le")) // 2


def test_the_prefix_and_suffix_settle_an_occurrence_the_position_misses() -> None:
    at = TEXT.index(QUOTE, TEXT.index("第5句"))
    start = _utf16(TEXT, at)  # 24 emoji before it: 24 past, nearer the next sentence's
    following = TEXT.index(QUOTE, at + 1)
    assert abs(following - start) < abs(at - start)
    hint = QuoteHint(
        exact=QUOTE,
        prefix=TEXT[at - 12 : at],
        suffix=TEXT[at + len(QUOTE) : at + len(QUOTE) + 6],
        start=start,
        end=_utf16(TEXT, at + len(QUOTE)),
    )
    span = anchor_quote(TEXT, hint, carrier="an annotation")
    assert (span.start, span.end) == (at, at + len(QUOTE)), TEXT[span.start - 12 : span.end]


def test_a_context_no_occurrence_has_is_refused_near_a_position_all_the_same() -> None:
    at = TEXT.index(QUOTE, TEXT.index("第5句"))
    hint = QuoteHint(exact=QUOTE, prefix="第9句：全市GDP增长5.9%，", start=at + 3, end=at + 12)
    with pytest.raises(InvalidInput, match="context"):
        anchor_quote(TEXT, hint, carrier="an annotation")
