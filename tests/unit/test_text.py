"""Text normalisation and span finding: offsets are code points of the NFC, LF text."""

from __future__ import annotations

import hashlib
import itertools
import tracemalloc
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import canonical_order
from workbench.domain.canonical_order import LONG_RUN, in_canonical_order, long_run
from workbench.domain.decoding import ENCODING_SAMPLE, decode_utf8
from workbench.domain.errors import InvalidInput, give
from workbench.domain.graphemes import at_grapheme_boundary
from workbench.domain.occurrences import find_quote
from workbench.domain.spans import CONTEXT_CHARS, span_at
from workbench.domain.text import normalise, sha256_text


def test_normalise_makes_lf_and_nfc() -> None:
    decomposed = "Cafe\u0301\r\nline2\rline3"
    assert normalise(decomposed) == "Café\nline2\nline3"
    assert normalise("\ufeffabc") == "abc"


def test_decode_drops_bom_and_names_bad_byte_offset() -> None:
    assert decode_utf8("\ufeff中文".encode(), "x") == "中文"
    with pytest.raises(InvalidInput, match=r"byte offset 3"):
        decode_utf8(b"abc\xff\xfe", "f.txt")


GBK_HINT = "it looks like GB18030/GBK (Chinese); convert it first, e.g. iconv -f GB18030"
CP1252_HINT = (
    "it looks like Windows-1252/Latin-1 (Western European); convert it first, "
    "e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8"
)
NONE = "convert it to UTF-8 first"
WESTERN = "The ticket costs £5 — “cheap”, said José; the café’s crème brûlée costs €4."
CHINESE = "“中文新闻”：朱镕基说，公司在2021年底成立。【完】"


@pytest.mark.parametrize(
    ("data", "advice"),
    [
        # A Chinese desk's files: GBK (Windows' default), ASCII first or not, rarer characters.
        (CHINESE.encode("gbk"), GBK_HINT),
        (b"Title: report\n" + CHINESE.encode("gb18030"), GBK_HINT),
        ("中文".encode("gbk") + b"\xff" * 3, "convert it to UTF-8 first"),  # not GBK either
        # UTF-16 is read by its byte-order mark (tests/unit/test_unicode_files.py); without
        # one, it is said to look like UTF-16
        (CHINESE.encode("utf-16-le"), "it looks like UTF-16 without a byte-order mark (UTF-16LE)"),
        # Not Chinese in GBK: no such advice. Western text in Windows-1252 or Latin-1 (a
        # Windows desk's default): its letters and marks are single bytes among ASCII.
        ("café crème".encode("latin-1"), CP1252_HINT),
        ("Öl für Bäcker".encode("latin-1"), CP1252_HINT),
        (WESTERN.encode("cp1252"), CP1252_HINT),
        (b"Title: debate\n" + WESTERN.encode("cp1252"), CP1252_HINT),
        ("A população não tem educação. ¿Cuánto? «Très» cher".encode("cp1252"), CP1252_HINT),
        (CHINESE.encode("big5", "replace"), NONE),
        # Bytes Windows-1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d): not that either.
        ("café ".encode("cp1252") + b"\x81 and \x8d", NONE),
        # Valid UTF-8 before the bad byte: a damaged UTF-8 file, which iconv from Windows-1252
        # would garble further.
        ("The café’s crème brûlée costs ".encode() + "£5".encode("cp1252"), NONE),
        # Japanese and Korean in the EUC encodings, whose bytes GB2312 shares: not called GBK
        (
            "会社の売上高は10％増加し、5億円に達しました。".encode("euc_jp"),
            "convert it to UTF-8 first",
        ),
        (
            "회사의 올해 매출은 10% 증가하여 5억 원에 달했습니다.".encode("euc_kr"),
            "convert it to UTF-8 first",
        ),
        # a Chinese text with a few spaces (between a name and a title) is still Chinese
        ("公司董事长 朱镕基说，公司在2021年底成立，营收增长了百分之十。".encode("gbk"), GBK_HINT),
        # UTF-8 with a bad byte after a run of good Chinese: a damaged UTF-8 file.
        (CHINESE.encode() + "中".encode("gbk"), "convert it to UTF-8 first"),
        # Chinese, Japanese and Korean text never reads as Western: their bytes come in runs.
        (("Title: " + CHINESE + " A股 B股").encode("gbk"), GBK_HINT),
        ("東京の会社は10％増えた。ソニー、トヨタ。".encode("euc_jp"), NONE),
        ("수 있다. 회사 매출 증가. 서울".encode("euc_kr"), NONE),
    ],
)
def test_text_that_is_not_utf8_is_refused_with_what_it_looks_like(data: bytes, advice: str) -> None:
    """Advice only: the text is refused, never decoded as the encoding it looks like."""
    with pytest.raises(InvalidInput) as refused:
        decode_utf8(data, "f.txt")
    message = refused.value.message
    assert message.startswith("f.txt is not valid UTF-8: bad byte 0x")
    assert message.split("; ", 1)[1].startswith(advice), message


