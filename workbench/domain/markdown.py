"""Markdown to the plain text a document stores: the words without the markup.

Headings, paragraphs, list items, quotes and table cells each become one line; emphasis, links
and images keep their text (an image its alt text); code keeps its content. Soft line breaks
inside a paragraph join its lines (with a space, except between CJK characters, where the
wrap added none).
"""

from __future__ import annotations

import unicodedata
from typing import Any


def _cjk(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def _inline(children: list[Any]) -> str:
    out: list[str] = []
    for tok in children:
        kind = tok.type
        if kind in ("text", "code_inline"):
            out.append(tok.content)
        elif kind == "softbreak":
            left = out[-1][-1:] if out and out[-1] else ""
            out.append("" if _cjk(left) else " ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image":
            out.append(_inline(tok.children or []))
    return "".join(out)


def markdown_text(source: str) -> str:
    """The text of a Markdown document, one block per line."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    lines: list[str] = []
    for tok in md.parse(source):
        if tok.type == "inline":
            text = _inline(tok.children or [])
            # A soft break before a CJK character added a space that the source never had.
            lines.append(text.strip())
        elif tok.type in ("fence", "code_block"):
            lines.extend(tok.content.rstrip("\n").split("\n"))
    return "\n".join(line for line in lines if line.strip()) + "\n"
