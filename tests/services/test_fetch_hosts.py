"""A URL's host as the fetch looks it up and names it (trial fetch): a redirect whose Location
urllib cannot even parse (`http://[::1`), a host name with an empty or over-long label
(`http://a..b/`) and an internationalised one (`http://例え.テスト/`) each escaped as a Python
exception: a traceback, or a message blaming the terminal's encoding.

Served from 127.0.0.1 only; an IDN host is made to resolve there by the test's own getaddrinfo."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    NOSIGNAL,
    Script,
    Serve,
    page,
    run,
    send,
    serve,
)
from workbench.domain.errors import InvalidInput
from workbench.services.fetch import Fetched, fetch


def redirect(location: bytes) -> Script:
    return send(b"HTTP/1.1 302 Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n")


@pytest.mark.parametrize(
    "location",
    [b"http://[::1", b"//[", b"http://[zz]/"],
    ids=["unclosed-bracket", "relative-bracket", "no-ip-in-brackets"],
)
def test_a_redirect_to_a_location_that_is_no_url_is_refused(
    serve: Serve,  # noqa: F811
    location: bytes,
) -> None:
    site = serve({"/": redirect(location)})
    with pytest.raises(InvalidInput) as refused:
        fetch(f"{site}/", max_bytes=10**6, timeout=1)
    said = refused.value.message
    assert said.startswith(f"{site}/ redirects to an address that is not taken: "), said
    assert "\n" not in said


@pytest.mark.parametrize("host", ["a..b", ".x", "a" * 64 + ".com"])
def test_a_host_name_with_an_empty_or_over_long_label_is_refused(host: str) -> None:
    """Refused before anything is looked up: the name cannot be."""
    with pytest.raises(InvalidInput) as refused:
        fetch(f"http://{host}/", max_bytes=10**6, timeout=1)
    assert refused.value.message == (
        f"'http://{host}/' names no host that can be looked up ({host}: a part of it between "
        "dots is empty or over 63 characters)"
    )


def test_a_redirect_to_a_host_name_that_cannot_be_looked_up_is_refused(serve: Serve) -> None:  # noqa: F811
    site = serve({"/": redirect(b"http://" + b"a" * 64 + b".com/")})
    with pytest.raises(InvalidInput) as refused:
        fetch(f"{site}/", max_bytes=10**6, timeout=1)
    assert refused.value.message.startswith(
        f"{site}/ redirects to an address that is not taken: 'http://{'a' * 64}.com/' names no "
        "host that can be looked up"
    )


IDN = "例え.テスト"
IDN_ASCII = "xn--r8jz45g.xn--zckzah"


@pytest.fixture
def idn_here(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """IDN_ASCII (the name as DNS knows it) resolves to 127.0.0.1; gives the Host headers the
    server saw."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        return real("127.0.0.1" if name == IDN_ASCII else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return []


def host_recorder(seen: list[bytes]) -> int:
    """A server of its own, for one request (the shared one hides the request from its
    scripts): records its Host header in `seen`, answers ARTICLE; gives its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def serve_one() -> None:
        conn, _ = listener.accept()
        with conn:
            asked = b""
            while b"\r\n\r\n" not in asked:
                got = conn.recv(65536)
                if not got:
                    return
                asked += got
            for line in asked.split(b"\r\n"):
                if line.lower().startswith(b"host:"):
                    seen.append(line[5:].strip())
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
            conn.sendall(head + b"Content-Length: %d\r\n\r\n" % len(ARTICLE) + ARTICLE, NOSIGNAL)
        listener.close()

    threading.Thread(target=serve_one, daemon=True).start()
    port: int = listener.getsockname()[1]
    return port


def test_an_idn_host_is_asked_for_by_its_ascii_name(idn_here: list[bytes]) -> None:
    """As a browser asks: DNS and the Host header know the name in its xn-- form only (the
    Unicode name was sent as Latin-1 bytes, or could not be sent at all). The document keeps
    the address as typed."""
    port = host_recorder(idn_here)
    url = f"http://{IDN}:{port}/story"
    got = fetch(url, max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert idn_here == [f"{IDN_ASCII}:{port}".encode()]
    assert (got.url, got.final_url, got.redirects) == (url, url, [])
    assert got.data == ARTICLE


def test_doc_add_of_an_idn_address_adds_the_page(
    idn_here: list[bytes],
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    port = host_recorder(idn_here)
    url = f"http://{IDN}:{port}/story"
    r = run("doc", "add", url)
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code == 0, (r.code, r.out, r.err)
    shown = run("doc", "show", "1")
    assert f"url  {url}" in shown.out, shown.out


def test_doc_add_of_a_host_that_cannot_be_looked_up_is_refused_in_one_line(
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    r = run("doc", "add", "http://a..b/")
    assert r.crash is None, f"traceback: {r.crash!r}"
    # Bad usage, as `--url http://a..b/` is (review rfetch: it exited 1 here, 2 there).
    assert (r.code, r.out) == (2, ""), (r.code, r.out, r.err)
    assert r.err.startswith("error: 'http://a..b/' names no host that can be looked up"), r.err
    assert r.err.count("\n") == 1, r.err


def test_a_redirect_to_an_idn_host_goes_to_its_ascii_name(
    serve: Serve,  # noqa: F811
    idn_here: list[bytes],
) -> None:
    """The Location as a server sends it, in UTF-8: urllib %-encoded the host and decoded it
    again to Unicode for the Host header, which could not be sent."""
    port = host_recorder(idn_here)
    site = serve({"/": redirect(f"http://{IDN}:{port}/story".encode())})
    got = fetch(f"{site}/", max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert idn_here == [f"{IDN_ASCII}:{port}".encode()]
    assert got.redirects == [f"http://{IDN_ASCII}:{port}/story"]
    assert got.data == ARTICLE


@pytest.mark.parametrize("host", ["127.0.0.1%2F.example", "a%40b.example", "a%3A80.example"])
def test_a_host_whose_escapes_decode_to_a_delimiter_is_refused(host: str) -> None:
    """Decoded and written back into the URL, `%2F` would end the host early (http://127.0.0.1/
    .example/: another host than the one typed): refused, as no name to look up."""
    with pytest.raises(InvalidInput) as refused:
        fetch(f"http://{host}/", max_bytes=10**6, timeout=1)
    assert refused.value.message.startswith(f"'http://{host}/' names no host that can be looked up")


def test_a_redirect_to_a_huge_host_is_refused_in_a_line_of_bounded_length(serve: Serve) -> None:  # noqa: F811
    site = serve({"/": redirect(b"http://" + b"a" * 60_000 + b".com/")})
    with pytest.raises(InvalidInput) as refused:
        fetch(f"{site}/", max_bytes=10**6, timeout=1)
    said = refused.value.message
    assert "names no host that can be looked up" in said and len(said) < 600, len(said)
