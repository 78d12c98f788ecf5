"""Text normalisation and span finding: offsets are code points of the NFC, LF text."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.errors import InvalidInput, give
from workbench.domain.text import (
    CONTEXT_CHARS,
    at_grapheme_boundary,
    decode_utf8,
    find_quote,
    normalise,
    sha256_text,
    span_at,
)


def test_normalise_makes_lf_and_nfc() -> None:
    decomposed = "Cafe\u0301\r\nline2\rline3"
    assert normalise(decomposed) == "Café\nline2\nline3"
    assert normalise("\ufeffabc") == "abc"


def test_decode_drops_bom_and_names_bad_byte_offset() -> None:
    assert decode_utf8("\ufeff中文".encode(), "x") == "中文"
    with pytest.raises(InvalidInput, match=r"byte offset 3"):
        decode_utf8(b"abc\xff\xfe", "f.txt")


def test_find_quote_unique() -> None:
    text = "2025年1月,MiniMax率先发布了国内首个线性注意力架构模型。"
    span = find_quote(text, "国内首个线性注意力架构")
    assert text[span.start : span.end] == span.quote == "国内首个线性注意力架构"
    assert span.prefix == text[max(0, span.start - CONTEXT_CHARS) : span.start]
    assert span.suffix == text[span.end : span.end + CONTEXT_CHARS]


def test_find_quote_ambiguous_needs_occurrence() -> None:
    text = "MiniMax说。MiniMax做。MiniMax赢。"
    with pytest.raises(InvalidInput, match=r"occurs 3 times.*say which") as ambiguous:
        find_quote(text, "MiniMax")
    assert ambiguous.value.hint == give("occurrence", low=1, high=3)
    assert find_quote(text, "MiniMax", 2).start == text.index("MiniMax", 1)
    with pytest.raises(InvalidInput, match="out of range"):
        find_quote(text, "MiniMax", 4)
    with pytest.raises(InvalidInput, match="out of range"):
        find_quote(text, "MiniMax", 0)


def test_find_quote_absent_or_empty() -> None:
    with pytest.raises(InvalidInput, match="not found"):
        find_quote("abc", "xyz")
    with pytest.raises(InvalidInput, match="empty"):
        find_quote("abc", "")


def test_find_quote_normalises_the_quote() -> None:
    assert find_quote("Café au lait", "Cafe\u0301").start == 0


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (3, 2, "after end"),
        (2, 2, "empty"),
        (0, 99, "outside the document"),
        (-1, 2, "negative"),
    ],
)
def test_span_at_refuses_bad_offsets(start: int, end: int, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        span_at("abcdef", start, end)


def test_offsets_count_code_points_with_emoji_and_extension_b() -> None:
    text = "😀𠀀中文ab"
    span = span_at(text, 1, 3)
    assert span.quote == "𠀀中"
    assert find_quote(text, "ab").start == 4


def test_sha256_is_of_the_utf8_bytes() -> None:
    assert sha256_text("中") == hashlib.sha256("中".encode()).hexdigest()


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60).map(
    normalise
)


@given(texts, st.data())
def test_any_span_round_trips_through_find_quote(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if unicodedata.normalize("NFC", quote) != quote or not quote.strip():
        return
    positions = [i for i in range(len(text)) if text.startswith(quote, i)]
    if not (at_grapheme_boundary(text, start) and at_grapheme_boundary(text, end)):
        # A span that cuts a user-perceived character (an accent from its letter, an emoji
        # sequence, a flag) is refused, not pinned.
        with pytest.raises(InvalidInput, match="falls inside one visible character"):
            find_quote(text, quote, positions.index(start) + 1)
        return
    span = find_quote(text, quote, positions.index(start) + 1)
    assert (span.start, span.end) == (start, end)
    assert text[span.start : span.end] == quote
