"""A URL to fetch (`doc add URL`, `doc update N URL`) over the 2,000-character limit of a
document's URL is bad usage before it is fetched, in the words `--url` says it in (review
r3fetch: the page was fetched, then refused at storing, exit 1)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    OK_HTML,
    Serve,
    run,
    serve,
)


def test_doc_add_of_a_url_over_the_limit_is_bad_usage_before_it_is_fetched(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    seen: list[str] = []
    path = "/" + "a" * 2100

    def ok(conn: socket.socket, stop: threading.Event) -> None:
        seen.append("asked")
        conn.sendall(OK_HTML + b"Content-Length: %d\r\n\r\n" % len(ARTICLE) + ARTICLE)

    site = serve({path: ok})
    r = run("doc", "add", site + path)
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert r.code == 2, (r.code, r.err)
    assert f"the URL is {len(site + path):,} characters; the limit is 2,000" in r.err
    assert seen == []
    # And as doc update's FILE: refused before the desk is read (document 1 need not exist).
    r = run("doc", "update", "1", site + path)
    assert r.code == 2, (r.code, r.err)
    assert seen == []
