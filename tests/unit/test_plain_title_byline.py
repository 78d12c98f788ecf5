"""A plain text's first line taken for its title (`domain.plain_title`): since a line read as
a speaker's turn is refused only when turns follow it (so that 主标题：副标题 is a headline),
a clipping's byline written with a colon, alone on the first line, became the title."""

from __future__ import annotations

from workbench.domain.plain_title import plain_title


def test_a_reporters_byline_is_no_title() -> None:
    """`记者：王晓明`, a clipping's byline (reporter: Wang Xiaoming) above a blank line and the
    article, was stored as the document's title, and ClaimReview and the report named the
    article "记者：王晓明"; before, a line read as a speaker's turn was never a headline."""
    text = "记者：王晓明\n\n本报讯，昨日甲公司宣布去年营收增长百分之十二。\n"
    assert plain_title(text) is None
