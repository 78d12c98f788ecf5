"""Paragraphs a revision moved, said as moved in the stealth-edit report (`doc changes`).

The line diff (`textdiff.diff_texts`) keeps the longest run of lines in order and says the rest
deleted and inserted: a paragraph put at the top of the article, or two swapped, read as its
words removed where it was and written anew where it is, and a desk could not tell a move from a
rewrite. Here a whole line that one change deletes and another (or the same) inserts, the same
characters, is one change, `move`, at both places, and the changes it was cut from keep what
else they deleted or inserted. The diff itself is left as it is: re-anchoring maps offsets with
its equal stretches, and `doc diff` shows it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from workbench.domain.textdiff import Change

# A line this short (stripped) is never taken as moved: "Advertisement", "Yes." or a dateline
# recur by chance, and a short line deleted here and inserted there is as likely a new one.
MOVED_AT_LEAST = 20

Spans = list[tuple[int, int]]


def with_moves(changes: list[Change], old: str, new: str) -> list[Change]:
    """`changes` (of `old` to `new`, in order) with each whole line deleted in one place and
    inserted, the same, in another said as a `move`; the rest of each change as before, its
    blank lines left with the move they stood beside. Ordered by place in `old`."""
    removed: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    added: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, c in enumerate(changes):
        for s, e in _whole_lines(old, c.old_start, c.old_end):
            removed[old[s:e]].append((i, s, e))
        for s, e in _whole_lines(new, c.new_start, c.new_end):
            added[new[s:e]].append((i, s, e))
    moves: list[Change] = []
    cut_old: dict[int, Spans] = defaultdict(list)
    cut_new: dict[int, Spans] = defaultdict(list)
    for line, places in removed.items():
        # A line deleted twice and inserted once moved once: paired in order, the rest stays.
        for (i, os_, oe), (j, ns, ne) in zip(places, added.get(line, ()), strict=False):
            moves.append(Change("move", os_, oe, ns, ne, line, line))
            cut_old[i].append((os_, oe))
            cut_new[j].append((ns, ne))
    if not moves:
        return changes
    out = list(moves)
    for i, c in enumerate(changes):
        if i not in cut_old and i not in cut_new:
            out.append(c)
        else:
            out.extend(_rest(c, old, new, cut_old[i], cut_new[i]))
    return sorted(out, key=lambda c: (c.old_start, c.new_start))


def _whole_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of `text` wholly inside [start, end), each without the spaces at its ends,
    MOVED_AT_LEAST characters or more."""
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        whole = (at == 0 or text[at - 1] == "\n") and (stop == len(text) or text[stop] == "\n")
        line = text[at:stop]
        core = line.strip()
        if whole and len(core) >= MOVED_AT_LEAST:
            lead = len(line) - len(line.lstrip())
            yield at + lead, at + lead + len(core)
        at = stop + 1


def _rest(c: Change, old: str, new: str, moved_old: Spans, moved_new: Spans) -> list[Change]:
    """What change `c` deleted and inserted besides the lines moved out of it: a replacement
    when one passage is left either side, else each passage left deleted or inserted where the
    change stood. A passage of blank lines alone is the move's layout, not a change."""
    gone = _left(old, c.old_start, c.old_end, moved_old)
    put = _left(new, c.new_start, c.new_end, moved_new)
    if len(gone) == 1 and len(put) == 1:
        (os_, oe), (ns, ne) = gone[0], put[0]
        return [Change("replace", os_, oe, ns, ne, old[os_:oe], new[ns:ne])]
    rest = [Change("delete", s, e, c.new_start, c.new_start, old[s:e], "") for s, e in gone]
    rest += [Change("insert", c.old_end, c.old_end, s, e, "", new[s:e]) for s, e in put]
    return rest


def _left(text: str, start: int, end: int, moved: Spans) -> Spans:
    """The passages of text[start:end] outside the `moved` spans that hold more than
    whitespace."""
    left: Spans = []
    at = start
    for s, e in sorted(moved):
        if text[at:s].strip():
            left.append((at, s))
        at = e
    if text[at:end].strip():
        left.append((at, end))
    return left
