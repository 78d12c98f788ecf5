"""`doc changes --format md` wrote the document's URL as an autolink, `Source: <URL>`, as it was
stored. A URL may hold `<` and `>` (a typed one is refused only for spaces and spoofing
characters): `https://x.example/a>b` ended the link at its `>` and left the rest as text, and
one holding `<` was no link at all, its `<…>` read as HTML. The URL is now written as a link to
the same address: the characters an autolink cannot hold percent-encoded, as a browser sends
them; `(`, `)` and `[`, `]` stay as they are, which an autolink takes as text."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from tests.headline_page import headline_page
from tests.inprocess import ok, run_cli

Run = Callable[..., Any]


def _links(markdown: str) -> list[tuple[str, str]]:
    """Each link of the Markdown as CommonMark reads it, its address (decoded) and its text as
    shown; and no HTML in it."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found: list[tuple[str, str]] = []
    for block in tokens:
        assert block.type != "html_block", markdown
        children = block.children or []
        assert not [t for t in children if t.type == "html_inline"], markdown
        for at, token in enumerate(children):
            if token.type == "link_open":
                found.append((unquote(str(token.attrs["href"])), children[at + 1].content))
    return found


@pytest.mark.parametrize(
    ("url", "written"),
    [
        ("https://x.example/a>b", "https://x.example/a%3Eb"),
        ("https://x.example/q?a<b&c=1", "https://x.example/q?a%3Cb&c=1"),
        (
            "https://x.example/wiki/Gini_(index)]?q=[1]<2>",
            "https://x.example/wiki/Gini_(index)]?q=[1]%3C2%3E",
        ),
    ],
    ids=["greater than", "less than", "brackets kept"],
)
def test_the_source_url_is_one_whole_link(cli: Run, tmp_path: Path, url: str, written: str) -> None:
    page = headline_page(tmp_path / "stats.html", "人口超过2000万", 35)
    ok(cli("doc", "add", page, "--url", url, "--title", "统计"))
    md = ok(cli("doc", "changes", "1", "--format", "md")).out
    assert f"Source: <{written}>\n" in md, md
    # One link, to the address stored, shown as it (the parser decodes what was encoded).
    assert _links(md) == [(url, url)], md


# A URL a bundle restores (or an earlier release kept) may hold what a typed one may not:
# `check_http_url(stored=True)` takes a bidi override and a zero-width space, and a C1 control
# such as CSI (U+009B) is no space. A SQLite desk file is also written by whoever can write it.
RLO, CSI, ZWSP = "\u202e", "\x9b", "\u200b"


def test_a_stored_url_reorders_and_controls_nothing_in_the_markdown(tmp_path: Path) -> None:
    """review327: `autolink` percent-encoded C0 controls, DEL, NEL and the line and paragraph
    separators, but wrote a stored URL's right-to-left override, its other C1 controls and its
    zero-width space as they were: `https://x.example/‮gro.live` reads as .../evil.org in the
    Markdown (and in a renderer that shows an autolink as written), where every other line of
    it, and the text format's URL, show such a character escaped."""
    db = tmp_path / "desk.db"
    env = {"WORKBENCH_DB": str(db), "WORKBENCH_USER": "editor"}
    page = headline_page(tmp_path / "stats.html", "人口超过2000万", 35)
    ok(run_cli(["doc", "add", page, "--url", "https://x.example/a", "--title", "统计"], env=env))
    stored = f"https://x.example/{RLO}gro.live{CSI}{ZWSP}x"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET url = ?", (stored,))
    md = ok(run_cli(["doc", "changes", "1", "--format", "md"], env=env)).out
    assert not {RLO, CSI, ZWSP} & set(md), ascii(md)
    # Percent-encoded as a browser sends them: a link to the address stored.
    assert "Source: <https://x.example/%E2%80%AEgro.live%C2%9B%E2%80%8Bx>\n" in md, md
    [(href, _)] = _links(md)
    assert href == stored
