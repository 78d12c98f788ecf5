"""What a server's Content-Type says a fetched page is, as a file's name says it of a file
(`doc add FILE`: .md is Markdown, .html a page). A browser reads the type the server names:
text/plain is shown as text, never sniffed as HTML (the WHATWG MIME Sniffing Standard), and an
image is shown as one. A type that names no kind (none sent, application/octet-stream, one
that is no type) leaves the bytes to say what they are, as a file's do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

# type/subtype as RFC 9110 writes it (token characters), lower-cased with its parameters dropped.
_MEDIA_TYPE = re.compile(r"[a-z0-9!#$&^_.+-]{1,64}/[a-z0-9!#$&^_.+-]{1,64}")

# A type/subtype of RFC 6838 names (restricted-name, either case): what mimetypes gives from
# Python's table and a system's mime.types (`application/vnd.hp-HPGL`), which evidence add
# records for a file. No space, parameter, control or bidi character.
_RECORDED_TYPE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
)


def is_recorded_type(value: str) -> bool:
    """Whether `value` is a media type as evidence add records one (_RECORDED_TYPE)."""
    return _RECORDED_TYPE.fullmatch(value) is not None


_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}

# The top-level types no page or text is, as a person calls what they hold.
_NOT_TEXT = {
    "image": "an image",
    "audio": "audio",
    "video": "a video",
    "font": "a font",
    "model": "a 3D model",
}

# application/ types that are text a person can read and cite (stored as their bytes look).
_TEXT_APPLICATIONS = frozenset(
    ("json", "xml", "javascript", "ecmascript", "x-javascript", "ld+json", "rss+xml", "atom+xml")
)
# application/ types that say nothing of what the bytes are.
_UNNAMED = frozenset(("octet-stream", "unknown", "x-unknown", "binary"))


def media_type(content_type: str | None) -> str | None:
    """The type/subtype of a Content-Type, lower-cased, or None when it names none."""
    given = (content_type or "").split(";", 1)[0].strip().lower()
    return given if _MEDIA_TYPE.fullmatch(given) else None


def fetched_type(sent: Sequence[str]) -> str | None:
    """The Content-Type a browser reads of those a server sent (the Fetch Standard's "extract a
    MIME type"): the last value naming a type (a header may hold several, comma-separated), with
    the charset an earlier one of the same type gave when it gives none; None when none names a
    type. A framework's default after the page's own (`text/plain; charset=gbk`, then
    `text/plain`) kept only the default, and a GBK text was refused as not UTF-8 (review189)."""
    essence: str | None = None
    charset: str | None = None
    for header in sent:
        for value in _VALUES.findall(header):
            named = media_type(value)
            if named is None or named == "*/*":
                continue  # names no type: the one before stands
            own = _CHARSET.search(value)
            if named != essence:
                essence, charset = named, None
            if own is not None:
                charset = own[1].lower()
    if essence is None:
        return None
    return essence if charset is None else f"{essence}; charset={charset}"


# A header's values: split at commas outside a quoted parameter.
_VALUES = re.compile(r'(?:[^,"]|"[^"]*"?)+')
_CHARSET = re.compile(r";\s*charset\s*=\s*\"?([^\s\";,]+)", re.I)


def served_format(content_type: str | None, url: str = "") -> str | None:
    """The format ("html", "text", "markdown") the type names, or None where the bytes are to
    say (a type that names no format, or none). text/plain on an address whose path ends .md
    is Markdown: it is the type servers give any text they know no type for (GitHub's raw view
    gives it every file), a word on no kind, and the name says the kind, as `doc add FILE`
    reads a .md file (review189: a raw README.md was stored with its ** and # as text)."""
    named = media_type(content_type)
    found = None if named is None else _FORMATS.get(named)
    if found == "text" and urlsplit(url).path.lower().endswith(_MARKDOWN_NAMES):
        return "markdown"
    return found


_MARKDOWN_NAMES = (".md", ".markdown")


def data_kind(content_type: str | None) -> str | None:
    """ "JSON" or "XML" when the type names data of that kind (application/json, text/xml, a
    feed's application/rss+xml), not a page (application/xhtml+xml is one): text a person can
    read and cite, stored as sent, but no article's text."""
    named = media_type(content_type)
    if named is None or named in _FORMATS:
        return None
    main, sub = named.split("/")
    if main not in ("application", "text"):
        return None
    if sub == "json" or sub.endswith("+json"):
        return "JSON"
    if sub == "xml" or sub.endswith("+xml"):
        return "XML"
    return None


def not_a_page(content_type: str | None) -> str | None:
    """What the server says it sent, as a refusal words it ("an image (image/png)"), when that
    is no page or text; None otherwise."""
    named = media_type(content_type)
    if named is None:
        return None
    main, sub = named.split("/")
    if main in _NOT_TEXT:
        return f"{_NOT_TEXT[main]} ({named})"
    if main != "application" or sub in _UNNAMED or sub in _TEXT_APPLICATIONS:
        return None
    if sub.endswith(("+xml", "+json")):
        return None  # XML or JSON of some kind: text
    if sub == "pdf":
        return f"a PDF ({named})"
    return f"a file of type {named}"


# application/ types of documents whose text a person can save as plain text (an office
# suite's, a PDF, an e-book), by their subtype or its start.
_DOCUMENTS = (
    *("pdf", "msword", "rtf", "epub+zip", "vnd.ms-", "vnd.openxmlformats-officedocument."),
    *("vnd.oasis.opendocument.", "vnd.apple.pages", "x-iwork-"),
)
# application/ types of archives and programs: neither a document to save as text nor a page a
# server mislabelled.
_ARCHIVES = frozenset(
    (
        *("zip", "gzip", "x-gzip", "x-tar", "x-7z-compressed", "vnd.rar", "x-rar-compressed"),
        *("x-bzip2", "x-xz", "zstd", "java-archive", "x-msdownload", "x-executable", "wasm"),
    )
)


def holds_text(content_type: str | None) -> bool:
    """A file refused by `not_a_page` that may hold text a person can save as plain text (a
    PDF, a Word file: an application's document), not an image, audio, video or font."""
    sub = _application(content_type)
    return sub is not None and sub.startswith(_DOCUMENTS)


def may_be_a_page(content_type: str | None) -> bool:
    """A file refused by `not_a_page` whose type may be its server's mistake for a page or a
    text (application/x-php, application/x-httpd-php, application/text: a site's
    misconfiguration), not a document or an archive: --format reads it as what it is."""
    sub = _application(content_type)
    return sub is not None and not sub.startswith(_DOCUMENTS) and sub not in _ARCHIVES


def _application(content_type: str | None) -> str | None:
    named = media_type(content_type)
    return (
        named.split("/", 1)[1] if named is not None and named.startswith("application/") else None
    )
