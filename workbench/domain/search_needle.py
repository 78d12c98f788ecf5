"""A `claim list --search` text as the search asks the database for it, in every form.

The search finds a claim whose text, quote, notes or evidence titles hold the text in any case
and in any of the forms of workbench.domain.forms, whichever side has which: `他表示，公司`
finds `他表示,公司`, `ｋｉｍｉ` finds `Kimi`, `KIMI` finds `ｋｉｍｉ`, `"` finds `“`. Stored text
is not folded (no column or index holds a folded copy), so the rows are narrowed by the trigram
index the plain search uses, and the rows it leaves are compared exactly across forms:

- the text as typed (`typed`): what the plain search asks, which is all that a text with no
  character of several forms needs (plain Chinese, which never comes here). A character whose
  forms the index does not tell apart (PostgreSQL's pg_trgm reads letters and digits only, so
  `，` and `,` are alike to it) is any character there;
- in other spellings (`groups`). A match that is not the text as typed differs from it first
  at some character; the index is asked for the rows that hold every part of the text with one
  form only and, for some character, the window of 3 that ends in it (the characters before it
  as typed, it in another form): for a plain word, a few spellings in full-width letters that
  a desk without them does not hold at all.

An ellipsis is three full stops, as `--quote` takes it (workbench.domain.forms.ELLIPSES): it
is no form of one character, so `ellipsis_spellings` gives the text with its ellipses, and its
runs of three stops, each way (`more to do...` is also `more to do…`, `他说......` also
`他说……` and `他说⋯⋯`), each searched as above.

The space between a Chinese character and a Latin letter or a figure is a habit, not a spelling
(`Kimi 智能助手`, the "pangu" spacing many style guides ask for, or `Kimi智能助手`; `--quote`
ignores it): `spacings` gives the text with and without it at each such place, each searched
as above.

A variation selector after a pictograph says how it is drawn, not what is written
(`forms.takes_selector`): the text is asked without them, and a pictograph in it is a place
where a stored text may hold some, which no window of the index runs past, and which makes the
text as typed no spelling of every match (`I ❤ NY` finds `I ❤️ NY`).

A text whose other spellings would be too many (a long one, or one full of quote marks), or
with a character of several forms where no window of the index can hold it (`#4号` to pg_trgm),
is narrowed by the windows of fewest spellings instead, in any spelling. A text whose words are
all too short for a trigram of their own (`他说......`, `to do…` to pg_trgm) is narrowed by a word
and the character beside it where the index sees the word start or end (`_edge_windows`); a
text too short for a trigram, or with nothing to narrow by, is compared row by row (as a text
too short for a trigram always was).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from workbench.domain.cjk import is_cjk_letter
from workbench.domain.forms import (
    ELLIPSES,
    ELLIPSIS_STOPS,
    SENTENCE_STOPS,
    drop_selectors,
    forms_of,
    search_fold,
    takes_selector,
)

# Both indexes (SQLite's FTS5 trigram table, PostgreSQL's pg_trgm) find substrings of 3+.
TRIGRAM = 3
# Other spellings asked for at most, as one OR of trigram lookups: a 40-character English
# sentence has about 50 (one for most letters), one full of quote marks (18 forms) far more.
MAX_OTHER_SPELLINGS = 256
# Otherwise the windows that narrow best: at most this many, of this many spellings each.
MAX_WINDOWS = 8
MAX_WINDOW_SPELLINGS = 64


@dataclass(frozen=True, slots=True)
class Needle:
    """A search text with a character of several forms, as the search asks for it.

    The rows to compare: those holding the text as typed, when `typed`, and those holding a
    spelling from each of the `groups` (an AND of ORs for the index), when there are any;
    every row when neither. `folds`: (form, what it folds to) for the forms of the text's
    characters, as typed and lower-cased, for the exact comparison."""

    text: str
    folds: tuple[tuple[str, str], ...]
    typed: bool
    groups: tuple[tuple[str, ...], ...]


# Places where a text may or may not have the space (`spacings`) whose every combination is
# searched; past them, the text as typed, with the space at none and at all of them.
MAX_SPACED_GAPS = 4


def spellings(text: str) -> tuple[str, ...]:
    """Every spelling of `text` the search asks for, as typed first: each of its
    `ellipsis_spellings` in each of its `spacings`, without the variation selectors it has
    after a pictograph (`forms.drop_selectors`: `I ❤️ NY` is asked as `I ❤ NY`, and `needle`
    finds either)."""
    text = drop_selectors(text)
    return tuple(dict.fromkeys(s for e in ellipsis_spellings(text) for s in spacings(e)))


# How an ellipsis may be spelt in a stored text: three full stops (of any width, their forms)
# or one of the ellipsis characters.
_ELLIPSIS_SPELLINGS = (ELLIPSIS_STOPS, *sorted(ELLIPSES))


def ellipsis_spellings(text: str) -> tuple[str, ...]:
    """`text` as typed, then with each of its ellipses spelt alike in each way a text spells
    one (`_ELLIPSIS_SPELLINGS`). An ellipsis is one of ELLIPSES, or three full stops in a run
    of them (of any width, but not the ideographic full stop, which ends a sentence), taken
    three by three from the run's start: `......` is two, `....` one and a stop. Spelt alike:
    a text sets its ellipses one way, and every mix of several would multiply the search (a
    mixed query is still searched as typed). A text with none is itself alone."""
    parts: list[str] = []  # the text cut at each ellipsis: its pieces between them
    piece: list[str] = []
    stops: list[str] = []  # the full stops of a run not yet made an ellipsis

    def flush_stops() -> None:
        piece.extend(stops)
        stops.clear()

    for ch in text:
        if ch in ELLIPSES:
            flush_stops()
        elif search_fold(ch) == "." and ch not in SENTENCE_STOPS:
            stops.append(ch)
            if len(stops) < len(ELLIPSIS_STOPS):
                continue
            stops.clear()
        else:
            flush_stops()
            piece.append(ch)
            continue
        parts.append("".join(piece))
        piece.clear()
    flush_stops()
    if not parts:
        return (text,)
    parts.append("".join(piece))
    spelt = (spelling.join(parts) for spelling in _ELLIPSIS_SPELLINGS)
    return tuple(dict.fromkeys((text, *spelt)))


def spacings(text: str) -> tuple[str, ...]:
    """`text` with and without a space between each Chinese (or other CJK) character and a
    letter or digit of another script beside it, as typed first: `Kimi 智能助手` is also
    `Kimi智能助手`, `营收1.5亿` also `营收 1.5 亿`. A writer spaces them or not (and sources
    disagree), as `--quote` knows, which ignores spaces. One space of any width, as the search
    folds it; every combination for up to MAX_SPACED_GAPS such places, else the text as typed
    and with all of them spaced or none. A text with no such place is itself alone."""
    parts, spaced, start = [], [], 0
    for i, ch in enumerate(text):
        if i == 0:
            continue
        if search_fold(ch) == " " and i + 1 < len(text) and _meet(text[i - 1], text[i + 1]):
            parts.append(text[start:i])
            spaced.append(" ")
            start = i + 1
        elif _meet(text[i - 1], ch):
            parts.append(text[start:i])
            spaced.append("")
            start = i
    if not spaced:
        return (text,)
    parts.append(text[start:])
    if len(spaced) <= MAX_SPACED_GAPS:
        choices = [(s, "" if s else " ") for s in spaced]
        gaps = list(itertools.product(*choices))
    else:
        gaps = [tuple(spaced), ("",) * len(spaced), (" ",) * len(spaced)]
    out = ("".join(p + g for p, g in zip(parts, (*gap, ""), strict=True)) for gap in gaps)
    return tuple(dict.fromkeys(out))


def _meet(a: str, b: str) -> bool:
    """Whether a space may stand between `a` and `b`: one is a CJK letter (a Chinese character,
    kana, hangul) and the other a letter or digit of another script, as the search folds them
    (`Ｋ` is `K`)."""
    a, b = search_fold(a), search_fold(b)
    return a.isalnum() and b.isalnum() and is_cjk_letter(a) != is_cjk_letter(b)


def _every(ch: str) -> bool:
    return True


def needle(text: str, indexed: Callable[[str], bool] = _every) -> Needle | None:
    """How to search for `text` across forms, or None when it has no character of several
    forms (the plain search finds all there is). `indexed`: whether the backend's trigrams hold
    a character (SQLite's FTS5 holds every one; pg_trgm letters and digits, the rest parting
    words)."""
    forms = [forms_of(ch) for ch in text]
    # A pictograph may have a variation selector after it in a stored text, which the search
    # ignores (`forms.takes_selector`): no window of the index may run past one, and the text
    # as typed is no spelling of every match.
    drawn = [takes_selector(ch) for ch in text]
    if all(len(f) == 1 for f in forms) and not any(drawn):
        return None
    folds = _folds(text)
    if len(text) < TRIGRAM:
        return Needle(text, folds, False, ())
    read = [indexed(ch) and not d for ch, d in zip(text, drawn, strict=True)]
    stretches = [(s, e) for s, e in _stretches(read) if e - s >= TRIGRAM]
    if not stretches:
        # No word of 3 for the index (`他说......` to pg_trgm, which reads 他说 only), but a
        # word's edge may give it one (`他说 `): every match holds the word and its edge.
        return Needle(text, folds, False, _edge_windows(text, forms, read, indexed, drawn))
    runs = tuple((r,) for r in _runs(text, forms, read) if len(r) >= TRIGRAM)
    varied = [i for i, f in enumerate(forms) if len(f) > 1 and read[i]]
    if not any(drawn) and all(any(s <= i < e for s, e in stretches) for i in varied):
        others = _other_spellings(text, forms, stretches, varied)
        if others is not None:
            return Needle(text, folds, True, (*runs, others) if others else ())
    starts = [i for s, e in stretches for i in range(s, e - TRIGRAM + 1)]
    return Needle(text, folds, False, (*runs, *_narrowest_windows(forms, starts)))


def _folds(text: str) -> tuple[tuple[str, str], ...]:
    """The replacements that fold every form of the text's characters, as typed and lower-cased
    (a comparison that lower-cases both sides first sees `ｋ` for `Ｋ`, which folds to `k`)."""
    pairs: set[tuple[str, str]] = set()
    for ch in set(text + text.lower()):
        target = search_fold(ch)
        pairs.update((form, target) for form in forms_of(ch) if form != target)
    return tuple(sorted(pairs))


def _stretches(read: list[bool]) -> list[tuple[int, int]]:
    """[start, end) of each stretch of characters the index reads."""
    out, start = [], None
    for i, r in enumerate([*read, False]):
        if r and start is None:
            start = i
        elif not r and start is not None:
            out.append((start, i))
            start = None
    return out


def _runs(text: str, forms: list[tuple[str, ...]], read: list[bool]) -> list[str]:
    """The stretches the index reads of characters with one form only: every match holds
    them as typed."""
    single = [len(f) == 1 and r for f, r in zip(forms, read, strict=True)]
    return [text[s:e] for s, e in _stretches(single)]


def _other_spellings(
    text: str,
    forms: list[tuple[str, ...]],
    stretches: list[tuple[int, int]],
    varied: list[int],
) -> tuple[str, ...] | None:
    """For each character j of several forms, a window of 3 in which it is first spelled
    otherwise: the two characters before it as typed and it in another form (or, in the first
    two of its stretch, those before it as typed, it in another form, those after in any), or
    None when they would be more than MAX_OTHER_SPELLINGS. A match not as typed differs first
    at some character j, so it holds j's window so spelled: `revenue` is asked for in 11
    spellings (`ｒev`, `rｅv`, `reｖ`, `evｅ`, ...), `他表示，公司` in 7 (`表示,`, `表示、`,
    ...)."""
    windows: list[list[tuple[str, ...]]] = []
    for j in varied:
        s = next(s for s, e in stretches if s <= j < e)
        start = max(s, j - TRIGRAM + 1)
        typed_before = [(ch,) for ch in text[start:j]]
        other = tuple(f for f in forms[j] if f != text[j])
        windows.append([*typed_before, other, *forms[j + 1 : start + TRIGRAM]])
    if sum(math.prod(map(len, w)) for w in windows) > MAX_OTHER_SPELLINGS:
        return None
    spellings = (map("".join, itertools.product(*w)) for w in windows)
    return tuple(dict.fromkeys(itertools.chain.from_iterable(spellings)))


def _edge_windows(
    text: str,
    forms: list[tuple[str, ...]],
    read: list[bool],
    indexed: Callable[[str], bool],
    drawn: list[bool],
) -> tuple[tuple[str, ...], ...]:
    """For a text with no stretch of TRIGRAM characters the index reads: each short word with
    the characters beside it where the index knows it starts or ends, in every spelling
    (fewest first, at most MAX_WINDOW_SPELLINGS each). pg_trgm pads a word whose start a
    pattern shows with two blanks and one whose end it shows with one, so `，说` gives it
    `  说` and `他说……` gives `他说 `; a character none of whose forms it reads shows the edge
    whichever form the row has (`他说......` finds `他说。。。。。。` too). Words with no such edge
    give nothing: every row is compared. A pictograph (`drawn`) is no word's left edge: a row
    may hold a selector between it and the word (`❤️NY` holds `NY❤` but not `❤NY`)."""
    n = len(text)

    def edge(i: int) -> bool:
        return 0 <= i < n and not any(indexed(f) for f in forms[i])

    windows: list[tuple[str, ...]] = []
    for s, e in _stretches(read):
        left, right = edge(s - 1) and not drawn[s - 1], edge(e)
        # Both edges where there are, else the one a trigram comes of.
        for lo, hi in ((left, right), (False, right), (left, False)):
            if not ((lo and e - s >= 1) or (hi and e - s >= 2)):
                continue
            chars = forms[s - lo : e + hi]
            if math.prod(map(len, chars)) <= MAX_WINDOW_SPELLINGS:
                windows.append(tuple(map("".join, itertools.product(*chars))))
                break
    return tuple(sorted(windows, key=len))


def _narrowest_windows(forms: list[tuple[str, ...]], starts: list[int]) -> list[tuple[str, ...]]:
    """Up to MAX_WINDOWS windows that do not overlap, of fewest spellings, each in every one,
    fewest first (windows of a single spelling are part of a run, asked for already)."""
    counts = sorted((math.prod(len(f) for f in forms[i : i + TRIGRAM]), i) for i in starts)
    taken: list[int] = []
    for count, i in counts:
        if len(taken) == MAX_WINDOWS or count > MAX_WINDOW_SPELLINGS:
            break
        if count > 1 and all(abs(i - j) >= TRIGRAM for j in taken):
            taken.append(i)
    return [tuple(map("".join, itertools.product(*forms[i : i + TRIGRAM]))) for i in taken]
