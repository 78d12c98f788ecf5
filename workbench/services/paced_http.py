"""HTTP connections that end by one deadline: connecting, the TLS handshake, the status line and
headers, and the body, over every redirect of one fetch, each step also within the per-step
timeout.

http.client bounds each socket operation, not the whole: a server that sends a byte within every
timeout is waited on for as long as it goes on, headers included, and a buffered read of 64 KiB
loops over the socket until 64 KiB have come. Here every read from the socket first sets the
socket's timeout to what is left before the deadline (at most the per-step timeout), so no read
outlives it, however the bytes are spread. Looking the host's name up is held to the same time:
no call bounds the system's resolver, so it runs in a thread of its own that the connection waits
on for the step's time only (a resolver that does not answer was waited on past every limit).

Each connection is made to an address judged first (`Reach`): once a fetch has connected to a
public address, a later hop (a redirect) is not connected to a private one. The address judged is
the one connected to, from the hop's one look-up: a name answering a second look-up otherwise (DNS
rebinding) has no second look-up to answer.
"""

from __future__ import annotations

import io
import socket
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPConnection, HTTPResponse, HTTPSConnection
from typing import Any

from workbench.domain.addresses import private_kind

# How long the end of a body of announced length (Content-Length) is watched for more bytes: a
# server that honours `Connection: close` ends the connection there at once, and one whose length
# was short has most often sent the rest already. One wait in all, however the bytes come.
PAST_END_WAIT = 0.5
# The same wait on a connection the server keeps open (no `Connection: close`): what it sends
# there later is no part of this answer, but the rest of a page whose length was miscounted
# may come a moment after the announced end, in a later write or TCP segment (review178).
KEPT_OPEN_WAIT = 0.1
# The most bytes past the end read to tell a stray line end (some servers end their answer with
# a CRLF past the body: curl's "excess", which browsers and urllib ignore) from the page's rest.
PAST_END_READ = 4096
# What a stray line end past the body is made of: nothing of a page.
_STRAY = b" \t\r\n"


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


class LookUpTooSlow(TimeoutError):
    """The host's look-up gave no answer within the step's time."""


