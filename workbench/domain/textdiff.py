"""What changed between two texts: passages inserted, deleted and replaced, with code-point
offsets in both, and the map of old positions to new ones that re-anchoring starts from.

Lines are matched first (an article is paragraphs; this keeps a 1 MB diff fast), then a
replaced block of moderate size is matched again character by character, so that a changed
number is reported as that number and not as its whole paragraph.

A line is matched with the blank lines after it, and the lines both texts begin and end with
are set aside before matching: difflib's matcher (without its junk heuristic, which would drop
a line that recurs) visits every place a line recurs for each of its occurrences, and a blank
line between paragraphs recurs thousands of times in a long article. A 1 MB article took 103 s
to diff that way, and takes under a second now.

The matcher's work is capped all the same (review56): any other line repeated through the text
(a transcript's "(applause)", a table row) or a replaced paragraph with a repeating pattern
("abab...", "1,1,1,...") made it visit every pair of equal units again at each level of its
recursion, more than the square of the input (2,000 lines took 41 s, a 3,900-character
paragraph 65 s, inside `doc update`'s write transaction). Its work is counted (the places each
unit recurs, per search) against a budget in proportion to the input, which ordinary revisions
stay well within, so their diff is the matcher's as before. Past it, lines are matched on the
lines that occur once in each text (patience diffing, linear but for a sort), the stretches
between them by the matcher again within what is left of the budget, and what is left over is
one replaced passage; a replaced passage compared character by character past its budget (or
past what is left of the whole diff's, for many such passages) is one change from its first
differing character to its last.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import Match, SequenceMatcher
from itertools import accumulate
from typing import Literal, TypeVar

from workbench.domain.json_fields import JsonFields

# Replaced blocks up to this many characters (each side) are refined character by character.
REFINE_UP_TO = 4000
MERGE_BELOW = 3
# The matcher's work allowed, per unit compared (line, or character of a replaced passage):
# ordinary revisions use a fraction (a 1 MB article revised throughout: 42 a line; English
# paragraphs with 30 words retyped: up to 320 a character), hostile repetition thousands.
LINE_WORK, CHAR_WORK = 400, 500
# ... and all the passages of one diff refined character by character, per character of both
# texts (a 1 MB revision of 1,000-character repeating paragraphs would take a minute at
# CHAR_WORK each; ordinary ones use well under one a character).
REFINE_WORK = 50
# Below this much work nothing is capped (a short text is cheap however it repeats).
LEAST_WORK = 20_000

# `move` is never a diff's: the stealth-edit report says a line deleted in one place and
# inserted in another so (workbench.domain.moves).
Op = Literal["insert", "delete", "replace", "move"]


@dataclass(frozen=True, slots=True)
class Change(JsonFields):
    op: Op
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str


@dataclass(frozen=True, slots=True)
class Diff:
    changes: list[Change]
    # Equal stretches as (old start, new start, length), in order: what map_offset maps with.
    equal: list[tuple[int, int, int]]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts[:] = [e[0] for e in self.equal]

    def map_offset(self, pos: int) -> int:
        """Where old position `pos` is in the new text (inside a change: proportionally)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0:
            o, n, length = self.equal[k]
            if pos < o + length:
                return n + (pos - o)
            gap_old_start, gap_new_start = o + length, n + length
        else:
            gap_old_start = gap_new_start = 0
        if k + 1 < len(self.equal):
            gap_old_end, gap_new_end = self.equal[k + 1][0], self.equal[k + 1][1]
        else:
            gap_old_end, gap_new_end = gap_old_start, gap_new_start
            for c in self.changes:
                gap_old_end, gap_new_end = max(gap_old_end, c.old_end), max(gap_new_end, c.new_end)
        span_old = max(1, gap_old_end - gap_old_start)
        return gap_new_start + (pos - gap_old_start) * (gap_new_end - gap_new_start) // span_old


# A line with the blank lines that follow it (the last may have no line break).
_UNIT = re.compile(r"[^\n]*\n+|[^\n]+")


def _units(text: str) -> list[str]:
    return _UNIT.findall(text)


