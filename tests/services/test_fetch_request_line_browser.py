"""The request line says a typed address as a browser sends it (the URL Standard's path and
query percent-encode sets), and a redirect's Location is read as a browser reads it (review
r3fetch): `"`, `<`, `>`, `` ` ``, `{`, `}` in a path and `"`, `'`, `<`, `>` in a query were sent
as typed (no valid request-target holds them; a browser encodes them), and a `\\` in an http(s)
path, which a browser reads as `/`, was sent as itself (`GET /a\\b`): another page, or a 400."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

import pytest

from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    OK_HTML,
    Serve,
    send,
    serve,
)
from workbench.services.fetch import Fetched, fetch


def recorded(seen: list[str]) -> Callable[[socket.socket, threading.Event], None]:
    def go(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(OK_HTML + b"Content-Length: %d\r\n\r\n" % len(ARTICLE) + ARTICLE)
        seen.append("ok")

    return go


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        # The path percent-encode set: ", <, >, `, {, } (and space, #, ?, which end it or
        # are refused), not | ^ or the sub-delimiters.
        ('/a"b<c>d`e{f}g|h', "/a%22b%3Cc%3Ed%60e%7Bf%7Dg|h"),
        # The special-query set: ", ', <, > (` { } stay as typed in a query).
        ("/q?x=\"'<>`{}", "/q?x=%22%27%3C%3E`{}"),
        # A backslash is a slash in an http(s) path, as typed in a query.
        ("/a\\b?c=\\d", "/a/b?c=\\d"),
        # As typed: + and %2B, a lone %, a %-escape not of hex digits, an escape beside a raw
        # character (both percent-encoded as UTF-8, the same bytes).
        ("/q?a+b=%2B+c", "/q?a+b=%2B+c"),
        ("/a%", "/a%"),
        ("/a%zz", "/a%zz"),
        ("/%E4%B8%AD中", "/%E4%B8%AD%E4%B8%AD"),
    ],
)
def test_the_request_line_encodes_what_a_browser_encodes(
    serve: Serve,  # noqa: F811
    typed: str,
    sent: str,
) -> None:
    seen: list[str] = []
    site = serve({sent: recorded(seen)})
    got = fetch(site + typed, max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert seen == ["ok"], "the server was asked for another path"
    # The document keeps the address as typed.
    assert got.final_url == site + typed


@pytest.mark.parametrize(
    ("location", "path"),
    [
        # A browser reads `\\host\x` as `//host/x`: this very server's /b here.
        (b"\\\\127.0.0.1:{port}\\b", "/b"),
        (b"\\b\\c", "/b/c"),
        (b"/b<c>", "/b%3Cc%3E"),
    ],
)
def test_a_redirect_is_followed_as_a_browser_reads_its_location(
    serve: Serve,  # noqa: F811
    location: bytes,
    path: str,
) -> None:
    seen: list[str] = []
    site = serve({path: recorded(seen)})
    port = site.rpartition(":")[2].encode()
    moved = location.replace(b"{port}", port)
    hop = b"HTTP/1.1 302 Found\r\nLocation: " + moved + b"\r\nContent-Length: 0\r\n\r\n"
    serve({"/r": send(hop)})
    got = fetch(f"{site}/r", max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert seen == ["ok"], "the server was asked for another path"
