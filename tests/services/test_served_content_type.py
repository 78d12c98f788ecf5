"""The Content-Type a server sends with a page says what it is, as a file's name does for `doc
add FILE` (.md, .html) and as a browser reads it. What the user met with `doc add URL`:

- A page served as `text/plain` (a .txt of a speech whose text quotes HTML, a raw file view)
  was parsed as HTML when its text looked like markup: a browser shows it as text (the WHATWG
  MIME Sniffing rules never sniff text/plain as HTML), and the fact-checker cites what it shows.
- An image (`image/png`) or another file no page is (`application/zip`) was refused as "not
  valid UTF-8: bad byte 0x89 at byte offset 0; it looks like a binary file": true, but the
  server had said what it sent. It is now refused by its type.
- A page served as `text/html` whose markup opens with no <html>, <head> or <body> (a fragment
  a CMS serves) was stored as text, its markup and all.

A page with no Content-Type, or one that names no kind (application/octet-stream), is read as
its bytes look, as a file is; --format still wins over what the server says."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, run, send, serve  # noqa: F401
from workbench.domain.errors import InvalidInput
from workbench.services.sources import read_content

URL = "http://news.example/a/123"
HTML = (
    "<!DOCTYPE html><html><head><title>Jobs</title></head><body><article><h1>Jobs</h1><p>"
    + "The minister said unemployment rose to 7 percent in 2021. " * 5
    + "</p></article></body></html>"
).encode()
FRAGMENT = (
    "<h1>就业</h1><p>" + "部长表示，2021年失业率上升至7%。" * 10 + "</p><p>第二段。</p>"
).encode()


def _served(body: bytes, content_type: str | None) -> Callable[[Serve], str]:
    head = b"HTTP/1.1 200 OK\r\n"
    if content_type is not None:
        head += f"Content-Type: {content_type}\r\n".encode()
    answer = head + b"Content-Length: %d\r\n\r\n" % len(body) + body
    return lambda server: server({"/a/123": send(answer)})


def test_a_page_served_as_plain_text_is_stored_as_the_text_it_is() -> None:
    content = read_content(HTML, URL, charset="text/plain; charset=utf-8", fetched=URL)
    assert content.format == "text"
    assert content.text == HTML.decode()


def test_a_page_served_as_html_is_html_whatever_its_markup_opens_with() -> None:
    content = read_content(FRAGMENT, URL, charset="text/html; charset=utf-8", fetched=URL)
    assert content.format == "html"
    assert "<p>" not in content.text and "第二段。" in content.text


@pytest.mark.parametrize("content_type", [None, "application/octet-stream", "nonsense"])
def test_a_page_whose_server_names_no_kind_is_read_as_it_looks(content_type: str | None) -> None:
    content = read_content(HTML, URL, charset=content_type, fetched=URL)
    assert content.format == "html"


def test_the_format_given_wins_over_the_servers() -> None:
    content = read_content(HTML, URL, "html", charset="text/plain", fetched=URL)
    assert content.format == "html"


@pytest.mark.parametrize(
    ("content_type", "said"),
    [
        ("image/png", "an image (image/png)"),
        ("IMAGE/JPEG; q=1", "an image (image/jpeg)"),
        ("video/mp4", "a video (video/mp4)"),
        ("audio/mpeg", "audio (audio/mpeg)"),
        ("font/woff2", "a font (font/woff2)"),
        ("application/pdf", "a PDF (application/pdf)"),
        ("application/zip", "a file of type application/zip"),
    ],
)
def test_a_file_that_is_no_page_is_refused_by_the_type_its_server_names(
    content_type: str, said: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_content(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", URL, charset=content_type, fetched=URL)
    # (A document's refusal goes on to say how to store its text: below.)
    assert refused.value.message.startswith(f"{URL}: the server sent {said}, not a page or a text")


def test_doc_add_of_html_served_as_plain_text_stores_its_markup_as_text(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(HTML, "text/plain")(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert run("doc", "text", "1").out == HTML.decode()


def test_doc_add_of_an_image_is_refused_naming_its_type(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image/png")(serve)
    refused = run("doc", "add", f"{site}/a/123")
    assert refused.crash is None and refused.code == 1, (refused.code, refused.err)
    assert refused.err == (
        f"error: {site}/a/123: the server sent an image (image/png), not a page or a text\n"
    )


def test_doc_add_of_a_page_with_no_content_type_is_read_as_it_looks(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = _served(HTML, None)(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert run("doc", "text", "1").out.startswith("Jobs\nThe minister said")


def test_of_two_content_types_the_last_is_read(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    """As a browser reads them: a framework's default (text/html) first, the file's own after."""
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: text/plain\r\n"
        b"Content-Length: %d\r\n\r\n" % len(HTML) + HTML
    )
    site = serve({"/a.txt": send(answer)})
    added = run("doc", "add", f"{site}/a.txt")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert run("doc", "text", "1").out == HTML.decode()


def test_doc_add_of_a_pdf_says_what_to_do_with_it(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    """Refused as "a PDF, not plain text" before its type was read, it was told to save its text
    as plain text; refused by its type, it was told nothing. Told now, for the page's URL."""
    site = _served(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")(serve)
    refused = run("doc", "add", f"{site}/a/123")
    assert refused.crash is None and refused.code == 1, (refused.code, refused.err)
    assert refused.err == (
        f"error: {site}/a/123: the server sent a PDF (application/pdf), not a page or a text: "
        f"save it, save its text as plain text (UTF-8) and add that file with --url {site}/a/123\n"
    )


def test_doc_add_of_a_page_served_as_an_applications_file_says_format_wins(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    """A page its server mislabels as a program's file (application/x-php, a PHP site's
    misconfiguration) was told to "save it, save its text as plain text" — advice for a PDF —
    where `--format html` stores it as it is (given options win over what the server says)."""
    site = _served(HTML, "application/x-php")(serve)
    refused = run("doc", "add", f"{site}/a/123")
    assert refused.crash is None and refused.code == 1, (refused.code, refused.err)
    assert refused.err == (
        f"error: {site}/a/123: the server sent a file of type application/x-php, not a page or "
        "a text: if it is one all the same, give --format html (or text, markdown)\n"
    )
    added = run("doc", "add", "--format", "html", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
