"""Finding a pinned quote again in a text that may have changed (re-anchoring).

A claim is pinned by a selector: its offsets (`start`, `end`, code points of the stored text),
its `quote` (the document's own characters) and up to `CONTEXT_CHARS` of context on each side.
When the article changes, `reanchor` looks for that passage in the new text in three steps,
as web annotation tools do (Hypothesis's anchoring was the model for the scores):

1. **exact**: the same offsets still hold the same quote with the same context (or the quote
   is found at the same start, differing only in foldable characters, see below);
2. **moved**: the quote occurs elsewhere (verbatim, or differing only in what copy editors
   change: whitespace, full-width/ASCII punctuation, quote styles, NFKC compatibility forms);
   the occurrence nearest the expected position wins, context breaking ties, provided it is
   near that position or kept its context, counted by the characters of context kept on each
   side (the same words in another passage, a correction notice repeating them, are not the
   claim: such a match goes on to the fuzzy step, where context weighs in);
3. **fuzzy**: the best approximate match, scored on the quote's similarity (weight 50), the
   prefix's and suffix's (20 each) and the distance from the expected position (2); the quote
   must reach `MIN_QUOTE_SIMILARITY` (less between the same words on its line, see
   `MIN_QUOTE_SIMILARITY_IN_CONTEXT`) and the whole `MIN_SCORE`, or the claim is **orphaned**.
   The match's edges are chosen by that same score, not by the quote's similarity alone (which
   cuts an edit at an edge short: "ranked first" is nearer "ranked s" than "ranked second"), and
   at words' edges where the old quote had its edges there (scripts written with spaces).

The expected position is the old start by default; a caller that has the old text maps the old
start through the diff first (`workbench.domain.textdiff.OffsetMap`), so that a paragraph
inserted above does not make a nearer copy of the quote win.

Everything here is pure (no I/O) and works on any text: claims and annotation imports anchor
quotes from outside with `anchor_quote` (the same folding, no fuzzy step), and
`find_quote_tolerant` helps `claim add --quote`.
Offsets returned are always code points of the text given, and `quote == text[start:end]`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, Literal

from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.forms import (
    ELLIPSES,
    ELLIPSIS_STOPS,
    EXTRA_FOLDS,  # what copy editors swap that NFKC leaves alone
    SENTENCE_STOPS,
    VARIATION_SELECTORS,
    is_selector,
)
from workbench.domain.occurrences import (
    MAX_OCCURRENCES,
    find_quote,
    occurrence_out_of_range,
    occurrence_starts,
    past_selectors,
    too_many_occurrences,
)
from workbench.domain.said_back import UNSEEN_NOTE, clip_pair, clip_quote, marked_quote, said_quote
from workbench.domain.segment import (
    CLOSERS,
    INVISIBLE,
    OPENERS,
    STOPS,
    before_footnote,
    ends_sentence,
    split_sentences,
)
from workbench.domain.spans import CONTEXT_CHARS, Span, span_at, span_words
from workbench.domain.text import normalise

MIN_QUOTE_SIMILARITY = 0.7
# A short quote whose figure changed (门店512家 -> 门店520家) keeps two thirds of itself or less:
# between the same words on both sides (each side at least CONTEXT_KEPT alike) it is still the
# claim's passage, changed, down to this much of the quote. A line's edges alone are no such
# context: a whole line is taken so only if it is mostly a part of the quote (`_part_of`).
MIN_QUOTE_SIMILARITY_IN_CONTEXT = 0.5
CONTEXT_KEPT = 0.9
MIN_SCORE = 0.5
# Hypothesis's weights: the quote counts most, context next, position only breaks near-ties.
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
# Characters searched on each side of the expected position before looking further away.
NEAR_WINDOW = 2000
# Occurrences of one seed looked at: a quote made of very common characters stops here.
MAX_SEED_HITS = 64
# An exact quote far from where it was expected counts as moved only with this much of its
# context (mean of prefix and suffix similarity); otherwise the fuzzy step weighs it.
MIN_CONTEXT_SIMILARITY = 0.5
MAX_CONTEXT_CHECKS = 200
# `Matcher.nearest`: the windows aligned (those most pieces of the quote point at: at least 16,
# more for a short quote) and, of them, those widened (the roughly best).
NEAREST_WINDOWS, NEAREST_CHARACTERS, NEAREST_WIDENED = 16, 40_000, 3
# The windows the fuzzy step aligns besides the expected place's: as many as a budget of the
# quote's length squared allows (64 at 800 characters, 4 at 3,200), and at least these.
FUZZY_WINDOW_BUDGET, FUZZY_WINDOWS_LEAST = 40_000_000, 3


class AnchorState(StrEnum):
    EXACT = "exact"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


ANCHOR_STATES = tuple(s.value for s in AnchorState)


@dataclass(frozen=True, slots=True)
class Selector:
    """Where a quote was: offsets into the text it was pinned in, the quote, its context."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Anchored:
    """The outcome of re-anchoring: the new span (None when orphaned) and how it was found."""

    state: AnchorState
    span: Span | None
    score: float

    @property
    def quote_changed(self) -> bool:
        return self.state in (AnchorState.FUZZY, AnchorState.ORPHANED)


# The Latin typographic ligatures a PDF's text layer keeps (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ): folded to their
# letters, the one expansion folding makes (`Folded` maps the letters back to the one character).
LIGATURES = frozenset(chr(c) for c in range(0xFB00, 0xFB07))
# The ellipses (workbench.domain.forms.ELLIPSES): folded to three full stops, as a ligature to
# its letters (trial253); a quote typed "……" or "..." finds "⋯⋯" too (review255).
EXPANDED = LIGATURES | ELLIPSES


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str | None:
    """One character's folded form: one character, the letters of a ligature, or None for
    whitespace and the invisible characters of `segment.INVISIBLE` (dropped: a zero-width space
    pasted into a stored text is no reason for a quote typed without it to be refused; a soft
    hyphen, a PDF's word broken at a line's end, is one of them), and for a variation
    selector (`forms.VARIATION_SELECTORS`: `❤` typed is the text's `❤️`, and the reverse)."""
    if ch.isspace() or ch in INVISIBLE or is_selector(ch):
        return None
    if ch in EXTRA_FOLDS:
        return EXTRA_FOLDS[ch]
    if ch in ELLIPSES:
        return ELLIPSIS_STOPS
    folded = unicodedata.normalize("NFKC", ch)
    if ch in EXPANDED:
        return folded
    if len(folded) == 1:
        return EXTRA_FOLDS.get(folded, folded)
    # Other expansions (‥ to ..) are no typing habit, and would only widen what dots match.
    return ch


class _FoldTable(dict[int, str | None]):
    """str.translate's table, filled on first sight of each character."""

    def __missing__(self, code: int) -> str | None:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
# What `_fold_char` drops.
_SPACES = re.compile("[\\s" + "".join(sorted(INVISIBLE)) + VARIATION_SELECTORS + "]+")
_LIGATURE = re.compile("[" + "".join(sorted(EXPANDED)) + "]")  # the ellipsis too
# Letters of the scripts that hyphenate words at a line's end (Latin, Greek, Cyrillic); a hyphen
# after a Han character or a digit is no word broken ("2019-\n2020" is a range of years).
_HYPHENATED = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\ufb00-\ufb06"  # ligatures too
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
# A word hyphenated at a line break: a hyphen between letters with a line break after it, or,
# as a PDF's line break pastes, spaces and then a lower-case letter ("con- sider"). Only the
# hyphen is matched: the whitespace after it is dropped as all whitespace is.
# (The hyphen first, its letter looked behind for: the regex engine then skips to hyphens.)
_LINE_BREAK_HYPHEN = re.compile(
    f"[-\u2010](?<=[{_HYPHENATED}][-\u2010])(?=[^\\S\n]*\n\\s*[{_HYPHENATED}]|[ \t]+[{_LOWER}])"
)


def _has_hyphen(text: str) -> bool:
    return "-" in text or "\u2010" in text


