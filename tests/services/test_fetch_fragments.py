"""A URL's #fragment (a section, Chrome's `#:~:text=` highlight) names a part of one page: the
server never sees it. A redirect keeps it as browsers do (RFC 9110 §10.2.2), and two addresses
that differ only in it are one page's (review rfetch: after a redirect the fragment was lost,
and `doc update 1 URL` of a document stored as URL#frag said to `doc edit --url URL`, as if
that were another address; `doc add` of a newer copy at URL did not say #1 has its URL)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import (  # noqa: F401
    ARTICLE,
    OK_HTML,
    Serve,
    page,
    run,
    send,
    serve,
)
from workbench.services.fetch import Fetched, fetch


def redirect(location: bytes) -> object:
    return send(b"HTTP/1.1 302 Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n")


@pytest.mark.parametrize(
    ("location", "final"),
    [(b"/b", "/b#sec"), (b"/b#other", "/b#other")],
    ids=["inherited", "its-own"],
)
def test_a_redirect_keeps_the_fragment_asked_for_unless_it_names_one(
    serve: Serve,  # noqa: F811
    location: bytes,
    final: str,
) -> None:
    site = serve({"/a": redirect(location), "/b": page(ARTICLE)})  # type: ignore[dict-item]
    got = fetch(f"{site}/a#sec", max_bytes=10**6, timeout=1)
    assert isinstance(got, Fetched)
    assert got.final_url == f"{site}{final}"


def test_doc_update_from_the_address_without_its_fragment_says_no_other_url(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = serve({"/a": page(ARTICLE)})
    assert run("doc", "add", f"{site}/a#:~:text=minister").code == 0
    serve({"/a": page(ARTICLE.replace(b"</p>", b" A correction was added.</p>"))})
    r = run("doc", "update", "1", f"{site}/a")
    assert "revision 2" in r.out + r.err, (r.out, r.err)
    assert r.code == 0, (r.code, r.out, r.err)
    assert "doc edit" not in r.err, r.err


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://news.example/a#:~:text=rose", "https://news.example/a"),
        ("https://news.example/a", "https://news.example/a#section-2"),
    ],
)
def test_a_url_differing_only_in_its_fragment_is_said_to_be_the_same(
    run: Callable[..., Outcome],  # noqa: F811
    tmp_path: Path,
    first: str,
    second: str,
) -> None:
    (tmp_path / "one.txt").write_text("The minister said it rose.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("The minister said it rose to 7 percent.", encoding="utf-8")
    assert run("doc", "add", str(tmp_path / "one.txt"), "--url", first).code == 0
    r = run("doc", "add", str(tmp_path / "two.txt"), "--url", second)
    assert r.code == 0, (r.code, r.out, r.err)
    assert "document #1 has the same URL" in r.err, r.err
