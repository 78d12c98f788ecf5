"""User text written into Markdown as text, not markup: escaped as CommonMark and GFM need, once
for every Markdown the workbench writes (the audit trail's timeline, `doc changes --format md`;
rr306: the latter wrote a page's headline and the desk's title with their `*`, `[` and `#` live)."""

from __future__ import annotations

import re
from html.entities import html5

from workbench.domain.limits import HIDDEN, visible
from workbench.domain.urls import SPOOFING

WHITESPACE = re.compile(r"\s+")
# Escaped wherever they stand: each can open markup in CommonMark or GFM (`~`: strikethrough
# and fences; review54: 'GDP grew ~~5%~~' was shown struck through).
MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*[]<>#|~"})
# `_` opens or closes emphasis except between two letters or digits (in_progress, snake_case,
# 中_文), where it is left as typed; review54: '_or_' came out in italics.
LOOSE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# What starts a block at the start of a line, beyond the characters escaped everywhere: a
# list item (`-`, `+`, `1.`, `1)`), a thematic break (`---`) or a setext underline (`===`, `---`).
# A quoted note's lines are written one a line (review54: a note 'Verdict\n===\n1. ...' came
# out as a heading and a numbered list).
BLOCK_START = re.compile(r"( ?)(?:([-+=])|([0-9]{1,9})(?=[.)](?: |$)))")
# A named entity reference, which CommonMark decodes (`&copy;` is ©): its `&` is escaped, so
# that it stays the text typed (report346: a note's '&copy;' was shown as '©'). Only there: a
# `&` naming nothing (AT&T) is text already, and is left as typed. A numeric one (`&#65;`) is
# no reference once its `#` is escaped, as MD_SPECIAL escapes every `#`.
NAMED_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]{0,31};)")
# A character reference in a URL (`&amp;`, `&#169;`, `&#xA9;`): cmark, CommonMark's reference
# parser, decodes one inside an autolink, where a backslash escapes nothing (review348:
# `...?a=1&amp;b=2`, copied from a page's source, linked to `...?a=1&b=2`). Named ones only for
# an HTML5 name (`&debug;` is text there); numeric ones of any length, as breaking one more is
# harmless (`_unreferenced`).
CHAR_REF = re.compile(r"&(#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);")


def inline(text: str) -> str:
    """User text inside one Markdown line: no line breaks, no markup it did not mean."""
    shown = visible(WHITESPACE.sub(" ", text), one_line=True).translate(MD_SPECIAL)
    if "&" in shown:
        shown = NAMED_ENTITY.sub(r"\\&", shown)
    return LOOSE_UNDERSCORE.sub(r"\\_", shown) if "_" in shown else shown


def own_line(text: str) -> str:
    """User text as a line of its own (a quoted note's): inline, and no block start either."""
    shown = inline(text)
    start = BLOCK_START.match(shown)
    if start is None:
        return shown
    # The backslash goes before the marker (`\-`, `\=`) or after an item's number (`1\.`).
    at = start.start(2) if start.group(2) else start.end(3)
    return shown[:at] + "\\" + shown[at:]


def paragraphs(text: str) -> list[str]:
    """User text of several lines (a quote across the article's paragraphs, a note of two) as
    Markdown lines, for the caller to prefix (`> `, a list item's indent): each line of it
    `own_line`, a line break within a paragraph a hard break (a trailing backslash: a soft
    one renders as a space, and the lines ran together), blank lines one empty line between
    paragraphs. Leading and trailing blank lines are dropped, as is each line's edge space
    (insignificant in Markdown, and a continuation's indent would read as code)."""
    out: list[str] = []
    blank = False
    for line in text.split("\n"):
        if not line.strip():
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        elif out:
            out[-1] += "\\"
        out.append(own_line(line.strip()))
    return out


def autolink(url: str) -> str:
    """A URL as a CommonMark autolink, `<URL>`, to the same address: the characters an autolink
    cannot hold (`<`, `>`, a space or a control character; backslash escapes do not work inside
    one), and those the rest of the Markdown shows escaped, percent-encoded, as a browser sends
    them. A stored URL may hold `<` and `>` (small325: `<https://x.example/a>b>` ended at its
    first `>`), and one a bundle restored a right-to-left override (review327: it was written
    raw, and `https://x.example/\u202egro.live` read as .../evil.org)."""
    shown = url.translate(_AUTOLINK_OUT)
    return "<" + (CHAR_REF.sub(_unreferenced, shown) if "&" in shown else shown) + ">"


def _unreferenced(ref: re.Match[str]) -> str:
    """A character reference with its first letter or digit percent-encoded: no reference in
    any parser, and the same address (RFC 3986 6.2.2.2: an unreserved character and its
    percent-encoding are one). Not its `;` (review348's first fix), a reserved character whose
    `%3B` is another: a query split at `;` too lost a field (rr349)."""
    body = ref.group(1)
    if body[0] != "#" and f"{body};" not in html5:
        return ref.group(0)
    at = 1 if body[0] == "#" else 0  # `#` starts a fragment: it, reserved, stays as it is
    return f"&{body[:at]}{_percent(body[at])}{body[at + 1 :]};"


def _percent(ch: str) -> str:
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))


# What ends or breaks an autolink (CommonMark 6.5: no ASCII control, space, `<` or `>`); what
# `visible` writes as `\uXXXX` in every other line of the Markdown (C1 controls, among them a
# next-line that would split the address; bidi overrides and isolates; the line and paragraph
# separators); and what makes a link read as another (`urls.SPOOFING`: zero-width characters,
# bidi marks), which a stored URL may hold: all of them percent-encoded.
_AUTOLINK_OUT = {ord(ch): _percent(ch) for ch in {" ", "<", ">", *map(chr, HIDDEN), *SPOOFING}}
