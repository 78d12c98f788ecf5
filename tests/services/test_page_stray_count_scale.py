"""perf204: `doc add URL` of a GBK page sent under a UTF-8 label (the common case of a Chinese
site's server default) cost 1.23 times the session's start at 20 MB (9.1 -> 11.1 s of CPU),
the gap growing with the page: to tell it from a UTF-8 page with a few stray bytes, every
character of the page read as UTF-8 was looked at in Python to count those beyond ASCII, a
count that can only matter to a page of at most 8 stray runs, and a GBK page has thousands.
Counted here as the characters given to that count, not timed."""

from __future__ import annotations

import pytest

from workbench.services import pages
from workbench.services.pages import decode_page

BODY = "<p>" + "据新华社报道，今年全国粮食产量达到6.95亿吨，比去年增长1.3%。" * 20 + "</p>\n"
PAGE = ("<html><head><title>新闻</title></head><body>" + BODY * 100 + "</body></html>").encode(
    "gbk"
)


def test_a_gbk_page_under_a_utf8_label_is_not_counted_character_by_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = [0]
    real = pages._beyond_ascii

    def counting(text: str, runs: int) -> int:
        counted[0] += len(text)
        return real(text, runs)

    monkeypatch.setattr(pages, "_beyond_ascii", counting)
    text, decoding = decode_page(PAGE, "text/html; charset=utf-8")
    assert decoding.guessed and decoding.encoding == "gb18030"
    assert "粮食产量" in text
    assert counted[0] == 0


def test_a_utf8_page_with_a_stray_byte_is_still_read_as_utf8() -> None:
    """The count still decides the page it is for: one stray byte in a UTF-8 page."""
    data = ("<html><body>" + BODY * 10 + "</body></html>").encode().replace(b"1.3", b"1\xff3", 1)
    text, decoding = decode_page(data, "text/html; charset=utf-8")
    assert not decoding.guessed and decoding.replaced == 1
    assert "1\ufffd3" in text