def _same_head(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def diff_texts(old: str, new: str) -> Diff:
    a, b = _units(old), _units(new)
    head = _same_head(a, b)
    tail = _same_head(a[head:][::-1], b[head:][::-1])
    changes: list[Change] = []
    equal: list[tuple[int, int, int]] = []
    # (at least what one passage may use: a short text's diff is the matcher's whatever it is)
    refining = _Budget(
        max(len(old) + len(new), 2 * REFINE_UP_TO * CHAR_WORK // REFINE_WORK), REFINE_WORK
    )
    at_old = at_new = sum(map(len, a[:head]))
    if at_old:
        equal.append((0, 0, at_old))
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    ao = _offsets(middle_a, at_old)
    bo = _offsets(middle_b, at_new)
    blocks = _line_blocks(middle_a, middle_b)
    for tag, i1, i2, j1, j2 in _opcodes(blocks, len(middle_a), len(middle_b)):
        os_, oe, ns, ne = ao[i1], ao[i2], bo[j1], bo[j2]
        if tag == "equal":
            equal.append((os_, ns, oe - os_))
        elif tag == "replace" and oe - os_ <= REFINE_UP_TO and ne - ns <= REFINE_UP_TO:
            _refine(old, new, os_, oe, ns, ne, changes, equal, refining)
        elif tag == "replace" and (paired := _paired_lines(old, new, os_, oe, ns, ne)):
            # As many lines replaced as replacing them, too long to refine whole: each line
            # changed where it stands (spaces added at every line end, a word respelt in every
            # paragraph), refined against its own, not one replacement of the whole text.
            for line_a, line_b, revised in paired:
                if revised:
                    _refine_line(old, new, line_a, line_b, changes, equal, refining)
                else:  # another line in its place: replaced, not refined into noise
                    (a1, a2), (b1, b2) = line_a, line_b
                    changes.append(Change("replace", a1, a2, b1, b2, old[a1:a2], new[b1:b2]))
        else:
            op: Op = "insert" if tag == "insert" else "delete" if tag == "delete" else "replace"
            changes.append(Change(op, os_, oe, ns, ne, old[os_:oe], new[ns:ne]))
    if tail:  # (the middle ends in a change: the lines of both ends differ)
        equal.append((ao[-1], bo[-1], len(old) - ao[-1]))
    return Diff(changes, equal)


_Unit = TypeVar("_Unit", bound=Hashable)
Block = tuple[int, int, int]  # equal runs: (start in a, start in b, length)


class _OverBudget(Exception):
    """The matcher's work went past its budget."""


class _Budget:
    def __init__(self, units: int, per_unit: int, most: int | None = None) -> None:
        self.left = max(LEAST_WORK, units * per_unit)
        if most is not None:
            self.left = min(self.left, most)


class _Bounded(SequenceMatcher[_Unit]):
    """difflib's matcher (no junk), its work counted against a budget: each search for the
    longest match in a[alo:ahi] visits, for every unit there, the places it occurs in b (at
    most; those past `bhi` are not visited), and raises _OverBudget past the budget."""

    def __init__(self, a: Sequence[_Unit], b: Sequence[_Unit], budget: _Budget) -> None:
        super().__init__(None, a, b, autojunk=False)
        self._budget, self._len_a = budget, len(a)
        # (difflib's own index of b, without junk, holds each unit's places: as many)
        places = Counter(b)
        self._work = list(accumulate((places[x] for x in a), initial=0))

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> Match:
        top = self._len_a if ahi is None else ahi
        work = self._work[top] - self._work[alo] + (top - alo)
        if work > self._budget.left:
            raise _OverBudget  # (before the work: what is left is left for what follows)
        self._budget.left -= work
        return super().find_longest_match(alo, ahi, blo, bhi)


def _matched(a: Sequence[_Unit], b: Sequence[_Unit], budget: _Budget) -> list[Block]:
    """The matcher's equal runs (without its final empty one), or _OverBudget."""
    return [(m.a, m.b, m.size) for m in _Bounded(a, b, budget).get_matching_blocks()[:-1]]


def _char_blocks(a: str, b: str, refining: _Budget) -> list[Block]:
    """Equal runs of two passages, character by character; past the budget (the passage's,
    or what is left of the whole diff's `refining`), the characters both begin and end with
    (what is between is one change)."""
    budget = _Budget(len(a) + len(b), CHAR_WORK, refining.left)
    given = budget.left
    try:
        return _matched(a, b, budget)
    except _OverBudget:
        head, tail = _trimmed(a, b, 0, len(a), 0, len(b))
        return [x for x in ((0, 0, head), (len(a) - tail, len(b) - tail, tail)) if x[2]]
    finally:
        refining.left -= given - budget.left


def _line_blocks(a: list[str], b: list[str]) -> list[Block]:
    """Equal runs of two lists of lines: the matcher's while within its budget; past it,
    patience diffing's anchors (lines once in each text, in an order both keep), the
    stretches between them trimmed of the lines they begin and end with and matched within
    what is left of the budget (else left as one replaced passage)."""
    budget = _Budget(len(a) + len(b), LINE_WORK)
    try:
        return _matched(a, b, budget)
    except _OverBudget:
        pass
    blocks: list[Block] = []
    i = j = 0
    for ai, bj in [*_anchors(a, b), (len(a), len(b))]:
        blocks.extend(_gap_blocks(a, b, i, ai, j, bj, budget))
        if ai < len(a):
            blocks.append((ai, bj, 1))
        i, j = ai + 1, bj + 1
    return _joined(blocks)


def _gap_blocks(
    a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, budget: _Budget
) -> list[Block]:
    head, tail = _trimmed(a, b, alo, ahi, blo, bhi)
    out = [(alo, blo, head)] if head else []
    lo_a, lo_b, hi_a, hi_b = alo + head, blo + head, ahi - tail, bhi - tail
    if lo_a < hi_a and lo_b < hi_b and budget.left:
        try:
            inner = _matched(a[lo_a:hi_a], b[lo_b:hi_b], budget)
        except _OverBudget:
            inner = []
        out.extend((x + lo_a, y + lo_b, n) for x, y, n in inner)
    if tail:
        out.append((hi_a, hi_b, tail))
    return out


def _trimmed(
    a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[int, int]:
    """How many units a[alo:ahi] and b[blo:bhi] begin with alike, and end with alike after
    those."""
    head = 0
    while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
        head += 1
    tail = 0
    while (
        alo + head < ahi - tail
        and blo + head < bhi - tail
        and a[ahi - tail - 1] == b[bhi - tail - 1]
    ):
        tail += 1
    return head, tail


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """The lines that occur once in a and once in b, as (index in a, index in b): the most of
    them in an order both texts keep (the longest increasing run of b's indices, by patience
    sorting)."""
    count_a, count_b = Counter(a), Counter(b)
    where = {line: j for j, line in enumerate(b) if count_b[line] == 1}
    pairs = [(i, where[line]) for i, line in enumerate(a) if count_a[line] == 1 and line in where]
    tops: list[int] = []  # the b index ending the best run of each length
    ends: list[int] = []  # the pair index ending it
    back: list[int] = []  # each pair's predecessor in its run (-1: none)
    for k, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(tops, j)
        back.append(ends[n - 1] if n else -1)
        if n == len(tops):
            tops.append(j)
            ends.append(k)
        else:
            tops[n], ends[n] = j, k
    run: list[tuple[int, int]] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        run.append(pairs[k])
        k = back[k]
    return run[::-1]


def _joined(blocks: list[Block]) -> list[Block]:
    """Equal runs with those that touch made one."""
    out: list[Block] = []
    for i, j, n in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + n)
        else:
            out.append((i, j, n))
    return out


def _opcodes(blocks: list[Block], la: int, lb: int) -> Iterator[tuple[str, int, int, int, int]]:
    """difflib's opcodes from equal runs (in order, apart): the stretches between them are
    replaced, deleted or inserted."""
    i = j = 0
    for ai, bj, size in [*blocks, (la, lb, 0)]:
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            yield tag, i, ai, j, bj
        i, j = ai + size, bj + size
        if size:
            yield "equal", ai, i, bj, j


def _offsets(units: list[str], start: int) -> list[int]:
    out = [start]
    for unit in units:
        out.append(out[-1] + len(unit))
    return out


_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _paired_lines(
    old: str, new: str, os_: int, oe: int, ns: int, ne: int
) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """The lines of old[os_:oe] paired in order with those of new[ns:ne], each as its (start,
    end) and whether the pair is one line revised (`_revised`), when both have as many (blank
    ones counted: a blank line given spaces is no longer part of the unit of the paragraph
    above it) and most pairs are; else none. As many lines is not enough: a paragraph
    inserted and another dropped leave the count as it was, and line k paired with line k
    read each paragraph as a rewrite of the one above it (rrevisions)."""
    a = [m.span() for m in _LINE.finditer(old, os_, oe)]
    b = [m.span() for m in _LINE.finditer(new, ns, ne)]
    if len(a) != len(b):
        return []
    paired = [
        (x, y, _revised(old[x[0] : x[1]], new[y[0] : y[1]])) for x, y in zip(a, b, strict=True)
    ]
    return paired if 2 * sum(p[2] for p in paired) > len(paired) else []


def _revised(a: str, b: str) -> bool:
    """Whether line `b` is line `a` revised, not another line: the same but for whitespace, or
    beginning and ending alike over at least half the longer (a word respelt, spaces added)."""
    if a.strip() == b.strip():
        return True
    head, tail = _trimmed(a, b, 0, len(a), 0, len(b))
    return 2 * (head + tail) >= max(len(a), len(b))


def _refine_line(
    old: str,
    new: str,
    a: tuple[int, int],
    b: tuple[int, int],
    changes: list[Change],
    equal: list[tuple[int, int, int]],
    refining: _Budget,
) -> None:
    """One line of a replaced block paired with the line replacing it (`diff_texts`): equal,
    refined, or, too long to refine, replaced whole."""
    (os_, oe), (ns, ne) = a, b
    if old[os_:oe] == new[ns:ne]:
        equal.append((os_, ns, oe - os_))
    elif oe - os_ <= REFINE_UP_TO and ne - ns <= REFINE_UP_TO:
        _refine(old, new, os_, oe, ns, ne, changes, equal, refining)
    else:
        changes.append(Change("replace", os_, oe, ns, ne, old[os_:oe], new[ns:ne]))


def _refine(
    old: str,
    new: str,
    os_: int,
    oe: int,
    ns: int,
    ne: int,
    changes: list[Change],
    equal: list[tuple[int, int, int]],
    refining: _Budget,
) -> None:
    blocks = _char_blocks(old[os_:oe], new[ns:ne], refining)
    # Runs of non-equal opcodes with less than MERGE_BELOW equal characters between them are
    # one change: "4560" to "4650" is one replacement, not three.
    parts: list[list[int]] = []  # [changed (0/1), old start, old end, new start, new end]
    for tag, i1, i2, j1, j2 in _opcodes(blocks, oe - os_, ne - ns):
        a1, a2, b1, b2 = os_ + i1, os_ + i2, ns + j1, ns + j2
        if tag == "equal":
            if parts and parts[-1][0] and a2 - a1 < MERGE_BELOW and a2 < oe:
                parts[-1][2], parts[-1][4] = a2, b2  # absorbed into the change around it
            else:
                parts.append([0, a1, a2, b1, b2])
        elif parts and parts[-1][0]:
            parts[-1][2], parts[-1][4] = a2, b2
        else:
            parts.append([1, a1, a2, b1, b2])
    for changed, a1, a2, b1, b2 in _whole_numbers(old, new, parts):
        if changed:
            changes.append(_change(old, new, a1, a2, b1, b2))
        elif a2 > a1:
            equal.append((a1, b1, a2 - a1))


def _whole_numbers(old: str, new: str, parts: list[list[int]]) -> list[list[int]]:
    """The parts with each change that starts or ends inside a number widened to the whole
    number, on both sides: 1523 to 1587 is "1523" -> "1587", not "23" -> "87", which an
    editor reading `doc changes` took for the figure (session 46 left it alone). The digits
    taken from an equal part are equal on both sides, so the diff stays a diff."""
    for k, part in enumerate(parts):
        if not part[0]:
            continue
        _, a1, a2, b1, b2 = part
        if k > 0 and (_starts_number(old, a1, a2) or _starts_number(new, b1, b2)):
            before = parts[k - 1]
            take = _digits_before(old, before[1], a1)
            part[1], part[3] = a1 - take, b1 - take
            before[2], before[4] = before[2] - take, before[4] - take
        if k + 1 < len(parts) and (_ends_number(old, a1, a2) or _ends_number(new, b1, b2)):
            after = parts[k + 1]
            take = _digits_after(old, a2, after[2])
            part[2], part[4] = a2 + take, b2 + take
            after[1], after[3] = after[1] + take, after[3] + take
    # An equal part taken whole joins the changes on either side of it.
    joined: list[list[int]] = []
    for part in parts:
        if not part[0] and part[2] == part[1] and part is not parts[-1]:
            continue
        if joined and part[0] and joined[-1][0]:
            joined[-1][2], joined[-1][4] = part[2], part[4]
        else:
            joined.append(part)
    return joined


def _in_number(ch: str) -> bool:
    return ch.isdecimal() or ch in ".,"


def _starts_number(text: str, start: int, end: int) -> bool:
    """The change's side `text[start:end]` starts with a digit (or a point or comma) right
    after a number, or is empty there (an insertion or deletion inside a number)."""
    if _digits_before(text, max(0, start - 2), start) == 0:
        return False
    return start == end or _in_number(text[start])


def _ends_number(text: str, start: int, end: int) -> bool:
    if _digits_after(text, end, min(len(text), end + 2)) == 0:
        return False
    return start == end or _in_number(text[end - 1])


def _digits_before(text: str, floor: int, at: int) -> int:
    """How many characters before `at` (not before `floor`) belong to the number that ends
    there: digits, and a point or comma between digits."""
    k = at
    while k > floor and (
        text[k - 1].isdecimal()
        or (text[k - 1] in ".," and k - 1 > floor and text[k - 2].isdecimal())
    ):
        k -= 1
    return at - k


def _digits_after(text: str, at: int, ceiling: int) -> int:
    k = at
    while k < ceiling and (
        text[k].isdecimal() or (text[k] in ".," and k + 1 < ceiling and text[k + 1].isdecimal())
    ):
        k += 1
    return k - at


def _change(old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> Change:
    op: Op = "insert" if a1 == a2 else "delete" if b1 == b2 else "replace"
    return Change(op, a1, a2, b1, b2, old[a1:a2], new[b1:b2])


# Shared wording: runs of this many letters or digits (spaces and punctuation left out, case
# folded), about a word and a half of English or a phrase of Chinese. Unrelated texts on the
# same subject share few such runs (under 9% in trials: two city-council stories 5%, the
# project's own documents on the same subject at most 8.8%), one article in two languages none;
# an article with half its paragraphs rewritten keeps 12-96%.
SHINGLE = 8
# Under this share, a new text is taken for another article, not a revision of this one.
UNRELATED_BELOW = 0.10
# Fewer shingles than this in the current text is too little to judge a new one by.
MIN_SHINGLES = 40
# Beyond this many letters, shingles are sampled by a hash of their content (so both texts keep
# the same ones): the share is estimated from about this many.
SAMPLE_FROM = 100_000
# A new text too short to sample is judged by at most this many of its runs, spread over it.
SHORT_RUNS = 64


# Neither a letter nor a digit (str.isalnum): what folding leaves out.
_NOT_ALNUM = re.compile(r"[\W_]+")


def folded_wording(text: str) -> str:
    """`text`'s wording as shared_wording reads it: letters and digits only, NFKC (width
    folded), case folded. revisions' judge of a short text reads it so too."""
    import unicodedata

    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def _runs(folded: str) -> list[str]:
    return [folded[i : i + SHINGLE] for i in range(len(folded) - SHINGLE + 1)]


def _shingles(text: str, modulus: int) -> set[str]:
    import zlib

    folded = folded_wording(text)
    if modulus == 1:
        return set(_runs(folded))
    # Sampled by a checksum of each run's code points (4 bytes each), read in place from one
    # encoding of the text: a run is made a string only when it is kept.
    data = memoryview(folded.encode("utf-32-le"))
    width = 4 * SHINGLE
    crc32 = zlib.crc32
    return {
        folded[i : i + SHINGLE]
        for i in range(len(folded) - SHINGLE + 1)
        if crc32(data[4 * i : 4 * i + width]) % modulus == 0
    }


def shared_wording(old: str, new: str) -> float | None:
    """The share of the shorter text's wording that the other text holds too (0..1; runs of
    SHINGLE letters or digits), or None when the old text is too short to judge by. An article
    that grew or was cut keeps a high share; another article has almost none.

    A new text too short to sample is judged by its own runs found in the old text: a notice
    that the article was taken down ("This article has been removed.") or a paywall's teaser
    shares none, and has none at all when shorter than a run, while an excerpt of the article
    keeps its share. Stored, it would orphan every claim for good."""
    modulus = 1 + max(len(old), len(new)) // SAMPLE_FROM
    a, b = _shingles(old, modulus), _shingles(new, modulus)
    if len(a) < MIN_SHINGLES:
        return None
    if len(b) >= MIN_SHINGLES:
        return len(a & b) / min(len(a), len(b))
    runs = _runs(folded_wording(new))
    if not runs:
        return 0.0
    picked = runs[:: 1 + len(runs) // SHORT_RUNS]
    within = folded_wording(old)
    return sum(run in within for run in picked) / len(picked)
