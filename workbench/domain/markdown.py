"""Markdown to the plain text a document stores: the words without the markup.

Headings, paragraphs, list items, quotes, table cells and code blocks are each a block of the
text, blocks separated by a blank line as in the source, so no sentence runs from one into the
next (a headline into its byline, a list item into a paragraph). Emphasis, links and images
keep their text (an image its alt text); code keeps its content. Soft line breaks inside a
paragraph join its lines: with a space, except next to Chinese or Japanese text, where the
wrap added none ("占比约18%。" then "2024年" is "占比约18%。2024年"; a Latin word beside it
keeps its space, as Korean does), as East Asian renderings of CommonMark do; a hard break stays
a line break inside its block, as an inline <br> does (readings before that dropped it with the
other inline tags, gluing the words on either side, and are among a file's earlier readings).
A raw HTML block (<div>...</div>, <p>...</p>) gives its words, a block for each block element
(see workbench.domain.html_blocks); readings before that left it out, and are among a file's
earlier readings.

As on a page, a byline that leads the document ("By Jane Smith", "记者 王晓明 报道", "文/王晓明
2025年3月12日"; see workbench.domain.bylines) is its author and is left out of the text: the
first paragraph after its headings, or a line of it, after a headline typed as its first line
(a plain-text article saved as .md: "澜汐电器营收创新高" then "记者 王晓明 报道" with no blank
line between). A leading level-1 heading is the title (and stays in the text, a headline as
checkable as any sentence).

Nesting deeper than the parser follows (markdown-it's 20 levels: a list ten deep, a quote twenty
deep) is read flattened, not dropped: the parser leaves such a container empty (review56: an
outline's tenth level, and a whole file nested that deep, came out as no text), so its lines
are read again without their quote and list markers, a list item a block of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from workbench.domain.bylines import MAX_ENGLISH_BYLINE, credit, english_byline
from workbench.domain.cjk import is_wide
from workbench.domain.html_blocks import html_block_lines, is_line_break

# Hangul's blocks (jamo, compatibility jamo, syllables): wide, but Korean spaces its words.
_HANGUL = (("\u1100", "\u11ff"), ("\u3130", "\u318f"), ("\uac00", "\ud7af"))


def _cjk(ch: str) -> bool:
    """Chinese or Japanese (wide or full-width), which no space separates from the next
    character; Hangul aside (Korean spaces its words). By East Asian Width, not
    workbench.domain.cjk's letters: full-width punctuation (，。) joins without a space too."""
    if not ch or not is_wide(ch):
        return False
    return not any(low <= ch <= high for low, high in _HANGUL)


def _spaced(ch: str) -> bool:
    """A letter of a script that spaces its words (Latin, Greek, Cyrillic, Hangul)."""
    return ch.isalpha() and not _cjk(ch)


def soft_join(left: str, right: str) -> str:
    """Two lines a soft line break separates, joined: without a space next to Chinese or
    Japanese text (either side), unless a spaced script's letter is on the other side, or the
    line ends with an ASCII mark English puts a space after ("60%." or "妻子," then a Chinese
    line). Other ASCII marks at the break are looked past ("一年。\"" then "据介绍")."""
    return left + _glue(left[-_EDGE:], right) + right


def _glue(tail: str, right: str) -> str:
    """What joins a line ending in `tail` (its last _EDGE characters, all the rule reads: not
    the whole text before, which a paragraph of many short lines made quadratic) to `right`."""
    a, b = _edge(tail[::-1]), _edge(right)
    spaced = _spaced(a) or _spaced(b) or tail[-1:] in _SPACED_MARKS
    return "" if (_cjk(a) or _cjk(b)) and not spaced else " "


# ASCII marks English text puts a space after.
_SPACED_MARKS = frozenset(",.:;!?")


# How many characters at a line's edge `_edge` reads.
_EDGE = 4


def _edge(text: str) -> str:
    """The first character of `text` that is no ASCII mark (of the first few), else its first."""
    return next((c for c in text[:_EDGE] if not (c.isascii() and not c.isalnum())), text[:1])


def _soft_lines(children: list[Any], br: bool = True) -> list[str]:
    """An inline's text, split at its soft line breaks (a hard break stays a line break, and
    an inline <br> is one unless `br` is False, as readings before it read)."""
    lines: list[list[str]] = [[]]
    for tok in children:
        kind = tok.type
        if kind in ("text", "code_inline"):
            lines[-1].append(tok.content)
        elif kind == "softbreak":
            lines.append([])
        elif kind == "hardbreak" or (br and kind == "html_inline" and is_line_break(tok.content)):
            lines[-1].append("\n")
        elif kind == "image":
            lines[-1].append(_joined(_soft_lines(tok.children or [], br)))
    return ["".join(parts) for parts in lines]


