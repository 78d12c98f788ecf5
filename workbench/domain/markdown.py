"""Markdown to the plain text a document stores: the words without the markup.

Headings, paragraphs, list items, quotes, table cells and code blocks are each a block of the
text, blocks separated by a blank line as in the source, so no sentence runs from one into the
next (a headline into its byline, a list item into a paragraph). Emphasis, links and images
keep their text (an image its alt text); code keeps its content. Soft line breaks inside a
paragraph join its lines (with a space, except between CJK characters, where the wrap added
none); a hard break stays a line break inside its block.

As on a page, a leading byline ("By Jane Smith", the document's first paragraph, after its
headings) is the document's author and is left out of the text, and a leading level-1 heading
is its title (and stays in the text, a headline as checkable as any sentence).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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


# A name in a byline: capitalised words, with the particles names carry (Ludwig van Beethoven,
# Anna de la Cruz), initials (J. R. Smith) and hyphens or apostrophes (O'Brien, Smith-Jones).
_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|la|van|von|der|den|da|di|du|le|del|al|bin|ibn)\s+)*{_WORD}){{0,4}}"
# What may follow the name after a separator: a role, an outlet or a date ("Staff Writer",
# "The Harbourton Herald", "March 2, 2025"): capitalised words, the particles of titles, day
# numbers and years; no lower-case word, figure or full stop, which a sentence would have.
_TAIL_WORD = r"(?:[A-Z][\w'’.&-]*|of|the|for|to|and|at|in|on|\d{1,2}(?:st|nd|rd|th)?,?|\d{4})"
_TAIL = rf"{_TAIL_WORD}(?:,?\s+{_TAIL_WORD}){{0,8}}"
# "By NAME" alone in its paragraph, or followed by a role or date after a separator ("By Jane
# Smith, Staff Writer", "By Jane Smith | March 2, 2025"). "By 2030, ...", "By Tuesday the
# council had voted" or "By Election Day, turnout had reached 61 percent." is a sentence.
_BYLINE = re.compile(
    rf"(?:By|BY|by)\s+(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})*)"
    rf"(?:\s*[,|·•–—]\s*{_TAIL})?"
)
_MAX_BYLINE = 120
# Words a "By ..." sentence opens with that are no one's name: times, events and lead-ins.
_NOT_A_NAME = frozenset(
    # One string split: sixty words a line each would hide the list (ruff's SIM905 asks that).
    """january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday
    noon midnight dawn dusk morning evening night nightfall daybreak week weekend month year
    spring summer autumn fall winter christmas easter election law contrast comparison design
    default far then now the this that these those all most some way chance heaven god
    numbers""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Markdown:
    """A Markdown document read: its text, what it says of itself, and the text an earlier
    version of this reading stored for the same source."""

    text: str
    title: str | None = None
    author: str | None = None
    # One block a line, no blank line between blocks and the byline kept: the text Markdown
    # was stored as before blocks were kept apart, so a file stored then is still recognised.
    earlier: str = ""


def read_markdown(source: str) -> Markdown:
    """The text of a Markdown document, its blocks apart, with its leading title and byline."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    # (the block's text, the kind of block it is: h1..h6, p for a top-level paragraph, else "")
    found: list[tuple[str, str]] = []
    # The lines the earlier reading kept (see Markdown.earlier), made as it made them.
    lines: list[str] = []
    opened: list[Any] = []
    for tok in md.parse(source):
        if tok.nesting == 1:
            opened.append(tok)
        elif tok.nesting == -1 and opened:
            opened.pop()
        if tok.type == "inline":
            text = _inline(tok.children or []).strip()
            parent = opened[-1] if opened else None
            kind = ""
            if parent is not None and parent.type == "heading_open":
                kind = parent.tag
            elif parent is not None and parent.type == "paragraph_open" and len(opened) == 1:
                kind = "p"
            found.append((text, kind))
            lines.append(text)
        elif tok.type in ("fence", "code_block"):
            found.append((tok.content.rstrip("\n"), ""))
            lines.extend(tok.content.rstrip("\n").split("\n"))
    blocks = [(text, kind) for text, kind in found if text.strip()]
    earlier = "\n".join(line for line in lines if line.strip())
    title = blocks[0][0] if blocks and blocks[0][1] == "h1" else None
    author = None
    lead = next((i for i, (_, kind) in enumerate(blocks) if not kind.startswith("h")), None)
    if lead is not None and blocks[lead][1] == "p" and len(blocks[lead][0]) <= _MAX_BYLINE:
        # A role on the next line ("By Jane Smith" then "Staff Writer") follows the name.
        first, _, rest = blocks[lead][0].partition("\n")
        byline = _BYLINE.fullmatch(" ".join((first + (", " + rest if rest else "")).split()))
        if byline is not None and byline["name"].split()[0].lower() not in _NOT_A_NAME:
            author = byline["name"]
            del blocks[lead]
    text = "\n\n".join(text for text, _ in blocks)
    return Markdown(text + "\n" if text else "\n", title, author, earlier + "\n")


def markdown_text(source: str) -> str:
    """The text of a Markdown document, its blocks apart (see read_markdown)."""
    return read_markdown(source).text
