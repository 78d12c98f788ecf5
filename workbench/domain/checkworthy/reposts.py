"""The marks of a Weibo thread that are no part of what anyone said: a reply's `回复@name：`
and a repost chain's `//@name:`.

A comment answering someone opens with `回复@星河小王：`, and a repost keeps the posts it passes
on after `//@name:` (公司营收增长了42%//@星河小王:不是20%吗？//@老李:营收增长了20%): each mark
names whom the words after it answer or who wrote them, and ends the words before it. Read as
prose, the mark stayed inside a candidate and one person's post ran into the next's.
`find_candidates` blanks the marks and cuts sentences where each ends, so a candidate starts
after its mark and never spans two posts.

A mention without the colon (他回复@星河小王说, `@星河小王 …`) is part of its sentence, and a
link's `://` before an @ is no repost.
"""

from __future__ import annotations

import re

# A handle: letters (any script), digits, _ and -, as Weibo allows them, up to 30. The colon
# that ends the mark is no handle's character, so each mark is tried over 30 characters at most.
_MARK = re.compile(r"(?:回复|(?<![:：])//)@[\w·-]{1,30}[:：][^\S\n]*")


def reply_marks(text: str) -> tuple[tuple[int, int], ...]:
    """Where each reply or repost mark of `text` starts and ends (with the space after it)."""
    if "@" not in text:
        return ()
    return tuple(m.span() for m in _MARK.finditer(text))


def blanked(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    """`text` with each of `marks` (sorted, apart) written as spaces: offsets stay the same."""
    parts: list[str] = []
    at = 0
    for start, end in marks:
        parts.append(text[at:start])
        parts.append(" " * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def post_starts(text: str, marks: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """Where the words after each of `marks` start in `text`: past the mark and any space (a
    line break too), the offsets at which `find_candidates` cuts its sentences. Each space is
    passed over once: marks with no words between them (blanked, a run of spaces: a thread of
    replies whose stickers were scraped empty) all end where the run does, found once, not
    once a mark (quadratic: 13,000 such replies took 30 s)."""
    out: list[int] = []
    size = len(text)
    reached = 0  # where the last run of spaces passed over ends
    for _, end in marks:
        # A mark ending inside that run (marks are sorted and apart) ends where it does.
        end = max(end, reached)
        while end < size and text[end].isspace():
            end += 1
        reached = end
        if not out or out[-1] < end:
            out.append(end)
    return tuple(out)
