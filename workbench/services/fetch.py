"""Fetching a page the user asked for: the one network access the workbench makes.

Bounded in every way a hostile or broken server could exploit: a timeout on each step (looking
the host up, connecting, each read), a deadline of DEADLINE_TIMEOUTS timeouts for the whole fetch
(looking up, connecting, headers, body, every redirect: a server that drips its answer a byte at
a time is cut off), a size limit read in chunks (never the whole body first, and after
decompressing), a cap on redirects, each of which is reported, and only http(s) at every hop.
A redirect does not move the fetch from a public address to a private one (paced_http.Reach).
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from workbench import __version__
from workbench.defaults import MAX_DOCUMENT_MB_ENV
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.domain.limits import MAX_URL
from workbench.domain.limits import said as _said
from workbench.domain.media_types import fetched_type
from workbench.domain.urls import (
    ascii_host,
    check_http_url,
    fragment_kept,
    on_the_wire,
    slashed,
    without_userinfo,
)
from workbench.services.content_coding import decoder
from workbench.services.paced_http import Pace, PrivateAddress, Reach, TooSlow, handlers

DEFAULT_TIMEOUT = 20.0
# The whole fetch, redirects included, within this many timeouts (60 s by default).
DEADLINE_TIMEOUTS = 3
MAX_REDIRECTS = 5
# The `reason` of a fetch refused for a redirect from a public address to a private one.
PRIVATE_REDIRECT = "private_redirect"
DEFAULT_USER_AGENT = f"claim-workbench/{__version__} (fact-checking; archives the page it cites)"
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the one asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None
    data: bytes
    redirects: list[str] = field(default_factory=list)


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, url: str, asked: str) -> None:
        self.url = url  # as typed, as messages say it
        self.asked = asked  # as requested (its host in ASCII)
        self.hops: list[str] = []

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage
    ) -> Any:
        # urllib refuses a Location of another scheme than http, https or ftp before
        # redirect_request sees it, in its own words ("the server answered 301 Moved
        # Permanently - Redirection to url 'file:///etc/passwd' is not allowed"), and follows
        # ftp: to check_http_url's advice for a URL typed: one refusal, said one way (trial159).
        sent = headers.get("location") or headers.get("uri") or ""
        if "\\" in sent:
            # Read as a browser reads it (review r3fetch): `\\host\b` is //host/b, where
            # urljoin took a path on this server. urllib reads the header again, below (as
            # http.client decoded it: it encodes it back to Latin-1).
            sent = slashed(sent)
            headers.replace_header("location" if "location" in headers else "uri", sent)
        location = _as_sent(sent)
        if location:
            try:
                newurl = urljoin(req.full_url, location.strip())
            except ValueError:
                # No URL at all (`http://[::1`, an unclosed bracket): urllib raised a traceback.
                fp.close()
                raise _hop_refused(req.full_url, location.strip()) from None
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                # Closed before refusing: the refusal's traceback keeps the answer, and with it
                # its connection, for as long as a caller keeps the refusal.
                fp.close()
                shown = without_userinfo(newurl)  # no password said back
                raise InvalidInput(
                    f"{req.full_url} redirects to {_said(shown)!r}, which is not fetched: only "
                    "http(s) addresses are"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        # urllib reads a redirect's body to its end before following it, with no size limit:
        # closed, it reads nothing (each request has its own connection, so none is reused).
        # Closed first: a redirect refused below leaves no connection open either.
        fp.close()
        try:
            # No file:, ftp: or data: hops, no password in one, a host that can be looked up.
            # (Its length: below, of the form it is asked for, in the redirect's words.)
            newurl = ascii_host(check_http_url(newurl, within=None))
        except InvalidInput as refused:
            # Said as the server's doing, not the user's: they typed a clean address.
            raise InvalidInput(
                f"{req.full_url} redirects to an address that is not taken: {refused.message}"
            ) from None
        # A Location naming no fragment keeps the one asked for, of the address before this
        # hop (no request carries one): urljoin dropped it, and the document's address lost
        # its section.
        newurl = fragment_kept(newurl, self.hops[-1] if self.hops else self.asked)
        # Kept (reported, and the document's address) as asked for, as a browser's address
        # has it: urllib left a Location's " < > ` raw (review r3fetch).
        page, mark, fragment = newurl.partition("#")
        newurl = on_the_wire(page) + mark + fragment
        if len(newurl) > MAX_URL:
            # Said as the redirect's, before it is followed: an address the user never typed,
            # refused at storing as "the URL is N characters" (trial159), and one on the way to
            # another was followed and said whole on stderr (review165).
            raise InvalidInput(
                f"{self.url} redirects to an address of {len(newurl):,} characters, over the "
                f"{MAX_URL:,}-character limit of a document's URL"
            )
        # Counted here, not by urllib's own limits: it refuses a sixth redirect (or a loop) in
        # three lines that call any chain too long "an infinite loop" (review56).
        # One page asked for again, whatever the fragment: a loop.
        if on_the_wire(newurl) in {on_the_wire(u) for u in (self.asked, *self.hops)}:
            raise WorkbenchError(
                f"cannot fetch {self.url}: it redirects in a loop ({req.full_url} back to {newurl})"
            )
        if len(self.hops) == MAX_REDIRECTS:
            raise WorkbenchError(
                f"cannot fetch {self.url}: it redirects more than {MAX_REDIRECTS} times "
                f"(redirect {MAX_REDIRECTS + 1} went to {newurl})"
            )
        self.hops.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, on_the_wire(newurl))


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float | None = None,
    user_agent: str | None = None,
) -> Fetched:
    """GET `url`, following at most MAX_REDIRECTS redirects, reading at most `max_bytes` (of
    the page as decompressed, if it came gzip- or deflate-encoded), each step within `timeout`
    seconds (DEFAULT_TIMEOUT, read at the call) and all of it within DEADLINE_TIMEOUTS times
    that."""
    url = check_http_url(url)
    asked = ascii_host(url)
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    pace = Pace(timeout, time.monotonic() + timeout * DEADLINE_TIMEOUTS)
    redirects = _Redirects(url, asked)
    # The URL typed may name a private address (the user's choice); a redirect does not move
    # the fetch from a public one to a private one (PrivateAddress, below).
    reach = Reach()
    opener = urllib.request.build_opener(redirects, *handlers(pace, reach))
    request = urllib.request.Request(
        on_the_wire(asked),
        headers={
            "User-Agent": (user_agent or "").strip() or DEFAULT_USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        },
    )
    too_slow = (
        f"cannot fetch {url}: the page is arriving too slowly "
        f"(not all of it within {timeout * DEADLINE_TIMEOUTS:g} s)"
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_bounded(response, max_bytes, url, timeout)
            status = int(response.status)
            # Of several, read as a browser reads them: the last, keeping the charset an earlier
            # one of its type gave (a framework's default type comes after the page's own).
            content_type = fetched_type(response.headers.get_all("Content-Type") or [])
            # The address as typed when no redirect was followed, not its ASCII form; after
            # one, the last hop's with the fragment it keeps (the request sent none).
            final = redirects.hops[-1] if redirects.hops else url
    except PrivateAddress as exc:
        hop = redirects.hops[-1] if redirects.hops else url
        a = "an" if exc.kind.startswith("unspecified") else "a"
        raise WorkbenchError(
            f"cannot fetch {url}: it redirects to {hop}, whose host is at {exc.address}, "
            f"{a} {exc.kind} address; a redirect from a public address ({exc.public}) to a "
            "private one is not followed: to fetch that page, give its address itself",
            reason=PRIVATE_REDIRECT,
        ) from None
    except urllib.error.HTTPError as exc:
        # The error is the server's answer: closed, or the refusal (whose context it is) keeps
        # its connection open.
        exc.close()
        answered = f"{url}: the server answered {exc.code} {_said(str(exc.reason))}"
        raise WorkbenchError(answered + _retry_after(exc.code, exc.headers)) from None
    except urllib.error.URLError as exc:
        # urllib wraps what connecting raised: the deadline passed before a connection (to a
        # redirect's address) was made.
        if isinstance(exc.reason, TooSlow):
            raise WorkbenchError(too_slow) from None
        raise WorkbenchError(f"cannot fetch {url}: {_said(str(exc.reason))}") from None
    except TooSlow:
        raise WorkbenchError(too_slow) from None
    except TimeoutError:
        raise WorkbenchError(f"cannot fetch {url}: no answer within {timeout:g} s") from None
    except http.client.IncompleteRead as exc:
        # A chunked body the server stopped sending (review53: a traceback).
        raise WorkbenchError(_cut_short(url, f"{len(exc.partial):,} bytes came")) from None
    except http.client.HTTPException as exc:
        # An answer that is no HTTP (a bad status line, too many headers).
        raise WorkbenchError(
            f"cannot fetch {url}: {type(exc).__name__}: {_said(str(exc))}"
        ) from None
    except OSError as exc:
        raise WorkbenchError(f"cannot fetch {url}: {_said(str(exc))}") from None
    return Fetched(url, final, status, content_type, data, redirects.hops)


def _as_sent(value: str) -> str:
    """A header's value in the characters a browser reads: http.client decodes a header as
    Latin-1, and a server's raw UTF-8 Location was said as mojibake (review r3fetch). Bytes
    that are no UTF-8 stay as Latin-1 read them; urllib encodes either back to the same bytes."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _hop_refused(url: str, location: str) -> InvalidInput:
    shown = _said(without_userinfo(location))
    return InvalidInput(
        f"{url} redirects to an address that is not taken: {shown!r} is not an http(s) URL: "
        "write it as https://host/path"
    )


