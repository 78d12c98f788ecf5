"""Notepad's "Unicode" files: UTF-16 (and UTF-32) that start with a byte-order mark are read as
text, since the mark says the encoding (nothing is guessed); the same bytes without the mark
are still refused, and said to look like UTF-16 rather than "a binary file"."""

from __future__ import annotations

import codecs

import pytest

from workbench.domain.decoding import decode_text, not_utf8_advice
from workbench.domain.errors import InvalidInput
from workbench.domain.text import normalise

ARTICLE = "MiniMax 成立于2021年底。\r\n闫俊杰说：“我们一定会成功。”😀\r\n"
STORED = "MiniMax 成立于2021年底。\n闫俊杰说：“我们一定会成功。”😀\n"


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-16"),  # Notepad's "Unicode": UTF-16 LE with its mark
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),  # "Unicode big endian"
        codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + ARTICLE.encode("utf-32-be"),
        codecs.BOM_UTF8 + ARTICLE.encode(),
        ARTICLE.encode(),
    ],
)
def test_text_with_a_byte_order_mark_is_read_in_the_encoding_it_names(data: bytes) -> None:
    """Was: UTF-16 refused ("it is UTF-16 ...; convert it first"). Now read, the mark dropped,
    and stored NFC/LF as any text: offsets count code points of that text (the emoji is one)."""
    text = normalise(decode_text(data, "f.txt"))
    assert text == STORED
    assert text.index("😀") + 1 == text.index("\n", text.index("😀"))


@pytest.mark.parametrize(
    ("data", "said"),
    [
        # half a character at the end (the file cut short), a lone surrogate
        ("中文".encode("utf-16") + b"\x41", "is not valid UTF-16: it ends inside a character"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", "is not valid UTF-16: bad bytes at byte offset 2"),
        (
            codecs.BOM_UTF32_BE + b"\x00\x11\x00\x00",
            "is not valid UTF-32: bad bytes at byte offset 4",
        ),
    ],
)
def test_a_broken_utf16_file_is_refused_with_where(data: bytes, said: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        decode_text(data, "f.txt")
    assert refused.value.message.startswith(f"f.txt {said}"), refused.value.message


@pytest.mark.parametrize(
    ("data", "order"),
    [
        ("Title: MiniMax\nThe company was founded in 2021.\n".encode("utf-16-le"), "UTF-16LE"),
        ("Title: MiniMax\nThe company was founded in 2021.\n".encode("utf-16-be"), "UTF-16BE"),
        # Chinese with its line breaks and digits: NUL bytes on one side only
        (ARTICLE.encode("utf-16-le"), "UTF-16LE"),
        (ARTICLE.encode("utf-16-be"), "UTF-16BE"),
    ],
)
def test_utf16_without_a_mark_is_refused_as_such_not_as_a_binary_file(
    data: bytes, order: str
) -> None:
    """Was: "it looks like a binary file (it holds NUL bytes)" (or, for ASCII, which is valid
    UTF-8 with NULs, "holds a NUL character": a binary file). Still refused, never decoded by
    a guess, but said what it likely is, with the iconv for its byte order."""
    advice = (
        f"looks like UTF-16 without a byte-order mark ({order}); convert it first, "
        f"e.g. iconv -f {order} -t UTF-8 FILE > FILE.utf8"
    )
    with pytest.raises(InvalidInput) as refused:
        decode_text(data, "f.txt")
    assert refused.value.message == f"f.txt is not UTF-8: it {advice}"
    assert not_utf8_advice(data, 0) == f"it {advice}"


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00\x00\x00\xd0\x81",  # a program
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",  # an image
        b"\x00\xff\xfe" * 50,
    ],
)
def test_a_binary_file_is_still_called_one(data: bytes) -> None:
    assert "looks like a binary file" in not_utf8_advice(data, 0)
    assert "UTF-16" not in not_utf8_advice(data, 0)
