"""`doc add` of a page with very little text, or read by a guess at its encoding, adds it and
says so on stderr (a trial: a directory listing came in as a 24-character document, and a GBK
page without a charset was decoded by an unsaid guess)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, ok, run_cli

Run = Callable[..., Outcome]
PAGES = Path(__file__).parent.parent / "data" / "pages"
LISTING = (
    '<!DOCTYPE HTML><html><head><meta charset="utf-8"><title>Directory listing for /</title>'
    '</head><body><h1>Directory listing for /</h1><hr><ul><li><a href="a.html">a.html</a></li>'
    "</ul><hr></body></html>"
)
LITTLE = (
    "warning: only 24 characters of text were found on the page (document #1); is it the "
    "article? (a directory listing, a login or cookie page, or a page whose text a script "
    "writes)"
)
GUESSED = (
    "warning: the page is not UTF-8 and declares no charset it is in: read as GB18030/GBK, a "
    "guess (if `workbench doc text 1` reads wrong, convert the page to UTF-8 or give it a "
    "<meta charset>, and add it again)"
)


@pytest.fixture
def wb(db_url: str) -> Run:
    def run(*args: str) -> Outcome:
        return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"})

    return run


def test_a_page_with_little_text_is_added_with_a_warning(wb: Run, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(LISTING, encoding="utf-8")
    r = ok(wb("doc", "add", str(tmp_path / "index.html")))
    assert r.out.startswith("added document #1: 24 characters")
    assert r.err.strip().splitlines()[-1] == LITTLE
    assert ok(wb("doc", "text", "1")).out == "Directory listing for /\n"
    # Added already: nothing is said again.
    r = ok(wb("doc", "add", str(tmp_path / "index.html")))
    assert "warning" not in r.err


def test_a_page_read_by_a_guess_says_which_encoding(wb: Run) -> None:
    r = ok(wb("doc", "add", str(PAGES / "gbk-no-charset.html")))
    assert r.err.strip().splitlines()[-1] == GUESSED
    assert "澜汐电器周三公布的年报显示" in ok(wb("doc", "text", "1")).out


@pytest.mark.parametrize("page", ["zh-news.html", "en-news.html", "dateline.html"])
def test_an_article_in_utf8_adds_without_a_word(wb: Run, page: str) -> None:
    r = ok(wb("doc", "add", str(PAGES / page)))
    assert "warning" not in r.err, r.err


def test_a_declared_charset_is_no_guess(wb: Run, tmp_path: Path) -> None:
    data = (
        (PAGES / "gbk-no-charset.html")
        .read_bytes()
        .replace(b"<head>", b'<head><meta charset="gb2312">')
    )
    (tmp_path / "declared.html").write_bytes(data)
    r = ok(wb("doc", "add", str(tmp_path / "declared.html")))
    assert "warning" not in r.err, r.err


def test_several_inputs_and_json_name_the_page(wb: Run, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(LISTING, encoding="utf-8")
    listing, gbk = str(tmp_path / "index.html"), str(PAGES / "gbk-no-charset.html")
    r = ok(wb("doc", "add", listing, gbk, "--json"))
    first, second = json.loads(r.out)
    assert first["little_text"] is True and "guessed_encoding" not in first
    assert second["guessed_encoding"] == "gb18030" and "little_text" not in second
    lines = r.err.strip().splitlines()
    assert lines[-2] == LITTLE.replace("warning: ", f"warning: {listing}: ")
    assert lines[-1] == GUESSED.replace("warning: ", f"warning: {gbk}: ").replace(
        "doc text 1", "doc text 2"
    )