def test_what_a_text_looks_like_is_judged_on_a_bounded_sample() -> None:
    # GBK for the first ENCODING_SAMPLE bytes, then what GBK cannot be: still GBK-like, since
    # only a sample is read again, however large the input.
    gbk = CHINESE.encode("gbk")
    data = gbk * (ENCODING_SAMPLE // len(gbk) + 1) + b"\xff" * 1_000_000
    with pytest.raises(InvalidInput, match="looks like GB18030/GBK"):
        decode_utf8(data, "big.txt")


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


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1/x",  # an unclosed IPv6 bracket: urlsplit raised ValueError (a traceback)
        "http://example.org:99999/",  # a port out of range
        "http://example.org:port/",
        "ftp://example.org/",
        "https://",
        "https://exa mple.org/",
    ],
)
def test_what_is_not_an_http_url_is_refused_in_one_line(url: str) -> None:
    from workbench.domain.urls import check_http_url

    with pytest.raises(InvalidInput, match="is not an http\\(s\\) URL"):
        check_http_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://user:s3cret@127.0.0.1:8047/story.html",
        "https://t0ken@example.org/x",
        # malformed too (review): refused as no URL, still without the password
        "http://u:s3cret@host:99999/",
        "http://u:s3c ret@host/",
        "http://u:s3cret@[::1/x",
        "https://user:s3c@ret@host/x y",  # an @ in the password (review)
        "https://user:s3c/ret@host",  # a slash in it: no host, no port
    ],
)
def test_a_url_with_a_password_is_refused_without_saying_it(url: str) -> None:
    """trial47: the fetch read user:pass@ as part of the host name and said the password back
    in its error; kept, it would be in the document's record and the audit trail."""
    from workbench.domain.urls import check_http_url

    with pytest.raises(InvalidInput) as refused:
        check_http_url(url)
    said = str(refused.value)
    assert "s3c" not in said and "t0ken" not in said and "…@" in said


def test_http_urls_pass_as_written() -> None:
    from workbench.domain.urls import check_http_url

    for url in ("https://example.org/a?b=1", "http://[::1]:8080/x", " http://127.0.0.1/ "):
        assert check_http_url(url) == url.strip()


def test_looks_like_names_the_codec_a_guess_would_read() -> None:
    from workbench.domain.decoding import looks_like

    gbk = "公司在2021年底成立，员工三千人。".encode("gbk")
    assert looks_like(gbk, 0) == "gb18030"
    latin = "Le café coûte 2 €.".encode("cp1252")
    assert looks_like(latin, latin.index(b"\xe9")) == "cp1252"
    assert looks_like(b"\x00\x01\x02\xff", 3) is None  # binary
    assert looks_like("日本語のテキストです。".encode("euc-jp"), 0) is None


# Marks of three canonical combining classes (230 above, 220 below, 202 attached below), so
# canonical ordering has to move them; U+0344 decomposes to two marks, U+0F73 (class 0)
# to two marks of classes 129 and 130; past the BMP, marks of Adlam and Phaistos and a Brahmi
# letter (a starter among them) and its virama.
MARKS = "\u0301\u0323\u0327\u0308\u0344\u0f73\u0f71\u0f72\U0001e944\U000101fd\U00011013\U00011046"


def _ordered_runs(text: str) -> bool:
    """Whether every run of marks in `text` is already in canonical order (by class), each
    character decomposed on its own (NFD of the whole would put them in order)."""
    decomposed = "".join(unicodedata.normalize("NFD", c) for c in text)
    classes = [unicodedata.combining(c) for c in decomposed]
    return all(a <= b or b == 0 for a, b in itertools.pairwise(classes))


@pytest.mark.parametrize(
    "hostile",
    [
        "Zalgo: a" + "\u0301\u0323" * 5_000 + " says 5%.",
        # U+0F73 is of class 0 but decomposes to two marks (classes 129, 130): every 32nd
        # character of the run, it cut it short for a table of non-starters, while NFC's sort
        # saw one run (256 KB of it took 16 s).
        "a" + ("\u0301" * 31 + "\u0f73") * 300,
        "a" + ("\u0301" * 31 + "\u0f75" + "\u0301" * 31 + "\u0f81") * 150,
    ],
)
def test_normalise_never_asks_unicodedata_to_reorder_a_long_run_of_marks(
    monkeypatch: pytest.MonkeyPatch, hostile: str
) -> None:
    # CPython's NFC reorders a run of marks by insertion sort: a letter under 1 MB of marks
    # out of order (a Zalgo file) took half an hour to store. Each long run reaches it
    # already in order, which it reads in one pass.
    seen: list[str] = []
    real = unicodedata.normalize

    def spy(form: str, text: str) -> str:
        seen.append(text)
        return real(form, text)

    monkeypatch.setattr(unicodedata, "normalize", spy)
    result = normalise(hostile)
    monkeypatch.undo()
    assert result == unicodedata.normalize("NFC", hostile)
    assert seen and all(_ordered_runs(s) for s in seen if len(s) > 1_000)


