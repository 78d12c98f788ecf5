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
# (mtime 0: the same bytes in every process, as xdist's workers must collect the same ids)
GZIPPED = gzip.compress(b"The minister said unemployment rose to 7 percent. " * 20, mtime=0)


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


# --- review171: doc update's advice -----------------------------------------------------------


UTF8 = ("稀宇科技的收入增长了40%。\n第二段说明了原因。\n" * 5).encode()


@pytest.mark.parametrize(
    ("later", "says"),
    [
        (GBK, "convert it (e.g. iconv -f GB18030 -t UTF-8 page.txt > page.utf8.txt)"),
        (GZIPPED, "decompress it (gunzip)"),
    ],
    ids=["gbk", "gzip"],
)
def test_doc_update_of_a_page_that_cannot_be_read_says_how_to_update_from_a_file(
    serve: Callable[..., str],  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
    later: bytes,
    says: str,
) -> None:
    """review171: `doc update 1` (or `doc update 1 URL`) of a page now served in GBK with no
    charset, or gzipped with no Content-Encoding, was told to 'add that file with --url URL':
    doc update has no --url (No such option), and `doc add` makes a second document, not the
    next revision of #1 with its claims re-anchored. The file is given to doc update."""
    pages = {"/a.txt": page(UTF8, "Content-Type: text/plain; charset=utf-8")}
    site = serve(pages)
    assert run("doc", "add", f"{site}/a.txt").code == 0
    pages["/a.txt"] = page(later, "Content-Type: text/plain")
    serve(pages)
    for again in ((), (f"{site}/a.txt",)):
        r = run("doc", "update", "1", *again)
        assert (r.code, r.out) == (1, ""), (r.code, r.out, r.err)
        assert "--url" not in r.err, r.err
        assert says in r.err, r.err
        assert r.err.endswith(
            " and store that file as the next revision: workbench doc update 1 FILE\n"
        ), r.err
