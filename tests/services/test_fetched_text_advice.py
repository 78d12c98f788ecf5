"""fix166: what `doc add URL` (or `doc update`) says of a page it cannot read as text. A gzip
body sent without a Content-Encoding (a misconfigured server serving a .gz as text/plain) was
called "a binary file (it holds NUL bytes)": it looks compressed, and is said so. A GBK text page
whose server names no charset got "convert it first, e.g. iconv -f GB18030 -t UTF-8 FILE >
FILE.utf8": advice for a file the user does not have. Fetched, the advice says what to do with
the URL: save the page, convert it, add that file with --url."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import page, run, serve  # noqa: F401
from workbench.domain.errors import InvalidInput
from workbench.services.sources import read_content

URL = "http://news.example/a.txt"
GBK = ("稀宇科技的收入增长了40%。\n第二段说明了原因。\n" * 5).encode("gbk")
GZIPPED = gzip.compress(b"The minister said unemployment rose to 7 percent. " * 20)


def refusal(data: bytes, source: str, url: str | None) -> str:
    with pytest.raises(InvalidInput) as refused:
        read_content(data, source, url=url, fetched=url)
    return refused.value.message


def test_a_gzip_body_with_no_content_encoding_is_said_to_look_compressed() -> None:
    said = refusal(GZIPPED, URL, URL)
    assert "binary file" not in said, said
    assert said == (
        f"{URL} looks gzip-compressed, though its server did not say so (no Content-Encoding): "
        f"save it, decompress it (gunzip) and add that file with --url {URL}"
    )


def test_a_gzip_file_is_said_to_look_compressed() -> None:
    said = refusal(GZIPPED, "notes.txt.gz", None)
    assert said == "notes.txt.gz looks gzip-compressed: decompress it first (gunzip)"


def test_a_gbk_text_page_with_no_charset_gets_advice_for_a_url() -> None:
    said = refusal(GBK, URL, URL)
    assert "FILE" not in said, said
    assert said == (
        f"{URL} is not valid UTF-8: bad byte 0xd3 at byte offset 2; it looks like GB18030/GBK "
        "(Chinese) and its server names no charset: save it, convert it (e.g. iconv -f GB18030 "
        f"-t UTF-8 page.txt > page.utf8.txt) and add that file with --url {URL}"
    )


def test_a_gbk_text_file_keeps_its_file_advice() -> None:
    said = refusal(GBK, "a.txt", None)
    assert said.endswith("convert it first, e.g. iconv -f GB18030 -t UTF-8 FILE > FILE.utf8")


def test_doc_add_of_a_gbk_text_page_with_no_charset_says_what_to_do_with_the_url(
    serve: Callable[..., str],  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    site = serve({"/a.txt": page(GBK, "Content-Type: text/plain")})
    r = run("doc", "add", f"{site}/a.txt")
    assert (r.code, r.out) == (1, ""), (r.code, r.out, r.err)
    assert f"add that file with --url {site}/a.txt\n" in r.err, r.err
