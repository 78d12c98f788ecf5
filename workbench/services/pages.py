"""A web page's article: its main text and metadata, extracted by trafilatura.

trafilatura was chosen over readability-lxml after measuring both on the saved test pages
(tests/data/pages): both kept the article and dropped navigation, scripts, sidebar, comments
and footer, but trafilatura also reads the metadata a fact-check cites (author, publication
date, canonical URL, a title without the site name) and leaves the byline out of the text.
It is imported here only, when a page is actually added.

The same page gives the same text whatever small edit its article had. trafilatura's own
settings replace an article text under 250 characters (MIN_EXTRACTED_SIZE) with its
fallbacks' if theirs is longer: a whole-page dump that joins the paragraphs into one line and
keeps the byline and date. A new-user trial's short page switched between the two when one
figure's wording lost two characters (首次超过40% to 接近40%), and `doc changes` listed every
line break. Here the minimum is one character: a fallback stands in only when trafilatura's
own extraction finds nothing, or by its length-ratio rules (readability's text more than twice
as long; a page's recall retry), which an edit of a few characters does not tip. A byline or
dateline that leads the text (文/王晓明　2025年3月12日 09:30), kept by some layouts and left out
by others, is always left out (see workbench.domain.bylines); its name is the author when the
page's metadata names none.

The publication date is read here, not taken from trafilatura, whose date guesser (htmldate)
falls back on any year in the body text or footer and makes it the first of January (a trial's
page with no date got "published 2025-01-01" from its "© 2025", a GBK page 2024-01-01 from
"2024年" in a sentence), and that date went into ClaimReview. A date is kept only where the page
states a day (workbench.domain.stated_dates): JSON-LD datePublished, a publication meta tag, a
<time> marked as the publication's (or the page's only dated one), the URL's path, a dateline.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.domain.bylines import MAX_CREDIT, author_name, author_names, credit
from workbench.domain.canonical_order import composed
from workbench.domain.errors import InvalidInput
from workbench.domain.limits import LANGUAGE_TAG, MAX_LANGUAGE, MAX_SHORT, MAX_TITLE
from workbench.domain.recorded_headline import recorded_headline
from workbench.domain.stated_dates import day_in_line, day_in_path, stated_day
from workbench.domain.text import normalise, printable_line
from workbench.domain.urls import check_http_url

_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)", re.I)


def no_readings() -> tuple[str, ...]:
    """No earlier reading: the input was never read otherwise."""
    return ()


def later(read: Callable[[], tuple[str, ...]]) -> Callable[[], tuple[str, ...]]:
    """`read`, run when first asked and remembered: an earlier reading of a page is another
    extraction, needed only when its text as read now is not the one stored (fix292)."""
    return functools.cache(read)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    metadata: dict[str, str | None] = field(default_factory=dict)
    # The texts earlier readings of the same page stored (trafilatura's own settings, before
    # the byline was left out, its <time> words deleted), where they differ: a document holding
    # one holds this page. Read when first asked (`earlier`): each is another extraction.
    readings: Callable[[], tuple[str, ...]] = field(default=no_readings, compare=False)
    # How the bytes were read: see `decode_page`.
    decoding: Decoding | None = None

    @property
    def earlier(self) -> tuple[str, ...]:
        return self.readings()


@dataclass(frozen=True, slots=True)
class Decoding:
    """How a page's bytes were read as text: `encoding` (a Python codec name), and whether it
    was `guessed` (the page is not UTF-8 and declares no charset it is in: `declared` names
    the one it declares, if any). Of a page that is not UTF-8: `bad_at`, the offset of its
    first byte that is not, and `bad_byte`, that byte. `replaced`: how many of its bytes were
    not UTF-8 and were read as U+FFFD (a page declaring UTF-8 with a few stray bytes, as a
    browser reads it; or one no guess could read)."""

    encoding: str
    guessed: bool = False
    declared: str | None = None
    # Said, not compared: two readings are the same reading wherever the page first breaks.
    bad_at: int | None = field(default=None, compare=False)
    bad_byte: int | None = field(default=None, compare=False)
    replaced: int = 0

    @property
    def doubtful(self) -> bool:
        """Read otherwise than as the page is: by a guess, or with bytes replaced."""
        return self.guessed or self.replaced > 0


# A page names its charset in its head: <meta charset="gbk">, or <meta http-equiv=
# "Content-Type" content="text/html; charset=gbk">. Read in the first 8 KB, as bytes (the
# markup around it is ASCII in every encoding a page declares this way).
_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_HEAD = 8192
# Names a page declares for an encoding whose superset is what browsers read it as (the WHATWG
# Encoding Standard's labels): GB2312 and GBK pages hold GB18030's characters, Latin-1 and ASCII
# pages Windows-1252's.
_SUPERSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
}
# Codecs Python counts as text encodings that are no character set a page can be written in:
# they turn escapes into characters (a page's `\x00` or `\ud800` became a NUL or a lone
# surrogate, and lxml cut the page there), encode domain names, or refuse every byte. A page
# that declares one is read as one that declares none, as a browser reads an unknown label.
_NOT_CHARSETS = frozenset(
    ("undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7")
)


def _charset(name: str) -> str | None:
    """The Python codec a declared charset name reads as, or None where it names none, or
    names a codec that is no character set (rot13, base64, unicode_escape: review56)."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    if not codec._is_text_encoding or codec.name in _NOT_CHARSETS:
        return None
    return _SUPERSET.get(codec.name, codec.name)


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset the server (`header`: a Content-Type) or the page's head declares, as a
    Python codec name; None when neither names a character set Python knows (`_charset`)."""
    named: list[str] = []
    if header and (found := re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", header, re.I)):
        named.append(found[1])
    if found_meta := _CHARSET.search(data[:_HEAD]):
        named.append(found_meta[1].decode("ascii"))
    for name in named:
        codec = _charset(name)
        if codec is not None:
            return codec
    return None


def decode_page(data: bytes, header: str | None = None) -> tuple[str, Decoding]:
    """A page's text and how it was read: by its byte-order mark; as UTF-8 when it is valid
    UTF-8; else in the charset it (or the server) declares, when its bytes are in it (and are
    not Chinese under a Windows-1252 label: `mislabelled`). Only a page that is none of these
    is read by a guess (`Decoding.guessed`, which `doc add` says on stderr): GB18030 or
    Windows-1252 when its bytes look like them (the rules that name them for a text file:
    workbench.domain.decoding.looks_like), else charset detection, else UTF-8 with each bad byte
    replaced."""
    # UTF-32's marks first: its little-endian one (FF FE 00 00) starts with UTF-16's (FF FE).
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), Decoding(codec.removesuffix("-sig"))
    try:
        return data.decode("utf-8"), Decoding("utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    declared = declared_charset(data, header)
    # Where the page is first not UTF-8, and what it declares: said whatever it is read as.
    first = Decoding("utf-8", declared=declared, bad_at=bad_at, bad_byte=data[bad_at])
    if declared == "utf-8":
        # A UTF-8 page with a few stray bytes (a Latin-1 character pasted into its template)
        # is read as a browser reads it: UTF-8, each stray run as U+FFFD. A guess read the
        # whole page as Mac Roman, every curly quote and accent wrong (fix183).
        text, runs, bad = _as_utf8(data)
        # The count of characters beyond ASCII only for a page that may be stray bytes: a GBK
        # page under the label has thousands of runs, and counting its every character cost a
        # fifth of a 20 MB page's `doc add` (perf204).
        if runs <= _STRAY_RUNS and runs <= max(1, _beyond_ascii(text, runs) // 10):
            return text, replace(first, replaced=bad)
    if declared is not None and not mislabelled(data, bad_at, declared):
        try:
            return data.decode(declared), Decoding(declared)
        except (UnicodeError, LookupError):  # a codec may raise UnicodeError itself
            pass
    for guess in _guesses(data, bad_at):
        try:
            return data.decode(guess), replace(first, encoding=guess, guessed=True)
        except (UnicodeError, LookupError):
            continue
    text, _, bad = _as_utf8(data)
    return text, replace(first, guessed=True, replaced=bad)


# At most this many runs of bytes that are not UTF-8, and one in ten of the characters beyond
# ASCII that are, make a UTF-8 page with stray bytes; more is a page in another encoding (GBK
# under a server's default UTF-8 label), read by a guess.
_STRAY_RUNS = 8


def _as_utf8(data: bytes) -> tuple[str, int, int]:
    """`data` read as UTF-8, each run of bytes that is not as U+FFFD (as a browser reads it);
    how many runs, and how many bytes, those were. Counted from the text, in one pass each: a
    count that caught each error re-read (and copied) the rest of the page per bad byte, hours
    for a GBK page under a UTF-8 label (review189). UTF-8 resynchronises at every lead byte, so
    each EF BF BD in the bytes is a U+FFFD the page holds itself, not one put for a run."""
    text = data.decode("utf-8", errors="replace")
    own = data.count(_REPLACEMENT)
    runs = text.count("\ufffd") - own
    read = len(text.replace("\ufffd", "").encode("utf-8")) + own * len(_REPLACEMENT)
    return text, runs, len(data) - read


_REPLACEMENT = "\ufffd".encode()


def _beyond_ascii(text: str, runs: int) -> int:
    """The characters beyond ASCII in `text` that were UTF-8 (not the `runs` read as U+FFFD)."""
    # Encoded without them, in C: the characters beyond ASCII are what the encoding drops.
    return len(text) - len(text.encode("ascii", "ignore")) - runs


def mislabelled(data: bytes, bad_at: int, declared: str) -> bool:
    """A page declaring Windows-1252 (Latin-1, ASCII) whose bytes read as Chinese in GB18030:
    that label is a template's or a server's default (a Java server's ISO-8859-1), and
    Windows-1252 defines nearly every byte, so believing it would store GBK as "¼¼ÊõÀíÏë"
    with nothing said (a trial). Western text does not pass the GBK rule (looks_like)."""
    from workbench.domain.decoding import looks_like

    return declared == "cp1252" and looks_like(data, bad_at) == "gb18030"


def _guesses(data: bytes, bad_at: int) -> list[str]:
    from workbench.domain.decoding import looks_like

    first = looks_like(data, bad_at)
    return [first] if first is not None else [codecs.lookup(g).name for g in _known(data)]


def _known(data: bytes) -> list[str]:
    from trafilatura.utils import detect_encoding

    return [guess for guess in detect_encoding(data) if _charset(guess) is not None]


# A page whose text comes to fewer characters than this is most likely not an article: a
# directory listing ("Directory listing for /", 24), a login or cookie wall, a page whose text
# a script builds. Its text is still added (a short notice can be what is checked), with a
# warning (`doc add`). An article's headline and one sentence are over it.
LITTLE_TEXT = 200

# The lines at the top of an article where its byline and dateline stand (a headline, a
# byline, a date on a line of its own).
_LEAD_LINES = 3
# The earlier reading took another path only where trafilatura's 250-character minimum or its
# retry of texts under 3,000 characters applied: a longer text is not read twice, its earlier
# reading is the same text with its byline.
_EARLIER_UNDER = 3000


def extract_page(
    data: bytes, source: str, *, url: str | None = None, charset: str | None = None
) -> Page:
    """The main text (one block per line, NFC/LF) and metadata of an HTML page, its bytes read
    as `decode_page` reads them (`charset`: the Content-Type the server sent, if any)."""
    html, decoding = decode_page(data, charset)
    bare = _without_templates(html)
    page = _page(bare, data, source, url, decoding)
    # Read as releases before stored it too, so that the same page adds no revision: with its
    # <time> words deleted (before fix285), and with its templates as well (before review53).
    # (A second parse, of pages holding either only, and only when asked for.)
    again: list[str] = []
    if _TIME_OPEN.search(bare) is not None:
        again.append(bare)
    if _TEMPLATE_OPEN.search(html) is not None:
        again.append(html)
    if not again:
        return page

    def readings() -> tuple[str, ...]:
        found = list(page.earlier)
        for markup in again:
            try:
                before = _page(markup, data, source, url, decoding, times=False)
            except InvalidInput:
                continue
            found.extend((before.text, *before.earlier))
        return tuple(dict.fromkeys(r for r in found if r != page.text))

    return Page(page.text, page.metadata, later(readings), decoding)


def _page(
    html: str,
    data: bytes,
    source: str,
    url: str | None,
    decoding: Decoding | None,
    *,
    times: bool = True,
) -> Page:
    """`extract_page` of the page's decoded `html`: parsed once (`workbench.services.
    page_tree`), the tree read by every reader (the extractor copies it). `times` False: its
    <time> elements' words deleted, as the extractor does on its own."""
    from workbench.services.page_tree import parsed_page

    root = parsed_page(html, source)
    if root is None:
        raise InvalidInput(f"{source}: no article text found in the page")
    fields = _extract(_with_times(root) if times else root, url, _settings())
    if fields is None:
        raise InvalidInput(f"{source}: no article text found in the page")
    text = normalise(str(fields.get("text") or "")).strip()
    if not text:
        raise InvalidInput(f"{source}: no article text found in the page")
    without_headline, credited, datelines = _without_byline(text)
    body = _with_headline(root, fields.get("title"), without_headline)
    lang = _LANG.search(data[:8192])
    url_found = str(fields.get("url") or "")
    metadata = {
        "title": headline(fields.get("title")),
        "author": _fuller_byline(
            byline_name(_str(fields.get("author"))) or byline_name(_meta_author(root)),
            byline_name(credited),
        ),
        "published": published_day(root, (url_found, url), datelines),
        "url": _openable(_str(url_found)),
        "language": _tag(_within(_str(fields.get("language")), MAX_LANGUAGE))
        or (lang.group(1).decode() if lang else None),
    }

    def readings() -> tuple[str, ...]:
        old = text
        if len(text) < _EARLIER_UNDER:
            before = _extract(root, url, None)
            old = normalise(str(before.get("text") or "")).strip() if before else ""
        # Readings earlier versions stored of the same bytes: `doc update` with the same page
        # then adds no revision (before session 45, a headline the extractor dropped stayed
        # out).
        found = dict.fromkeys(r for r in (old, without_headline) if r and r != body)
        return tuple(r + "\n" for r in found)

    return Page(body + "\n", metadata, later(readings), decoding)


_TEMPLATE_OPEN = re.compile(r"<template\b", re.IGNORECASE)
_TIME_OPEN = re.compile(r"<time\b", re.IGNORECASE)


def _with_times(root: Any) -> Any:
    """The page with its <time> elements' words as text of the elements around them: the
    extractor deletes every <time> with its words (trafilatura's MANUALLY_CLEANED), and a
    trial's "市统计局于2026年3月1日发布的数据" was stored as "市统计局于发布的数据" (fix285). A
    copy: the date readers below read a <time>'s datetime in `root`."""
    if root.find(".//time") is None:
        return root
    from copy import deepcopy

    from lxml import etree  # type: ignore[import-untyped]

    copy = deepcopy(root)
    etree.strip_tags(copy, "time")
    return copy


_TEMPLATE_CLOSE = re.compile(r"</template\s*>", re.IGNORECASE)


def _without_templates(html: str) -> str:
    """The page without its <template> elements: markup a script may show later, never the
    article as read (the extractor kept their words as text; review52). Found in one pass: an
    unclosed <template> ends the search rather than the page being scanned again for each."""
    if _TEMPLATE_OPEN.search(html) is None:
        return html
    parts: list[str] = []
    at = 0
    while (opened := _TEMPLATE_OPEN.search(html, at)) is not None:
        closed = _TEMPLATE_CLOSE.search(html, opened.end())
        if closed is None:
            break
        parts.append(html[at : opened.start()])
        at = closed.end()
    parts.append(html[at:])
    return "".join(parts)


def _with_headline(root: Any, title: Any, body: str) -> str:
    """`body` led by the page's headline where the extractor dropped it: the first <h1>, when
    its text is the page's title. trafilatura keeps it in an <article> and drops it in some
    <div> layouts common on Chinese news sites (session 45's team trial: the headline held
    the claim, and could not be pinned); every saved test page has it as its first line."""
    # Compared as the extractor always has (the text it leads must not change with the rule
    # a title is stored by: a stored page's earlier readings would differ).
    wanted = _shortened(_str(title), MAX_TITLE)
    if not wanted or body.startswith(wanted):
        return body
    first = next(root.iter("h1"), None)
    if first is None:
        return body
    said = " ".join(normalise(first.text_content()).split())
    if said != wanted or said in body[: len(said) + _HEADLINE_REACH]:
        return body
    return f"{said}\n{body}"


# How far into the text a headline is looked for before it counts as dropped: a lead line
# (a kicker, a section name) may stand before it.
_HEADLINE_REACH = 200


def _extract(root: Any, url: str | None, settings: Any) -> dict[str, Any] | None:
    """trafilatura's reading of the parsed page (`settings` None: its own settings). Given a
    tree, trafilatura copies it rather than parsing the page again."""
    import trafilatura

    found: Any = trafilatura.bare_extraction(
        root,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        output_format="python",
        **({} if settings is None else {"config": settings}),
    )
    if found is None:
        return None
    fields: dict[str, Any] = found if isinstance(found, dict) else found.as_dict()
    return fields


@functools.cache
def _settings() -> Any:
    """trafilatura's settings, its minimum text size one character (see the module)."""
    from trafilatura.settings import use_config

    settings = use_config()
    settings.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return settings


def _without_byline(text: str) -> tuple[str, str | None, list[str]]:
    """`text` without the byline and dateline lines that lead it, the author(s) they name
    ("; " between names), and those lines (a dateline states the date). All of the text stays
    when it is nothing else."""
    lines = text.split("\n")
    authors: list[str] = []
    kept: list[str] = []
    credits: list[str] = []
    for i, line in enumerate(lines):
        found = credit(line) if i < _LEAD_LINES else None
        if found is None:
            kept.append(line)
        else:
            authors.extend(found.authors)
            credits.append(line)
    if not any(line.strip() for line in kept):
        return text, None, credits
    return "\n".join(kept).strip(), "; ".join(dict.fromkeys(authors)) or None, credits


# Meta tags naming a page's publication date (name, property or itemprop, lower-cased); a
# modification date is not one.
_PUBLISHED_META = frozenset(
    """article:published_time og:published_time og:article:published_time article.published
    article_date_original published_time published-time publish_time publish-time publish_date
    publish-date publishdate pubdate pub_date publication_date publication-date publicationdate
    datepublished date dc.date dc.date.issued dc.date.created dcterms.date dcterms.issued
    dcterms.created citation_publication_date citation_date citation_online_date sailthru.date
    parsely-pub-date og:release_date release_date weibo:article:create_at
    weibo:webpage:create_at""".split()  # noqa: SIM905
)
# A <time> marked as the publication's: its itemprop, its pubdate attribute, or its class.
_PUBLISHED_CLASS = re.compile(r"publish|pubdate|post-date|entry-date|date-posted|dateline", re.I)
# Where a <time> is about something else: a comment, a related story, the page's furniture.
_ELSEWHERE = re.compile(r"comment|related|sidebar|recommend|footer|nav|widget|reply", re.I)


def published_day(root: Any, urls: tuple[str | None, ...], datelines: list[str]) -> str | None:
    """The day the page states it was published (see the module), or None: JSON-LD's
    datePublished, a publication meta tag, a <time> marked as the publication's (else the page's
    only dated <time> outside comments, sidebars and footers), a byline or dateline element
    (`<p class="byline">By Jane Smith | March 2, 2025</p>`), the URL's path (the canonical
    URL's, then the address read), a dateline leading the text. Each only where it names a day:
    a year or month alone (`2024`, `/2024/05/`) is passed over for the next. `root`: the page
    as `workbench.services.page_tree.parsed_page` parses it (None where it is no HTML)."""
    from urllib.parse import urlsplit

    found = None
    if root is not None:
        found = _json_ld_day(root) or _meta_day(root) or _time_day(root) or _byline_day(root)
    for url in urls:
        if found is None and url:
            found = day_in_path(urlsplit(url).path)
    for line in datelines:
        found = found or day_in_line(line)
    return found


def _json_ld_day(root: Any) -> str | None:
    import json

    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            value = json.loads(script.text or "")
        except (ValueError, RecursionError):  # a hostile page's nesting is no date (review52)
            continue
        day = _date_published(value)
        if day is not None:
            return day
    return None


def _date_published(value: Any, depth: int = 0) -> str | None:
    """The first datePublished in a JSON-LD value (its @graph and nested objects too) that
    states a day."""
    if depth > 8:
        return None
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict):
            continue
        given = item.get("datePublished")
        day = stated_day(given) if isinstance(given, str) else None
        if day is not None:
            return day
        for child in item.values():
            if isinstance(child, dict | list):
                day = _date_published(child, depth + 1)
                if day is not None:
                    return day
    return None


def _meta_day(root: Any) -> str | None:
    for meta in root.iter("meta"):
        names = (meta.get("name"), meta.get("property"), meta.get("itemprop"))
        if any(n and "".join(n.split()).lower() in _PUBLISHED_META for n in names):
            day = stated_day(meta.get("content"))
            if day is not None:
                return day
    return None


def _time_day(root: Any) -> str | None:
    marked: list[str] = []
    others: set[str] = set()
    for elem in root.xpath('//time | //*[@itemprop="datePublished"]'):
        if elem.tag == "meta":
            continue  # read with the meta tags
        day = stated_day(elem.get("datetime") or elem.get("content") or elem.text_content())
        if day is None:
            continue
        if (
            elem.get("itemprop") == "datePublished"
            or elem.get("pubdate") is not None
            or _PUBLISHED_CLASS.search(elem.get("class") or "")
        ):
            marked.append(day)
        elif not _elsewhere(elem):
            others.add(day)
    if marked:
        return marked[0]
    return others.pop() if len(others) == 1 else None


# Elements a page puts its byline or dateline in, by their class or id.
_BYLINE_CLASS = re.compile(r"byline|dateline|date|time|info|meta|source|author|pub", re.I)


def _byline_day(root: Any) -> str | None:
    """The day in an element marked as a byline or dateline whose text is one (a credit line:
    `workbench.domain.bylines.credit`), outside comments and sidebars. An extractor may leave
    it out of the text (as trafilatura does an English byline)."""
    for elem in root.iter("p", "div", "span", "address", "section", "header"):
        marks = f"{elem.get('class') or ''} {elem.get('id') or ''}"
        if not _BYLINE_CLASS.search(marks):
            continue
        line = " ".join(elem.text_content().split())
        if not line or len(line) > MAX_CREDIT or credit(line) is None or _elsewhere(elem):
            continue
        day = day_in_line(line)
        if day is not None:
            return day
    return None


def _elsewhere(elem: Any) -> bool:
    """Inside a comment, an aside, a footer, navigation or a related-stories box."""
    for parent in elem.iterancestors():
        if parent.tag in ("aside", "footer", "nav"):
            return True
        marks = f"{parent.get('class') or ''} {parent.get('id') or ''}"
        if _ELSEWHERE.search(marks):
            return True
    return False


# Where a page's head names its author, read when trafilatura names none: it drops names it
# cannot tell from a person's Latin name (a trial's <meta name="author" content="李明"> came out
# None). A URL (a profile link) is no name.
_AUTHOR_META = (
    "//meta[@name='author' or @property='article:author' or @name='byl'"
    " or @name='dc.creator' or @name='DC.creator']/@content"
)


def headline(value: str | None) -> str | None:
    """A title a document gives itself (a page's <title>, a Markdown heading), as stored: by
    the rule its headline is recorded by (NFC before the cut at MAX_TITLE; rr306: cut first, a
    title NFC lengthened was stored past it, and PostgreSQL refused the `doc add`)."""
    return None if value is None else recorded_headline(str(value))


def _fuller_byline(named: str | None, credited: str | None) -> str | None:
    """The author a page's metadata names, or the byline it leads its text with when that names
    them and others besides: a head's one author stood for a byline of two (trial54: its
    <meta name="author"> gave 林晓东 for "记者 林晓东 陈雨 报道")."""
    if named is None:
        return credited
    if credited is not None and set(author_names(named)) < set(author_names(credited)):
        return credited
    return named


def byline_name(value: str | None) -> str | None:
    """An author a document names itself (its byline), as stored: the name(s), the byline's
    labels left out ("文/王晓明", and trafilatura's "文; 王晓明", are 王晓明)."""
    cleaned = _str(value)
    return _shortened(author_name(cleaned) if cleaned else None, MAX_SHORT)


def _meta_author(root: Any) -> str | None:
    # Read in the page's own tree. (It was parsed again, its first 65,536 characters, so as not
    # to parse a whole page twice: review56 parses it once.)
    for value in root.xpath(_AUTHOR_META):
        name = _str(value)
        if name and not name.lower().startswith(("http://", "https://", "www.")):
            return name
    return None


def _str(value: Any) -> str | None:
    # A page's metadata is not typed by anyone: a stray newline or control character in its
    # <title> is cleaned here rather than refused by DocumentMeta.checked with the whole page.
    return printable_line(str(value) if value is not None else "") or None


def _shortened(value: str | None, limit: int) -> str | None:
    # For the same reason an over-long <title> or byline is cut (with an ellipsis), not refused:
    # the person gave no title, the page did (`--title` still sets one, checked as stored).
    # Cut in NFC, the form stored: NFC may lengthen a text (U+0958 is two characters), and a
    # byline cut first was stored past the limit (review nfclimits).
    if value is None or len(value := composed(value)) <= limit:
        return value
    return value[: limit - 1].rstrip() + "…"


def _tag(value: str | None) -> str | None:
    # A page that names its language otherwise than as a tag ("Chinese") has it left out, as an
    # over-long one is: the person gave no --lang, the page did (DocumentMeta checks --lang).
    return value if value is not None and LANGUAGE_TAG.fullmatch(value) else None


def _openable(value: str | None) -> str | None:
    # A canonical URL no reader can open (a space in it, no host, a port out of range, over
    # the limit: cut short it would be wrong) is left out too: the page named it, not the
    # person, and the fetched URL may stand in for it.
    if value is None:
        return None
    try:
        return check_http_url(value)
    except InvalidInput:
        return None


def _within(value: str | None, limit: int) -> str | None:
    # An over-long URL or language tag cut short would be wrong, so it is left out instead.
    return value if value is None or len(value) <= limit else None
