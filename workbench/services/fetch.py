"""Fetching a page the user asked for: the one network access the workbench makes.

Bounded in every way a hostile or broken server could exploit: a connect/read timeout, a size
limit read in chunks (never the whole body first), a cap on redirects, each of which is
reported, and only http(s) at every hop.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPMessage
from typing import IO, Any

from workbench import __version__
from workbench.defaults import MAX_DOCUMENT_MB_ENV
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.domain.text import check_http_url

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
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
    max_redirections = MAX_REDIRECTS

    def __init__(self) -> None:
        self.hops: list[str] = []

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        try:
            check_http_url(newurl)  # no file:, ftp: or data: hops, no password in one
        except InvalidInput as refused:
            # Said as the server's doing, not the user's: they typed a clean address.
            raise InvalidInput(
                f"{req.full_url} redirects to an address that is not taken: {refused.message}"
            ) from None
        self.hops.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    user_agent: str | None = None,
) -> Fetched:
    """GET `url`, following at most MAX_REDIRECTS redirects, reading at most `max_bytes`."""
    url = check_http_url(url)
    redirects = _Redirects()
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": (user_agent or "").strip() or DEFAULT_USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_bounded(response, max_bytes, url, time.monotonic() + timeout * 3)
            status = int(response.status)
            content_type = response.headers.get("Content-Type")
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise WorkbenchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise WorkbenchError(f"cannot fetch {url}: {exc.reason}") from None
    except TimeoutError:
        raise WorkbenchError(f"cannot fetch {url}: no answer within {timeout:g} s") from None
    except OSError as exc:
        raise WorkbenchError(f"cannot fetch {url}: {exc}") from None
    return Fetched(url, final, status, content_type, data, redirects.hops)


def _read_bounded(response: Any, max_bytes: int, url: str, deadline: float) -> bytes:
    """The body, chunk by chunk: over `max_bytes` or past `deadline` (a server dripping bytes
    slower than the per-read timeout notices) is refused."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InvalidInput(
            f"{url} is {int(declared):,} bytes, over the {max_bytes:,}-byte limit "
            f"(raise it with {MAX_DOCUMENT_MB_ENV})"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise InvalidInput(
                f"{url} is over the {max_bytes:,}-byte limit (raise it with {MAX_DOCUMENT_MB_ENV})"
            )
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise WorkbenchError(f"cannot fetch {url}: the page is arriving too slowly")
    return b"".join(chunks)