def _read_bounded(response: Any, max_bytes: int, url: str, timeout: float) -> bytes:
    """The body, as it arrives (read1: a plain read waits for a whole chunk), decompressed if it
    came encoded: over `max_bytes` is refused. The time it may take is the connection's; a body
    that stops coming after some of it came is said so, not as "no answer" (trial159)."""
    decode = decoder(response.headers.get("Content-Encoding"), url)
    declared = response.headers.get("Content-Length")
    # Of an encoded page the length is the compressed one: only its decompressed size counts.
    if decode is None and declared and declared.isdigit() and int(declared) > max_bytes:
        raise InvalidInput(
            f"{url} is {int(declared):,} bytes, over the {max_bytes:,}-byte limit "
            f"(raise it with {MAX_DOCUMENT_MB_ENV})"
        )
    chunks: list[bytes] = []
    size = received = 0
    while chunk := _read1(response, url, timeout, received):
        received += len(chunk)
        if decode is not None:
            # At most one byte over the room left is inflated: enough to know it is over.
            chunk = decode.feed(chunk, max_bytes - size + 1)
        size += len(chunk)
        if size > max_bytes:
            raise InvalidInput(
                f"{url} is over the {max_bytes:,}-byte limit (raise it with {MAX_DOCUMENT_MB_ENV})"
            )
        chunks.append(chunk)
    if declared and declared.isdigit() and received < int(declared):
        # The server closed before the length it announced: a page cut short is no article
        # (review53: it was stored as one, without a word).
        raise WorkbenchError(_cut_short(url, f"{received:,} of {int(declared):,} bytes came"))
    if declared and declared.isdigit() and response.past_end():
        # And one that went on past it: http.client stops at the length announced, and a
        # UTF-8 page was stored cut mid-character, said to "declare no charset" (fix166).
        raise WorkbenchError(
            f"cannot fetch {url}: the server sent more than the {int(declared):,} bytes it "
            "announced (Content-Length): the page as announced is cut short"
        )
    if decode is not None:
        decode.finish()
    return b"".join(chunks)


