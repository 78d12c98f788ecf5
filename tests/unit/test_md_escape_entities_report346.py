"""A stored string holding an HTML entity's name is shown as typed in every Markdown written.

What the user met (report346): a note 'the &copy; line is theirs' or an evidence title
'Q&amp;A' came out of the Markdown as '©' and 'Q&A': CommonMark reads `&name;` (and `&#N;`)
as the character it names, and `md_escape` escaped `#` only, so a named entity was decoded."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt

from workbench.domain.md_escape import inline, own_line


def _rendered(markdown: str) -> str:
    out: str = MarkdownIt("commonmark").render(markdown)
    return out


@pytest.mark.parametrize(
    "typed",
    ["the &copy; line is theirs", "Q&amp;A", "&lt;script&gt;", "&#65;&#x42; &Auml;", "&nbsp;"],
)
def test_an_entity_name_is_text(typed: str) -> None:
    for escape in (inline, own_line):
        assert _rendered(escape(typed)) == f"<p>{html.escape(typed, quote=False)}</p>\n"


def test_an_ampersand_naming_nothing_is_left_as_typed() -> None:
    """AT&T, R&D, a & b: no entity, no backslash (the timeline's lines stay as they were)."""
    for typed in ("AT&T", "R&D and a & b", "&;", "&x y;"):
        assert inline(typed) == typed
