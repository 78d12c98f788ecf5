"""A page's bytes are read in the encoding they are in or declare; only a page that is neither
is read by a guess, and the guess is named (a trial: a GBK page with no charset tag was decoded
by a guess while the README said text is "never decoded by a guess")."""

from __future__ import annotations

import http.server
from pathlib import Path

import pytest

from tests.local_site import base_url, serving
from workbench.services.context import Workbench
from workbench.services.documents import add_document, add_from
from workbench.services.pages import LITTLE_TEXT, Decoding, decode_page, extract_page

PAGES = Path(__file__).parent.parent / "data" / "pages"
ZH = "澜汐电器周三公布的年报显示，公司海外收入去年首次超过总收入的四成。"
FR = "Le conseil a voté le budget à l’unanimité, malgré les critiques « très vives »."


def page(head: str, body: str) -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "header", "decoding"),
    [
        (page("", ZH).encode("utf-8"), None, Decoding("utf-8")),
        (b"\xef\xbb\xbf" + page("", ZH).encode("utf-8"), None, Decoding("utf-8")),
        (page('<meta charset="gbk">', ZH).encode("gbk"), None, Decoding("gb18030")),
        (
            page('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', ZH).encode(
                "gbk"
            ),
            None,
            Decoding("gb18030"),
        ),
        (page("", ZH).encode("gbk"), "text/html; charset=gbk", Decoding("gb18030")),
        (page('<meta charset="iso-8859-1">', FR).encode("cp1252"), None, Decoding("cp1252")),
        # declared nowhere: a guess, named
        (page("", ZH).encode("gbk"), "text/html", Decoding("gb18030", guessed=True)),
        (page("", FR).encode("cp1252"), None, Decoding("cp1252", guessed=True)),
        # declared, but the bytes are not in it: a guess too, and what was declared
        (
            page('<meta charset="utf-8">', ZH).encode("gbk"),
            None,
            Decoding("gb18030", guessed=True, declared="utf-8"),
        ),
        # a charset Python does not know is no declaration
        (page('<meta charset="x-unknown">', ZH).encode("gbk"), None, Decoding("gb18030", True)),
    ],
)
def test_how_a_page_is_read(data: bytes, header: str | None, decoding: Decoding) -> None:
    text, how = decode_page(data, header)
    assert how == decoding
    assert (ZH in text) or (FR in text)


def test_the_page_says_how_it_was_read() -> None:
    data = (PAGES / "gbk-no-charset.html").read_bytes()
    read = extract_page(data, "gbk-no-charset.html")
    assert read.decoding == Decoding("gb18030", guessed=True)
    assert "澜汐电器周三公布的年报显示" in read.text
    assert extract_page((PAGES / "zh-news.html").read_bytes(), "zh").decoding == Decoding("utf-8")


def test_an_added_page_names_a_guessed_encoding_and_little_text(wb: Workbench) -> None:
    guessed = add_document(wb, (PAGES / "gbk-no-charset.html").read_bytes(), source="g.html")
    assert guessed.guessed_encoding == "gb18030" and not guessed.little_text
    assert guessed.to_json()["guessed_encoding"] == "gb18030"
    listing = (
        b'<!DOCTYPE HTML><html><head><meta charset="utf-8"><title>Directory listing for /'
        b"</title></head><body><h1>Directory listing for /</h1><hr><ul><li>"
        b'<a href="a.html">a.html</a></li></ul><hr></body></html>'
    )
    thin = add_document(wb, listing, source="listing.html")
    assert thin.little_text and thin.guessed_encoding is None
    assert thin.document.length < LITTLE_TEXT and thin.to_json()["little_text"] is True
    article = add_document(wb, (PAGES / "zh-news.html").read_bytes(), source="zh.html")
    assert not article.little_text and "little_text" not in article.to_json()
    # A short text file is what the person typed: no doubt is cast on it.
    note = add_document(wb, b"A short text.\n", source="t.txt")
    assert not note.little_text
    # Already stored: nothing added, nothing to say.
    again = add_document(wb, listing, source="listing.html")
    assert not again.created and not again.little_text


class _Server(http.server.BaseHTTPRequestHandler):
    content_type = "text/html"

    def do_GET(self) -> None:
        body = (PAGES / "gbk-no-charset.html").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", _Server.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("content_type", "guessed"),
    [("text/html; charset=GBK", None), ("text/html", "gb18030")],
)
def test_a_fetched_pages_charset_is_the_servers_when_it_names_one(
    wb: Workbench, content_type: str, guessed: str | None
) -> None:
    _Server.content_type = content_type
    with serving(_Server) as server:
        added = add_from(wb, f"{base_url(server)}/story.html")
    assert added.guessed_encoding == guessed
