"""HTTP connections that end by one deadline: connecting, the TLS handshake, the status line and
headers, and the body, over every redirect of one fetch, each step also within the per-step
timeout.

http.client bounds each socket operation, not the whole: a server that sends a byte within every
timeout is waited on for as long as it goes on, headers included, and a buffered read of 64 KiB
loops over the socket until 64 KiB have come. Here every read from the socket first sets the
socket's timeout to what is left before the deadline (at most the per-step timeout), so no read
outlives it, however the bytes are spread. (Looking the host's name up is left to the system's
resolver and its own time limits: Python has no way to bound it.)
"""

from __future__ import annotations

import io
import socket
import time
import urllib.request
from dataclasses import dataclass
from http.client import HTTPConnection, HTTPResponse, HTTPSConnection
from typing import Any

# How long the end of a body of announced length (Content-Length) is watched for more bytes: a
# server that honours `Connection: close` ends the connection there at once, and one whose length
# was short has most often sent the rest already.
PAST_END_WAIT = 0.5


class TooSlow(TimeoutError):
    """The deadline passed before the whole answer had come."""


@dataclass(frozen=True, slots=True)
class Pace:
    timeout: float  # the longest one step (connecting, one read) may wait
    deadline: float  # time.monotonic() by which the whole answer must be in

    def left(self) -> float:
        """How long the next step may wait: the timeout, or less near the deadline."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TooSlow
        return min(self.timeout, left)

    def overran(self) -> bool:
        return time.monotonic() >= self.deadline


def handlers(pace: Pace) -> list[urllib.request.BaseHandler]:
    """The http and https handlers of an opener, their connections kept to `pace`."""
    return [_PacedHTTPHandler(pace), _PacedHTTPSHandler(pace)]


class _Reader(io.RawIOBase):
    """The socket as http.client reads it, each read given only the time left."""

    def __init__(self, sock: socket.socket, pace: Pace) -> None:
        super().__init__()
        self._sock = sock
        # Through makefile(), as http.client reads it: the file holds the socket open after
        # urllib closes the connection's own reference to it.
        self._raw = sock.makefile("rb", buffering=0)
        self._pace = pace
        self.wait: float | None = None  # a shorter wait for the next read (see PAST_END_WAIT)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self._pace.left()
        self._sock.settimeout(left if self.wait is None else min(left, self.wait))
        try:
            return self._raw.readinto(buffer)
        except TimeoutError:
            if self._pace.overran():
                raise TooSlow from None
            raise

    def close(self) -> None:
        self._raw.close()
        super().close()


def _paced_response(pace: Pace) -> type[HTTPResponse]:
    class PacedResponse(HTTPResponse):
        def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
            super().__init__(sock, *args, **kwargs)
            self.fp.close()  # the file http.client opened, its reads bounded per step only
            self._reader = _Reader(sock, pace)
            self.fp = io.BufferedReader(self._reader)
            self._reading = False
            self._past_end: bool | None = None

        def read1(self, n: int = -1) -> bytes:
            # A release of http.client may close the connection as the body's last byte is
            # read: it is looked past first (`_close_conn`).
            self._reading = True
            try:
                return super().read1(n)
            finally:
                self._reading = False

        def _close_conn(self) -> None:
            if self._reading:
                self.past_end()
            super()._close_conn()  # type: ignore[misc]

        def past_end(self) -> bool:
            """Whether bytes came after a body read to the length its Content-Length announced
            (http.client reads no further: the page as announced is cut short), waiting at
            most PAST_END_WAIT for them. False for a chunked body or one of no stated length,
            and where the connection ended, or failed, at the announced end."""
            if self._past_end is None:
                self._past_end = False
                if self.fp is not None and not self.chunked and self.length == 0:
                    self._reader.wait = PAST_END_WAIT
                    try:
                        self._past_end = bool(self.fp.peek(1))
                    except OSError:  # a timeout (TooSlow too), a reset: nothing more came
                        pass
                    finally:
                        self._reader.wait = None
            return self._past_end

    return PacedResponse


class _PacedHTTP(HTTPConnection):
    pace: Pace

    def connect(self) -> None:
        # Set before connecting: a proxy's answer to CONNECT is read through it too.
        self.response_class = _paced_response(self.pace)
        # The socket's timeout while connecting and through the TLS handshake, which CPython
        # bounds as a whole by it.
        self.timeout = self.pace.left()
        try:
            super().connect()
        except TimeoutError:
            if self.pace.overran():
                raise TooSlow from None
            raise


class _PacedHTTPS(_PacedHTTP, HTTPSConnection):
    pass


class _PacedHandler(urllib.request.AbstractHTTPHandler):
    connection_class: type[_PacedHTTP]

    def __init__(self, pace: Pace) -> None:
        super().__init__()
        self.pace = pace

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> HTTPResponse:
        def connection(host: str, /, **args: Any) -> HTTPConnection:
            made = self.connection_class(host, **args)
            made.pace = self.pace
            return made

        return super().do_open(connection, req, **kwargs)


class _PacedHTTPHandler(_PacedHandler, urllib.request.HTTPHandler):
    connection_class = _PacedHTTP


class _PacedHTTPSHandler(_PacedHandler, urllib.request.HTTPSHandler):
    connection_class = _PacedHTTPS