def _looked_up(host: str, port: int, pace: Pace) -> list[Any]:
    """socket.getaddrinfo's answer for (host, port), within the time `pace` leaves the step.
    The look-up runs in a daemon thread: one that does not answer is left to end when the
    resolver gives up, and the process does not wait on it at exit."""
    wait = pace.left()
    answer: list[Any] = []

    def look_up() -> None:
        try:
            answer.append(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
        except BaseException as exc:  # raised again in the thread connecting
            answer.append(exc)

    thread = threading.Thread(target=look_up, name=f"look-up of {host}", daemon=True)
    thread.start()
    thread.join(wait)
    if not answer:
        if pace.overran():
            raise TooSlow
        raise LookUpTooSlow(f"the look-up of {host} gave no answer within {wait:g} s")
    if isinstance(answer[0], BaseException):
        raise answer[0]
    found: list[Any] = answer[0]
    return found


class PrivateAddress(Exception):
    """A hop's host is at a private address after the fetch reached a public one. Not an
    OSError: urllib would wrap one as a failure to connect."""

    def __init__(self, host: str, address: str, kind: str, public: str) -> None:
        super().__init__(host, address, kind, public)
        self.host = host
        self.address = address
        self.kind = kind  # private_kind's words
        self.public = public  # the public host reached before, with its address


@dataclass(slots=True)
class Reach:
    """Where one fetch has connected: a private address is the user's choice while every
    connection so far went to private ones (a URL typed naming an intranet host, its redirects
    within it), not once a public host has answered (its redirect to 169.254.169.254 or to
    localhost would store what a private service said as a document everyone reads)."""

    public: str | None = None  # the first public host connected to, "host at address"

    def allowed(self, address: str) -> bool:
        return self.public is None or private_kind(address) is None

    def connected(self, host: str, address: str) -> None:
        if self.public is None and private_kind(address) is None:
            self.public = address if host == address else f"{host} at {address}"

    def proxied(self, host: str) -> None:
        """A hop to `host` went through a proxy, which looked it up where no address of it is
        known here: unless `host` is written as a private address, it counts as public. A
        redirect that no_proxy then sends around the proxy (no_proxy lists 169.254.169.254 and
        localhost on a cloud machine) was otherwise connected to as if the fetch had started
        at a private address."""
        if self.public is None and not _names_private(host):
            self.public = f"{host} through a proxy"


def _names_private(host: str) -> bool:
    """Whether `host` (a URL's host, IPv6 without its brackets) is a private address as written;
    False for a name."""
    try:
        return private_kind(host) is not None
    except ValueError:
        return False


def handlers(pace: Pace, reach: Reach | None = None) -> list[urllib.request.BaseHandler]:
    """The http and https handlers of an opener, their connections kept to `pace` and, when
    given, to `reach`'s rule."""
    reach = Reach() if reach is None else reach
    return [_PacedHTTPHandler(pace, reach), _PacedHTTPSHandler(pace, reach)]


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
            """Whether more of the page came after a body read to the length its
            Content-Length announced (http.client reads no further: the page as announced is
            cut short), waiting at most PAST_END_WAIT in all for it. False for a chunked body
            or one of no stated length, where the connection ended, or failed, at the
            announced end, and where only spaces and line ends came (a stray CRLF some servers
            send past a whole body: review171, it was refused as a page cut short).

            A server that keeps the connection open (HTTP/1.1 with no `Connection: close`, or
            `keep-alive`, the request's `close` ignored) is waited on only KEPT_OPEN_WAIT: the
            wait was PAST_END_WAIT on every page it served (perf175), but not waiting at all
            let the rest of a miscounted page that came a moment later go unseen (review178)."""
            if self._past_end is None:
                self._past_end = False
                if self.fp is not None and not self.chunked and self.length == 0:
                    wait = PAST_END_WAIT if self.will_close else KEPT_OPEN_WAIT
                    self._past_end = self._more_of_the_page(time.monotonic() + wait)
            return self._past_end

        def _more_of_the_page(self, until: float) -> bool:
            """Whether bytes other than spaces and line ends come before `until` (at most
            PAST_END_READ read: the connection is closed after them)."""
            fp = self.fp
            assert fp is not None
            read = 0
            try:
                while read < PAST_END_READ:
                    wait = until - time.monotonic()
                    if wait <= 0:
                        return False
                    self._reader.wait = wait
                    more = fp.read1(PAST_END_READ - read)
                    if not more:
                        return False  # the connection ended
                    if more.strip(_STRAY):
                        return True
                    read += len(more)
            except OSError:  # a timeout (TooSlow too), a reset: nothing more came
                return False
            finally:
                self._reader.wait = None
            return False  # only spaces and line ends, as far as was read

    return PacedResponse


class _PacedHTTP(HTTPConnection):
    pace: Pace
    reach: Reach
    # Through a proxy (http_proxy, https_proxy): the proxy looks the page's host up and
    # connects to it, so no address of the page's is known here to judge (the proxy's own
    # look-up is still held to the step's time); the page counts as public (Reach.proxied).
    proxied = False
    page_host = ""  # the host of the page asked for, when through a proxy

    def connect(self) -> None:
        # Set before connecting: a proxy's answer to CONNECT is read through it too.
        self.response_class = _paced_response(self.pace)
        self._create_connection = self._connect_judged
        # The socket's timeout while connecting and through the TLS handshake, which CPython
        # bounds as a whole by it.
        self.timeout = self.pace.left()
        try:
            super().connect()
        except TimeoutError:
            if self.pace.overran():
                raise TooSlow from None
            raise

    def _connect_judged(
        self,
        address: tuple[str, int],
        timeout: float | None = None,
        source_address: tuple[str, int] | None = None,
    ) -> socket.socket:
        """socket.create_connection's work, judging each address the look-up gave before
        connecting to it (the socket connects to that address, not to the name again)."""
        host, port = address
        if self.proxied and self.reach.public is not None and _names_private(self.page_host):
            # The proxy looks the page's host up, but one written as a private address is
            # known here: refused before the proxy is asked (a proxy on a cloud machine fetches
            # 169.254.169.254 for whoever asks). The proxy's own address is not judged: it is
            # the machine's setting, often on loopback or an intranet.
            kind = private_kind(self.page_host) or ""
            raise PrivateAddress(self.page_host, self.page_host, kind, self.reach.public)
        found = _looked_up(host, port, self.pace)
        allowed = [a for a in found if self.proxied or self.reach.allowed(str(a[4][0]))]
        if found and not allowed:
            ip = str(found[0][4][0])
            raise PrivateAddress(host, ip, private_kind(ip) or "", self.reach.public or "")
        error: OSError | None = None
        for family, kind, proto, _, sockaddr in allowed:
            sock = socket.socket(family, kind, proto)
            try:
                # What is left of the step's time, for each address tried.
                sock.settimeout(self.pace.left())
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
            except TooSlow:
                sock.close()
                raise
            except OSError as exc:
                sock.close()
                error = exc
                continue
            except BaseException:
                sock.close()
                raise
            if self.proxied:
                self.reach.proxied(self.page_host)
            else:
                self.reach.connected(host, str(sockaddr[0]))
            return sock
        raise error if error is not None else OSError(f"{host} has no address to connect to")


class _PacedHTTPS(_PacedHTTP, HTTPSConnection):
    pass


class _PacedHandler(urllib.request.AbstractHTTPHandler):
    connection_class: type[_PacedHTTP]

    def __init__(self, pace: Pace, reach: Reach) -> None:
        super().__init__()
        self.pace = pace
        self.reach = reach

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> HTTPResponse:
        def connection(host: str, /, **args: Any) -> HTTPConnection:
            made = self.connection_class(host, **args)
            made.pace = self.pace
            made.reach = self.reach
            made.proxied = req.has_proxy() or req._tunnel_host is not None  # type: ignore[attr-defined]
            # The page's own host: the connection's is the proxy's.
            made.page_host = urllib.parse.urlsplit(req.full_url).hostname or ""
            return made

        return super().do_open(connection, req, **kwargs)


class _PacedHTTPHandler(_PacedHandler, urllib.request.HTTPHandler):
    connection_class = _PacedHTTP


class _PacedHTTPSHandler(_PacedHandler, urllib.request.HTTPSHandler):
    connection_class = _PacedHTTPS
