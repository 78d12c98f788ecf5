"""A page's declared charset is used only when it names a character set (review56): Python's
`undefined` refused every byte and was blamed on the terminal; `unicode_escape` turned the
page's `\\x00` and `\\ud800` escapes into characters, and lxml cut the page there."""

from __future__ import annotations

import pytest

from workbench.services.pages import declared_charset, decode_page


@pytest.mark.parametrize(
    "name",
    ["undefined", "unicode_escape", "raw_unicode_escape", "rot13", "base64", "idna", "utf-7"],
)
def test_a_codec_that_is_no_charset_is_not_taken_as_declared(name: str) -> None:
    """Any codec Python knows was taken for the page's charset."""
    page = f'<meta charset="{name}"><p>x</p>'.encode("ascii")
    assert declared_charset(page) is None
    assert declared_charset(b"<p>x</p>", f"text/html; charset={name}") is None


def test_a_page_declaring_unicode_escape_is_read_by_a_guess_not_its_escapes() -> None:
    """The page's escapes became a NUL and a lone surrogate."""
    page = b'<meta charset="unicode_escape"><p>Caf\xe9 \\x00 \\ud800</p>'
    text, decoding = decode_page(page)
    assert "Café \\x00 \\ud800" in text
    assert decoding.guessed and decoding.encoding == "cp1252"


def test_real_charsets_are_still_read_as_declared() -> None:
    """GBK (read as GB18030) and Shift_JIS declared by the page are used as before."""
    gbk = '<meta charset="gbk"><p>增长</p>'.encode("gbk")
    text, decoding = decode_page(gbk)
    assert text == '<meta charset="gbk"><p>增长</p>'
    assert decoding.encoding == "gb18030" and not decoding.guessed
    sjis = '<meta charset="shift_jis"><p>東京</p>'.encode("shift_jis")
    assert decode_page(sjis)[1].encoding == "shift_jis"
