"""A page server on this machine for the fetch tests: a ThreadingHTTPServer on a thread of its
own, shut down and closed when the test is done with it."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# How often serve_forever looks for shutdown(): its default, half a second, was the wait of
# every test's shutdown (1.0-1.5 s of teardown for a test of two sites).
POLL_SECONDS = 0.02


@contextmanager
def serving(
    handler: Callable[..., http.server.BaseHTTPRequestHandler],
    host: str = "127.0.0.1",
    port: int = 0,
) -> Iterator[http.server.ThreadingHTTPServer]:
    """A server of `handler` on `host` (at `port`, or a free one), answering until the block
    ends."""
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def base_url(server: Any) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"
