"""A page its server sends as `text/plain` is stored as text, as a browser shows it (it never
sniffs text/plain as HTML), and JSON or XML (`application/json`, `application/rss+xml`) is
stored as its text as sent, as a text a person can read and cite. What the user met with `doc
add URL` (fix212): neither was said. A page whose markup opens the text (`<!DOCTYPE html`,
`<html`) was stored markup and all, and its claims were to be found among its tags, with no
word that `--format html` reads it as a page; an API's JSON or a feed's XML was stored as if it
were an article's text. Both are said now, on stderr, as a page read by a guess at its encoding
is; a text that merely quotes markup, and a format given, are not."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, run, send, serve  # noqa: F401
from workbench.services.sources import read_content

URL = "http://news.example/a/123"
PAGE = (
    "<!DOCTYPE html><html><head><title>Jobs</title></head><body><p>"
    + "The minister said unemployment rose to 7 percent in 2021. " * 3
    + "</p></body></html>"
).encode()
SPEECH = (
    b"The minister said: unemployment rose to 7 percent in 2021. "
    b"Her page quoted <html> in its text once.\n"
)
JSON = b'{"unemployment": {"2021": 7.0, "2020": 5.6}, "source": "statistics office"}\n'
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
    b"<item><title>Unemployment rose to 7 percent</title></item></channel></rss>\n"
)


def _served(body: bytes, content_type: str) -> Callable[[Serve], str]:
    answer = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n".encode()
        + b"Content-Length: %d\r\n\r\n" % len(body)
        + body
    )
    return lambda server: server({"/a/123": send(answer)})


@pytest.mark.parametrize(
    "body",
    [
        PAGE,
        b"\n  \t" + PAGE,
        codecs.BOM_UTF8 + PAGE,
        PAGE.replace(b"<!DOCTYPE html>", b"").replace(b"<html>", b"<HTML lang=en>"),
        # Saved by a browser: its mark of the web, an XHTML page's XML declaration (review213)
        b"<!-- saved from url=(0029)http://news.example/a/123 -->\r\n" + PAGE,
        b'<?xml version="1.0" encoding="utf-8"?>\n' + PAGE,
        "<!-- 来源：新华网 -->\n".encode() + PAGE,
    ],
)
def test_a_page_served_as_plain_text_is_stored_as_text_and_named_so(body: bytes) -> None:
    content = read_content(body, URL, charset="text/plain; charset=utf-8", fetched=URL)
    assert content.format == "text"
    assert content.stored_as_sent == "text/plain"


@pytest.mark.parametrize(
    ("body", "content_type", "fmt", "fetched"),
    [
        (SPEECH, "text/plain", None, URL),  # quotes markup; opens with none
        (b"<!-- a note -->\n" + SPEECH, "text/plain", None, URL),  # a comment, then no page
        (PAGE, "text/plain", "text", URL),  # text asked for: as asked
        (PAGE, "text/plain", "html", URL),  # read as a page
        (PAGE, "text/html", None, URL),
        (PAGE, "text/plain", None, None),  # a file: not what a server said
        (JSON, "application/json", "text", URL),
    ],
)
def test_nothing_is_said_of_a_text_stored_as_it_was_asked_or_looks(
    body: bytes, content_type: str, fmt: str | None, fetched: str | None
) -> None:
    content = read_content(body, URL, fmt, charset=content_type, fetched=fetched)
    assert content.stored_as_sent is None


@pytest.mark.parametrize(
    ("body", "content_type", "named"),
    [
        (JSON, "application/json; charset=utf-8", "application/json"),
        (JSON, "application/ld+json", "application/ld+json"),
        (FEED, "application/rss+xml", "application/rss+xml"),
        (FEED, "application/xml", "application/xml"),
        (FEED, "text/xml", "text/xml"),
    ],
)
def test_json_and_xml_are_stored_as_their_text_and_named_so(
    body: bytes, content_type: str, named: str
) -> None:
    content = read_content(body, URL, charset=content_type, fetched=URL)
    assert content.format == "text" and content.text == body.decode()
    assert content.stored_as_sent == named


def test_doc_add_of_a_page_served_as_plain_text_says_format_html_reads_it_as_one(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(PAGE, "text/plain")(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert added.err == (
        "warning: the server sent this page as plain text (text/plain): stored as text, its "
        "markup and all, as the server said; --format html reads it as a page (document #1)\n"
    )
    assert run("doc", "text", "1").out == PAGE.decode()
    page = run("doc", "add", "--format", "html", f"{site}/a/123")
    assert page.code == 0 and "plain text" not in page.err, (page.code, page.err)


def test_doc_add_of_several_names_the_input_the_warning_is_for(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(PAGE, "text/plain")(serve)
    added = run("doc", "add", f"{site}/a/123", f"{site}/a/123")
    assert added.code == 0, (added.code, added.err)
    assert added.err.startswith(
        f"warning: {site}/a/123: the server sent this page as plain text (text/plain)"
    )


def test_doc_add_of_json_says_it_was_stored_as_sent(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(JSON, "application/json")(serve)
    added = run("doc", "add", "--json", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert added.err == (
        "warning: the server sent JSON (application/json), not a page: stored as its text, "
        "as sent (document #1)\n"
    )
    assert run("doc", "text", "1").out == JSON.decode()


def test_doc_add_of_a_feed_says_it_was_stored_as_sent(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(FEED, "application/rss+xml")(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert added.err == (
        "warning: the server sent XML (application/rss+xml), not a page: stored as its text, "
        "as sent (document #1)\n"
    )


def test_doc_update_says_it_as_doc_add_does(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(PAGE, "text/plain")(serve)
    assert run("doc", "add", "--format", "html", f"{site}/a/123").code == 0
    updated = run("doc", "update", "1", f"{site}/a/123", "--force")
    assert updated.crash is None and updated.code == 0, (updated.code, updated.err)
    assert (
        "warning: the server sent this page as plain text (text/plain): stored as text, its "
        "markup and all, as the server said; --format html reads it as a page (document #1)\n"
    ) in updated.err


@pytest.mark.parametrize(
    ("body", "content_type", "named"),
    [
        (PAGE, "text/plain; charset=utf-8", "text/plain"),
        (JSON, "application/json", "application/json"),
        (FEED, "application/rss+xml", "application/rss+xml"),
    ],
)
def test_doc_add_and_update_json_carry_what_the_warning_says(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
    tmp_path: Path,
    body: bytes,
    content_type: str,
    named: str,
) -> None:
    """review213, fix212: `doc add --json` of a text stored as its server sent it gave a
    script nothing of it (the warning was on stderr only): `stored_as_sent` names the type,
    in `doc update --json` too."""
    site = _served(body, content_type)(serve)
    added = run("doc", "add", "--json", f"{site}/a/123")
    assert added.code == 0 and "the server sent" in added.err, (added.code, added.err)
    assert json.loads(added.out)["stored_as_sent"] == named, added.out
    # Added again: already stored, nothing said of it, nothing in the JSON.
    again = run("doc", "add", "--json", f"{site}/a/123")
    assert again.code == 0 and "stored_as_sent" not in json.loads(again.out), again.out
    # Another text first, so that the page's is a new revision again.
    (tmp_path / "other.txt").write_text("Another text, read from a file.\n", encoding="utf-8")
    assert run("doc", "update", "1", str(tmp_path / "other.txt"), "--force").code == 0
    updated = run("doc", "update", "1", f"{site}/a/123", "--force", "--json")
    assert updated.code == 0 and "the server sent" in updated.err, (updated.code, updated.err)
    assert json.loads(updated.out)["stored_as_sent"] == named, updated.out


def test_a_page_read_as_html_carries_no_stored_as_sent(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(PAGE, "text/plain")(serve)
    added = run("doc", "add", "--format", "html", "--json", f"{site}/a/123")
    assert added.code == 0 and "stored_as_sent" not in json.loads(added.out), added.out