class Folded:
    """A text with whitespace and line-break hyphens dropped, ligatures spelt out and look-alike
    characters folded, one-to-one otherwise, with the map from folded indices back to code
    points of the original."""

    def __init__(self, text: str) -> None:
        self.original = text
        # Folded indices where a line-break hyphen was dropped (before the letter after it),
        # and those inside a ligature's letters (no occurrence starts or ends there).
        self.breaks: frozenset[int] = frozenset()
        self.inside: frozenset[int] = frozenset()
        # Folded indices of the full stops an ellipsis was spelt out as.
        self.dots: frozenset[int] = frozenset()
        # Where the map changes, as (folded index, original minus folded from there on): the
        # original index of folded index i is i plus the shift of the last change at or
        # before i.
        self._at: list[int] = []
        self._shift: list[int] = []
        breaks = [m.start() for m in _LINE_BREAK_HYPHEN.finditer(text)] if _has_hyphen(text) else []
        # As `fold`, the line-break hyphens found once.
        kept = [text[a + 1 : b] for a, b in zip([-1, *breaks], [*breaks, len(text)], strict=True)]
        self.text = "".join(kept).translate(_TABLE) if breaks else text.translate(_TABLE)
        ligatures = (
            [m.start() for m in _LIGATURE.finditer(text)]
            if any(ch in text for ch in EXPANDED)
            else []
        )
        if not breaks and not ligatures:
            dropped = 0  # the common case, kept as lean as before
            for m in _SPACES.finditer(text):
                dropped += m.end() - m.start()
                self._at.append(m.end() - dropped)
                self._shift.append(dropped)
            return
        self._map_changes(breaks, ligatures)

    def _map_changes(self, breaks: list[int], ligatures: list[int]) -> None:
        # (original index, original length, folded length) of every change, in text order.
        changes = [(m.start(), m.end() - m.start(), 0) for m in _SPACES.finditer(self.original)]
        changes += [(at, 1, 0) for at in breaks]
        changes += [(at, 1, len(_fold_char(self.original[at]) or "")) for at in ligatures]
        changes.sort()
        hyphens = set(breaks)
        shift, broken, inside = 0, set(), set()
        dots: set[int] = set()
        for at, length, grown in changes:
            here = at - shift  # the folded index of the change
            if at in hyphens:
                broken.add(here)
            elif self.original[at] in ELLIPSES:
                dots.update(range(here, here + grown))
            for k in range(1, grown):  # a ligature's later letters (an ellipsis' dots) map to it
                inside.add(here + k)
                self._at.append(here + k)
                self._shift.append(shift - k)
            shift += length - grown
            self._at.append(here + grown)
            self._shift.append(shift)
        self.breaks, self.inside, self.dots = frozenset(broken), frozenset(inside), frozenset(dots)

    def to_original(self, i: int) -> int:
        """The original index of folded character i."""
        k = bisect.bisect_right(self._at, i)
        return i + (self._shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end) (whitespace at the edges left out; the
        variation selectors after its last character kept: they are that character's)."""
        return self.to_original(start), past_selectors(self.original, self.to_original(end - 1) + 1)

    def whole(self, start: int, end: int) -> bool:
        """Whether folded [start, end) cuts no ligature in two."""
        return start not in self.inside and end not in self.inside

    def cuts_dots(self, at: int) -> bool:
        """Whether folded index `at`, an edge of an occurrence, falls between two full stops of
        a run that an ellipsis is part of: "..." typed is one ellipsis, not half of a "……"."""
        return (
            0 < at < len(self.text)
            and (at in self.dots or at - 1 in self.dots)
            and self._run_dot(at - 1)
            and self._run_dot(at)
        )

    def over_runs(self, start: int, end: int) -> tuple[int, int]:
        """Folded [start, end) with each edge that cuts a run of dots (`cuts_dots`) moved out
        to the run's end."""
        while self.cuts_dots(start):
            start -= 1
        while self.cuts_dots(end):
            end += 1
        return start, end

    def cuts_no_run(self, start: int, end: int) -> bool:
        """Whether folded [start, end) has neither edge between two full stops of a run an
        ellipsis is part of (a passage to offer holds such a run whole)."""
        return not self.cuts_dots(start) and not self.cuts_dots(end)

    def _run_dot(self, i: int) -> bool:
        """Whether folded character i is a dot an ellipsis' run may hold: an ideographic full
        stop folds to "." too, but ends the sentence ("他说……。": rr260, a quote typed
        "他说......" was refused, the "。" read as a fourth dot)."""
        return self.text[i] == "." and self.original[self.to_original(i)] not in SENTENCE_STOPS

    def keeps(self, quote: str, start: int, end: int) -> bool:
        """Whether folded [start, end), where `quote` was found, cuts no ligature or ellipsis
        in two, nor a run of dots an ellipsis is part of at an edge the quote typed as a full
        stop. A stop of any width counts (".", "．", "。" all fold to "."; review255: "他说．．．"
        pinned half of a "……"); a quote's own ellipsis there is the one character it is (a
        Chinese quote's "…" was found in a "……" before the ellipsis was folded)."""
        if not self.whole(start, end):
            return False
        head, tail = _typed_stops(quote)
        return not (head and self.cuts_dots(start)) and not (tail and self.cuts_dots(end))

    def from_original(self, pos: int) -> int:
        """The folded index of the first kept character at or after original `pos`."""
        pos = max(0, min(pos, len(self.original)))
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_original(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


@lru_cache(maxsize=64)
def _typed_stops(quote: str) -> tuple[bool, bool]:
    """Whether the first and the last character of `quote` that folding keeps is a full stop
    (of any width). Not its first and last as typed: a zero-width space or soft hyphen pasted
    with it is dropped, and hid the stop before it (rr260: "他说...\u200b" pinned half of a
    "……"). Cached: asked again for each occurrence found."""
    kept = _SPACES.sub("", quote)
    return fold(kept[:1]) == ".", fold(kept[-1:]) == "."


def respelt(old: str, new: str) -> bool:
    """Whether a quote found again as `new` (its words, by folding: `Matcher.reanchor`'s exact
    or moved) reads otherwise than `old` in more than its layout: its "..." made "…", its
    "……" set as "⋯⋯", a straight quote mark made curly. A line broken or spaced otherwise
    is the same quote to a reader; a stop made an ellipsis is a character of it changed."""
    return _unlaid(old) != _unlaid(new)


def _unlaid(text: str) -> str:
    """`text` without what `fold` drops as layout, its characters unfolded: whitespace, the
    invisible characters, and the hyphens of words broken at a line's end."""
    if _has_hyphen(text):
        text = _LINE_BREAK_HYPHEN.sub("", text)
    return _SPACES.sub("", text)


def fold(text: str) -> str:
    """The folded form of a string (quotes, contexts): what tolerant matching compares."""
    if _has_hyphen(text):
        text = _LINE_BREAK_HYPHEN.sub("", text)
    return text.translate(_TABLE)


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return float(_levenshtein().normalized_similarity(a, b))


@lru_cache(maxsize=1)
def _levenshtein() -> Any:
    # rapidfuzz loads on first use: reading commands never pay for it.
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


def _context_score(text: str, start: int, end: int, sel: Selector) -> tuple[float, float]:
    """How well the text around [start, end) matches the selector's prefix and suffix.

    Context stops at a line break on both sides: paragraphs move as units, so the text beyond
    a paragraph's edge says nothing about whether this is the same passage.
    """
    context = _Context(text, sel)
    return context.before(start), context.after(end)


class _Context:
    """The selector's prefix and suffix (folded, up to a line break), to compare with the text
    before a candidate start and after a candidate end (original offsets)."""

    def __init__(self, text: str, sel: Selector) -> None:
        self.text = text
        self.want_before = fold(sel.prefix.rsplit("\n", 1)[-1])
        self.want_after = fold(sel.suffix.split("\n", 1)[0])
        # Whether the context holds words on its line: a quote that is a whole line (a table
        # row, a paragraph) has only the line's edges around it, which every line has; those
        # say nothing of which line is the claim's (trial54: a table row taken off the page,
        # its claim re-pinned onto the next row, another claim's, whose every figure differed;
        # `_fuzzy` then asks the passage to be mostly a part of the quote, `_part_of`).
        self.worded = any(ch.isalnum() for ch in self.want_before + self.want_after)

    def before(self, start: int) -> float:
        want = self.want_before
        have = fold(self.text[max(0, start - CONTEXT_CHARS * 2) : start].rsplit("\n", 1)[-1])
        return _side(want, have[-len(want) :] if want else have)

    def after(self, end: int) -> float:
        want = self.want_after
        have = fold(self.text[end : end + CONTEXT_CHARS * 2].split("\n", 1)[0])
        return _side(want, have[: len(want)] if want else have)

    def kept(self, start: int, end: int) -> float:
        """How much of the context is still around [start, end): each side's similarity
        weighted by the characters it had (a line's edge counting as one). A far occurrence
        whose prefix is all new is not the claim's passage because one full stop still follows
        it (trial54: the mayor's sentence taken off the page, its words repeated by a
        correction notice, "said [quote]." there: a plain mean of the sides gave 0.6, and the
        claim was moved into the notice, "quote unchanged", its verdict unflagged)."""
        before, after = self.before(start), self.after(end)
        weight_before, weight_after = max(1, len(self.want_before)), max(1, len(self.want_after))
        return (weight_before * before + weight_after * after) / (weight_before + weight_after)


def _part_of(candidate: str, fq: str) -> bool:
    """Whether `candidate` is mostly a part of the folded quote `fq` (its paragraph split in
    two, one half edited), not other words throughout (another table row, every figure
    different): its best alignment within the quote reaches MIN_QUOTE_SIMILARITY."""
    from rapidfuzz import fuzz

    return float(fuzz.partial_ratio(fold(candidate), fq)) >= 100 * MIN_QUOTE_SIMILARITY


def _side(want: str, have: str) -> float:
    if not want:
        # The quote met a line break (or the text's edge) here: so should the match.
        return 1.0 if not have else 0.5
    return _similarity(want, have)


def _span(text: str, start: int, end: int) -> Span:
    return span_at(text, start, end)


class Matcher:
    """Re-anchors many selectors against one text, folding the text once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: Folded | None = None
        # `context_holding`'s index: the occurrences of a few quotes by the folded text just
        # before and just after each, of each length asked.
        self._edges: dict[tuple[tuple[int, int], ...], _ContextIndex] = {}
        self._occurrences: dict[str, list[tuple[int, int]]] = {}
        # The occurrences each holds, counted as kept: summed over every quote at each quote
        # asked, an import of 40,000 rows each quoting its own words took twice as long (rr344).
        self._edges_held = self._occurrences_held = 0

    @property
    def folded(self) -> Folded:
        if self._folded is None:
            self._folded = Folded(self.text)
        return self._folded

    def context_holding(
        self, found: list[tuple[int, int]], prefix: str, suffix: str
    ) -> list[tuple[int, int]]:
        """Those of `found`, the occurrences of one quote, around which `prefix` and `suffix`
        hold (`_context_holds`), looked up rather than compared one by one: an import of
        annotations compared every occurrence's context for every row, and a page repeating a
        quote 10,000 times, one annotation each, took 0.3 s a row (rr340)."""
        if len(found) > _KEPT_OCCURRENCES:
            # Too many to keep: compared one by one, holding nothing, as before rr340.
            return [at for at in found if _context_holds(self, at, prefix, suffix)]
        key = tuple(found)
        index = self._edges.get(key)
        if index is None:
            index = _ContextIndex(self.folded, found)
            if self._edges_held + len(found) > _KEPT_OCCURRENCES:
                self._edges.clear()
                self._edges_held = 0
            self._edges[key] = index
            self._edges_held += len(found)
        want_before, want_after = _wanted_context(prefix, suffix)
        before, after = index.before(want_before), index.after(want_after)
        fewer, more = sorted((before, after), key=len)
        held = set(fewer).intersection(more)
        if max(len(want_before), len(want_after)) > _INDEXED_CONTEXT:
            # Found by the characters nearest the quote alone: the rest compared (rr344).
            return [
                found[i] for i in sorted(held) if _context_holds(self, found[i], prefix, suffix)
            ]
        return [found[i] for i in sorted(held)]

    def reanchor(self, sel: Selector, expected: int | None = None) -> Anchored:
        """Find `sel` in the text: exact, moved, fuzzy or orphaned (see the module docstring)."""
        text = self.text
        hint = sel.start if expected is None else expected
        if not sel.quote:
            return Anchored(AnchorState.ORPHANED, None, 0.0)
        if (
            text[sel.start : sel.end] == sel.quote
            and text[max(0, sel.start - len(sel.prefix)) : sel.start] == sel.prefix
            and text[sel.end : sel.end + len(sel.suffix)] == sel.suffix
        ):
            return Anchored(AnchorState.EXACT, _span(text, sel.start, sel.end), 1.0)
        found = self._nearest_occurrence(sel, hint)
        if found is not None:
            start, end = found
            glued = _glued(text, sel, start, end)
            if glued is not None:
                # Its words are there, with words run onto them where a mark or a space was:
                # the claim's words changed (trial48: 生产城市。 became 生产城市之一。, "one of
                # the largest", and a quote ending at 城市 stayed exact, its verdict standing).
                wider = _span(text, *glued)
                return Anchored(
                    AnchorState.FUZZY,
                    wider,
                    round(_similarity(fold(sel.quote), fold(wider.quote)), 4),
                )
            # Where it was, differing at most in foldable characters: still exact.
            state = AnchorState.EXACT if start == sel.start else AnchorState.MOVED
            return Anchored(state, _span(text, start, end), 1.0)
        return self._fuzzy(sel, hint)

    def context_similarity(self, sel: Selector, start: int, end: int) -> float:
        """How like the selector's prefix and suffix the text around [start, end) is (0..1)."""
        return sum(_context_score(self.text, start, end, sel)) / 2

    def occurrences(self, quote: str) -> list[tuple[int, int]]:
        """Every place `quote` occurs, verbatim if it does, else differing only in foldable
        characters (whitespace, punctuation forms, quote styles). Refused past
        MAX_OCCURRENCES (`occurrence_starts`). Kept for the last few quotes asked: an
        import's rows quoting one passage its page repeats 10,000 times each found all of them
        again (rr340)."""
        kept = self._occurrences.get(quote)
        if kept is None:
            found = occurrence_starts(self.text, quote)
            if found:
                kept = [(s, past_selectors(self.text, s + len(quote))) for s in found]
            else:
                kept = self.folded_occurrences(quote)
            if self._occurrences_held + len(kept) > _KEPT_OCCURRENCES:
                self._occurrences.clear()  # a few quotes at a time: an import's rows come in turn
                self._occurrences_held = 0
            if len(kept) <= _KEPT_OCCURRENCES:
                self._occurrences[quote] = kept
                self._occurrences_held += len(kept)
        return list(kept)  # the caller's own: some narrow it

    def folded_occurrences(self, quote: str) -> list[tuple[int, int]]:
        """Every place `quote` occurs differing only in foldable characters (a verbatim one
        among them)."""
        fq, breaks = _fold_quote(quote)
        if not fq:
            return []
        folded = self.folded
        pattern = _hyphens_optional(fq, breaks)
        if pattern is None:
            found = [(s, s + len(fq)) for s in occurrence_starts(folded.text, fq)]
        else:
            found = _hyphenated_occurrences(folded, pattern)
        return [folded.span(s, e) for s, e in found if folded.keeps(quote, s, e)]

    def _occurrences_near(
        self, quote: str, hint: int, *, folded_only: bool = False
    ) -> list[tuple[int, int]]:
        """The MAX_CONTEXT_CHECKS occurrences of `quote` nearest `hint`, nearest first (as
        `occurrences`: verbatim if it occurs so, unless `folded_only`). Found outward from
        `hint`, however often the quote occurs: the first occurrences of the text would not
        be the nearest ones."""
        if not folded_only and quote in self.text:
            return [
                (s, past_selectors(self.text, s + len(quote)))
                for s in _starts_near(self.text, quote, hint)
            ]
        fq = fold(quote)
        if not fq:
            return []
        folded = self.folded
        near = _starts_near(folded.text, fq, folded.from_original(min(hint, len(self.text))))
        # Nearest in the text as it is: folding shortens a run of spaces, so the order found
        # in the folded text may not be it (the earlier of two as near first, as ever).
        # Only whole occurrences: a quote's "." read as the first dot of a new "…" would take
        # the ellipsis into the span, exact, a stop made an ellipsis unflagged (review255).
        spans = [folded.span(s, s + len(fq)) for s in near if folded.keeps(quote, s, s + len(fq))]
        return sorted(spans, key=lambda c: (abs(c[0] - hint), c[0]))

    def _nearest_occurrence(self, sel: Selector, hint: int) -> tuple[int, int] | None:
        """The occurrence nearest `hint` (context breaking ties) that is either near it or has
        kept its context: the same words far away in another passage are not the claim's.
        When the verbatim occurrences are all refused, those differing only in foldable
        characters are tried (review48: the words verbatim in a far headline hid the claim's
        own passage, its apostrophe made curly, and the verdict was flagged)."""
        by_distance = self._occurrences_near(sel.quote, hint)
        found = self._nearest_of(sel, hint, by_distance)
        if found is None and by_distance and sel.quote in self.text:
            folded = self._occurrences_near(sel.quote, hint, folded_only=True)
            if folded != by_distance:
                found = self._nearest_of(sel, hint, folded)
        return found

    def _nearest_of(
        self, sel: Selector, hint: int, by_distance: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        if not by_distance:
            return None
        near = max(len(sel.quote), CONTEXT_CHARS)
        groups: dict[int, list[tuple[int, int]]] = {}
        for c in by_distance:
            groups.setdefault(abs(c[0] - hint), []).append(c)
        context = _Context(self.text, sel)
        for distance, tied in groups.items():
            scored = [((context.before(c[0]) + context.after(c[1])) / 2, c) for c in tied]
            score, best = max(scored, key=lambda x: x[0])
            if distance <= near or (
                score >= MIN_CONTEXT_SIMILARITY and context.kept(*best) >= MIN_CONTEXT_SIMILARITY
            ):
                return best
        return None

    def nearest(self, quote: str) -> tuple[float, int, int, bool] | None:
        """The passage most like `quote` where it does not occur: (similarity, start, end,
        whether it is the quote's all, widened over a run of dots the quote's typed stop would
        cut), or None when none reaches `MIN_QUOTE_SIMILARITY`. A passage offered never cuts
        such a run. Searched where pieces of the quote occur, as the fuzzy step searches
        (bounded, whatever the text's length)."""
        fq = fold(quote)
        if not fq:
            return None
        folded = self.folded
        # Only the windows most pieces of the quote point at are aligned (one partial_ratio
        # each), and only the roughly best few widened to the passage most like the quote: a
        # long quote whose pieces repeat all over a long text has hundreds of windows, each
        # costing tens of milliseconds (a 1,000-character quote in 1 MB took 17 s).
        n = len(folded.text)
        slack = _slack(fq)
        votes, first = self._votes(fq, slack)
        aligned = max(NEAREST_WINDOWS, NEAREST_CHARACTERS // len(fq))  # a short quote aligns fast
        ranked = sorted(votes, key=lambda b: -votes[b])[:aligned]
        rough = sorted(
            (
                hit
                for b in ranked
                if (
                    hit := _rough_alignment(
                        fq,
                        folded.text,
                        max(0, first[b] - slack),
                        min(n, first[b] + len(fq) + slack),
                    )
                )
            ),
            reverse=True,
        )
        # The passage most like the quote, and the one most like it that cuts no run of dots
        # an ellipsis is part of (the one offered: fix284).
        best: tuple[float, int, int] | None = None
        whole: tuple[float, int, int] | None = None
        # A quote's "..." for a "……" is three characters short of its passage: its edges may
        # move that much further ('他说...我们会' was offered nothing: fix284).
        further = len(ELLIPSIS_STOPS) if folded.dots else 0
        for _, start, end, lo, hi in rough[:NEAREST_WIDENED]:
            found, kept = _widened(
                fq, folded.text, lo, min(n, hi + further), start, end, folded.cuts_no_run, further
            )
            if found[0] >= MIN_QUOTE_SIMILARITY and (not best or found[0] > best[0]):
                best = found
            s, e = folded.over_runs(start, end)
            if (s, e) != (start, end):
                # The alignment cut a run (the quote's "..." in 他说……我们): the passages
                # holding it whole are found from it, out (the edges move only so far).
                lo, hi = max(0, lo - (start - s)), min(n, hi + (e - end))
                _, over = _widened(fq, folded.text, lo, hi, s, e, folded.cuts_no_run, further)
                if over and (kept is None or over[0] > kept[0]):
                    kept = over
            if kept and kept[0] >= MIN_QUOTE_SIMILARITY and (not whole or kept[0] > whole[0]):
                whole = kept
        # Widened over a run of dots its typed stop would cut, as `Folded.keeps` refuses the
        # quote for: "他说..." against "他说⋯⋯" was offered '他说⋯', "100% alike" (fix272).
        # A quote pasted in quotation marks (“他说...”): the stops of the words inside (rr275).
        # Said so only when all of the quote is there: a quote with other words too is offered
        # the passage below, as any other (its widened passage was offered however unlike:
        # '他们说...' was told of 他说…… "50% alike", fix284).
        typed = unmarked(quote) or quote
        head, tail = _typed_stops(typed)
        lo, hi = best[1:] if best else (0, 0)
        while head and folded.cuts_dots(lo):
            lo -= 1
        while tail and folded.cuts_dots(hi):
            hi += 1
        if best and (lo, hi) != best[1:]:
            start, end = _whole_words(self.text, *folded.span(lo, hi))
            if fold(typed) in fold(self.text[start:end]):
                return _similarity(fq, fold(self.text[start:end])), start, end, True
        # The passage offered may be alike enough where none cutting the run was (every
        # alignment of '他说...我们会' in 他说……我们会 cut it, under 70%: fix284).
        if whole is None:
            return None
        # Never a passage cutting a run: '他说...我们' against 他说……我们 was offered '他说…', half
        # the run (fix284). Whole words may be less like the quote than the fragment was:
        # offered only if still alike enough ('nt in the c' for "not in the doc" was a fragment
        # of two words).
        start, end = _whole_words(self.text, *folded.span(whole[1], whole[2]))
        alike = _similarity(fq, fold(self.text[start:end]))
        return (alike, start, end, False) if alike >= MIN_QUOTE_SIMILARITY else None

    def _fuzzy(self, sel: Selector, hint: int) -> Anchored:
        fq = fold(sel.quote)
        if not fq:
            return Anchored(AnchorState.ORPHANED, None, 0.0)
        folded = self.folded
        context = _Context(self.text, sel)
        fitted: dict[tuple[int, int], tuple[float, int, int, float, float, bool]] = {}
        best: tuple[float, float, int, int] | None = None
        # A quote of whole sentences may be found with its words re-ordered (`_reordered`).
        words = _words_of(sel.quote) if _ends_a_sentence(sel.quote) else None
        for lo, hi in self._windows(fq, folded.from_original(hint)):
            rough = _rough_alignment(fq, folded.text, lo, hi)
            if rough is None:
                continue
            # Windows around one passage (the expected place's, a seed's) align it alike.
            key = (rough[1], rough[2])
            if key not in fitted:
                fitted[key] = self._fitted_or_reordered(fq, sel, context, words, *key)
            quote_sim, start, end, p, s, reordered = fitted[key]
            # (all the quote's words in another order: no threshold of similarity applies)
            if not reordered and (
                quote_sim < MIN_QUOTE_SIMILARITY_IN_CONTEXT
                or (
                    quote_sim < MIN_QUOTE_SIMILARITY
                    and (
                        min(p, s) < CONTEXT_KEPT
                        or (not context.worded and not _part_of(self.text[start:end], fq))
                    )
                )
            ):
                continue
            distance = abs(start - hint) / max(1, len(self.text))
            score = (
                QUOTE_WEIGHT * quote_sim
                + PREFIX_WEIGHT * p
                + SUFFIX_WEIGHT * s
                + POSITION_WEIGHT * (1.0 - min(1.0, distance))
            ) / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
            if best is None or score > best[0]:
                best = (score, quote_sim, start, end)
        if best is None or best[0] < MIN_SCORE:
            return Anchored(AnchorState.ORPHANED, None, round(best[0], 4) if best else 0.0)
        score, _, start, end = best
        return Anchored(AnchorState.FUZZY, _span(self.text, start, end), round(score, 4))

    def _fitted_or_reordered(
        self,
        fq: str,
        sel: Selector,
        context: _Context,
        words: Counter[str] | None,
        start: int,
        end: int,
    ) -> tuple[float, int, int, float, float, bool]:
        """`_fitted`'s span, or, for a quote of whole sentences (`words`, its words), the run of
        sentences around that span holding exactly the quote's words in another order (trial54:
        a sentence's clauses swapped; the fitted span, most like the quote character by
        character, stopped before the moved clause, the very figure the claim is about, or
        nothing was alike enough and the claim was orphaned, all its words still on the page).
        Such a run is scored as half like the quote for its order and wholly for its words:
        its quote similarity is the mean of its similarity as written and 1.0. The last item
        says whether it was taken (then no threshold of similarity applies: its words are all
        there). Still fuzzy: an order changed may change what a sentence says."""
        sim, fs, fe, p, s = self._fitted(fq, sel, context, start, end)
        if words is not None:
            run = _reordered(self.text, words, fs, fe, len(sel.quote))
            if run is not None:
                rs, re_ = run
                alike = (_similarity(fq, fold(self.text[rs:re_])) + 1.0) / 2
                return alike, rs, re_, context.before(rs), context.after(re_), True
        return sim, fs, fe, p, s, False

    def _fitted(
        self, fq: str, sel: Selector, context: _Context, start: int, end: int
    ) -> tuple[float, int, int, float, float]:
        """The rough alignment folded [start, end) with its edges moved to the span that scores
        best as a whole, quote and context, then out to the edges of words: (quote similarity,
        original start, end, prefix and suffix similarity).

        Edges chosen by the quote's similarity alone are cut short by an edit at the quote's
        edge: "ranked first" is nearer "ranked s" than "ranked second" (a longer replacement
        costs more than its end dropped), and 第一 -> 前列 is as near without 前列 as with it.
        The context is what says where the passage ends: the old suffix follows "second", not
        "s". A replacement longer than the reach is found by where the context resumes.
        """
        folded, text = self.folded, self.folded.text
        n = len(text)
        reach = min(12, max(2, len(fq) // 4))
        starts = set(range(max(0, start - reach), min(end, start + reach + 1)))
        ends = set(range(max(1, end - reach), min(n, end + reach) + 1))
        # Where the context resumes, an edit at the edge having moved it (either way).
        tail, head = context.want_before[-SEED:], context.want_after[:SEED]
        starts.update(
            h + len(tail)
            for h in _nearest_hits(text, tail, start - len(tail), len(fq))
            if h + len(tail) < end
        )
        ends.update(h for h in _nearest_hits(text, head, end, len(fq)) if h > start)
        # Edges at words' edges only, where the old quote had its edges there (and some are in
        # reach): an edge inside a word moved out afterwards would not be the best span.
        whole_start, whole_end = _whole_word_edges(sel)
        if whole_start:
            at_edge = {s for s in starts if not _inside_word(self.text, folded.to_original(s))}
            starts = at_edge or starts
        if whole_end:
            at_edge = {
                e for e in ends if not _inside_word(self.text, folded.to_original(e - 1) + 1)
            }
            ends = at_edge or ends
        prefix = {s: context.before(folded.to_original(s)) for s in starts}
        suffix = {e: context.after(folded.to_original(e - 1) + 1) for e in ends}
        before = {s: PREFIX_WEIGHT * v for s, v in prefix.items()}
        after = {e: SUFFIX_WEIGHT * v for e, v in suffix.items()}
        similarity = _levenshtein().normalized_similarity
        sim, top, fs, fe = _similarity(fq, text[start:end]), -1.0, start, end
        if start in starts and end in ends:  # the rough alignment wins ties
            top = QUOTE_WEIGHT * sim + before[start] + after[end]
        ordered = sorted(ends)
        for s in sorted(starts):
            weight = before[s]
            for e in ordered:
                if e > s:
                    here = similarity(fq, text[s:e])
                    score = QUOTE_WEIGHT * here + weight + after[e]
                    if score > top:
                        top, sim, fs, fe = score, here, s, e
        start, end = folded.span(fs, fe)
        snapped = _to_word_edges(self.text, start, end, whole_start, whole_end)
        snapped = _whole_passage(self.text, sel.quote, fq, *snapped)
        # An edge inside an ellipsis' dots (or a ligature's letters) took the whole character:
        # the span's own similarity, not the window's ("rose." was 1.00 like "rose…").
        if (
            snapped != (start, end)
            or fs not in prefix
            or fe not in suffix
            or not folded.whole(fs, fe)
        ):
            start, end = snapped
            sim = _similarity(fq, fold(self.text[start:end]))
            return sim, start, end, context.before(start), context.after(end)
        return sim, start, end, prefix[fs], suffix[fe]

    def _windows(self, fq: str, near: int) -> Iterator[tuple[int, int]]:
        """Regions of the folded text worth an approximate search: around the expected place,
        and around exact hits of pieces of the quote anywhere (a match close enough to count
        keeps at least one piece intact), near the expected place too: an alignment gives the
        one passage most like the quote in its window, and a headline that repeats the quote's
        words with the old figure must not hide the edited sentence, whose context is the
        claim's, in the same window."""
        n = len(self.folded.text)
        slack = _slack(fq)
        yield max(0, near - NEAR_WINDOW), min(n, near + len(fq) + NEAR_WINDOW)
        votes, first = self._votes(fq, slack)
        # Only the windows most pieces of the quote point at, in the order found (review48:
        # an alignment costs as the square of the quote's length, 0.3 s at 3,000 characters,
        # and one such claim aligned 94 windows, 30 s with the desk's write lock held). A
        # short quote keeps every window, as before.
        aligned = max(FUZZY_WINDOWS_LEAST, FUZZY_WINDOW_BUDGET // len(fq) ** 2)
        if len(votes) > aligned:
            kept = set(sorted(votes, key=lambda b: -votes[b])[:aligned])
            votes = {b: v for b, v in votes.items() if b in kept}
        for bucket in votes:
            origin = first[bucket]
            yield max(0, origin - slack), min(n, origin + len(fq) + slack)

    def _votes(self, fq: str, slack: int) -> tuple[dict[int, int], dict[int, int]]:
        """Where pieces of the quote put its start, in buckets of `slack` characters, in the
        order found: how many pieces point into each bucket, and the first start in each."""
        votes: dict[int, int] = {}
        first: dict[int, int] = {}
        for origin in self._seed_origins(fq):
            bucket = origin // slack
            votes[bucket] = votes.get(bucket, 0) + 1
            first.setdefault(bucket, origin)
        return votes, first

    def _seed_origins(self, fq: str) -> Iterator[int]:
        """Where the quote would start for each exact hit of a piece of it (at most
        MAX_SEED_HITS hits of each piece)."""
        piece = max(2, min(12, len(fq) // 4))
        for offset in range(0, max(1, len(fq) - piece + 1), piece):
            seed = fq[offset : offset + piece]
            for k, at in enumerate(_find_all(self.folded.text, seed)):
                if k >= MAX_SEED_HITS:
                    break
                yield at - offset


def _words_of(text: str) -> Counter[str]:
    """The words of `text` (NFKC, case-folded), counted, punctuation and order aside."""
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _ends_a_sentence(quote: str) -> bool:
    """Whether the quote ends with a sentence's stop (a quotation's closer, or a footnote
    marker, after it allowed)."""
    tail = quote.rstrip()
    tail = tail[: before_footnote(tail, len(tail))].rstrip("".join(CLOSERS))
    return tail[-1:] in STOPS


def _reordered(
    text: str, words: Counter[str], start: int, end: int, length: int
) -> tuple[int, int] | None:
    """The run of whole sentences of `text` overlapping [start, end) whose words are exactly
    `words` (a quote of `length` characters), within its line and that length's reach either
    side; None when there is none."""
    lo = max(text.rfind("\n", 0, start) + 1, start - length)
    line_end = text.find("\n", end)
    hi = min(len(text) if line_end == -1 else line_end, end + length)
    sentences = [(lo + g.start, lo + g.end) for g in split_sentences(text[lo:hi])]
    counts = [sum(_words_of(text[a:b]).values()) for a, b in sentences]
    total = sum(words.values())
    for i, (first, _) in enumerate(sentences):
        if first >= end:
            break
        held = 0
        for j in range(i, len(sentences)):
            held += counts[j]
            if held > total:
                break
            last = sentences[j][1]
            if held == total and last > start and _words_of(text[first:last]) == words:
                return first, last
    return None


def _slack(fq: str) -> int:
    # How far a passage like the quote may start from where a piece of it puts it.
    return max(8, len(fq) // 2)


def _find_all(text: str, needle: str) -> Iterator[int]:
    if not needle:
        return
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


@dataclass(frozen=True, slots=True)
class _HyphenPattern:
    """A folded quote with its hyphens made optional: `regex` finds it (overlapping ones too),
    and `compound` names the groups of hyphens typed between letters ("well-known"), which
    may be left out only where the text broke the word at a line's end."""

    regex: re.Pattern[str]
    compound: tuple[int, ...]


# A hyphen typed between letters of a folded quote ("well-known"), which a PDF may have broken.
_TYPED_HYPHEN = re.compile(f"(?<=[{_HYPHENATED}])-(?=[{_HYPHENATED}])")
# Marks where a quote's line-break hyphen was, for `_fold_quote` (a noncharacter: no text has it).
_BREAK_MARK = "\uffff"


def _fold_quote(quote: str) -> tuple[str, frozenset[int]]:
    """A quote's folded form and the folded indices where a line-break hyphen was dropped
    (without a `Folded`: that is the document's, built once for all the quotes of an import)."""
    if not _has_hyphen(quote):
        return fold(quote), frozenset()
    marked = _LINE_BREAK_HYPHEN.sub(_BREAK_MARK, quote.replace(_BREAK_MARK, "")).translate(_TABLE)
    pieces = marked.split(_BREAK_MARK)
    at, breaks = 0, set()
    for piece in pieces[:-1]:
        at += len(piece)
        breaks.add(at)
    return "".join(pieces), frozenset(breaks)


def _hyphens_optional(fq: str, breaks: frozenset[int]) -> _HyphenPattern | None:
    """The pattern of a folded quote whose words are hyphenated (typed "well-known", or pasted
    from a PDF as "well-\nknown", `breaks`: the text may have either), or None when it has no
    such hyphen."""
    typed_at = [m.start() for m in _TYPED_HYPHEN.finditer(fq)] if "-" in fq else []
    if not typed_at and not breaks:
        return None
    parts, compound, at = [], [], 0
    for group, i in enumerate(sorted(set(typed_at) | breaks), start=1):
        parts.append(re.escape(fq[at:i]))
        parts.append("(-?)")
        if i in typed_at:
            compound.append(group)
            at = i + 1  # the typed hyphen is the optional one
        else:
            at = i  # a line break's hyphen, dropped from the fold: the text may hold one
    parts.append(re.escape(fq[at:]))
    return _HyphenPattern(re.compile("".join(parts)), tuple(compound))


def _hyphenated_occurrences(folded: Folded, pattern: _HyphenPattern) -> list[tuple[int, int]]:
    """Folded [start, end) of each occurrence of a hyphenated quote: a hyphen typed between
    letters matches the text's hyphen, or none where the text broke the word at a line's end
    ("well-known" is not "wellknown"). Refused past MAX_OCCURRENCES, as `occurrence_starts`."""
    found: list[tuple[int, int]] = []
    # Searched again one past each match (overlapping ones too): a lookahead around the whole
    # pattern would make the engine try every position instead of skipping to the quote's start.
    m = pattern.regex.search(folded.text)
    while m is not None:
        if all(m.group(g) or m.start(g) in folded.breaks for g in pattern.compound):
            if len(found) == MAX_OCCURRENCES:
                raise too_many_occurrences()
            found.append((m.start(), m.end()))
        m = pattern.regex.search(folded.text, m.start() + 1)
    return found


def _starts_near(text: str, needle: str, hint: int) -> list[int]:
    """The starts of the MAX_CONTEXT_CHECKS occurrences of `needle` (overlapping ones too)
    nearest `hint`, nearest first, the earlier of two as near: looked for forwards and
    backwards from `hint` at once, so the work is the stretch of text they span."""
    hint = max(0, min(hint, len(text)))
    ahead = text.find(needle, hint)
    # rfind's end bounds where an occurrence ends: this one starts before `hint`.
    behind = text.rfind(needle, 0, hint - 1 + len(needle))
    out: list[int] = []
    while len(out) < MAX_CONTEXT_CHECKS and (ahead != -1 or behind != -1):
        if behind == -1 or (ahead != -1 and ahead - hint < hint - behind):
            out.append(ahead)
            ahead = text.find(needle, ahead + 1)
        else:
            out.append(behind)
            behind = text.rfind(needle, 0, behind - 1 + len(needle))
    return out


# Characters of the context looked for where an edit at the quote's edge may have moved it.
SEED = 8


def _nearest_hits(text: str, piece: str, near: int, reach: int) -> list[int]:
    """The two occurrences of `piece` (two characters or more) starting nearest `near`, within
    `reach` of it either way."""
    if len(piece) < 2:
        return []
    lo, hi = max(0, near - reach), min(len(text), near + reach + len(piece))
    hits: list[int] = []
    at = text.find(piece, lo, hi)
    while at != -1 and len(hits) < MAX_SEED_HITS:
        hits.append(at)
        at = text.find(piece, at + 1, hi)
    return sorted(hits, key=lambda h: abs(h - near))[:2]


# Scripts written without spaces between words: any character boundary there is a word's edge.
_UNSPACED_CLASS = (
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\ua4cf\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003ffff]"
)
_UNSPACED = re.compile(_UNSPACED_CLASS)
# A word for `_words_of`: one character of a script written without spaces, or a run of
# letters and digits of one written with them (or of digits).
_WORD = re.compile(_UNSPACED_CLASS + "|[^\\W_" + _UNSPACED_CLASS[1:-1] + "]+")
# How far an edge moves out to a word's edge at most (a run of letters longer than this is no
# word: a hash, a URL's path).
WORD_REACH = 40


def _wordy(ch: str) -> bool:
    return (ch.isalnum() or unicodedata.category(ch).startswith("M")) and not _UNSPACED.match(ch)


def _inside_word(text: str, i: int) -> bool:
    """Whether offset i falls inside a word of a script written with spaces (a number's
    separators, as in 1,200 or 8.2, count as inside it)."""
    if not 0 < i < len(text):
        return False
    left, right = text[i - 1], text[i]
    if _wordy(left) and _wordy(right):
        return True
    if left.isdigit() and right in ".," and i + 1 < len(text) and text[i + 1].isdigit():
        return True
    return left in ".," and right.isdigit() and i >= 2 and text[i - 2].isdigit()


def _whole_word_edges(sel: Selector) -> tuple[bool, bool]:
    """Whether the old quote starts and ends at words' edges (it may have been cut inside)."""
    return (
        not _inside_word(sel.prefix + sel.quote, len(sel.prefix)),
        not _inside_word(sel.quote + sel.suffix, len(sel.quote)),
    )


# The most characters of words run onto a quote's edge that `_glued` takes in.
GLUED_REACH = 12
# The most characters of words added at a quote's edge that `edited_at_edges` takes into its
# span (a longer addition still changes the claim's words, and flags them, unwidened).
EDGE_REACH = 40


def edited_at_edges(
    changes: Any, text: str, found: Anchored, starts: list[int] | None = None
) -> Anchored:
    """`found` (the quote verbatim, exact or moved) as fuzzy when the revision (`changes`, a
    diff's, in order; `starts`, their new starts, computed once per diff) added or removed
    words right at an edge of it, within its sentence and its line: `not` before "the first
    time", 不 before 是, `nearly` before "18 percent" (trial50: the claims stayed moved, "quote
    unchanged", their True verdicts published after the article said the opposite). Words
    added are taken into the span (up to EDGE_REACH characters, out to whole words); words
    removed leave it as it is. A quote that ends a sentence (or a quotation) is not changed by
    the next sentence's words, nor one that starts after a line break by the line before
    (review51: an edited headline flagged the lead's first claim). Otherwise `found`."""
    if found.span is None or found.state not in (AnchorState.EXACT, AnchorState.MOVED):
        return found
    start, end = found.span.start, found.span.end
    starts = [c.new_start for c in changes] if starts is None else starts
    wider_start, wider_end, touched = start, end, False
    quote = found.span.quote
    # A change that reaches the quote's start (or ends a space or two before it on its line),
    # and one that reaches its end: words it added outside the quote are taken in.
    if quote[:1] not in OPENERS:
        first = bisect.bisect_right(starts, start)
        for c in changes[max(0, first - 4) : first]:
            if c.new_end < start - 2 or (c.new_end < start and not _blank(text[c.new_end : start])):
                continue
            if not _words_changed(c, text):
                continue
            touched = True
            added = text[c.new_start : min(c.new_end, start)]
            if _has_word(added) and start - c.new_start <= EDGE_REACH + 2:
                wider_start = min(wider_start, c.new_start + _leading_space(added))
    # (a quote ending in a footnote marker, 2023.¹, is read by the stop or closer before it)
    marked = before_footnote(text, end) if text[end - 1 : end] == quote[-1:] else end
    closed = (text[marked - 1] if marked < end else quote[-1:]) in CLOSERS
    if not (ends_sentence(text, marked - 1) or closed):
        last = bisect.bisect_right(starts, end + 2)
        for c in changes[max(0, last - 4) : last]:
            if c.new_end < end or (c.new_start > end and not _blank(text[end : c.new_start])):
                continue
            if not _words_changed(c, text):
                continue
            touched = True
            added = text[max(c.new_start, end) : c.new_end]
            if _has_word(added) and c.new_end - end <= EDGE_REACH + 2:
                wider_end = max(wider_end, c.new_end - (len(added) - len(added.rstrip())))
    if not touched:
        return found
    wider_start, wider_end = _out_to_words(text, wider_start, wider_end)
    wider = _span(text, wider_start, wider_end)
    return Anchored(
        AnchorState.FUZZY, wider, round(_similarity(fold(found.span.quote), fold(wider.quote)), 4)
    )


def _blank(gap: str) -> bool:
    """Spaces only, on one line: a line break between a change and a quote is a boundary."""
    return "\n" not in gap and not gap.strip()


def _out_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) out to whole Latin words (a character diff ends mid-word: 'ruly the
    first' for 'truly the first'); CJK characters are words of their own."""
    while 0 < start < len(text) and _latin(text[start - 1]) and _latin(text[start]):
        start -= 1
    while 0 < end < len(text) and _latin(text[end - 1]) and _latin(text[end]):
        end += 1
    return start, end


def _latin(char: str) -> bool:
    return char.isalnum() and (char.isascii() or "\u00c0" <= char <= "\u024f")


def _words_changed(change: Any, text: str) -> bool:
    """Whether a change added or removed words within a sentence and a line: neither side
    spans a line break or a sentence's end (judged in the new text, where it has its
    context: `Apple Inc.` is no end, `billion. Its` is), and its letters and digits differ once
    folded (full-width digits made ASCII, a comma made ASCII, a space added, are no words)."""
    if "\n" in change.old_text or "\n" in change.new_text:
        return False
    if any(ends_sentence(text, k) for k in range(change.new_start, change.new_end)):
        return False
    old = change.old_text + " "  # (its context is another text's: a space after it)
    if any(ends_sentence(old, k) for k in range(len(change.old_text))):
        return False
    return _letters(change.old_text) != _letters(change.new_text)


def _letters(words: str) -> str:
    return "".join(ch for ch in fold(words) if ch.isalnum())


def _has_word(words: str) -> bool:
    return any(ch.isalnum() for ch in words)


def _leading_space(words: str) -> int:
    return len(words) - len(words.lstrip())


def _glued(text: str, sel: Selector, start: int, end: int) -> tuple[int, int] | None:
    """The quote found at [start, end), widened over letters or characters now run onto an
    edge where the old text had a mark or a space (a word added to the claim's words: 之一
    after 城市, 不 before 是), or None when its edges are as they were."""
    wider_start, wider_end = start, end
    if sel.suffix and end < len(text):
        was, now = sel.suffix[0], text[end]
        if now != was and now.isalnum() and not was.isalnum():
            while wider_end < min(len(text), end + GLUED_REACH) and text[wider_end].isalnum():
                wider_end += 1
    if sel.prefix and start > 0:
        was, now = sel.prefix[-1], text[start - 1]
        if now != was and now.isalnum() and not was.isalnum():
            while wider_start > max(0, start - GLUED_REACH) and text[wider_start - 1].isalnum():
                wider_start -= 1
    return None if (wider_start, wider_end) == (start, end) else (wider_start, wider_end)


def _whole_passage(text: str, quote: str, fq: str, start: int, end: int) -> tuple[int, int]:
    """The fitted span [start, end) kept to what the old quote was (trial48):

    - within one line, when the quote held no line break: a quote whose sentences a revision
      put in two paragraphs was matched across the headline, byline and paragraph between
      them; the line most like the quote is kept;
    - to the end of its sentence, when the quote ended one and the span stops a few
      characters short of it: 生产城市。 became 生产城市之一。 ("one of the largest"), and the
      span stopped at 生产城市, hiding the two characters that reverse the claim.
    """
    if "\n" not in quote and "\n" in text[start:end]:
        lines, at = [], start
        for line in text[start:end].split("\n"):
            if line.strip():
                lines.append((_similarity(fq, fold(line)), at, at + len(line)))
            at += len(line) + 1
        if lines:
            _, start, end = max(lines, key=lambda x: x[0])
    last = quote.rstrip()[-1:]
    if last in STOPS and end > start and text[end - 1] not in STOPS:
        reach = min(len(text), end + max(2, min(12, len(quote) // 4)))
        for k in range(end, reach):
            if text[k] == "\n":
                break
            if ends_sentence(text, k):
                return start, k + 1
    return start, end


def _to_word_edges(
    text: str, start: int, end: int, whole_start: bool, whole_end: bool
) -> tuple[int, int]:
    """[start, end) moved out to the edges of the words it cuts, on the sides asked (where the
    old quote was at words' edges): an edit at the quote's edge is the claim's."""
    if whole_start:
        s = start
        while _inside_word(text, s) and start - s < WORD_REACH:
            s -= 1
        start = start if _inside_word(text, s) else s
    if whole_end:
        e = end
        while _inside_word(text, e) and e - end < WORD_REACH:
            e += 1
        end = end if _inside_word(text, e) else e
    return start, end


def _rough_alignment(
    fq: str, text: str, lo: int, hi: int
) -> tuple[float, int, int, int, int] | None:
    """partial_ratio's alignment of `fq` in text[lo:hi], a window of the quote's length:
    (its score, start, end, lo, hi)."""
    from rapidfuzz import fuzz

    window = text[lo:hi]
    if not window:
        return None
    hit = fuzz.partial_ratio_alignment(fq, window)
    if hit is None or hit.score <= 0:
        return None
    return hit.score, lo + hit.dest_start, lo + hit.dest_end, lo, hi


def _in_a_word(c: str) -> bool:
    """A letter or digit of a script that spaces its words: a passage cut there cut a word
    (a CJK character is a word of its own for this)."""
    return c.isalnum() and not ("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the words it cuts into at either edge."""
    while 0 < start < len(text) and _in_a_word(text[start - 1]) and _in_a_word(text[start]):
        start -= 1
    while 0 < end < len(text) and _in_a_word(text[end - 1]) and _in_a_word(text[end]):
        end += 1
    return start, end


_Passage = tuple[float, int, int]


def _widened(
    fq: str,
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    keeps: Callable[[int, int], bool],
    further: int = 0,
) -> tuple[_Passage, _Passage | None]:
    """The rough alignment [start, end) with its edges moved within [lo, hi) to the span most
    like `fq`, and to the span most like it of those `keeps` takes (None if none):
    (similarity, start, end) each. `further`: how much further than usual an edge may move."""
    # partial_ratio aligns a window of the quote's length; widen or narrow the edges to the
    # span most like the quote (an edit may have made the passage longer or shorter).
    reach = min(12, max(2, len(fq) // 4)) + further
    best = (_similarity(fq, text[start:end]), start, end)
    kept = best if keeps(start, end) else None
    for s in range(max(lo, start - reach), min(end, start + reach + 1)):
        for e in range(max(s + 1, end - reach), min(hi, end + reach) + 1):
            sim = _similarity(fq, text[s:e])
            if sim > best[0]:
                best = (sim, s, e)
            if (kept is None or sim > kept[0]) and keeps(s, e):
                kept = (sim, s, e)
    return best, kept


def reanchor(text: str, sel: Selector, expected: int | None = None) -> Anchored:
    """Re-anchor one selector in `text` (see `Matcher` to re-anchor many against one text)."""
    return Matcher(text).reanchor(sel, expected)


_TYPED_DASH = re.compile(r"(?<!-)-{2,3}(?!-)")

# Quotation marks a quote is pasted with when it was copied from where it was quoted (a chat,
# another article): a pair is two of one family, which `fold` makes alike ("" and '), the
# guillemets ‹› and the 〝〞 pair too. 《》 are a title's, part of what is quoted: not here.
_DOUBLE_MARKS = frozenset('"“”„‟＂「」｢｣『』﹁﹂﹃﹄«»〝〞〟')
_SINGLE_MARKS = frozenset("'‘’‚‛‹›")


def _pair(first: str, last: str) -> bool:
    return (first in _DOUBLE_MARKS and last in _DOUBLE_MARKS) or (
        first in _SINGLE_MARKS and last in _SINGLE_MARKS
    )


# How the text's own marks open and close a quotation, in the languages that use them: “…”,
# „…“ and „…”, ”…” (Swedish), »…« and »…», 「…」... A closing mark then an opening one (`”又要“`
# in `既要“稳”又要“进”`) ends one quotation and starts the next: no pair. A straight mark
# (", ＂, ') says neither, so it pairs with any mark of its family, as typed ones do.
_CLOSED_BY: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "‟": "”",
    "”": "”",
    "‘": "’",
    "‚": "‘’",
    "‛": "’",
    "’": "’",
    "「": "」",
    "｢": "｣",
    "『": "』",
    "﹁": "﹂",
    "﹃": "﹄",
    "«": "»",
    "»": "«»",
    "‹": "›",
    "›": "‹›",
    "〝": "〞〟",
}
_STRAIGHT_MARKS = frozenset("\"＂'")


def _text_pair(before: str, after: str) -> bool:
    """Whether the text's own `before` and `after` open and close one quotation."""
    if before in _STRAIGHT_MARKS or after in _STRAIGHT_MARKS:
        return _pair(before, after)
    return after in _CLOSED_BY.get(before, "")


def unmarked(quote: str) -> str | None:
    """The words inside the one pair of quotation marks `quote` is wrapped in (spaces around
    them aside), or None if it is not so wrapped or there are no words inside: marks alone
    (`“”“`) would pin a lone quotation mark of the text."""
    quote = quote.strip()
    if len(quote) < 3 or not _pair(quote[0], quote[-1]):
        return None
    inner = quote[1:-1].strip()
    if all(c.isspace() or c in _DOUBLE_MARKS or c in _SINGLE_MARKS for c in inner):
        return None
    return inner


# How a quote found only without its quotation marks is said (claim add, an import's row).
MARKS_LEFT_OUT = (
    "the quotation marks around the quote are not in the document there: pinned the words inside"
)


def marks_dropped(typed: str, found: str) -> bool:
    """Whether the quote `typed` was found as `found` (the document's own text) only with its
    surrounding quotation marks left out: the document has none there."""
    return unmarked(normalise(typed)) is not None and unmarked(found) is None


def _marks_of_others(text: str, quote: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Occurrences of a quote typed in a pair of quotation marks, found with marks folded
    alike (“又要” as `”又要“`): where the text's marks at either end are no pair of its own
    (`_text_pair`: one quotation ends there and the next begins), they are not the quote's,
    and the occurrence is the words between them, as when the text has no marks there."""
    if unmarked(quote) is None:
        return found
    shrunk: list[tuple[int, int]] = []
    for start, end in found:
        first, last = text[start], text[end - 1]
        if (
            end - start > 2
            and _pair(first, last)
            and not _text_pair(first, last)
            and text[start + 1 : end - 1].strip()
        ):
            start, end = start + 1, end - 1
            while text[start].isspace():
                start += 1
            while text[end - 1].isspace():
                end -= 1
        shrunk.append((start, end))
    return shrunk


def _inside_marks(
    matcher: Matcher, quote: str, find: Callable[[str], list[tuple[int, int]]]
) -> tuple[str, list[tuple[int, int]]]:
    """A quote not found as given (`find` found nothing), pasted with its quotation marks: the
    words inside, and where `find` finds them. Where the text has a pair of quotation marks of
    its own around an occurrence (another kind than those typed, which fold apart; one that
    opens before, one that closes after: `_text_pair`), they are the quote's: kept in its
    span, never stripped. ("", []) if it is not so."""
    inner = unmarked(quote)
    if inner is None:
        return "", []
    text = matcher.text
    found: list[tuple[int, int]] = []
    for start, end in find(inner):
        if start > 0 and end < len(text) and _text_pair(text[start - 1], text[end]):
            start, end = start - 1, end + 1
        found.append((start, end))
    return inner, found


def find_quote_tolerant(text: str, quote: str, occurrence: int | None = None) -> Span:
    """`find_quote`, but a quote typed with other punctuation, quote marks or spacing is found
    too, as is one pasted in a pair of quotation marks the text has not there (`unmarked`:
    `marks_dropped` then says so); the span's quote is then the document's own text."""
    quote = normalise(quote)
    if not quote.strip():
        raise InvalidInput("the quote is empty")
    if quote in text:
        return find_quote(text, quote, occurrence)
    matcher = Matcher(text)
    positions = _marks_of_others(text, quote, _typed_occurrences(matcher, quote))
    if not positions:
        inner, positions = _inside_marks(
            matcher, quote, lambda words: _typed_occurrences(matcher, words)
        )
        if positions:
            quote = inner
    if not positions:
        nearest = matcher.nearest(quote)
        if nearest is None:
            return find_quote(text, quote, occurrence)  # raises "not found", with its hint
        alike, start, end, widened = nearest
        # A quote typed from memory or another copy (1200 for 1,200, a word changed): where
        # the document says nearly that, in its own characters, to copy.
        (typed, typed_marked), (found, found_marked) = map(
            marked_quote, clip_pair(quote, text[start:end])
        )
        # Said once, after the passage: a character written \uXXXX in either is no typing.
        unseen = f" {UNSEEN_NOTE}" if typed_marked or found_marked else ""
        if widened:
            # All of it there but a run of dots it would cut (`Folded.keeps`): said as that,
            # not as a passage "100% alike" to a quote refused (fix272). Only when the passage
            # was widened over the run (`Matcher.nearest` says): one cutting a ligature beside
            # an ellipsis ("ind..." in "ﬁnd…") cuts no dots (rr275).
            raise InvalidInput(
                f"quote not found in the document: {typed} would cut a run of dots in two: "
                f"the document has {found} at {span_words(start, end)}{unseen}; an ellipsis "
                "is quoted whole, as are the full stops beside it"
            )
        raise InvalidInput(
            f"quote not found in the document: {typed}; the nearest passage, "
            f"{alike:.0%} alike, is {found} at {span_words(start, end)}{unseen}"
        )
    if occurrence is None:
        if len(positions) > 1:
            raise InvalidInput(
                f"quote occurs {len(positions)} times in the document (ignoring punctuation "
                "and spacing): say which",
                hint=give("occurrence", low=1, high=len(positions)),
            )
        occurrence = 1
    if not 1 <= occurrence <= len(positions):
        raise InvalidInput(
            f"occurrence {occurrence} is out of range: the quote occurs {len(positions)} "
            "time(s) (ignoring punctuation and spacing)",
            hint=bad("occurrence"),
        )
    start, end = positions[occurrence - 1]
    return span_at(text, start, end)


def _typed_occurrences(matcher: Matcher, quote: str) -> list[tuple[int, int]]:
    """Where a quote typed by hand occurs: `Matcher.occurrences`, and "--" typed for a dash."""
    positions = matcher.occurrences(quote)
    if not positions and _TYPED_DASH.search(quote):
        # "--" typed for a dash (a plain-text habit): the dash the text has, which folds to "-".
        # Folded, as a typed "-" is, whatever dash the text has: looked for verbatim, "—" would
        # pin the one passage with an em dash where another with an en dash fits as well.
        positions = matcher.folded_occurrences(_TYPED_DASH.sub("\u2014", quote))
    return positions


@dataclass(frozen=True, slots=True)
class QuoteHint:
    """What a quote from outside says about where it is (a spreadsheet row, a Web Annotation's
    selectors): its text, its context, offsets, or which occurrence; any of them may be absent."""

    exact: str | None = None
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    occurrence: int | None = None


def check_placed(exact: str | None, start: int | None, end: int | None) -> None:
    """A quote from outside must say where it is: its text, or both its offsets."""
    if exact is None and (start is None or end is None):
        raise InvalidInput("give a quote, or both start and end")


# The kinds of file a quote comes from: each has its own fields to say which occurrence.
Carrier = Literal["a claims table", "an annotation"]
_SAY_WHICH: dict[str, str] = {
    "a claims table": "say which with occurrence (1..{n}) or start/end",
    "an annotation": "say which with a prefix/suffix (TextQuoteSelector) or a TextPositionSelector",
}
CONTEXT_MISMATCH = "quote found but its context (prefix/suffix) matches no occurrence"


def ambiguous_quote(count: int, carrier: Carrier) -> InvalidInput:
    """The refusal of a quote that occurs `count` times, in the words of its file's kind."""
    say = _SAY_WHICH[carrier].format(n=count)
    return InvalidInput(f"quote occurs {count} times in the document; {say}")


# The second half of a surrogate pair starting a prefix, the first half ending a suffix.
_CUT_LOW_HALF = re.compile("^[\udc00-\udfff]")
_CUT_HIGH_HALF = re.compile("[\ud800-\udbff]\\Z")


# The occurrences a `Matcher` keeps of the last quotes asked (`occurrences`), and indexed by
# their context (`context_holding`), each: memory bounded however often a quote occurs.
_KEPT_OCCURRENCES = 200_000


# The characters of context, each side, by which a `_ContextIndex` finds an occurrence: a
# browser tool's prefix and suffix, and an export's (CONTEXT_CHARS), are 32; a longer one is
# found by its 32 nearest the quote, the rest compared occurrence by occurrence.
_INDEXED_CONTEXT = 32


class _ContextIndex:
    """The occurrences of one quote (their indices in its list) sorted by the folded text just
    before each, read backwards from the quote, and by the text just after, up to
    `_INDEXED_CONTEXT` characters each: a context of any length given is a run of each list,
    found by bisection. One list each side, however many lengths of context the rows give:
    rr340 built a table of every occurrence's context for each length, and rows giving 1 to
    300 characters of prefix on a page repeating a quote 10,000 times held 1 GB (rr344)."""

    def __init__(self, folded: Folded, found: list[tuple[int, int]]) -> None:
        text, size = folded.text, _INDEXED_CONTEXT
        edges = [(folded.from_original(s), folded.from_original(e)) for s, e in found]
        self._before = _Sorted([text[max(0, s - size) : s][::-1] for s, _ in edges])
        self._after = _Sorted([text[e : e + size] for _, e in edges])

    def before(self, want: str) -> list[int]:
        """The occurrences the text before which ends in `want` (as far as indexed)."""
        return self._before.starting(want[::-1][:_INDEXED_CONTEXT])

    def after(self, want: str) -> list[int]:
        """The occurrences the text after which starts with `want` (as far as indexed)."""
        return self._after.starting(want[:_INDEXED_CONTEXT])


class _Sorted:
    """Strings, each at its index, sorted: those starting with a given text are a run."""

    def __init__(self, keys: list[str]) -> None:
        self._order = sorted(range(len(keys)), key=keys.__getitem__)
        self._keys = [keys[i] for i in self._order]

    def starting(self, head: str) -> list[int]:
        """The indices of the strings starting with `head` (one shorter than it does not: a
        context past the document's edge holds nowhere there)."""
        size = len(head)

        def cut(key: str) -> str:
            return key[:size]  # sorted strings cut to one length stay sorted

        low = bisect.bisect_left(self._keys, head, key=cut)
        return self._order[low : bisect.bisect_right(self._keys, head, lo=low, key=cut)]


def _wanted_context(prefix: str, suffix: str) -> tuple[str, str]:
    """A prefix and suffix given, as `_context_holds` compares them with the folded text."""
    # Half a character at a context's outer end is what a browser tool cut (32 UTF-16 units,
    # ending inside an emoji), not text: compared, it matched no occurrence (review332).
    prefix, suffix = _CUT_LOW_HALF.sub("", prefix), _CUT_HIGH_HALF.sub("", suffix)
    return fold(normalise(prefix)), fold(normalise(suffix))


def _context_holds(matcher: Matcher, at: tuple[int, int], prefix: str, suffix: str) -> bool:
    """Whether the text immediately before and after the occurrence `at` is `prefix` and
    `suffix`, as the W3C TextQuoteSelector defines them ("the snippet of text that occurs
    immediately before/after" the exact text).

    Compared folded, as the quote itself is matched (spacing, punctuation widths and quote
    styles may differ), but otherwise whole: a prefix must be all of the text just before the
    occurrence and a suffix all of the text just after. No partial or similarity match: a
    context that merely ends like one occurrence's ("zzz不存在" and "...在") picks nothing, and
    a prefix longer than the text before the occurrence (cut by the document's start) matches
    nothing there. An empty prefix or suffix says nothing about its side.
    """
    folded = matcher.folded
    want_before, want_after = _wanted_context(prefix, suffix)
    start, end = folded.from_original(at[0]), folded.from_original(at[1])
    before = folded.text[max(0, start - len(want_before)) : start]
    return before == want_before and folded.text[end : end + len(want_after)] == want_after


def anchor_quote(text: str | Matcher, hint: QuoteHint, *, carrier: Carrier) -> Span:
    """The span of `text` a quote from outside points at, or InvalidInput saying why none.
    An import anchoring many quotes in one text gives a `Matcher` of it, which folds the text
    once for them all (review56: a new one per row folded a 2 MB text again for every row not
    found verbatim, 0.2 s a row).

    The offsets win if they hold the quote, unless a prefix or suffix given holds only around
    another occurrence. Otherwise the quote is looked for verbatim, then
    differing only in what people retype (`Matcher.occurrences`: spacing, punctuation widths,
    quote styles). A repeated quote is settled by `occurrence`, else by the position (the
    nearest occurrence, as `Matcher.reanchor` moves a claim). A prefix or suffix given must
    hold around the occurrence taken (`_context_holds`), repeated or not: a context that
    matches no occurrence is refused, not pinned to the likeliest. There is no fuzzy step
    here: a quote with other words is refused rather than pinned to a passage nobody typed.
    The span's quote is always the document's own text. `carrier` names the kind of file
    the quote came from, for the refusal of an ambiguous quote.
    """
    matcher = text if isinstance(text, Matcher) else Matcher(text)
    text = matcher.text
    start, end = hint.start, hint.end
    check_placed(hint.exact, start, end)
    if hint.exact is None:
        assert start is not None and end is not None  # check_placed saw to it
        return span_at(text, start, end)  # refuses offsets outside the text, with why
    exact = normalise(hint.exact)
    has_context = bool(hint.prefix or hint.suffix)
    held_at: tuple[int, int] | None = None  # the offsets, where they hold the quote
    if start is not None and end is not None and 0 <= start < end <= len(text):  # noqa: SIM102
        if text[start:end] == exact:
            held_at = (start, end)
            if not has_context or _context_holds(matcher, held_at, hint.prefix, hint.suffix):
                return span_at(text, start, end)  # the offsets hold it: nothing to look for
    if not exact.strip():
        raise InvalidInput("the quote is empty")
    found = _marks_of_others(text, exact, matcher.occurrences(exact))
    if not found:
        # Pasted in quotation marks the text has not there: the words inside (`unmarked`).
        inner, found = _inside_marks(matcher, exact, matcher.occurrences)
        if not found:
            raise InvalidInput(f"quote not found in the document: {said_quote(clip_quote(exact))}")
        exact = inner
    # Checked first, however often the quote occurs (trial49: an occurrence 2 of a quote that
    # occurs once was taken as the one, where `claim add --occurrence 2` refuses it).
    if hint.occurrence is not None and not 1 <= hint.occurrence <= len(found):
        raise InvalidInput(occurrence_out_of_range(hint.occurrence, len(found)))
    if len(found) == 1 and not has_context:
        return span_at(text, *found[0])
    if hint.occurrence is not None:
        return span_at(text, *found[hint.occurrence - 1])
    near = start if start is not None else 0
    sel = Selector(near, near + len(exact), exact, hint.prefix, hint.suffix)
    if start is not None:
        # A position near an occurrence settles it, as a claim is moved (unchanged rule), when
        # the context given holds around it: a browser tool's position counts UTF-16 units, one
        # more for each emoji before it, and fell nearer the next sentence repeating the words
        # than the one its prefix and suffix name, which was then pinned as exact (trial324).
        moved = matcher.reanchor(sel)
        at = None if moved.span is None else (moved.span.start, moved.span.end)
        held = at in found and (
            not has_context or _context_holds(matcher, at, hint.prefix, hint.suffix)
        )
        if held and moved.span is not None:
            return moved.span
    if has_context:
        found = matcher.context_holding(found, hint.prefix, hint.suffix)
        if held_at is not None and not found:
            # Offsets that hold the quote win over a context found nowhere, as before; not
            # over one that holds at another occurrence: a browser tool's UTF-16 offsets, one
            # past for each emoji before the quote, hold it too in a run of one repeated
            # character (哈哈哈, 000), one on, where trial324 took the context only when
            # the position fell near the occurrence, not on it (review332).
            return span_at(text, *held_at)
        if not found:
            raise InvalidInput(CONTEXT_MISMATCH)
    if start is not None or has_context:
        # Among those left, the likeliest, as before: the context around each, then the
        # nearest the position given (else the first).
        best = max(found, key=lambda s: (matcher.context_similarity(sel, *s), -abs(s[0] - near)))
        return span_at(text, *best)
    raise ambiguous_quote(len(found), carrier)
