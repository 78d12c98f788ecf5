"""What a document's text is made from: a text file, Markdown, or a web page (HTML).

The result is the stored text (NFC, LF: what spans point into), the format it came from, the
page's metadata when there is some, and the original bytes to archive when the text was
extracted (so the extraction can be re-run and checked later).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.domain.decoding import GZIP_MAGIC, compressed_advice, decode_text, marked_encoding
from workbench.domain.errors import InvalidInput
from workbench.domain.file_kinds import document_kind
from workbench.domain.text import normalise

if TYPE_CHECKING:
    from workbench.services.pages import Decoding

FORMATS = ("text", "markdown", "html")


def _no_readings() -> tuple[str, ...]:
    """No earlier reading: the text is the file itself."""
    return ()


@dataclass(frozen=True, slots=True)
class Content:
    text: str
    format: str
    source: str
    # The bytes the text was extracted from (pages); None when the text is the file itself.
    original: bytes | None = None
    metadata: dict[str, str | None] = field(default_factory=dict)
    # Other texts the same bytes were stored as by an earlier reading of their format (Markdown
    # before its blocks were kept apart, a page before its byline was left out): a document
    # holding one of them holds this input. A page's are read when first asked (`earlier`).
    readings: Callable[[], tuple[str, ...]] = field(default=_no_readings, compare=False)
    # A page not in UTF-8 that declares no charset it is in: the encoding it was read in, a
    # guess (workbench.services.pages.decode_page); None otherwise.
    guessed_encoding: str | None = None
    # A page read otherwise than as it is (by a guess, or with bytes not UTF-8 replaced): how,
    # and where it first was not UTF-8; None otherwise.
    read_as: Decoding | None = None
    # A fetched text stored as the type its server sent says, not as its bytes look, with no
    # format asked: that type (text/plain: a page's markup; application/json, text/xml: data,
    # `workbench.domain.media_types.data_kind`); None otherwise.
    stored_as_sent: str | None = None

    @property
    def earlier(self) -> tuple[str, ...]:
        return self.readings()


def sniff_format(data: bytes, source: str) -> str:
    """html when the bytes look like a page, markdown for .md files, else text. A byte-order mark
    is looked past: a page saved as "UTF-8 with BOM" (or in UTF-16) starts with it, not with
    `<!DOCTYPE`, and its whole markup was stored as text (trial159)."""
    head = _head(data).lstrip().lower()
    if opens_as_page(data) or (
        head.startswith(b"<") and (b"<body" in head or b"<head" in head or b"<meta" in head)
    ):
        return "html"
    if source.lower().endswith((".html", ".htm")):
        return "html"
    if source.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


# UTF-32's marks first: its little-endian one (FF FE 00 00) starts with UTF-16's (FF FE).
_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def opens_as_page(data: bytes) -> bool:
    """Whether the bytes open, after whitespace and a byte-order mark, as a whole page does
    (`<!DOCTYPE html`, `<html`): not a text that quotes some markup. An XML declaration and
    comments before it are looked past, as a page a browser saved opens with its mark of the
    web (`<!-- saved from url=... -->`) and an XHTML page with `<?xml ...?>` (review213)."""
    head = _head(data).lower()
    start = _PROLOGUE.match(head)
    return head.startswith((b"<!doctype html", b"<html"), start.end() if start else 0)


# What may come before a page's doctype or <html>: whitespace, an XML declaration, comments.
_PROLOGUE = re.compile(rb"\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*", re.S)


def _head(data: bytes) -> bytes:
    """The first 2,048 bytes of `data` as sniffed: after its byte-order mark, in UTF-8 when the
    mark is UTF-16's or UTF-32's (its markup is ASCII either way)."""
    for mark, codec in _MARKS:
        if data.startswith(mark):
            head = data[: len(mark) + 4096].decode(codec, errors="replace")
            return head.removeprefix("\ufeff").encode("utf-8")[:2048]
    return data[:2048]


def read_content(
    data: bytes,
    source: str,
    fmt: str | None = None,
    *,
    url: str | None = None,
    charset: str | None = None,
    fetched: str | None = None,
    update: int | None = None,
) -> Content:
    """The text a document stores for these bytes, in the format given or detected. A text or
    Markdown file is UTF-8, or UTF-16 or UTF-32 when it starts with that byte-order mark
    (Notepad's "Unicode"), or refused (as is a PDF, RTF or Office file, whatever its name); a
    page is read in the encoding it is in or declares (`charset`: the server's Content-Type),
    and only otherwise by a guess, which the Content names. `fetched`: the URL the bytes came
    from (a refusal's advice is for a page, not a file the user has), to be stored as document
    `update`'s next revision when given (`doc update`: the advice names it, not `doc add`)."""
    if fmt is not None and fmt not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if data.startswith(GZIP_MAGIC):
        # A page's markup no more than text: its server sent it compressed without a word. Said
        # before its type is (application/gzip: a .txt.gz), whose refusal told the user to save
        # its text as plain text, which needs it decompressed first (review189).
        raise InvalidInput(compressed_advice(source, fetched, update))
    chosen = fmt or _served(charset, fetched, update) or sniff_format(data, source)
    if chosen == "html":
        from workbench.services.pages import extract_page

        page = extract_page(data, source, url=url, charset=charset)
        read = page.decoding
        guessed = read.encoding if read and read.guessed else None
        doubt = read if read and read.doubtful else None
        return Content(
            page.text, "html", source, data, page.metadata, page.readings, guessed, doubt
        )
    if (kind := document_kind(data)) is not None:
        raise InvalidInput(
            f"{source} is {kind}, not plain text: open it and save its text as plain text "
            "(UTF-8) first"
        )
    text = normalise(_decoded(data, source, charset, fetched, update))
    _check_stored_size(data, text, source)
    if chosen == "markdown":
        from workbench.domain.markdown import read_markdown
        from workbench.services.pages import byline_name, headline

        md = read_markdown(text)
        # What the file says of itself, cleaned as a page's metadata is (cut, not refused).
        metadata = {"title": headline(md.title), "author": byline_name(md.author)}
        # Normalised again: markup dropped can leave a combining mark after the letter it
        # was kept from (Cafe*\u0301* reads as Cafe + U+0301), which NFC composes (review48).
        earlier = tuple(normalise(e) for e in md.earlier)
        return Content(normalise(md.text), "markdown", source, data, metadata, lambda: earlier)
    from workbench.domain.plain_title import plain_title

    sent = None if fmt is not None or fetched is None else _stored_as_sent(data, charset)
    return Content(text, "text", source, None, {"title": plain_title(text)}, stored_as_sent=sent)


def _stored_as_sent(data: bytes, content_type: str | None) -> str | None:
    """The type a fetched text was stored as text for, when the person is to be told: a page
    served as text/plain (a browser shows it as text, and so it is stored, but `--format html`
    reads it as the page it is), or JSON or XML (stored as sent: no article's text)."""
    from workbench.domain.media_types import data_kind, media_type

    named = media_type(content_type)
    if named == "text/plain" and opens_as_page(data):
        return named
    return named if data_kind(content_type) is not None else None


def _served(content_type: str | None, fetched: str | None, update: int | None) -> str | None:
    """The format a fetched page's Content-Type names (`workbench.domain.media_types`), as a
    file's name names one; refused when it names something no page or text is (an image), by
    what the server said, whatever the format asked: its bytes are that, not text. A document
    (a PDF, a Word file) has text to save: the refusal says how (`update`: see
    `workbench.domain.decoding.utf16_advice`)."""
    if fetched is None:
        return None
    from workbench.domain.decoding import store_advice
    from workbench.domain.media_types import holds_text, may_be_a_page, not_a_page, served_format

    if (sent := not_a_page(content_type)) is not None:
        refused = f"{fetched}: the server sent {sent}, not a page or a text"
        if holds_text(content_type):
            refused += ": save it, save its text as plain text (UTF-8) and " + store_advice(
                fetched, update
            )
        elif may_be_a_page(content_type):
            # Given options win over what the server says (a PHP site's pages served as
            # application/x-php): told, where a PDF's advice was given (review189).
            refused += ": if it is one all the same, give --format html (or text, markdown)"
        raise InvalidInput(refused)
    return served_format(content_type, fetched)


def _decoded(
    data: bytes, source: str, header: str | None, fetched: str | None, update: int | None
) -> str:
    """A text file's text (`decode_text`); a fetched one that is not UTF-8 (nor marked as UTF-16
    or UTF-32) in the charset its server names in `header` (its Content-Type), where its bytes
    are in it: refused as not UTF-8, with advice to convert a file, it was not read in the
    charset said (trial159). `fetched`: the page's URL, which a refusal's advice is for."""
    if header is not None and marked_encoding(data) is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            from workbench.services.pages import declared_charset, mislabelled

            declared = declared_charset(b"", header)
            # A Latin-1 label on Chinese bytes is a server's default, not the text's (as a
            # page's: `mislabelled`).
            if declared is not None and not mislabelled(data, exc.start, declared):
                try:
                    return data.decode(declared)
                except (UnicodeError, LookupError):
                    pass  # not in it: refused below, as any other
    return decode_text(data, source, url=fetched, update=update)


def _check_stored_size(data: bytes, text: str, source: str) -> None:
    """Refuse a file whose text, as stored (UTF-8, NFC), is over the document size limit, which
    its file's bytes were read within: Chinese in UTF-16 is half as large again in UTF-8, and
    NFC stores some characters of a UTF-8 file as several (U+1D160, 4 bytes, as three code
    points, 12 bytes: review85). A document's stored text is what the limit bounds everywhere
    else (a backup bundle's row, a later `doc update`)."""
    from workbench.defaults import MAX_DOCUMENT_MB_ENV
    from workbench.services.inputs import max_document_bytes

    limit = max_document_bytes()
    if 4 * len(text) <= limit:
        return  # 4 bytes a code point at most: no need to encode it to know
    stored = len(text.encode("utf-8"))
    if stored > limit:
        marked = marked_encoding(data)
        read_as = "UTF-8, NFC" if marked is None else f"UTF-8; {len(data):,} as {marked[1]}"
        raise InvalidInput(
            f"{source} is {stored:,} bytes as text ({read_as}), over the {limit:,}-byte limit "
            f"(raise it with {MAX_DOCUMENT_MB_ENV})"
        )


def refuse_nul(text: str, source: str) -> None:
    """InvalidInput when the text holds a NUL: PostgreSQL cannot store it and no article holds
    one (a binary file, most likely). Asked of a new document and of a new revision alike."""
    if "\0" in text:
        raise InvalidInput(
            f"{source} holds a NUL character at offset {text.index(chr(0))}: it looks like a "
            "binary file, not text or HTML"
        )