@pytest.mark.parametrize(
    "hostile",
    [
        "a" + "\u0301\u0316" * 100_000,
        "a" + ("\u0301\u0316" * 15 + "\u0f73") * 6_500,
        "a" + ("\u0301\u0316" * 16 + "\u093e") * 6_000,  # class-0 marks cut the stretches
    ],
)
def test_a_long_run_of_marks_is_put_in_order_without_an_object_for_each_mark(hostile: str) -> None:
    # A list of a run's characters costs some 55 bytes for each (an object and a pointer):
    # a 20 MB file of marks (the default document limit) held 1.1 GB. Strings of the run
    # cost 1 to 4 bytes a character.
    tracemalloc.start()
    try:
        ordered = in_canonical_order(hostile)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(ordered) >= len(hostile)  # (the same under NFC: the hypothesis tests)
    assert peak < 24 * len(hostile)


@given(
    st.lists(
        st.one_of(st.text("aeoAZ. 中\u3000\r\n", max_size=3), st.text(MARKS, max_size=90)),
        max_size=8,
    )
)
def test_normalise_is_nfc_whatever_the_runs_of_marks(parts: list[str]) -> None:
    text = "".join(parts)
    assert normalise(text) == unicodedata.normalize(
        "NFC", text.replace("\r\n", "\n").replace("\r", "\n")
    )


# Beside MARKS: Hebrew points (classes 10 to 21), Tibetan marks (U+0F75 and U+0F81 decompose
# to marks only, as U+0F73 does), a mark of class 0 (Devanagari's vowel sign AA), the
# singletons U+0340, U+0341, U+0343 (marks) and U+212B, U+2126 (letters), precomposed letters
# (ǘ, ệ, Å: a starter and marks), Hangul syllables and jamo (composed by rule, not by table),
# a variation selector (a mark of class 0) and a composition exclusion (U+0958).
MORE = (
    "\u05b0\u05b4\u05b8\u05bc\u05c1\u05c2\u0f75\u0f81\u0f74\u0f80\u093e\u0340\u0341"
    "\u0343\u212b\u2126\u01d8\u1ec7\u00c5\uac00\u1100\u1161\u11a8\ufe0f\u0958"
)


@given(
    st.lists(
        st.one_of(
            st.text("aeoAZ. 中\u3000\n" + MORE, max_size=3),
            st.text(MARKS + MORE, min_size=LONG_RUN - 8, max_size=120),
            st.text(MARKS, max_size=90),
        ),
        max_size=6,
    )
)
def test_canonical_order_keeps_nfc_whatever_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    ordered = in_canonical_order(text)
    assert unicodedata.normalize("NFC", ordered) == unicodedata.normalize("NFC", text)
    assert normalise(text) == unicodedata.normalize("NFC", text)


# Non-starters only (U+0344 and U+0F73 decompose to two), of classes 230, 220, 202, 129, 130,
# 7 and Hebrew's 10 to 21: a long stretch of them is sorted by canonical_order itself.
NON_STARTERS = "\u0300\u0301\u0308\u0323\u0327\u0344\u0f73\U0001e944\u05b0\u05b4\u05bc"


@given(
    st.integers(1, 5),
    st.lists(
        st.one_of(
            st.text("a. \u093e" + MORE, max_size=3),
            st.text(NON_STARTERS, min_size=LONG_RUN, max_size=120),
        ),
        max_size=4,
    ),
)
def test_a_long_stretch_sorted_a_piece_at_a_time_keeps_nfc(piece: int, parts: list[str]) -> None:
    # Pieces of 1 to 5 characters: the classes gathered across many pieces, as in a run of
    # more than 4,096 marks, and marks of one class (U+0300, U+0301, U+0308) kept in order.
    text = "".join(parts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(canonical_order, "_PIECE", piece)
        ordered = in_canonical_order(text)
    assert unicodedata.normalize("NFC", ordered) == unicodedata.normalize("NFC", text)


def test_every_character_that_extends_a_run_of_non_starters_is_a_mark_the_pattern_reads() -> None:
    # The runs are found by general category (the regex module's data), sorted by the
    # runtime's classes: a non-starter the pattern missed would cut a run NFC's sort sees
    # whole, as U+0F73 cut the table's. Class-0 characters that decompose to marks only
    # continue a run too.
    extends = [
        c
        for c in map(chr, range(0x110000))
        if all(unicodedata.combining(d) for d in unicodedata.normalize("NFD", c))
    ]
    assert "\u0f73" in extends and "\u0301" in extends
    mark = long_run().pattern.removeprefix("(?<!").split(")")[0]  # \p{M}
    import regex

    missed = [f"U+{ord(c):04X}" for c in extends if not regex.fullmatch(mark, c)]
    assert missed == []
