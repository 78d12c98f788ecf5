"""review53 (pre-existing, kept by a481a4c's rewrite of the reader): a server that closes the
connection before the body it announced has come. Chunked, http.client's IncompleteRead escapes
fetch() (an HTTPException, no OSError): `doc add URL` ends in a traceback. With a Content-Length,
read1() returns b"" at the early close and the truncated page is stored as the article (a
gzip body cut short is refused, "it ends early": a plain one is not)."""

from __future__ import annotations

import pytest

from tests.services.test_fetch_deadline import OK_HTML, Serve, fetched_within, send, serve  # noqa: F401
from workbench.domain.errors import WorkbenchError

BODY = b"<html><body><article><p>" + b"Unemployment rose to 7 percent. " * 40


@pytest.mark.parametrize(
    "head",
    [
        OK_HTML + b"Transfer-Encoding: chunked\r\n\r\n%x\r\n" % (len(BODY) + 500),
        OK_HTML + b"Content-Length: %d\r\n\r\n" % (len(BODY) + 500),
    ],
    ids=["chunked", "content-length"],
)
def test_review53_a_body_cut_short_is_refused_in_one_line(serve: Serve, head: bytes) -> None:  # noqa: F811
    url = serve({"/cut": send(head + BODY)}) + "/cut"
    got = fetched_within(url)
    assert isinstance(got, WorkbenchError), f"{type(got).__name__}: {got!r}"[:200]
