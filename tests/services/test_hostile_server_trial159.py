"""trial159: `doc add URL` against a local server that does what real news sites and hostile ones
do. What the user met:

- A page that starts with a byte-order mark (a Chinese CMS whose templates were saved by Notepad
  as "UTF-8 with BOM", or in UTF-16) was not taken for HTML: its first bytes are the mark, not
  `<!DOCTYPE`, and its URL has no .html. Its whole markup, <script>s and comments included, was
  stored as the article's text, with no word said.
- The reason phrase of an error status is the server's: one holding an ESC sequence (retitling
  the terminal, clearing the screen) was written to the user's terminal as it came, and one of
  60,000 characters made a 60,000-character error line.
- A 429 Too Many Requests (or 503) with Retry-After was said as "the server answered 429 Too Many
  Requests": not when it may be asked again.
- A text/plain page whose server names its charset (`Content-Type: text/plain; charset=gbk`) was
  refused as "not valid UTF-8 ... convert it first, e.g. iconv ... FILE": the charset the server
  named was not read, and the advice is about a file the user does not have.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import (  # noqa: F401
    Serve,
    fetched_within,
    page,
    run,
    send,
    serve,
)
from workbench.domain.errors import WorkbenchError
from workbench.services.sources import read_content, sniff_format

ARTICLE = (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>稀宇科技发布新模型'
    "</title><script>var tracker = 1;</script></head><body><article><h1>稀宇科技发布新模型</h1>"
    "<p>稀宇科技周三表示，其新模型的训练成本比去年下降了40%，目前已有超过2000家企业客户"
    "使用其开放平台。公司称，日均调用量超过3万亿个token，这一数字尚未得到独立核实。</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # its BOM first, as Python writes it
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_a_page_that_starts_with_a_byte_order_mark_is_read_as_html(data: bytes) -> None:
    assert sniff_format(data, "http://news.example/a/123") == "html"
    content = read_content(data, "http://news.example/a/123")
    assert content.format == "html"
    assert "<" not in content.text and "tracker" not in content.text
    assert "训练成本比去年下降了40%" in content.text


def test_doc_add_of_a_page_with_a_bom_stores_its_article_not_its_markup(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    body = codecs.BOM_UTF8 + ARTICLE.encode("utf-8")
    site = serve({"/a/123": page(body)})
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    text = run("doc", "text", "1")
    assert "<!DOCTYPE" not in text.out and "<script>" not in text.out
    assert text.out.startswith("稀宇科技发布新模型\n")


def _status(code: int, reason: bytes, *headers: bytes) -> bytes:
    head = b"HTTP/1.1 %d " % code + reason + b"\r\n" + b"".join(h + b"\r\n" for h in headers)
    return head + b"Content-Length: 0\r\nConnection: close\r\n\r\n"


def test_an_error_status_reason_with_escape_sequences_is_shown_not_acted_on(
    serve: Serve,  # noqa: F811
) -> None:
    site = serve({"/": send(_status(404, b"\x1b]0;pwned\x07\x1b[2JGone"))})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert "\x1b" not in got.message and "\x07" not in got.message, repr(got.message)
    assert "404" in got.message and "Gone" in got.message


def test_an_error_status_reason_of_60000_characters_is_cut(serve: Serve) -> None:  # noqa: F811
    site = serve({"/": send(_status(500, b"A" * 60_000))})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert got.message.startswith(f"{site}/: the server answered 500 AAA")
    assert len(got.message) < 400, len(got.message)


@pytest.mark.parametrize(
    ("code", "reason", "retry", "said"),
    [
        (429, b"Too Many Requests", b"120", "try again in 120 s"),
        (503, b"Service Unavailable", b"30", "try again in 30 s"),
        (
            429,
            b"Too Many Requests",
            b"Wed, 21 Oct 2099 07:28:00 GMT",
            "try again after 2099-10-21T07:28:00Z",
        ),
        (
            503,
            b"Service Unavailable",
            b"Mon, 02 Jan 2006 15:04:05 GMT",
            "try again now (its Retry-After, 2006-01-02T15:04:05Z, has passed by this "
            "computer's clock)",
        ),
    ],
)
def test_a_retry_after_is_said(
    serve: Serve,  # noqa: F811
    code: int,
    reason: bytes,
    retry: bytes,
    said: str,
) -> None:
    site = serve({"/": send(_status(code, reason, b"Retry-After: " + retry))})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert got.message.startswith(f"{site}/: the server answered {code} {reason.decode()}")
    assert said in got.message, got.message


def test_a_retry_after_that_is_no_time_is_left_out(serve: Serve) -> None:  # noqa: F811
    site = serve({"/": send(_status(429, b"Too Many Requests", b"Retry-After: \x1b[2Jsoon"))})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert got.message == f"{site}/: the server answered 429 Too Many Requests"


def test_a_text_page_in_the_charset_its_server_names_is_read_in_it() -> None:
    data = "稀宇科技的收入增长了40%。\n第二段。\n".encode("gbk")
    content = read_content(data, "http://news.example/a.txt", charset="text/plain; charset=gbk")
    assert content.format == "text"
    assert content.text == "稀宇科技的收入增长了40%。\n第二段。\n"


def test_doc_add_of_a_gbk_text_page_its_server_names_stores_it(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    body = "稀宇科技的收入增长了40%。\n第二段。\n".encode("gbk")
    site = serve(
        {
            "/a.txt": send(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=GBK\r\n"
                + b"Content-Length: %d\r\n\r\n" % len(body)
                + body
            )
        }
    )
    added = run("doc", "add", f"{site}/a.txt")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert run("doc", "text", "1").out == "稀宇科技的收入增长了40%。\n第二段。\n"


# --- redirects and stalls: said as the server's doing -------------------------------------------


@pytest.mark.parametrize(
    "location", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_a_redirect_to_another_scheme_is_said_the_same_way_and_as_the_servers(
    serve: Serve,  # noqa: F811
    location: str,
) -> None:
    """ftp: was refused with advice for the user ("write it as https://host/path"); file: and
    javascript: as urllib words it ("the server answered 301 Moved Permanently - Redirection to
    url ... is not allowed"), three ways for one refusal."""
    site = serve({"/": send(_status(301, b"Moved", b"Location: " + location.encode()))})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert got.message == (
        f"{site}/ redirects to {location!r}, which is not fetched: only http(s) addresses are"
    )


def test_a_redirect_to_an_over_long_address_is_said_as_the_redirects(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    """`doc add URL` of a short URL said "the URL is 60,026 characters; the limit is 2,000", of
    an address the user never typed."""
    long = b"/page?" + b"q" * 60_000
    site = serve(
        {
            "/": send(_status(302, b"Found", b"Location: " + long)),
            long.decode(): page(ARTICLE.encode()),
        }
    )
    r = run("doc", "add", f"{site}/")
    assert r.crash is None and r.code == 1, (r.code, r.err)
    assert r.err == (
        f"error: {site}/ redirects to an address of {len(site) + len(long):,} characters, over "
        "the 2,000-character limit of a document's URL\n"
    )


def test_a_page_that_stalls_halfway_says_how_much_came(serve: Serve) -> None:  # noqa: F811
    """A server that sent its headers and half its body, then nothing, was said to have given
    "no answer within 0.3 s"."""
    from tests.services.test_fetch_deadline import OK_HTML, drip

    head = OK_HTML + b"Content-Length: 5000\r\n\r\n" + b"x" * 1000
    site = serve({"/": drip(head, every=5, byte=b"")})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), got
    assert got.message == (
        f"cannot fetch {site}/: the page stopped arriving after 1,000 bytes "
        "(nothing more within 0.3 s)"
    )


@pytest.mark.parametrize(
    ("retry", "said"),
    [
        # The third form of an HTTP date (asctime: GMT, though it names no zone), which a
        # server may send and every client must read (RFC 9110, 5.6.7): left out.
        (b"Wed Oct 21 07:28:00 2099", "; try again after 2099-10-21T07:28:00Z"),
        # A date whose zone takes it past year 9999: OverflowError, a traceback.
        (b"Fri, 31 Dec 9999 23:59:59 -0100", ""),
    ],
    ids=["asctime", "past-9999"],
)
def test_a_retry_after_date_of_any_form_gives_one_line(
    serve: Serve,  # noqa: F811
    retry: bytes,
    said: str,
) -> None:
    """review165: a 503 whose Retry-After was an HTTP date in asctime form (`Wed Oct 21
    07:28:00 2026`, one of the three forms HTTP defines) said nothing of it, and one whose
    zone took it past the year 9999 crashed `doc add URL` with an OverflowError."""
    site = serve({"/": send(_status(503, b"Service Unavailable", b"Retry-After: " + retry))})
    got = fetched_within(f"{site}/")
    assert isinstance(got, WorkbenchError), repr(got)
    assert got.message == f"{site}/: the server answered 503 Service Unavailable{said}"


def test_a_redirect_through_an_over_long_address_is_refused_as_one_to_it(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    """review165: the over-long address was refused only when it was the last: a redirect
    through one (/ to a 60,000-character address, that to /a) was followed, the page stored,
    and stderr said "redirected to" the whole 60,000-character address, one line of it."""
    long = b"/page?" + b"q" * 60_000
    site = serve(
        {
            "/": send(_status(302, b"Found", b"Location: " + long)),
            long.decode(): send(_status(302, b"Found", b"Location: /a")),
            "/a": page(ARTICLE.encode()),
        }
    )
    r = run("doc", "add", f"{site}/")
    assert r.crash is None and r.code == 1, (r.code, r.err)
    assert r.err == (
        f"error: {site}/ redirects to an address of {len(site) + len(long):,} characters, over "
        "the 2,000-character limit of a document's URL\n"
    )
