"""Bytes read as text: strictly UTF-8 (or UTF-16/32 by a byte-order mark), never a guess; what
bytes that are not UTF-8 look like instead (GBK, Windows-1252, UTF-16 without a mark, gzip,
binary), said as advice to convert them."""

from __future__ import annotations

import codecs
import re

from workbench.domain.cjk import BASIC_HAN
from workbench.domain.errors import InvalidInput

# How many bytes from the first that is not ASCII are read again, to say what the text looks
# like instead: enough for a page of Chinese, and bounded whatever the input's size.
ENCODING_SAMPLE = 1 << 14
_HAN = re.compile(f"[{BASIC_HAN}]")
_KANA = re.compile("[\u3041-\u30ff]")
_SPACED = re.compile(f"[{BASIC_HAN}] (?=[{BASIC_HAN}])")
_NOT_ASCII = re.compile(rb"[\x80-\xff]")


# A byte of GB2312's rows: both bytes of a character from 0xA1, where nearly all of a Chinese
# text's characters are. A Latin-1 text read as GBK pairs a letter with the next ASCII byte,
# below 0xA1. The one home of the rule, for characters (`in_gb2312`) and for bytes
# (`GB2312_PAIRS`: a stretch GB18030 reads as characters all in_gb2312, told without
# encoding each character again; every such pair decodes to one, no other pair does).
_GB2312_BYTE = rb"[\xa1-\xfe]"
_GB2312_PAIR = re.compile(_GB2312_BYTE * 2)
GB2312_PAIRS = re.compile(rb"(?:%s%s)+" % (_GB2312_BYTE, _GB2312_BYTE))


def in_gb2312(char: str) -> bool:
    return _GB2312_PAIR.fullmatch(char.encode("gb18030")) is not None


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
    return _HAN.search(text) is not None and sum(map(in_gb2312, wide)) >= 0.9 * len(wide)


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
