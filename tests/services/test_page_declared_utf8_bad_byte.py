"""A page that declares UTF-8 and holds a stray byte that is not (a CMS pasting one Latin-1
character into a UTF-8 template). What the user met with `doc add URL`: the page was read by a
guess, in Mac Roman, every curly quote and accented letter of it stored wrong ("‚Äúunemployment
rose‚Äù", "caf√©"), and stderr said the page "is not UTF-8 and declares no charset it is in",
though it declared UTF-8. A browser reads such a page as UTF-8, the stray byte shown as U+FFFD
(�); so is it stored, and the warning says what is true: what the page declares, which byte is
not in it, and what was done. A page declaring UTF-8 whose bytes are all another encoding's
(GBK under a server's default label) is still read by a guess, said as one of a page that
declares UTF-8."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.inprocess import Outcome
from tests.services.test_fetch_deadline import Serve, run, send, serve  # noqa: F401
from workbench.services.sources import read_content

URL = "http://news.example/a/123"
SENTENCE = "The minister said “unemployment rose” to 7 percent in 2021 — a café owner agreed. "
HTML = (
    "<!DOCTYPE html><html><head>{meta}<title>Jobs</title></head><body><article><h1>Jobs</h1>"
    f"<p>{SENTENCE * 5}</p></article></body></html>"
)
STRAY = b"\xff"


def _with_stray_byte(meta: str = "") -> tuple[bytes, int]:
    """The page in UTF-8 with one 0xFF in its first "2021", and that byte's offset."""
    data = HTML.format(meta=meta).encode()
    at = data.index(b"2021") + 2
    return data[:at] + STRAY + data[at:], at


def _served(body: bytes, content_type: str) -> Callable[[Serve], str]:
    answer = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n".encode()
        + b"Content-Length: %d\r\n\r\n" % len(body)
        + body
    )
    return lambda server: server({"/a/123": send(answer)})


@pytest.mark.parametrize(
    ("meta", "header"),
    [("", "text/html; charset=utf-8"), ('<meta charset="utf-8">', "text/html")],
    ids=["by-its-server", "by-its-meta"],
)
def test_a_page_declaring_utf8_with_a_stray_byte_is_read_as_utf8(meta: str, header: str) -> None:
    data, _ = _with_stray_byte(meta)
    content = read_content(data, URL, charset=header, fetched=URL)
    assert "“unemployment rose”" in content.text and "café" in content.text
    assert "20\ufffd21" in content.text
    assert content.text.count("\ufffd") == 1


def test_doc_add_says_the_page_declares_utf8_and_which_byte_is_not(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    data, at = _with_stray_byte()
    site = _served(data, "text/html; charset=utf-8")(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert "declares no charset" not in added.err
    assert added.err == (
        f"warning: the page declares UTF-8, but byte 0xFF at byte offset {at:,} is not UTF-8: "
        "read as UTF-8, that byte stored as U+FFFD (�)\n"
    )
    assert "“unemployment rose”" in run("doc", "text", "1").out


def test_doc_add_json_counts_the_bytes_not_utf8(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    data, _ = _with_stray_byte()
    site = _served(data, "text/html; charset=utf-8")(serve)
    added = run("doc", "add", f"{site}/a/123", "--json")
    assert added.code == 0, added.err
    said = json.loads(added.out)
    assert said["replaced_bytes"] == 1 and "guessed_encoding" not in said


def test_a_gbk_page_under_a_utf8_label_is_said_to_declare_utf8(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    body = (
        "<html><head><title>就业</title></head><body><article><p>"
        + "部长表示，2021年失业率上升至7%，高于前一年。" * 10
        + "</p></article></body></html>"
    ).encode("gbk")
    at = next(i for i, byte in enumerate(body) if byte > 0x7F)  # 就业, in its <title>
    site = _served(body, "text/html; charset=utf-8")(serve)
    added = run("doc", "add", f"{site}/a/123")
    assert added.crash is None and added.code == 0, (added.code, added.err)
    assert added.err.startswith(
        f"warning: the page declares UTF-8, but byte 0x{body[at]:02X} at byte offset {at:,} is "
        "not UTF-8: read as GB18030/GBK, a guess"
    ), added.err
    assert "部长表示" in run("doc", "text", "1").out


def test_doc_update_says_it_as_doc_add_does(
    serve: Serve,  # noqa: F811
    run: Callable[..., Outcome],  # noqa: F811
) -> None:
    data, at = _with_stray_byte()
    clean = HTML.format(meta="").encode()
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
    )
    site = serve(
        {
            "/a": send(answer % len(clean) + clean),
            "/b": send(answer % len(data) + data),
        }
    )
    assert run("doc", "add", f"{site}/a").code == 0
    updated = run("doc", "update", "1", f"{site}/b", "--json")
    assert updated.crash is None and updated.code == 0, (updated.code, updated.err)
    assert updated.err == (
        f"warning: the page declares UTF-8, but byte 0xFF at byte offset {at:,} is not UTF-8: "
        "read as UTF-8, that byte stored as U+FFFD (�)\n"
    )
    assert json.loads(updated.out)["replaced_bytes"] == 1
