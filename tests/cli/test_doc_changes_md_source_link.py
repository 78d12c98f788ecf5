"""`doc changes --format md` wrote the document's URL as an autolink, `Source: <URL>`, as it was
stored. A URL may hold `<` and `>` (a typed one is refused only for spaces and spoofing
characters): `https://x.example/a>b` ended the link at its `>` and left the rest as text, and
one holding `<` was no link at all, its `<…>` read as HTML. The URL is now written as a link to
the same address: the characters an autolink cannot hold percent-encoded, as a browser sends
them; `(`, `)` and `[`, `]` stay as they are, which an autolink takes as text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from tests.headline_page import headline_page
from tests.inprocess import ok

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
