"""A page no encoding reads (bytes that are neither UTF-8 nor what a guess reads: a binary
served as text/html, a page cut mid-character in many places) is stored read as UTF-8 with each
bad byte as U+FFFD. What the user met with `doc add URL`: stderr said "read as UTF-8, a guess",
as if UTF-8 were one more encoding that might be right, and not that 1,500 bytes of the page
were stored as U+FFFD (�): the text lost them, whatever it is converted to after. It says how
many bytes were lost; --json gave the count already (replaced_bytes)."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, run, send, serve  # noqa: F401

# Bytes no encoding tried defines (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined).
PAGE = (
    b"<html><body><p>"
    + "事实核查 café “quote” ".encode() * 50
    + b"\x81\x8d\x8f\x90\x9d" * 300
    + b"</p></body></html>"
)


def _site(server: Serve) -> str:
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE
    )
    return server({"/a/123": send(answer)})


def test_doc_add_says_how_many_bytes_were_stored_as_replacement_characters(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _site(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert "a guess" not in added.err, added.err
    assert "1,500 bytes stored as U+FFFD" in added.err, added.err


def test_doc_add_json_gives_the_count(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _site(serve)
    added = run("doc", "add", f"{site}/a/123", "--json")
    assert added.code == 0, added.err
    assert json.loads(added.out)["replaced_bytes"] == 1500
