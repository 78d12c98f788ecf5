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
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from workbench.domain.json_fields import JsonFields

# Replaced blocks up to this many characters (each side) are refined character by character.
REFINE_UP_TO = 4000
MERGE_BELOW = 3

Op = Literal["insert", "delete", "replace"]


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
    at_old = at_new = sum(map(len, a[:head]))
    if at_old:
        equal.append((0, 0, at_old))
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    ao = _offsets(middle_a, at_old)
    bo = _offsets(middle_b, at_new)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        os_, oe, ns, ne = ao[i1], ao[i2], bo[j1], bo[j2]
        if tag == "equal":
            equal.append((os_, ns, oe - os_))
        elif tag == "replace" and oe - os_ <= REFINE_UP_TO and ne - ns <= REFINE_UP_TO:
            _refine(old, new, os_, oe, ns, ne, changes, equal)
        else:
            op: Op = "insert" if tag == "insert" else "delete" if tag == "delete" else "replace"
            changes.append(Change(op, os_, oe, ns, ne, old[os_:oe], new[ns:ne]))
    if tail:  # (the middle ends in a change: the lines of both ends differ)
        equal.append((ao[-1], bo[-1], len(old) - ao[-1]))
    return Diff(changes, equal)


def _offsets(units: list[str], start: int) -> list[int]:
    out = [start]
    for unit in units:
        out.append(out[-1] + len(unit))
    return out


def _refine(
    old: str,
    new: str,
    os_: int,
    oe: int,
    ns: int,
    ne: int,
    changes: list[Change],
    equal: list[tuple[int, int, int]],
) -> None:
    matcher = SequenceMatcher(None, old[os_:oe], new[ns:ne], autojunk=False)
    # Runs of non-equal opcodes with less than MERGE_BELOW equal characters between them are
    # one change: "4560" to "4650" is one replacement, not three.
    parts: list[list[int]] = []  # [changed (0/1), old start, old end, new start, new end]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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


def _folded(text: str) -> str:
    import unicodedata

    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def _runs(folded: str) -> list[str]:
    return [folded[i : i + SHINGLE] for i in range(len(folded) - SHINGLE + 1)]


def _shingles(text: str, modulus: int) -> set[str]:
    import zlib

    folded = _folded(text)
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
    runs = _runs(_folded(new))
    if not runs:
        return 0.0
    picked = runs[:: 1 + len(runs) // SHORT_RUNS]
    within = _folded(old)
    return sum(run in within for run in picked) / len(picked)
