"""Folding a quote and a text for tolerant matching: whitespace, invisible characters and
line-break hyphens dropped, ligatures and ellipses spelt out, look-alike characters folded
(`fold`), with the map from folded offsets back to the text's (`Folded`); a hyphenated quote's
occurrences in a folded text; whether a quote found again reads otherwise (`respelt`)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
    past_selectors,
    too_many_occurrences,
)
from workbench.domain.segment import (
    INVISIBLE,
)

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
        head, tail = typed_stops(quote)
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
def typed_stops(quote: str) -> tuple[bool, bool]:
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


@dataclass(frozen=True, slots=True)
class _HyphenPattern:
    """A folded quote with its hyphens made optional: `regex` finds it (overlapping ones too),
    and `compound` names the groups of hyphens typed between letters ("well-known"), which
    may be left out only where the text broke the word at a line's end."""

    regex: re.Pattern[str]
    compound: tuple[int, ...]


# A hyphen typed between letters of a folded quote ("well-known"), which a PDF may have broken.
_TYPED_HYPHEN = re.compile(f"(?<=[{_HYPHENATED}])-(?=[{_HYPHENATED}])")
# Marks where a quote's line-break hyphen was, for `fold_quote` (a noncharacter: no text has it).
_BREAK_MARK = "\uffff"


def fold_quote(quote: str) -> tuple[str, frozenset[int]]:
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


def hyphens_optional(fq: str, breaks: frozenset[int]) -> _HyphenPattern | None:
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


def hyphenated_occurrences(folded: Folded, pattern: _HyphenPattern) -> list[tuple[int, int]]:
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
