"""The title a plain-text file gives itself: its first line, when that line stands alone as a
headline does (session 47 left alone: a .txt article was stored with no title, and its
ClaimReview and report named none, though nearly every clipping starts with its headline).

A line is taken only when it reads as nothing else: short, a blank line after it, ending in no
sentence stop (a lead sentence is no headline), no speaker's turn (a transcript's first line,
with turns after it too), and text after it. The line stays in the text, as a Markdown file's
H1 does: claims may quote it, and offsets are the file's.
"""

from __future__ import annotations

import re

# First lines that read as something else (review53): a WebVTT file's signature, an address, a
# list's first item, an English byline.
_NO_HEADLINE = re.compile(
    r"WEBVTT\b|(?i:https?://|www\.)|[-*•·]\s|\d{1,3}(?:[.)]\s|、)"
    r"|By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$"
)

# A headline's length at most, in characters (the longest in the labelled articles is 46).
MAX_HEADLINE = 120


def plain_title(text: str) -> str | None:
    """The first line of `text` (NFC, LF) when it stands alone as a headline, else None."""
    from workbench.domain.bylines import credit
    from workbench.domain.segment import CLOSERS, STOPS
    from workbench.domain.text import printable_line
    from workbench.domain.transcript import speaker_lines

    body = text.lstrip("\n")
    first, blank, rest = body.partition("\n\n")
    line = first.strip()
    if not blank or "\n" in first or not rest.strip() or not 2 <= len(line) <= MAX_HEADLINE:
        return None
    last = line.rstrip("".join(CLOSERS))[-1:]
    if last in STOPS or last in ",，、;；:：" or _NO_HEADLINE.match(line):
        return None
    if credit(line) is not None:
        return None  # a byline (记者：王晓明, 文/王晓明), however short (review62)
    if speaker_lines(line) and speaker_lines(rest):
        # A transcript's first turn. A line read as one with no turn after it is a headline:
        # 主标题：副标题 is how most Chinese headlines are written (trial58: no title).
        return None
    if not any(ch.isalpha() for ch in line):
        return None  # a rule (---), a number, a date in digits
    # Stored as a page's <title> is: a tab or a control character is no part of a title.
    return printable_line(line) or None
