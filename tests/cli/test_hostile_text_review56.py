"""review56: text that came in and was silently lost, or refused with the wrong reason.

* A Markdown file whose list nested ten deep (`- - - - - - - - - - text`, an outline's tenth
  level) or whose quote nested twenty deep lost that passage with no word: markdown-it's
  CommonMark preset stops at a nesting of 20 and drops what lies deeper. `doc add` said
  "added" and exit 0; a file whose text all lay that deep was refused as "empty (or only
  whitespace)".
* An HTML page with elements nested over 256 deep (unclosed <div>s or <font>s, as broken CMS
  output writes them) lost everything inside that depth: the article's second half was gone,
  exit 0, no warning (libxml2's depth limit).
* A page that declared `charset=undefined` (a Python codec that refuses every byte) was refused
  as "the input is not valid UTF-8 text (check the terminal's or the file's encoding)", which
  blames the terminal and names neither the page nor its charset."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]

INTRO = "Intro line says GDP grew 3% in 2022.\n\n"
DEEP = "The rate rose 5% in 2023."


def _text(cli: Run, doc: int = 1) -> str:
    r = cli("doc", "text", str(doc))
    assert r.code == 0, r.err
    return str(r.out)


def test_review56_a_markdown_list_nested_ten_deep_keeps_its_text(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "outline.md"
    path.write_text(INTRO + "- " * 10 + DEEP + "\n", encoding="utf-8")
    r = cli("doc", "add", str(path))
    assert r.code in (0, 1), r.err
    if r.code == 0:
        assert DEEP in _text(cli), "the nested item's text was dropped without a word"
    else:
        assert len(r.err.strip().splitlines()) == 1 and "nest" in r.err, r.err


def test_review56_a_markdown_quote_nested_twenty_deep_keeps_its_text(
    cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "quotes.md"
    path.write_text(INTRO + "> " * 20 + DEEP + "\n", encoding="utf-8")
    r = cli("doc", "add", str(path))
    assert r.code in (0, 1), r.err
    if r.code == 0:
        assert DEEP in _text(cli), "the nested quote's text was dropped without a word"
    else:
        assert len(r.err.strip().splitlines()) == 1 and "nest" in r.err, r.err


def test_review56_markdown_all_nested_too_deep_is_not_called_empty(
    cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "deep.md"
    path.write_text("- " * 12 + DEEP + "\n", encoding="utf-8")
    r = cli("doc", "add", str(path))
    assert "empty" not in r.err, r.err


def test_review56_an_html_page_nested_300_deep_keeps_its_text(cli: Run, tmp_path: Path) -> None:
    first = "The first part says unemployment rose by 5 percent in 2023, a ten-year high. " * 3
    second = "The SECOND part says exports fell by 7 percent in 2024, the lowest since 2009. " * 3
    depth = 300
    html = (
        "<html><head><title>T</title></head><body><article>"
        f"<p>{first}</p>"
        + "<div>" * depth
        + f"<p>{second}</p>"
        + "</div>" * depth
        + "</article></body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    r = cli("doc", "add", str(path), "--json")
    if r.code == 0:
        doc = json.loads(r.out)
        said = r.err
        assert "SECOND part" in _text(cli, doc["id"]) or "nest" in said, (
            "the page's text below 256 levels was dropped, exit 0, nothing said"
        )
    else:
        assert len(r.err.strip().splitlines()) == 1 and "nest" in r.err, r.err


def test_review56_a_page_declaring_an_unusable_charset_is_refused_for_that(
    cli: Run, tmp_path: Path
) -> None:
    body = "<p>" + "The ministér said the rate rose by 5 percent in 2023. " * 6 + "</p>"
    html = (
        '<html><head><meta charset="undefined"><title>T</title></head><body>'
        f"<article>{body}</article></body></html>"
    )
    path = tmp_path / "odd.html"
    path.write_bytes(html.encode("latin-1"))
    r = cli("doc", "add", str(path))
    assert r.code in (0, 1), r.err
    if r.code == 1:
        assert "terminal" not in r.err, r.err  # it was a file, not the terminal
        assert "undefined" in r.err or "odd.html" in r.err, r.err
