"""A server that sends two Content-Types of the same type, the page's own with its charset and
a framework's default after it without one (`text/plain; charset=gbk`, then `text/plain`). A
browser reads the last, keeping the charset the earlier one of the same type gave (the Fetch
Standard's "extract a MIME type"), and skips a value that names no type. What the user met with
`doc add URL`: only the last header was read, charset and all, so a GBK text page was refused as
not UTF-8 (before the last was read, the first was, and it was added), and a page whose last
header was junk was sniffed though the one before named it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, run, send, serve  # noqa: F401

TEXT = ("就业报告\n\n" + "部长表示，2021年失业率上升至7%，高于前一年。" * 10 + "\n").encode("gbk")


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        (["text/plain; charset=gbk", "text/plain"], "text/plain; charset=gbk"),
        (["text/html; charset=gbk", "text/plain"], "text/plain"),
        (["text/html", "text/plain; charset=gbk"], "text/plain; charset=gbk"),
        (["text/html; charset=gbk", "nonsense"], "text/html; charset=gbk"),
        (["text/html, text/plain"], "text/plain"),
        (['TEXT/Plain; Charset="gbk"', "text/plain"], "text/plain; charset=gbk"),
        ([], None),
        (["", "nonsense"], None),
    ],
)
def test_the_type_read_is_the_last_with_its_types_charset(
    sent: list[str], read: str | None
) -> None:
    from workbench.domain.media_types import fetched_type  # (new: the CLI test runs without it)

    assert fetched_type(sent) == read


def test_doc_add_of_a_gbk_text_with_a_default_type_after_its_own_reads_it(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=gbk\r\n"
        b"Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(TEXT) + TEXT
    )
    site = serve({"/report.txt": send(answer)})
    added = run("doc", "add", f"{site}/report.txt")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert run("doc", "text", "1").out.startswith("就业报告\n")
