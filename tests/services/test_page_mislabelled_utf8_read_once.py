"""A GBK page under a server's default UTF-8 label (the common case the stray-byte rule must
tell apart from a UTF-8 page with a few stray bytes). What the user met with `doc add URL`: the
count of bytes that are not UTF-8 re-read the rest of the page once per bad byte (each error
copies what follows it), so a 1.6 MB Chinese news page took 44 seconds to add, and a page near
the 20 MB limit hours; before the rule it took a blink. The page must be read a bounded number
of times, whatever its count of bad bytes: counted here as the bytes given to the UTF-8 codec,
not timed."""

from __future__ import annotations

import codecs
from typing import Any

import pytest

from workbench.services.pages import decode_page

BODY = "<p>" + "技术理想，事实核查。部长表示，2021年失业率上升至7%。" * 20 + "</p>\n"
PAGE = (
    "<html><head><meta charset='utf-8'><title>就业</title></head><body>"
    + BODY * 200
    + "</body></html>"
).encode("gbk")


def test_a_gbk_page_labelled_utf8_is_read_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = [0]
    real = codecs.utf_8_decode

    def counted(data: Any, *args: Any) -> Any:
        read[0] += len(data)
        return real(data, *args)

    monkeypatch.setattr(codecs, "utf_8_decode", counted)
    text, decoding = decode_page(PAGE, "text/html; charset=utf-8")
    assert decoding.guessed and decoding.encoding == "gb18030"
    assert "事实核查" in text
    assert read[0] <= 4 * len(PAGE)


def test_the_bytes_replaced_are_counted_as_before() -> None:
    """The count `--json` gives as replaced_bytes: every byte not UTF-8, a truncated sequence's
    bytes all counted, a U+FFFD the page itself holds not counted."""
    page = (
        "<html><head><meta charset='utf-8'></head><body><p>"
        + "“Unemployment rose” to 7 percent, a café owner said � today. " * 20
    ).encode() + b"\xff and \xe4\xb8 end</p></body></html>"
    text, decoding = decode_page(page, "text/html; charset=utf-8")
    assert not decoding.guessed
    assert decoding.replaced == 3
    assert text.count("\ufffd") == 20 + 2
