"""Redirects a fetch follows: five at most, and a chain that comes back to an address it
visited is a loop. review56's lesser item: a sixth redirect was refused as urllib words it, in
three lines ("the server answered 302 The HTTP server returned a redirect error that would lead
to an infinite loop.\\nThe last 30x error message was:\\nFound"), blaming a loop that was none."""

from __future__ import annotations

import http.server
from collections.abc import Iterator

import pytest

from tests.local_site import base_url, serving
from workbench.domain.errors import WorkbenchError
from workbench.services.fetch import MAX_REDIRECTS, fetch

PAGE = b"<html><body><p>A page.</p></body></html>"


class Hops(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/hop/"):
            left = int(self.path.removeprefix("/hop/"))
            self._redirect("/page" if left == 0 else f"/hop/{left - 1}")
        elif self.path == "/a":
            self._redirect("/b")
        elif self.path == "/b":
            self._redirect("/a")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    with serving(Hops) as server:
        yield base_url(server)


def test_five_redirects_are_followed(site: str) -> None:
    got = fetch(f"{site}/hop/{MAX_REDIRECTS - 1}", max_bytes=10_000)
    assert got.data == PAGE and len(got.redirects) == MAX_REDIRECTS


def test_a_sixth_redirect_is_refused_in_one_line_as_too_many(site: str) -> None:
    with pytest.raises(WorkbenchError) as refused:
        fetch(f"{site}/hop/{MAX_REDIRECTS}", max_bytes=10_000)
    said = refused.value.message
    assert "\n" not in said and "loop" not in said
    assert said == (
        f"cannot fetch {site}/hop/{MAX_REDIRECTS}: it redirects more than {MAX_REDIRECTS} "
        f"times (redirect {MAX_REDIRECTS + 1} went to {site}/page)"
    )


def test_a_redirect_back_to_an_address_visited_is_a_loop(site: str) -> None:
    with pytest.raises(WorkbenchError) as refused:
        fetch(f"{site}/a", max_bytes=10_000)
    assert refused.value.message == (
        f"cannot fetch {site}/a: it redirects in a loop ({site}/b back to {site}/a)"
    )