def _read1(response: Any, url: str, timeout: float, received: int) -> bytes:
    try:
        chunk: bytes = response.read1(CHUNK)
    except TooSlow:
        raise
    except TimeoutError:
        if not received:
            raise
        raise WorkbenchError(
            f"cannot fetch {url}: the page stopped arriving after {received:,} bytes "
            f"(nothing more within {timeout:g} s)"
        ) from None
    return chunk


def _cut_short(url: str, how: str) -> str:
    return f"cannot fetch {url}: the connection ended before the whole page arrived ({how})"


def _retry_after(code: int, headers: Message | None) -> str:
    """When a 429 or 503 asks to be tried again (its Retry-After: seconds, or an HTTP date, said
    in UTC), as the end of its error; "" when it does not say, or says it in no such form."""
    given = (headers.get("Retry-After") or "").strip() if headers is not None else ""
    if code not in (429, 503) or not given:
        return ""
    if given.isascii() and given.isdigit():
        # A day is 86,400 s: ten digits are over three centuries (and Python refuses to read a
        # number of over 4,300 digits, which a header may hold).
        return f"; try again in {int(given):,} s" if len(given) <= 10 else ""
    from datetime import UTC
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(given)
        # An HTTP date is in GMT: its asctime form names no zone (review165: it went unsaid).
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        # (OverflowError: a zone taking it past the year 9999 crashed `doc add URL`, review165)
        return ""
    said = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    from workbench.domain import clock

    if when <= clock.now():
        # (review165: "try again after" a time gone by read as a wait still to come)
        return f"; try again now (its Retry-After, {said}, has passed by this computer's clock)"
    return f"; try again after {said}"
