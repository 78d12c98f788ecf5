"""Markdown to the plain text a document stores: the words without the markup.

Headings, paragraphs, list items, quotes and table cells each become one line, code blocks
their lines, with a blank line between blocks; emphasis, links and images keep their text (an
image its alt text); code keeps its content. Soft line breaks inside a paragraph join its lines
(with a space, except between CJK characters, where the wrap added none).

The blank line is for sentence splitting (workbench.domain.segment): a single newline may be a
hard wrap inside an English sentence, and the splitter joins such lines. A block from Markdown
is never wrapped (its soft breaks are already joined), so no two blocks may be joined: a list
item must not run into the next item or into a code block.
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
    blocks: list[str] = []
    for tok in md.parse(source):
        if tok.type == "inline":
            text = _inline(tok.children or [])
            # A soft break before a CJK character added a space that the source never had.
            blocks.append(text.strip())
        elif tok.type in ("fence", "code_block"):
            blocks.append("\n".join(x for x in tok.content.rstrip("\n").split("\n") if x.strip()))
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"
