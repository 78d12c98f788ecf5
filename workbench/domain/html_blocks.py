"""The words of a raw HTML block in a Markdown file (CommonMark lets a paragraph be written as
<p>...</p> or <div>...</div>, as CMS exports and hand-kept notes do): its text without the
tags, a block of the document for each block element, as a page's paragraphs are apart.
Scripts, styles and comments are no text; character references are read (&amp; is &).

Read by a scan that looks at each character a bounded number of times, not html.parser: on
Python 3.11 that takes quadratic time on unclosed markup ("<a " repeated: over a minute for
100 KB; "<!--" repeated: 21 s for 200 KB) and raises AssertionError on "<![" repeated. Nor lxml:
libxml2 drops, without a word, the text of elements nested deeper than 255 (a Markdown file
of 300 unclosed <b> lost its last words), and its HTML reading changed with 2.14, so a
document's text would follow the libxml2 lxml is built with. The scan reads tags, comments
and quoted attribute values as HTML's tokenizer does (a ">" inside a quoted value is the
value's; "<!-->" is a whole comment). As a browser reads it, a tag, comment or declaration
left open at the end runs to the end and is no text; a "<" that opens none is text.

Each block comes as the soft lines of workbench.domain.markdown (joined as its wrapped lines
are, without a space inside Chinese text), a <br> a line break inside its block."""

from __future__ import annotations

import html
import re

# Elements that are blocks of their own on a page (the HTML Standard's rendering section:
# display block, list-item or a table's part): the text on either side is apart.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "plaintext",
        "pre",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# Elements whose content is raw text no reader sees, up to their end tag.
_HIDDEN = re.compile(r"script|style|template|textarea|title|xmp|iframe|noembed|noframes")
# A tag's name runs to HTML's white space, "/" or ">" (<script_x> is no script).
_TAG = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*+)")
# What ends a comment begun at "<!--" (searched from just after it): "-->", also "--!>", and
# straight away ">" or "->" (so "<!-->" and "<!--->" are whole, empty comments), as HTML's
# tokenizer reads it.
_ABRUPT_COMMENT_END = re.compile(r"-?>")
_COMMENT_END = re.compile(r"--!?>")
# Inside a tag: its end, or the opening quote of an attribute's quoted value (after "="), in
# which a ">" is the value's own.
_TAG_END_OR_QUOTE = re.compile(r"""[^>=]*+(?:=[ \t\n\f\r]*+(["'])|>)""")
_ASCII_NOCASE = re.IGNORECASE | re.ASCII
# HTML's white space (not U+3000 nor a no-break space, which are the text's own).
_SPACE = re.compile(r"[ \t\r\f]+")


def html_block_lines(source: str) -> list[list[str]]:
    """The blocks of text in an HTML block, each as its soft lines (stripped of HTML's white
    space, empty ones left out); [] when it holds no text."""
    blocks: list[list[str]] = [[]]  # each block's pieces: text, and "\n" for a <br>
    for kind, piece in _pieces(source):
        if kind == "text":
            blocks[-1].append(html.unescape(piece).replace("\n", "\x00"))
        elif piece == "br":
            blocks[-1].append("\n")
        elif piece in _BLOCKS:
            blocks.append([])
    out: list[list[str]] = []
    for block in blocks:
        # A newline of the source is a soft break ("\x00" until here), a <br> a hard one.
        lines = [_trim(_SPACE.sub(" ", line)) for line in "".join(block).split("\x00")]
        lines = [line for line in lines if line]
        if lines:
            out.append(lines)
    return out


def is_line_break(tag: str) -> bool:
    """Whether `tag` (a whole tag, as Markdown's inline HTML gives it) is a <br>: <br/>, <BR
    class=x> and </br> (which HTML reads as <br>) too, not <bra>."""
    found = _TAG.match(tag)
    return found is not None and found.group(1).lower() == "br"


def _pieces(source: str) -> list[tuple[str, str]]:
    """("text", its characters) and ("tag", its lower-case name) in order."""
    out: list[tuple[str, str]] = []
    i = 0
    while True:
        j = source.find("<", i)
        if j < 0:
            out.append(("text", source[i:]))
            return out
        out.append(("text", source[i:j]))
        if source.startswith("<!--", j):
            closed = _ABRUPT_COMMENT_END.match(source, j + 4) or _COMMENT_END.search(source, j + 4)
            if closed is None:
                return out
            i = closed.end()
            continue
        tag = _TAG.match(source, j)
        if tag is None:
            if source.startswith(("<!", "<?", "</"), j):  # a declaration or bogus comment
                end = source.find(">", j)
                if end < 0:
                    return out
                i = end + 1
            else:  # a "<" that opens nothing is text
                out.append(("text", "<"))
                i = j + 1
            continue
        end = _tag_end(source, tag.end())
        if end < 0:
            return out
        name = tag.group(1).lower()
        i = end
        if source[j + 1] == "/":
            out.append(("tag", name))
        elif _HIDDEN.fullmatch(name):
            # ASCII letters only: in Python's case-insensitive match "ſ" is an "s", "ı" an "i"
            closing = re.compile(f"</{name}[\\t\\n\\f\\r />]", _ASCII_NOCASE).search(source, i)
            if closing is None:
                return out
            i = closing.start()
        else:
            out.append(("tag", name))


def _tag_end(source: str, i: int) -> int:
    """The index just past the ">" that ends the tag whose name ends at `i` (a ">" in a quoted
    attribute value is the value's), or -1 when none does: the tag runs to the end."""
    while True:
        found = _TAG_END_OR_QUOTE.match(source, i)
        if found is None:
            if (i := source.find("=", i)) < 0:  # no ">" and no "=" left
                return -1
            i += 1
            continue
        quote = found.group(1)
        if quote is None:
            return found.end()
        close = source.find(quote, found.end())
        if close < 0:
            return -1
        i = close + 1


def _trim(line: str) -> str:
    """A line without HTML's spaces at its ends or around its <br> line breaks."""
    return "\n".join(part.strip(" ") for part in line.split("\n")).strip("\n")
