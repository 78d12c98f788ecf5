"""What the fetch sends on its request line is the address typed as a browser sends it: a path
or query not in ASCII percent-encoded as UTF-8, the #fragment left off (review rrfetch:
`doc add https://zh.wikipedia.org/wiki/中国` failed with "the output could not be written in
ascii", http.client's encoding of the request line blamed on the terminal; a fragment holding a
`#` was sent to the server up to its last `#`, urllib's split). The document keeps the address
as typed (in NFC: a path typed decomposed is asked for composed, as it is stored)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    OK_HTML,
    Serve,
    run,
    send,
    serve,
)
from workbench.services.fetch import Fetched, fetch


def recorded(seen: list[str], path: str) -> object:
    def go(conn: socket.socket, stop: threading.Event) -> None:
        seen.append(path)
        conn.sendall(OK_HTML + b"Content-Length: %d\r\n\r\n" % len(ARTICLE) + ARTICLE)

    return go


@pytest.mark.parametrize(
    ("typed", "sent", "stored"),
    [
        ("/wiki/中国", "/wiki/%E4%B8%AD%E5%9B%BD", "/wiki/中国"),
        ("/a?q=ü&r=%C3%BC", "/a?q=%C3%BC&r=%C3%BC", "/a?q=ü&r=%C3%BC"),
        # Typed decomposed: stored and asked for in NFC; a percent-encoded path as typed.
        ("/u\u0308ber", "/%C3%BCber", "/über"),
        ("/u%CC%88ber", "/u%CC%88ber", "/u%CC%88ber"),
        # The fragment is the reader's, never sent; one holding a # (#/route#part) too.
        ("/a#x#y", "/a", "/a#x#y"),
    ],
)
def test_the_request_line_is_the_address_as_a_browser_sends_it(
    serve: Serve,  # noqa: F811
    typed: str,
    sent: str,
    stored: str,
) -> None:
    seen: list[str] = []
    site = serve({sent: recorded(seen, sent)})  # type: ignore[dict-item]
    got = fetch(site + typed, max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert seen == [sent]
    assert (got.url, got.final_url) == (site + stored, site + stored)


def test_a_redirect_keeps_a_fragment_holding_a_hash_and_sends_none(
    serve: Serve,  # noqa: F811
) -> None:
    seen: list[str] = []
    hop = b"HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n"
    site = serve({"/r": send(hop), "/b": recorded(seen, "/b")})  # type: ignore[dict-item]
    got = fetch(f"{site}/r#/route#part", max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert seen == ["/b"]
    assert got.final_url == f"{site}/b#/route#part"


def test_doc_add_of_an_address_with_a_path_not_in_ascii_stores_it_as_typed(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    seen: list[str] = []
    site = serve({"/wiki/%E4%B8%AD%E5%9B%BD": recorded(seen, "/wiki/%E4%B8%AD%E5%9B%BD")})  # type: ignore[dict-item]
    r = run("doc", "add", f"{site}/wiki/中国")
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code == 0, (r.code, r.out, r.err)
    assert json.loads(run("doc", "show", "1", "--json").out)["url"] == f"{site}/wiki/中国"
