"""`text.looks_like_utf16`: UTF-16 without a byte-order mark is named only on strong evidence."""

from __future__ import annotations

from workbench.domain.decoding import looks_like_utf16


def test_a_stray_nul_is_not_utf16() -> None:
    """A text with one NUL (tests/services/test_bad_input.py's document) decodes, pair by pair,
    to printable ideographs; one NUL made it "UTF-16BE without a byte-order mark", and the
    refusal lost its offset of the NUL."""
    assert looks_like_utf16(b"text with a \x00 byte") is None
    assert looks_like_utf16(b"a\x00" + "中文".encode()) is None


def test_ascii_heavy_utf16_is_named() -> None:
    text = "Revenue grew 12% in 2023.\n营收增长12%。\n"
    assert looks_like_utf16(text.encode("utf-16-le")) == "UTF-16LE"
    assert looks_like_utf16(text.encode("utf-16-be")) == "UTF-16BE"
