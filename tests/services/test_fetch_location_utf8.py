"""A redirect's Location sent as raw UTF-8 bytes (servers do) is read as UTF-8, as a browser
reads it (review r3fetch). http.client decodes a header as Latin-1: urllib encodes it back to
the same bytes before following it (so the hop asked for is right), but a refusal said the
address as mojibake (`ftp://æ\\u009c\\u008d…`)."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    OK_HTML,
    Serve,
    send,
    serve,
)
from workbench.domain.errors import InvalidInput
from workbench.services.fetch import Fetched, fetch


def moved(location: str) -> bytes:
    raw = location.encode()
    return b"HTTP/1.1 302 Found\r\nLocation: " + raw + b"\r\nContent-Length: 0\r\n\r\n"


def test_a_utf8_location_is_asked_for_percent_encoded(serve: Serve) -> None:  # noqa: F811
    seen: list[str] = []

    def ok(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(OK_HTML + b"Content-Length: %d\r\n\r\n" % len(ARTICLE) + ARTICLE)
        seen.append("ok")

    site = serve({"/r": send(moved("/wiki/中国")), "/wiki/%E4%B8%AD%E5%9B%BD": ok})
    got = fetch(f"{site}/r", max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert seen == ["ok"]
    # The address a browser's URL parser gives (its href): the path percent-encoded.
    assert got.final_url == f"{site}/wiki/%E4%B8%AD%E5%9B%BD"


@pytest.mark.parametrize(
    "location", ["ftp://服务器.example/文件", "http://[::1/文件"], ids=["ftp", "no-url"]
)
def test_a_refused_utf8_location_is_said_in_its_characters(
    serve: Serve,  # noqa: F811
    location: str,
) -> None:
    site = serve({"/r": send(moved(location))})
    with pytest.raises(InvalidInput) as refused:
        fetch(f"{site}/r", max_bytes=10**6, timeout=1)
    assert repr(location) in refused.value.message, refused.value.message


def test_a_hop_is_kept_as_a_browser_has_its_address(serve: Serve) -> None:  # noqa: F811
    """A Location holding `"`, `<`, `>` or a `` ` `` was kept with them raw (urllib leaves
    ASCII punctuation as sent), as the document's address: a browser's address for it has
    them percent-encoded, as the request asked for them."""

    def ok(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(OK_HTML + b"Content-Length: %d\r\n\r\n" % len(ARTICLE) + ARTICLE)

    site = serve({"/r": send(moved('/b"<c>`?q=<x>#f')), "/b%22%3Cc%3E%60?q=%3Cx%3E": ok})
    got = fetch(f"{site}/r", max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert got.final_url == f"{site}/b%22%3Cc%3E%60?q=%3Cx%3E#f"
    assert got.redirects == [got.final_url]
