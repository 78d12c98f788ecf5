"""An annotation names its document by the document's URL, and an export writes that URL as a
URI (`urls.as_uri`: a Unicode host as its `xn--` name, a Unicode path percent-encoded), as
another tool does. `import annotations` compared a source with the URL as stored, so an
outside annotation (no `state.cached` to name the text) of a document stored with its
Unicode URL was not found to be that document's: imported into another document, nothing
was said; and the same held the other way round (stored as a URI, named by the Unicode
form). Both are now compared as URIs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.urls import as_uri
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.imports import import_annotations

ARTICLE = "国务院新闻办公室表示，２０２５年ＧＤＰ增长５．２％。\n"
UNICODE = 'https://新闻.example.cn/路径/报道?id="1"'
# A backslash in the path is a slash to a browser, so its URI form (`as_uri`) writes one: the
# stored URL does not hold the URI's characters as they are (rpub's 9feca674).
BACKSLASHED = "https://x.example/news\\2026\\story?q=a\\b"
# A host typed with an ideographic full stop, as a Chinese keyboard gives one: stored as typed,
# its URI form has the dot IDNA reads it as.
FULL_STOPS = "https://新闻。example。cn/路径"
# And one typed in full-width letters, which IDNA reads as their ASCII letters.
FULL_WIDTH = "https://ｅｘａｍｐｌｅ．ｃｏｍ/news"
# A scheme and host typed in capitals, as a print advert writes them: the same page to every
# browser (RFC 3986 6.2.2.1: both are case-insensitive), which names it in lower case (annot).
CAPITALS = "HTTPS://News.Example.COM/Story"
# A path's %-escapes in lower-case hex, as some tools write them: the same octets (RFC 3986
# 6.2.2.1), which as_uri writes in capitals for the path typed in Unicode (annot).
LOWER_HEX = "https://news.example.cn/%e6%96%b0%e9%97%bb/a"


def _outside(source: str) -> dict[str, Any]:
    """Another tool's annotation: its source and quote, no cached state."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "GDP grew 5.2% in 2025"},
        "target": {
            "source": source,
            "selector": {"type": "TextQuoteSelector", "exact": "２０２５年ＧＤＰ增长５．２％"},
        },
    }


@pytest.mark.parametrize(
    ("stored", "named"),
    [
        (UNICODE, as_uri(UNICODE)),
        (as_uri(UNICODE), UNICODE),
        (BACKSLASHED, as_uri(BACKSLASHED)),
        (FULL_STOPS, as_uri(FULL_STOPS)),
        (FULL_WIDTH, as_uri(FULL_WIDTH)),
        (CAPITALS, "https://news.example.com/Story"),
        ("https://news.example.com/Story", CAPITALS),
        (LOWER_HEX, "https://news.example.cn/新闻/a"),
        ("https://news.example.cn/新闻/a", LOWER_HEX),
    ],
    ids=[
        "stored-unicode-named-uri",
        "stored-uri-named-unicode",
        "stored-backslash-named-uri",
        "stored-full-stops-named-uri",
        "stored-full-width-named-uri",
        "stored-capitals-named-lower-case",
        "stored-lower-case-named-capitals",
        "stored-lower-hex-named-unicode",
        "stored-unicode-named-lower-hex",
    ],
)
def test_a_source_names_its_document_in_either_form(
    wb: Workbench, tmp_path: Path, stored: str, named: str
) -> None:
    assert stored != named
    first = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(url=stored)).document.id
    other = add_document(wb, (ARTICLE + "附言。\n").encode()).document.id
    path = tmp_path / "outside.json"
    path.write_text(json.dumps(_outside(named), ensure_ascii=False), encoding="utf-8")
    # Into another document: said to be the first's, and anchored by its quote all the same.
    into_other = import_annotations(wb, str(path), other, dry_run=True)
    assert into_other.notices == [
        f"annotation 1: its target is document #{first}, not #{other}: anchored in "
        f"#{other} by its quote"
    ]
    # Into its own: nothing said.
    into_own = import_annotations(wb, str(path), first, dry_run=True)
    assert (len(into_own.would_add), into_own.notices) == (1, [])


@pytest.mark.parametrize(
    ("stored", "named"),
    [
        # RFC 3986 6.2.2.1 folds the scheme, the host and an escape's hex digits only: a path,
        # a query and a fragment tell case (SQLite's LIKE does not: the URI forms decide).
        ("https://news.example.com/story", "https://news.example.com/Story"),
        ("https://x.example/a?Q=1", "https://x.example/a?q=1"),
        ("https://x.example/a#Top", "https://x.example/a#top"),
        # Another host, scheme or port.
        ("https://news.example.com/Story", "https://news.example.org/Story"),
        ("http://x.example/a", "https://x.example/a"),
        ("https://x.example:8080/a", "https://x.example:8081/a"),
        # Another octet, in either case of hex; an escaped slash is no slash; one character more.
        ("https://x.example/%e6%96%b0", "https://x.example/%E6%96%B1"),
        ("https://x.example/a%2Fb", "https://x.example/a/b"),
        ("https://x.example/%E6%96%B0", "https://x.example/%e6%96%b0x"),
        # The LIKE pattern's own characters, typed in the URL: as themselves.
        ("https://x.example/a_b", "https://x.example/aXb"),
    ],
)
def test_a_source_names_no_other_page(
    wb: Workbench, tmp_path: Path, stored: str, named: str
) -> None:
    """The comparison stays narrow (rannot): a page whose URI differs from the source's other
    than where RFC 3986 6.2.2.1 folds case is not said to be the annotation's, on SQLite (whose
    LIKE folds ASCII case) and PostgreSQL (whose does not) alike."""
    add_document(wb, ARTICLE.encode(), meta=DocumentMeta(url=stored))
    other = add_document(wb, (ARTICLE + "附言。\n").encode()).document.id
    path = tmp_path / "outside.json"
    path.write_text(json.dumps(_outside(named), ensure_ascii=False), encoding="utf-8")
    assert import_annotations(wb, str(path), other, dry_run=True).notices == []
