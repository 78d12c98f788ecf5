"""Text normalisation and source spans. Offsets are Python `str` indices (code points)."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from workbench.domain.cjk import BASIC_HAN, is_cjk_letter
from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.forms import ANY_SELECTOR
from workbench.domain.plurals import plural

CONTEXT_CHARS = 32


# How many bytes from the first that is not ASCII are read again, to say what the text looks
# like instead: enough for a page of Chinese, and bounded whatever the input's size.
ENCODING_SAMPLE = 1 << 14
_HAN = re.compile(f"[{BASIC_HAN}]")
_KANA = re.compile("[\u3041-\u30ff]")
_SPACED = re.compile(f"[{BASIC_HAN}] (?=[{BASIC_HAN}])")
_NOT_ASCII = re.compile(rb"[\x80-\xff]")


def _in_gb2312(char: str) -> bool:
    # Both bytes from 0xA1: the GB2312 rows, where nearly all of a Chinese text's characters
    # are. A Latin-1 text read as GBK pairs a letter with the next ASCII byte, below 0xA1.
    code = char.encode("gb18030")
    return len(code) == 2 and code[0] >= 0xA1 and code[1] >= 0xA1


def _looks_like_gbk(data: bytes, bad_at: int) -> bool:
    """A GB18030/GBK text (a Chinese desk's default on Windows): UTF-8 fails within its first
    few Chinese characters, and from the first of them on it reads as Chinese text in GBK."""
    first = _NOT_ASCII.search(data, 0, bad_at + 1)
    if first is None or bad_at - first.start() > 16:
        return False  # a long stretch of valid UTF-8 first: a UTF-8 text with a bad byte
    sample = data[first.start() : first.start() + ENCODING_SAMPLE]
    try:
        # Not final: the sample may end inside a character.
        text = codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if not c.isascii()]
    if _KANA.search(text) or len(_SPACED.findall(text)) > 0.05 * len(wide):
        # EUC-JP and EUC-KR share GB2312's byte rows: Japanese shows its kana (GB2312 holds
        # them at the same codes), Korean its spaces between words, which Chinese has not.
        return False
    return _HAN.search(text) is not None and sum(map(_in_gb2312, wide)) >= 0.9 * len(wide)


_NOT_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
# What Western European text holds beyond ASCII, besides letters: the quotes, dashes, currency
# and other marks Windows-1252 and Latin-1 type (no-break space, « », ¿ ¡, £ €, °, ©...).
_WESTERN_MARKS = frozenset("\u00a0€‚„…†‡‰‹›‘’“”•–—™¡¢£¥§©«®°±·»¿×÷")


def _looks_like_cp1252(data: bytes, bad_at: int) -> bool:
    """A Windows-1252 or Latin-1 text (a Western desk's default on Windows): UTF-8 fails at its
    very first byte beyond ASCII, every byte is defined in Windows-1252, and those bytes come
    alone or in pairs among ASCII (é, £, “, ção), each a letter or a Western mark. Chinese,
    Japanese and Korean encodings give runs of two bytes and more per character, which read
    in Windows-1252 as strings of symbols (GBK's 中文 is ÖÐÎÄ; Big5's ¤¤¤å)."""
    first = _NOT_ASCII.search(data, 0, bad_at + 1)
    if first is None or first.start() != bad_at:
        return False  # valid UTF-8 beyond ASCII first: a UTF-8 text with a bad byte
    sample = data[bad_at : bad_at + ENCODING_SAMPLE]
    try:
        sample.decode("cp1252")  # undefined there: 0x81, 0x8d, 0x8f, 0x90, 0x9d
    except UnicodeDecodeError:
        return False
    runs = _NOT_ASCII_RUN.findall(sample)
    western = sum(
        1
        for run in runs
        if len(run) <= 2 and all(c.isalpha() or c in _WESTERN_MARKS for c in run.decode("cp1252"))
    )
    return western >= 0.9 * len(runs)


# How much of a file is looked at for NUL bytes, and for UTF-16 without a byte-order mark.
BINARY_SAMPLE = 8192

# What a byte-order mark at a text's start says it is in: the codec that reads it (and drops
# the mark), and its name. UTF-32's first: its little-endian mark starts with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def marked_encoding(data: bytes) -> tuple[str, str] | None:
    """The codec and name of the UTF-16 or UTF-32 encoding whose byte-order mark `data` starts
    with (Notepad's "Unicode" and "Unicode big endian"), or None. The mark is the file's word
    for its encoding, not a guess: such a text is read in it."""
    for mark, codec, name in _MARKS:
        if data.startswith(mark):
            return codec, name
    return None


def looks_like_utf16(data: bytes) -> str | None:
    """ "UTF-16LE" or "UTF-16BE" when `data`, the start of a file with no byte-order mark, is
    UTF-16 by strong evidence: it holds NUL bytes, mostly on one side of each pair of bytes (an
    ASCII letter's or a line break's high byte), and its first BINARY_SAMPLE bytes read in that
    byte order as printable text and line breaks only. Random or binary bytes read so hit
    control, unassigned or private-use characters, or broken surrogates, within a few pairs."""
    sample = data[:BINARY_SAMPLE]
    sample = sample[: len(sample) - len(sample) % 2]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # NULs on one side of at least one pair in 20, and hardly any on the other: a text with a
    # stray NUL (`text with a \x00 byte`) decodes, pair by pair, to printable ideographs too,
    # and is not UTF-16 for that.
    most, fewest = max(even, odd), min(even, odd)
    if len(sample) < 4 or most < max(2, len(sample) // 40) or fewest * 4 > most:
        return None
    order = "UTF-16LE" if odd > even else "UTF-16BE"
    try:
        # Not final: the sample may end between the two halves of a surrogate pair.
        text = codecs.getincrementaldecoder(order)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return order if all(c.isprintable() or c in "\t\n\r\f" for c in text) else None


def utf16_advice(
    data: bytes, what: str, *, url: str | None = None, update: int | None = None
) -> str | None:
    """What to do with `what`, the start of whose bytes is `data`, when it looks like UTF-16
    without a byte-order mark (`looks_like_utf16`); None when it does not. `url`: the bytes
    were fetched from it (the advice is for a page, not a file), to store as document
    `update`'s next revision when given (`doc update`)."""
    order = looks_like_utf16(data)
    if order is None:
        return None
    converted = _convert(order, url, update)
    return f"{what} looks like UTF-16 without a byte-order mark ({order}){converted}"


def _convert(iconv_name: str, url: str | None, update: int | None) -> str:
    """The end of an advice to convert a file, or a page fetched from `url` (no file the user
    has: the page is saved first, and stored from that file: `_store`; fix166)."""
    if url is None:
        return f"; convert it first, e.g. iconv -f {iconv_name} -t UTF-8 FILE > FILE.utf8"
    return (
        f" and its server names no charset: save it, convert it (e.g. iconv -f {iconv_name} "
        f"-t UTF-8 page.txt > page.utf8.txt) and {store_advice(url, update)}"
    )


def store_advice(url: str, update: int | None) -> str:
    """How a page fetched from `url`, saved and made readable, is stored from the file: added
    with its URL by `doc add`, or given to `doc update` as document `update`'s next revision
    (which has no --url, and keeps the document's own: review171, it was told to use one)."""
    from workbench.domain.shell import shell_word

    if update is None:
        # (one shell word, as every suggested command's: workbench.domain.shell)
        return f"add that file with --url {shell_word(url)}"
    return f"store that file as the next revision: workbench doc update {update} FILE"


# gzip's magic number and its one compression method (deflate): no text starts so.
GZIP_MAGIC = b"\x1f\x8b\x08"


def compressed_advice(what: str, url: str | None = None, update: int | None = None) -> str:
    """The refusal of `what`, gzip-compressed bytes taken for text (called "a binary file":
    fix166): fetched from `url`, its server sent them with no Content-Encoding saying so
    (`update`: see `utf16_advice`)."""
    if url is None:
        return f"{what} looks gzip-compressed: decompress it first (gunzip)"
    return (
        f"{what} looks gzip-compressed, though its server did not say so (no Content-Encoding): "
        f"save it, decompress it (gunzip) and {store_advice(url, update)}"
    )


def not_utf8_advice(
    data: bytes,
    bad_at: int,
    what: str = "it",
    *,
    starts_file: bool = True,
    url: str | None = None,
    update: int | None = None,
) -> str:
    """What to do with `what`, whose bytes `data` are not UTF-8 at `bad_at`: the encoding they
    look like, and the iconv command that converts it. Advice only, never a decoding: a wrong
    guess would store other text, and every claim's offsets with it. `starts_file`: `data` is
    the start of the file (not a later line of it), whose byte pairs are UTF-16's if any are.
    `url`: the bytes are a page fetched from it, not a file the user has (`update`: see
    `utf16_advice`)."""
    if starts_file and (utf16 := utf16_advice(data, what, url=url, update=update)) is not None:
        return utf16
    if b"\0" in data[:BINARY_SAMPLE]:
        # Text in any 8-bit encoding holds no NUL byte; images, PDFs, archives and programs do.
        return f"{what} looks like a binary file (it holds NUL bytes), not text or HTML"
    if _looks_like_gbk(data, bad_at):
        return f"{what} looks like {ENCODING_LABELS['gb18030']}{_convert('GB18030', url, update)}"
    if _looks_like_cp1252(data, bad_at):
        return (
            f"{what} looks like {ENCODING_LABELS['cp1252']}{_convert('WINDOWS-1252', url, update)}"
        )
    if url is not None:
        return "its server names no charset: save it, convert it to UTF-8 and " + store_advice(
            url, update
        )
    return f"convert {what} to UTF-8 first"


# The 8-bit encodings `looks_like` tells, as a user is told them (`not_utf8_advice`, and a
# claims table's own advice: workbench.exports.claims_table).
ENCODING_LABELS = {
    "gb18030": "GB18030/GBK (Chinese)",
    "cp1252": "Windows-1252/Latin-1 (Western European)",
}


def looks_like(data: bytes, bad_at: int) -> str | None:
    """The codec that bytes not UTF-8 at `bad_at` look like written in ("gb18030", "cp1252"),
    by the rules `not_utf8_advice` names them by; None when they look like neither. Read
    only where a guess is said to be one (a page that declares no charset)."""
    if b"\0" in data[:BINARY_SAMPLE]:
        return None
    if _looks_like_gbk(data, bad_at):
        return "gb18030"
    if _looks_like_cp1252(data, bad_at):
        return "cp1252"
    return None


def decode_text(
    data: bytes, source: str, *, url: str | None = None, update: int | None = None
) -> str:
    """The text of a file: in UTF-16 or UTF-32 when it starts with that encoding's byte-order
    mark, else UTF-8 (`decode_utf8`); strictly, the mark dropped. Nothing is guessed: UTF-16
    without its mark is refused, said to look like it. `url`: the bytes are a page fetched
    from it, which the advice is for (`update`: see `utf16_advice`)."""
    marked = marked_encoding(data)
    if marked is None:
        if data.startswith(GZIP_MAGIC):
            raise InvalidInput(compressed_advice(source, url, update))
        if (utf16 := utf16_advice(data, "it", url=url, update=update)) is not None:
            raise InvalidInput(f"{source} is not UTF-8: {utf16}")
        return decode_utf8(data, source, url=url, update=update)
    codec, name = marked
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{source} is not valid {name}: {_broken(exc, len(data))}") from None


def _broken(exc: UnicodeDecodeError, size: int) -> str:
    """Where UTF-16 or UTF-32 bytes break: half a character at the end, or bad bytes."""
    if exc.end >= size and exc.reason in {"truncated data", "unexpected end of data"}:
        return f"it ends inside a character (at byte offset {exc.start}: cut short?)"
    return f"bad bytes at byte offset {exc.start} (not a character in it)"


def decode_utf8(
    data: bytes, source: str, *, url: str | None = None, update: int | None = None
) -> str:
    """Decode UTF-8 strictly (a BOM is dropped): guessing an encoding would corrupt offsets.
    `url`: the bytes are a page fetched from it, which the advice is for (`update`: see
    `utf16_advice`)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"bad byte 0x{data[exc.start]:02x} at byte offset {exc.start}"
        advice = not_utf8_advice(data, exc.start, url=url, update=update)
        raise InvalidInput(f"{source} is not valid UTF-8: {where}; {advice}") from None


# The largest 64-bit signed integer has 19 digits: 18 always fit an id or an offset.
WHOLE_NUMBER_DIGITS = 18


def whole_number(text: str) -> int | None:
    """`text` as the whole number it spells in ASCII digits, or None. Not `str.isdigit`: it
    takes "²" and Arabic-Indic digits, and a 5,000-digit run, all of which `int` refuses or
    no id or offset can be, so a forged or mistyped one is an input to report, not a crash."""
    if text.isascii() and text.isdigit() and len(text) <= WHOLE_NUMBER_DIGITS:
        return int(text)
    return None


def normalise(text: str) -> str:
    """NFC and LF line endings, so that the same article always gets the same offsets."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def printable_line(text: str) -> str:
    """`text` as a title or byline a document gives itself is stored: one line, each run of
    white space (a tab, a stray newline) one space and none at either end, and any other
    character that does not print (a control character) left out; "" when nothing is left."""
    return " ".join("".join(c for c in text if c.isspace() or c.isprintable()).split())


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    def columns(self) -> dict[str, Any]:
        """The span as a claim stores it: in the claim's columns of the same names. (Spelled
        out: `dataclasses.asdict` deep-copies, a bulk import's cost for every row.)"""
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


def span_words(start: int, end: int) -> str:
    """The one wording for a span, everywhere people read one (claim show, the Markdown
    timeline, the README): code-point offsets, end exclusive, as stored."""
    return f"characters {start}–{end}"


def offsets_problem(start: int, end: int) -> InvalidInput | None:
    """What is wrong with two offsets whatever the text (asked by the CLI too, so that
    `--start 3 --end 1` is bad usage, as `--start -1` is); None when they may make a span."""
    if start < 0 or end < 0:
        return InvalidInput(f"offsets must not be negative (got start={start}, end={end})")
    if start > end:
        return InvalidInput(f"start ({start}) is after end ({end})", hint=bad("end"))
    if start == end:
        return InvalidInput(f"the span is empty (start and end are both {start})", hint=bad("end"))
    return None


def span_at(text: str, start: int, end: int) -> Span:
    """The span text[start:end] with its context, refusing offsets that do not fit the text."""
    if (problem := offsets_problem(start, end)) is not None:
        raise problem
    if end > len(text):
        raise InvalidInput(
            f"end ({end}) is outside the document, which is {plural(len(text), 'character')} long"
        )
    for name, offset in (("start", start), ("end", end)):
        if not at_grapheme_boundary(text, offset):
            raise InvalidInput(
                f"the span's {name} ({offset}) falls inside one visible character (a letter "
                "and its accent, an emoji sequence or a flag): move it to the edge of "
                f"{said_quote(clip_quote(grapheme_at(text, offset)))}"
            )
    return Span(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


# How far back from an offset the segmentation may start: far more than any real cluster (a
# family emoji is 11 code points), and a run of flags longer than this is not an article.
GRAPHEME_WINDOW = 256


_REGIONAL_INDICATOR = re.compile("[\U0001f1e6-\U0001f1ff]")


def _not_regional_indicator() -> Any:
    import regex

    # Searched backwards, in the segmenter's own C loop: a run of 88,000 flags read in Python
    # would cost what segmenting from the whole text did.
    return regex.compile("[^\U0001f1e6-\U0001f1ff]", flags=regex.REVERSE)


def _segment_from(text: str, offset: int) -> int:
    """A position before `offset` that is a cluster boundary: the nearest ASCII character
    (nothing but a rare prepend mark joins onto one from before, and the text has no CR), or
    the window's start when the run is that long."""
    low = max(0, offset - GRAPHEME_WINDOW)
    for i in range(offset - 1, low - 1, -1):
        if text[i].isascii():
            return i
    if low and _REGIONAL_INDICATOR.fullmatch(text[low]):
        # Inside a run of flags the window's start is a boundary only an even count of
        # indicators after the run's start: segmented from there alone (`_clusters`), an odd
        # one paired each flag's second letter with the next one's first (rr340).
        before = _not_regional_indicator().search(text, 0, low)
        if (low - (before.end() if before else 0)) % 2:
            low -= 1
    return low


def _clusters(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """The clusters of `text[start:stop]`, as (start, end) offsets of `text`, from `start`
    (`_segment_from`). In a run of flags, segmented from `start` alone (made a boundary by
    the run's parity): given the whole text, the segmenter read the run back to its start
    for each cluster, and a quote's context in a paragraph of 88,000 flags took 0.2 s to cut
    (rr340). Elsewhere in the whole text, which the segmenter reads back into as a character
    needs: a window's start inside a character longer than the window is no boundary (an
    emoji, 300 combining marks, a joiner and an emoji, segmented from inside the marks, were
    two characters: rr344)."""
    import regex

    if start < len(text) and _REGIONAL_INDICATOR.fullmatch(text[start]):
        for match in regex.finditer(r"\X", text[start:stop]):
            yield start + match.start(), start + match.end()
        return
    for match in regex.finditer(r"\X", text, pos=start, endpos=stop):
        yield match.start(), match.end()


def at_grapheme_boundary(text: str, offset: int) -> bool:
    """Whether `offset` is between two user-perceived characters (Unicode extended grapheme
    clusters), so that a span never cuts an accent from its letter, an emoji ZWJ sequence, or
    a flag in half."""
    if offset <= 0 or offset >= len(text):
        return True
    if text[offset - 1].isascii() and text[offset].isascii():
        return True  # the common case, answered without segmenting
    begin = _segment_from(text, offset)
    stop = min(len(text), offset + GRAPHEME_WINDOW)
    for first, end in _clusters(text, begin, stop):
        if end >= offset:
            return end == offset or first == offset
    return True


def context_cut(
    text: str, start: int, end: int, *, left: int = 0, right: int | None = None
) -> tuple[str, str]:
    """What is shown of `text[left:start]` and `text[end:right]` beside the quote at
    [start, end): at most CONTEXT_SHOWN characters each side, "…" where cut. One way of
    cutting for `claim show` and the Markdown timeline (review332: each cut its own way). A cut
    falls between user-perceived characters, moved toward the quote: a code point count cut a
    flag in half (the flags after it then paired with the wrong letters) and an accent from
    its letter (review332)."""
    from workbench.domain.limits import CONTEXT_SHOWN

    right = len(text) if right is None else right
    before, after = text[left:start], text[end:right]
    if start - left > CONTEXT_SHOWN:
        before = "…" + text[_boundary_from(text, start - CONTEXT_SHOWN, start) : start]
    if right - end > CONTEXT_SHOWN:
        after = text[end : _boundary_to(text, end + CONTEXT_SHOWN, end)] + "…"
    return before, after


def _boundary_from(text: str, offset: int, stop: int) -> int:
    """The first cluster boundary at or after `offset`, `stop` (itself one) at the latest."""
    if at_grapheme_boundary(text, offset):
        return offset
    for first, _ in _clusters(text, _segment_from(text, offset), stop):
        if first >= offset:
            return first
    return stop


def _boundary_to(text: str, offset: int, floor: int) -> int:
    """The last cluster boundary at or before `offset`, `floor` (itself one) at the earliest."""
    if at_grapheme_boundary(text, offset):
        return offset
    stop = min(len(text), offset + GRAPHEME_WINDOW)
    for first, end in _clusters(text, max(floor, _segment_from(text, offset)), stop):
        if end > offset:
            return max(floor, first)
    return floor


def grapheme_at(text: str, offset: int) -> str:
    begin = _segment_from(text, offset)
    for first, end in _clusters(text, begin, min(len(text), offset + GRAPHEME_WINDOW)):
        if first < offset < end:
            return text[first:end]
    return text[offset - 1 : offset + 1]


# Occurrences of one quote listed at most: a quote of a character or two in a long text (a
# table's repeated cell) can occur millions of times, each an entry held in memory.
MAX_OCCURRENCES = 1_000_000


def too_many_occurrences() -> InvalidInput:
    """The refusal of a quote found more than MAX_OCCURRENCES times."""
    return InvalidInput(
        f"quote occurs more than {MAX_OCCURRENCES:,} times in the document: "
        "quote more of the passage"
    )


def past_selectors(text: str, end: int) -> int:
    """`end`, moved past the variation selectors that follow it in `text`: they belong to the
    character before them, so a span ending there takes them (a quote typed `❤` ends where the
    text has `❤️`, whose U+FE0F a span may not cut off: `at_grapheme_boundary`). The selectors
    are `forms.VARIATION_SELECTORS`, the search's too."""
    while end < len(text) and ANY_SELECTOR.match(text, end):
        end += 1
    return end


def occurrence_starts(text: str, quote: str) -> list[int]:
    """Where `quote` starts in `text`, every occurrence, overlapping ones too; refused past
    MAX_OCCURRENCES (none is dropped: the nth occurrence must be the nth)."""
    positions: list[int] = []
    if not quote:
        return positions
    at = text.find(quote)
    while at != -1:
        if len(positions) == MAX_OCCURRENCES:
            raise too_many_occurrences()
        positions.append(at)
        at = text.find(quote, at + 1)
    return positions


def find_quote(text: str, quote: str, occurrence: int | None = None) -> Span:
    """Locate `quote` in `text`; ambiguous quotes need `occurrence` (1-based) to pick one."""
    if not quote.strip():
        raise InvalidInput("the quote is empty")
    quote = normalise(quote)
    positions = occurrence_starts(text, quote)
    if not positions:
        raise InvalidInput(
            f"quote not found in the document: {said_quote(clip_quote(quote))}{_hint(text, quote)}"
        )
    if occurrence is None:
        if len(positions) > 1:
            raise InvalidInput(
                f"quote occurs {len(positions)} times in the document: say which",
                hint=give("occurrence", low=1, high=len(positions)),
            )
        occurrence = 1
    if not 1 <= occurrence <= len(positions):
        raise InvalidInput(
            occurrence_out_of_range(occurrence, len(positions)),
            hint=bad("occurrence"),
        )
    start = positions[occurrence - 1]
    return span_at(text, start, past_selectors(text, start + len(quote)))


# Characters that make a link read as another and spell nothing: bidi controls (an override
# shows `https://ex.com/\u202emoc.live` as .../evil.com), zero-width spaces and joiners that
# join nothing, a soft hyphen (review52). ZWNJ and ZWJ spell Persian and Indic words, which
# IDNA allows: kept (review53: a Persian Wikipedia address was refused). A stored URL holding
# one is written percent-encoded as a Markdown link (`md_escape.autolink`).
SPOOFING = frozenset(
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)


# A URL's authority: after `//`, up to its path, query or fragment.
_AUTHORITY = re.compile(r"^[^/?#]*//([^/?#]*)")


def without_userinfo(url: str) -> str:
    """`url` as a refusal may say it back: its user name and password (to the authority's last
    `@`: a password may hold one) written as `…`, and nothing else. An `@` in the path or query
    (`/@author/story`) is not one: the mask ran to the URL's last `@`, and hid the host. A
    password holding an unescaped `/`, `?` or `#` ends the authority early (`//user:pa/ss@h`,
    whose "port" is no number): masked to the `@` after it, as before."""
    found = _AUTHORITY.match(url)
    if found is None:
        return url
    authority, start = found[1], found.start(1)
    if "@" in authority:
        return url[:start] + "…" + url[start + authority.rindex("@") :]
    port = authority.rpartition("]")[2].partition(":")
    if port[1] and not port[2].isdigit() and (at := url.find("@", found.end(1))) != -1:
        return url[:start] + "…" + url[at:]
    return url


def check_http_url(url: str, *, stored: bool = False) -> str:
    """An absolute http(s) URL with a host and no spaces: what a reader can open. `stored`: a
    URL already in the desk's records (a bundle restored), taken with the characters a typed
    one may not hold, which releases before the rule took."""
    # Imported here: urllib.parse (and the ipaddress module it loads) is 2 ms of every read
    # command's start-up, and only writes check URLs.
    from urllib.parse import urlsplit

    value = url.strip()
    # A user name or password is left out of anything said back (below).
    shown = without_userinfo(url)
    refused = InvalidInput(f"{shown!r} is not an http(s) URL: write it as https://host/path")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (read for its check: a port out of 0..65535 raises)
    except ValueError:  # an unclosed IPv6 bracket (http://[::1/x), a port that is no number
        raise refused from None
    if (
        parts.scheme.lower() not in {"http", "https"}
        or not parts.netloc
        or any(ch.isspace() for ch in value)
        or (not stored and any(ch in SPOOFING for ch in value))
    ):
        raise refused
    if "@" in parts.netloc:
        # A password in a URL would be kept wherever the URL is (the document's record, the
        # audit trail, every export), and said back in errors (trial47: it was, after the
        # fetch read user:pass@ as part of the host name). Not said back here either.
        host = parts.netloc.rpartition("@")[2]
        raise InvalidInput(
            f"a URL with a user name or password in it ({parts.scheme}://…@{host}) is not "
            "taken: it would be kept in the desk's records; give the address without them"
        )
    return value


def occurrence_out_of_range(occurrence: int, occurs: int) -> str:
    """The refusal of an occurrence the quote does not have: it occurs `occurs` times."""
    times = "once" if occurs == 1 else f"{occurs} times"
    return f"occurrence {occurrence} is out of range: the quote occurs {times}"


def _fold(s: str) -> str:
    # NFKC maps full-width forms to ASCII (，→, ：→: ！→!) without changing the length of
    # CJK text, so folded offsets still point into the original.
    return unicodedata.normalize("NFKC", s)


def _hint(text: str, quote: str) -> str:
    """Where a quote that differs only in full-width/half-width forms does occur."""
    folded_quote = _fold(quote)
    folded_text = _fold(text)
    if len(folded_text) != len(text):
        return ""
    at = folded_text.find(folded_quote)
    if at == -1 or len(folded_quote) != len(quote):
        return ""
    found = text[at : at + len(quote)]
    return (
        f"; the text has {said_quote(clip_quote(found))} at {at} (full-width/half-width forms "
        "differ)"
    )


# ZERO WIDTH NON-JOINER and JOINER: between two drawn characters of a script that is not ASCII
# they spell (Persian, Indic words) or make one emoji of several (👩‍👩‍👧), and are part of what is
# copied; anywhere else they draw nothing and change nothing but the match. Chinese, Japanese
# and Korean letters join nothing: after one, a joiner is as unseen as between Latin letters
# (review338: `中<ZWJ>文` was shown as `中文`, a passage reading as the quote refused).
_JOINERS = frozenset("\u200c\u200d")
# Said after a refusal that writes a character as \uXXXX: otherwise it reads as typed text.
UNSEEN_NOTE = "(\\uXXXX: a character there that cannot be seen)"


# The tag characters that end a subdivision flag's sequence (🏴 then "gbeng" as tags, and CANCEL
# TAG): drawn as one flag after U+1F3F4, nothing anywhere else.
_TAGS = ("\U000e0020", "\U000e007f")
_FLAG = "\U0001f3f4"


def _unseen(s: str, i: int) -> bool:
    """Whether `s[i]`, not ASCII, draws nothing where it is (`identity.invisible`, which says so
    of a variation selector with nothing to vary), but for a joiner or a tag that is part of
    what is drawn around it."""
    from workbench.domain.identity import invisible

    char, before = s[i], s[i - 1 : i]
    if char in _JOINERS:
        after = s[i + 1 : i + 2]
        drawn_after = bool(before) and not before.isascii() and not is_cjk_letter(before)
        return not (drawn_after and after and not after.isspace())
    if _TAGS[0] <= char <= _TAGS[1]:
        return not (before == _FLAG or _TAGS[0] <= before <= _TAGS[1])
    return invisible(s, i)


def marked_quote(s: str) -> tuple[str, bool]:
    """`s` (a quote, a passage of the text) as a refusal says it: in single quotes, as it can be
    copied back, and whether a character of it that cannot be seen is written `\\uXXXX`. Not
    repr, which wrote an emoji's joiners as `\\u200d` (👩‍👩‍👧 pasted back was no quote of the
    text), but, as repr did, a character that draws nothing (a joiner between Latin letters, an
    invisible separator: what tells "turnout" from a passage that reads the same) is written
    so; so is a control or bidi character (`limits.visible`), which a terminal would act on. A
    variation selector after its character, a joiner inside an emoji or a word of a script
    that joins, are shown as drawn."""
    from workbench.domain.limits import visible

    marked = False
    # A line break or tab said as a space: the refusal is one line, and a quote's spacing is no
    # part of its match (`anchoring.fold`), so the passage copied so is found.
    s = s.replace("\n", " ").replace("\t", " ")
    if not s.isascii():
        out = []
        for i, char in enumerate(s):
            if not char.isascii() and _unseen(s, i):
                out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
                marked = True
            else:
                out.append(char)
        s = "".join(out)
    return f"'{visible(s, one_line=True)}'", marked


def said_quote(s: str) -> str:
    """`s` as a refusal says it (`marked_quote`), with `UNSEEN_NOTE` when it marks a character."""
    shown, marked = marked_quote(s)
    return f"{shown} {UNSEEN_NOTE}" if marked else shown


def clip_quote(s: str, limit: int = 60) -> str:
    """A quote shortened for an error message (the CLI clips by terminal cells itself)."""
    return s if len(s) <= limit else s[: limit - 1] + "…"


def shared_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters `a` and `b` share at the start, then at the end of what is left
    (never overlapping): where two versions of a passage differ."""
    p = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        p += 1
    s = 0
    for x, y in zip(reversed(a[p:]), reversed(b[p:]), strict=False):
        if x != y:
            break
        s += 1
    return p, s


def clip_pair(a: str, b: str, limit: int = 60) -> tuple[str, str]:
    """Two versions of a passage shortened for an error message, both from a little before the
    first place they differ (at a space where there is one): clipped from their starts, a long
    quote and its near match showed the same words and hid the difference."""
    if len(a) <= limit and len(b) <= limit:
        return a, b
    p = shared_ends(a, b)[0]
    lead = 12
    if p <= lead or p < limit // 3:
        return clip_quote(a, limit), clip_quote(b, limit)
    at = p - lead
    space = a.find(" ", at, p)
    if space != -1 and not a[at - 1 : at].isspace():
        at = space + 1
    return clip_quote("…" + a[at:], limit), clip_quote("…" + b[at:], limit)