def _joined(lines: list[str]) -> str:
    """The lines joined as `soft_join` joins two, in one pass: only the edge of the text so far
    is read at each break."""
    if not lines:
        return ""
    parts = [lines[0]]
    tail = lines[0][-_EDGE:]
    for line in lines[1:]:
        glue = _glue(tail, line)
        parts += (glue, line)
        tail = (tail + glue + line)[-_EDGE:]
    return "".join(parts)


def _inline_before(children: list[Any]) -> str:
    # The reading before the East Asian rule (for Markdown.earlier): a soft break was a space
    # unless the character before it was wide.
    out: list[str] = []
    for tok in children:
        kind = tok.type
        if kind in ("text", "code_inline"):
            out.append(tok.content)
        elif kind == "softbreak":
            left = out[-1][-1:] if out and out[-1] else ""
            out.append("" if left and is_wide(left) else " ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image":
            out.append(_inline_before(tok.children or []))
    return "".join(out)


# The lines at the top of a document where its byline stands (after its headings): a headline
# typed as a line, a byline, a date.
_LEAD_LINES = 3
# What ends a sentence (a line that ends so is no headline before a byline).
_SENTENCE_END = tuple('。！？.!?…；;：:」』”’"')


@dataclass(frozen=True, slots=True)
class Markdown:
    """A Markdown document read: its text, what it says of itself, and the texts earlier
    versions of this reading stored for the same source."""

    text: str
    title: str | None = None
    author: str | None = None
    # The texts earlier readings stored, oldest first: one block a line with no blank line
    # between blocks and the byline kept (before blocks were kept apart), then blocks apart
    # with a space at each soft break after a character that is not wide and only an English
    # byline left out (before the East Asian rule). A file stored then is still recognised.
    earlier: tuple[str, ...] = ()


# The containers markdown-it leaves empty at its nesting limit (`maxNesting`, 20 levels; a list
# is two a level, its list and its item). Kept as it is: the limit also bounds the parser's
# work on nested brackets and links, which grows with it.
_CONTAINERS = frozenset(("blockquote_open", "list_item_open"))
# The quote and list markers (and indentation) that open a line nested beyond the limit.
_NESTING = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*")
_LIST_MARK = re.compile(r"[-+*\d]")


def _tokens(md: Any, source: str) -> Iterator[Any]:
    """markdown-it's tokens for `source`, each container it left empty at its nesting limit
    followed by the tokens of its lines flattened (see the module): no line of those opens a
    container, so one more parse reads them all."""
    lines = source.split("\n")
    limit = md.options["maxNesting"]
    for tok in md.parse(source):
        yield tok
        if tok.nesting == 1 and tok.type in _CONTAINERS and tok.level >= limit - 1 and tok.map:
            start, end = tok.map
            yield from md.parse("\n".join(_flattened(lines[start:end])))


def _flattened(lines: list[str]) -> Iterator[str]:
    for line in lines:
        found = _NESTING.match(line)
        markers = found.group() if found else ""
        if _LIST_MARK.search(markers):
            yield ""  # a list item starts a block of its own
        yield line[len(markers) :]


def read_markdown(source: str) -> Markdown:
    """The text of a Markdown document, its blocks apart, with its leading title and byline."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    # (the block's lines, the kind of block it is: h1..h6, p for a top-level paragraph, else "")
    found: list[tuple[list[str], str]] = []
    # The same, an inline <br> dropped as readings before it dropped it.
    glued: list[tuple[list[str], str]] = []
    # The same blocks as the reading before the East Asian rule made them.
    before: list[tuple[str, str]] = []
    # The lines the earliest reading kept (see Markdown.earlier), made as it made them.
    lines: list[str] = []
    opened: list[Any] = []
    for tok in _tokens(md, source):
        if tok.nesting == 1:
            opened.append(tok)
        elif tok.nesting == -1 and opened:
            opened.pop()
        if tok.type == "inline":
            children = tok.children or []
            parent = opened[-1] if opened else None
            kind = ""
            if parent is not None and parent.type == "heading_open":
                kind = parent.tag
            elif parent is not None and parent.type == "paragraph_open" and len(opened) == 1:
                kind = "p"
            soft = _stripped(_soft_lines(children))
            found.append((soft, kind))
            if any(child.type in ("html_inline", "image") for child in children):
                soft = _stripped(_soft_lines(children, br=False))
            glued.append((soft, kind))  # (the same lines when no tag could be a <br>)
            text = _inline_before(children).strip()
            before.append((text, kind))
            lines.append(text)
        elif tok.type == "html_block":
            # Its words, each block element a block (see html_blocks); readings before this
            # one left it out, so neither `before` nor `lines` has it.
            found.extend((soft, _RAW) for soft in html_block_lines(tok.content))
            glued.extend(found[len(glued) :])
        elif tok.type in ("fence", "code_block"):
            code = tok.content.rstrip("\n")
            found.append(([code], ""))
            glued.append(([code], ""))
            before.append((code, ""))
            lines.extend(code.split("\n"))
    text, title, author = _read(found)
    earliest = "\n".join(line for line in lines if line.strip()) + "\n"
    previous = _before_east_asian(before)
    without_html, _, _ = _read([block for block in glued if block[1] != _RAW])
    without_br = _read(glued)[0] if glued != found else text
    earlier = tuple(
        dict.fromkeys(e for e in (earliest, previous, without_html, without_br) if e != text)
    )
    return Markdown(text, title, author, earlier)


def _stripped(soft: list[str]) -> list[str]:
    """The block's lines stripped at its ends, as its text was as one line."""
    soft[0] = soft[0].lstrip()
    soft[-1] = soft[-1].rstrip()
    return soft


# The kind of a block read from a raw HTML block (the reading before it left them out).
_RAW = "raw"


def _read(found: list[Block]) -> tuple[str, str | None, str | None]:
    """The text of the blocks (ending in a newline), its title and its author."""
    blocks = [(ls, kind) for ls, kind in found if _joined(ls).strip()]
    title = _joined(blocks[0][0]).strip() if blocks and blocks[0][1] == "h1" else None
    blocks, author = _without_byline(blocks)
    text = "\n\n".join(_joined(ls) for ls, _ in blocks)
    return (text + "\n" if text else "\n"), title, author


Block = tuple[list[str], str]


def _without_byline(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """The blocks without the byline that leads them (see the module), and its author."""
    lead = next((i for i, (_, kind) in enumerate(blocks) if not kind.startswith("h")), None)
    if lead is None or blocks[lead][1] != "p":
        return blocks, None
    lines = blocks[lead][0]
    headline: list[str] = []  # a line before the byline: a headline typed as a paragraph
    authors: list[str] = []
    removed = False
    i = 0
    while i < min(len(lines), _LEAD_LINES):
        found = _byline_at(lines, i)
        if found is not None:
            i, named = found
            authors.extend(named)
            removed = True
            continue
        if headline or removed or lines[i].strip().endswith(_SENTENCE_END):
            break  # the body: a byline further down is part of the text
        headline.append(lines[i])
        i += 1
    if not removed:
        return blocks, None
    # The headline and the body after the byline are blocks of their own.
    parts = [(part, "p") for part in (headline, lines[i:]) if _joined(part).strip()]
    names = "; ".join(dict.fromkeys(authors))
    return [*blocks[:lead], *parts, *blocks[lead + 1 :]], names or None


def _byline_at(lines: list[str], i: int) -> tuple[int, list[str]] | None:
    """Where the byline that starts at line `i` ends (exclusive) and the names it gives, if
    line `i` opens one: a credit line (文/王晓明, 记者 王晓明 报道, a date), or "By NAME" with
    its role or outlet on the lines after it ("By Jane Smith" then "Staff Writer")."""
    for end in range(min(len(lines), i + _LEAD_LINES), i, -1):
        # A hard break inside a line separates a name from its role as a soft one does.
        text = ", ".join(part.strip() for line in lines[i:end] for part in line.split("\n"))
        name = english_byline(text) if len(text) <= MAX_ENGLISH_BYLINE else None
        if name is not None:
            following = lines[end].lstrip()[:1] if end < len(lines) else ""
            if following.islower():
                return None  # "... designed" / "By Frank Lloyd Wright" / "and built in 1937"
            return end, [name]
    found = credit(lines[i])
    return None if found is None else (i + 1, list(found.authors))


def _before_east_asian(blocks: list[tuple[str, str]]) -> str:
    """The text the reading before the East Asian rule stored (see Markdown.earlier)."""
    kept = [(text, kind) for text, kind in blocks if text.strip()]
    lead = next((i for i, (_, kind) in enumerate(kept) if not kind.startswith("h")), None)
    if lead is not None and kept[lead][1] == "p" and len(kept[lead][0]) <= MAX_ENGLISH_BYLINE:
        first, _, rest = kept[lead][0].partition("\n")
        if english_byline(first + (", " + rest if rest else "")) is not None:
            del kept[lead]
    text = "\n\n".join(text for text, _ in kept)
    return text + "\n" if text else "\n"
