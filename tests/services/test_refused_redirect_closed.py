"""A redirect the fetch refuses, or an error status, leaves no connection open behind it. A
redirect to another scheme (ftp:, file:) was refused with the server's answer still open: its
connection stayed open for as long as the refusal was kept (a caller that logs or re-raises
it), closed only when garbage collection freed the answer. The other refusals of a redirect (to
an address with a password, a loop) close it too, and so does a 404's.

The server counts the connections its client has closed: a connection it answered is waited
on (a few seconds at most) until the client closes it."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.services.test_fetch_deadline import NOSIGNAL, Script, Serve, serve  # noqa: F401
from workbench.domain.errors import WorkbenchError
from workbench.services.fetch import fetch

# Longer than any test here takes: a connection still open after it is one left open.
WAIT = 5.0


class Closings:
    """Scripts answering with a redirect, counting the connections the client then closes."""

    def __init__(self) -> None:
        self.closed = threading.Semaphore(0)

    def moved(self, location: bytes) -> Script:
        # With a body, as most servers send ("Moved to ..."): one of none is closed as read.
        body = b"<a href='" + location + b"'>Moved</a>"
        return self.answering(
            b"HTTP/1.1 301 Moved\r\nLocation: " + location + b"\r\nContent-Type: text/html\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body) + body
        )

    def answering(self, answer: bytes) -> Script:
        def go(conn: socket.socket, stop: threading.Event) -> None:
            conn.sendall(answer, NOSIGNAL)
            conn.settimeout(WAIT)
            try:
                if conn.recv(1) == b"":
                    self.closed.release()
            except OSError:
                pass  # not closed within WAIT: not counted

        return go

    def all_closed(self, count: int) -> bool:
        return all(self.closed.acquire(timeout=WAIT) for _ in range(count))


def _refused(url: str) -> WorkbenchError:
    try:
        fetch(url, max_bytes=10_000, timeout=WAIT)
    except WorkbenchError as exc:
        return exc  # kept, with its traceback, as a caller that logs it keeps it
    raise AssertionError("the redirect was not refused")


@pytest.mark.parametrize(
    "location",
    [b"ftp://127.0.0.1/x", b"file:///etc/passwd", b"http://user:pw@127.0.0.1/x"],
    ids=["ftp", "file", "password"],
)
def test_a_refused_redirect_closes_its_connection(
    serve: Serve,  # noqa: F811
    location: bytes,
) -> None:
    closings = Closings()
    site = serve({"/": closings.moved(location)})
    refused = _refused(f"{site}/")
    assert closings.all_closed(1), f"left open after: {refused.message}"


def test_a_redirect_loop_refused_closes_its_connections(serve: Serve) -> None:  # noqa: F811
    closings = Closings()
    site = serve({"/a": closings.moved(b"/b"), "/b": closings.moved(b"/a")})
    refused = _refused(f"{site}/a")
    assert "in a loop" in refused.message
    assert closings.all_closed(2), f"left open after: {refused.message}"


def test_an_error_status_closes_its_connection(serve: Serve) -> None:  # noqa: F811
    """A 404 with a page saying so: its refusal kept the answer open as a redirect's did."""
    closings = Closings()
    body = b"<h1>Not Found</h1>"
    answer = b"HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    site = serve({"/gone": closings.answering(answer)})
    refused = _refused(f"{site}/gone")
    assert "404 Not Found" in refused.message
    assert closings.all_closed(1), f"left open after: {refused.message}"
