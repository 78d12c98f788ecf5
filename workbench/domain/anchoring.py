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
quotes from outside with `pinning.anchor_quote` (the same folding, no fuzzy step), and
`pinning.find_quote_tolerant` helps `claim add --quote`. The folding is
`workbench.domain.quote_folding`'s, the approximate alignment `workbench.domain.alignment`'s;
a revision's edits at a quote's edge are `workbench.domain.edge_edits`'.
Offsets returned are always code points of the text given, and `quote == text[start:end]`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.alignment import (
    MAX_SEED_HITS,
    find_all,
    levenshtein,
    levenshtein_similarity,
    nearest_hits,
    rough_alignment,
    start_slack,
    starts_near,
    widened,
)
from workbench.domain.chinese_forms import has_han, simplified_text
from workbench.domain.context_index import INDEXED_CONTEXT, ContextIndex, wanted_context
from workbench.domain.forms import (
    ELLIPSIS_STOPS,
)
from workbench.domain.occurrences import (
    occurrence_starts,
    past_selectors,
)
from workbench.domain.quote_folding import (
    Folded,
    fold,
    fold_quote,
    hyphenated_occurrences,
    hyphens_optional,
    typed_stops,
)
from workbench.domain.quote_marks import unmarked
from workbench.domain.quote_words import (
    ends_a_sentence,
    inside_word,
    reordered_run,
    to_word_edges,
    whole_words,
    words_of,
)
from workbench.domain.segment import (
    CLOSERS,
    OPENERS,
    STOPS,
    ends_sentence,
)
from workbench.domain.spans import CONTEXT_CHARS, Span, span_at

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
# An exact quote far from where it was expected counts as moved only with this much of its
# context (mean of prefix and suffix similarity); otherwise the fuzzy step weighs it.
MIN_CONTEXT_SIMILARITY = 0.5
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
    return levenshtein_similarity(want, have)


def _span(text: str, start: int, end: int) -> Span:
    return span_at(text, start, end)


class Matcher:
    """Re-anchors many selectors against one text, folding the text once."""

    def __init__(self, text: str, *, script_folded: bool = False) -> None:
        self.text = text
        # This text in simplified characters, to find a quote whose words it writes in
        # traditional ones (`_in_other_script`); False when there is none to fold.
        self._script_folded = script_folded
        self._other_script: Matcher | bool | None = None
        self._folded: Folded | None = None
        # `context_holding`'s index: the occurrences of a few quotes by the folded text just
        # before and just after each, of each length asked.
        self._edges: dict[tuple[tuple[int, int], ...], ContextIndex] = {}
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
        hold (`context_holds`), looked up rather than compared one by one: an import of
        annotations compared every occurrence's context for every row, and a page repeating a
        quote 10,000 times, one annotation each, took 0.3 s a row (rr340)."""
        if len(found) > _KEPT_OCCURRENCES:
            # Too many to keep: compared one by one, holding nothing, as before rr340.
            return [at for at in found if context_holds(self, at, prefix, suffix)]
        key = tuple(found)
        index = self._edges.get(key)
        if index is None:
            index = ContextIndex(self.folded, found)
            if self._edges_held + len(found) > _KEPT_OCCURRENCES:
                self._edges.clear()
                self._edges_held = 0
            self._edges[key] = index
            self._edges_held += len(found)
        want_before, want_after = wanted_context(prefix, suffix)
        before, after = index.before(want_before), index.after(want_after)
        fewer, more = sorted((before, after), key=len)
        held = set(fewer).intersection(more)
        if max(len(want_before), len(want_after)) > INDEXED_CONTEXT:
            # Found by the characters nearest the quote alone: the rest compared (rr344).
            return [found[i] for i in sorted(held) if context_holds(self, found[i], prefix, suffix)]
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
                    round(levenshtein_similarity(fold(sel.quote), fold(wider.quote)), 4),
                )
            # Where it was, differing at most in foldable characters: still exact.
            state = AnchorState.EXACT if start == sel.start else AnchorState.MOVED
            return Anchored(state, _span(text, start, end), 1.0)
        fuzzy = self._fuzzy(sel, hint)
        if fuzzy.state == AnchorState.ORPHANED:
            return self._in_other_script(sel, hint) or fuzzy
        return fuzzy

    def _in_other_script(self, sel: Selector, hint: int) -> Anchored | None:
        """`sel` found with both texts written in simplified characters, when the text or the
        quote is in traditional ones (the article's Hong Kong edition, or a claim pinned on it
        and the page switched back: over half of a quote's characters may differ, under the
        fuzzy step's threshold, and its words were said gone): `fuzzy`, the span in this
        text's characters, scored by how much of the quote is the same characters. None when
        not found so either, or when there is no script to fold."""
        if self._script_folded or not has_han(sel.quote):
            return None
        quote, prefix, suffix = (simplified_text(s) for s in (sel.quote, sel.prefix, sel.suffix))
        other = self._simplified()
        if other is None or (other.text == self.text and quote == sel.quote):
            return None  # (the same search again)
        found = other.reanchor(
            Selector(sel.start, sel.start + len(quote), quote, prefix, suffix), hint
        )
        if found.span is None:
            return None
        span = _span(self.text, found.span.start, found.span.end)
        if span.quote == sel.quote:
            return Anchored(found.state, span, found.score)
        score = round(levenshtein_similarity(fold(sel.quote), fold(span.quote)), 4)
        return Anchored(AnchorState.FUZZY, span, score)

    def _simplified(self) -> Matcher | None:
        """A matcher of this text written in simplified characters (the text itself when it
        is, searched without folding again), when OpenCC writes it a character for a character
        (so offsets hold); None for a text with no Chinese character."""
        if self._other_script is None:
            folded = simplified_text(self.text) if has_han(self.text) else None
            usable = folded is not None and len(folded) == len(self.text)
            self._other_script = (
                Matcher(folded, script_folded=True) if folded is not None and usable else False
            )
        return self._other_script if isinstance(self._other_script, Matcher) else None

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
        fq, breaks = fold_quote(quote)
        if not fq:
            return []
        folded = self.folded
        pattern = hyphens_optional(fq, breaks)
        if pattern is None:
            found = [(s, s + len(fq)) for s in occurrence_starts(folded.text, fq)]
        else:
            found = hyphenated_occurrences(folded, pattern)
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
                for s in starts_near(self.text, quote, hint)
            ]
        fq = fold(quote)
        if not fq:
            return []
        folded = self.folded
        near = starts_near(folded.text, fq, folded.from_original(min(hint, len(self.text))))
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
        slack = start_slack(fq)
        votes, first = self._votes(fq, slack)
        aligned = max(NEAREST_WINDOWS, NEAREST_CHARACTERS // len(fq))  # a short quote aligns fast
        ranked = sorted(votes, key=lambda b: -votes[b])[:aligned]
        rough = sorted(
            (
                hit
                for b in ranked
                if (
                    hit := rough_alignment(
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
            found, kept = widened(
                fq, folded.text, lo, min(n, hi + further), start, end, folded.cuts_no_run, further
            )
            if found[0] >= MIN_QUOTE_SIMILARITY and (not best or found[0] > best[0]):
                best = found
            s, e = folded.over_runs(start, end)
            if (s, e) != (start, end):
                # The alignment cut a run (the quote's "..." in 他说……我们): the passages
                # holding it whole are found from it, out (the edges move only so far).
                lo, hi = max(0, lo - (start - s)), min(n, hi + (e - end))
                _, over = widened(fq, folded.text, lo, hi, s, e, folded.cuts_no_run, further)
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
        head, tail = typed_stops(typed)
        lo, hi = best[1:] if best else (0, 0)
        while head and folded.cuts_dots(lo):
            lo -= 1
        while tail and folded.cuts_dots(hi):
            hi += 1
        if best and (lo, hi) != best[1:]:
            start, end = whole_words(self.text, *folded.span(lo, hi))
            if fold(typed) in fold(self.text[start:end]):
                return levenshtein_similarity(fq, fold(self.text[start:end])), start, end, True
        # The passage offered may be alike enough where none cutting the run was (every
        # alignment of '他说...我们会' in 他说……我们会 cut it, under 70%: fix284).
        if whole is None:
            return None
        # Never a passage cutting a run: '他说...我们' against 他说……我们 was offered '他说…', half
        # the run (fix284). Whole words may be less like the quote than the fragment was:
        # offered only if still alike enough ('nt in the c' for "not in the doc" was a fragment
        # of two words).
        start, end = whole_words(self.text, *folded.span(whole[1], whole[2]))
        alike = levenshtein_similarity(fq, fold(self.text[start:end]))
        return (alike, start, end, False) if alike >= MIN_QUOTE_SIMILARITY else None

    def _fuzzy(self, sel: Selector, hint: int) -> Anchored:
        fq = fold(sel.quote)
        if not fq:
            return Anchored(AnchorState.ORPHANED, None, 0.0)
        folded = self.folded
        context = _Context(self.text, sel)
        fitted: dict[tuple[int, int], tuple[float, int, int, float, float, bool]] = {}
        best: tuple[float, float, int, int] | None = None
        # A quote of whole sentences may be found with its words re-ordered (`reordered_run`).
        words = words_of(sel.quote) if ends_a_sentence(sel.quote) else None
        for lo, hi in self._windows(fq, folded.from_original(hint)):
            rough = rough_alignment(fq, folded.text, lo, hi)
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
        # Words run onto an edge where a mark was are the claim's words, edited or not: the
        # fitted span scores its edges by the quote's likeness, so 城市之一 lost to 城市 once
        # 第一个 inside was also made 率先 (newuser: the claim read "the first" still).
        start, end = _glued(self.text, sel, start, end) or (start, end)
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
            run = reordered_run(self.text, words, fs, fe, len(sel.quote))
            if run is not None:
                rs, re_ = run
                alike = (levenshtein_similarity(fq, fold(self.text[rs:re_])) + 1.0) / 2
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
            for h in nearest_hits(text, tail, start - len(tail), len(fq))
            if h + len(tail) < end
        )
        ends.update(h for h in nearest_hits(text, head, end, len(fq)) if h > start)
        # Edges at words' edges only, where the old quote had its edges there (and some are in
        # reach): an edge inside a word moved out afterwards would not be the best span.
        whole_start, whole_end = _whole_word_edges(sel)
        if whole_start:
            at_edge = {s for s in starts if not inside_word(self.text, folded.to_original(s))}
            starts = at_edge or starts
        if whole_end:
            at_edge = {e for e in ends if not inside_word(self.text, folded.to_original(e - 1) + 1)}
            ends = at_edge or ends
        prefix = {s: context.before(folded.to_original(s)) for s in starts}
        suffix = {e: context.after(folded.to_original(e - 1) + 1) for e in ends}
        before = {s: PREFIX_WEIGHT * v for s, v in prefix.items()}
        after = {e: SUFFIX_WEIGHT * v for e, v in suffix.items()}
        similarity = levenshtein().normalized_similarity
        sim, top, fs, fe = levenshtein_similarity(fq, text[start:end]), -1.0, start, end
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
        snapped = to_word_edges(self.text, start, end, whole_start, whole_end)
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
            sim = levenshtein_similarity(fq, fold(self.text[start:end]))
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
        slack = start_slack(fq)
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
            for k, at in enumerate(find_all(self.folded.text, seed)):
                if k >= MAX_SEED_HITS:
                    break
                yield at - offset


# Characters of the context looked for where an edit at the quote's edge may have moved it.
SEED = 8


def _whole_word_edges(sel: Selector) -> tuple[bool, bool]:
    """Whether the old quote starts and ends at words' edges (it may have been cut inside)."""
    return (
        not inside_word(sel.prefix + sel.quote, len(sel.prefix)),
        not inside_word(sel.quote + sel.suffix, len(sel.quote)),
    )


# The most characters of words run onto a quote's edge that `_glued` takes in.
GLUED_REACH = 12
# A quote's last characters that end its words (`_glued`): a stop, a closing quotation mark.
_CLOSING_EDGE = STOPS | CLOSERS | {'"'}


def _glued(text: str, sel: Selector, start: int, end: int) -> tuple[int, int] | None:
    """The quote found at [start, end), widened over letters or characters now run onto an
    edge where the old text had a mark or a space (a word added to the claim's words: 之一
    after 城市, 不 before 是), or None when its edges are as they were.

    Only onto a word of the quote: an edge that is its sentence's stop or a closing quotation
    mark (or, at the start, an opening one) ends the claim's words there, and what a revision
    ran onto it is another sentence or the attribution (paragraphs merged: 城市。明年本市将投资
    was taken in to 12 characters, rB). A figure's sign is no such mark (5%以上 is taken in).

    Nor words that are the next sentence or paragraph rejoined, edited or not (`_added`): the
    mark was taken out, not words added (a headline, which ends in no stop, merged with the
    lead: rF; the lead or the headline also edited: rH)."""
    wider_start, wider_end = start, end
    if sel.suffix and start < end < len(text) and text[end - 1] not in _CLOSING_EDGE:
        was, now = sel.suffix[0], text[end]
        if now != was and now.isalnum() and not was.isalnum():
            while wider_end < min(len(text), end + GLUED_REACH) and text[wider_end].isalnum():
                wider_end += 1
            if not _added(
                text[end:wider_end], text[wider_end : wider_end + CONTEXT_CHARS], sel.suffix
            ):
                wider_end = end
    if sel.prefix and 0 < start < end and text[start] not in OPENERS:
        was, now = sel.prefix[-1], text[start - 1]
        if now != was and now.isalnum() and not was.isalnum():
            while wider_start > max(0, start - GLUED_REACH) and text[wider_start - 1].isalnum():
                wider_start -= 1
            past = text[max(0, wider_start - CONTEXT_CHARS) : wider_start]
            if not _added(text[wider_start:start][::-1], past[::-1], sel.prefix[::-1]):
                wider_start = start
    return None if (wider_start, wider_end) == (start, end) else (wider_start, wider_end)


# Marks that part sentences or paragraphs (`_added`).
_PARTING = STOPS | {"\n"}
# The characters of the old words past a mark that, found again past the words run onto the
# edge, show those words were added before them (`_added`).
_RESUMED = 3


def _added(run: str, past: str, old: str) -> bool:
    """Whether `run`, the characters now run onto a quote's edge, are words added to the
    claim's, read outward from the edge as are `past` (the new text beyond the run) and `old`
    (the old context there).

    Not when they are the old words past the mark (`_rejoined`); nor, where the old text had
    a stop or a line break at the edge, when no such mark follows them: the sentence or
    paragraph beyond was run onto the quote, whatever its words now (a lead edited as it was
    merged with its headline, 统计局 made 国家统计局, was taken in: rH). Words added before a
    stop made a comma are known by the old words going on past it (城市之一，她还说)."""
    old_words = _past_marks(old)
    if _rejoined(run, old_words):
        return False
    if not _PARTING.intersection(old[: len(old) - len(old_words)]):
        return True
    new_words = _past_marks(past)
    new_marks = past[: len(past) - len(new_words)]
    if _PARTING.intersection(new_marks) or not (past or old_words):
        return True  # (the mark still beyond the words added, or the text's end was and is)
    n = min(_RESUMED, len(old_words))
    return bool(new_marks) and n > 0 and new_words[:n] == old_words[:n]


def _rejoined(run: str, old: str) -> bool:
    """Whether `run`, the characters now run onto a quote's edge (read outward from it), are
    those the old text had there once past the marks (`old`, read outward too): as far as
    either goes, for the run stops at GLUED_REACH and the old context at CONTEXT_CHARS."""
    n = min(len(run), len(old))
    return n > 0 and run[:n] == old[:n]


def _past_marks(context: str) -> str:
    """`context` (read outward from a quote's edge) from its first letter or character on."""
    return next((context[i:] for i, c in enumerate(context) if c.isalnum()), "")


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
                lines.append((levenshtein_similarity(fq, fold(line)), at, at + len(line)))
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


def reanchor(text: str, sel: Selector, expected: int | None = None) -> Anchored:
    """Re-anchor one selector in `text` (see `Matcher` to re-anchor many against one text)."""
    return Matcher(text).reanchor(sel, expected)


# The occurrences a `Matcher` keeps of the last quotes asked (`occurrences`), and indexed by
# their context (`context_holding`), each: memory bounded however often a quote occurs.
_KEPT_OCCURRENCES = 200_000


def context_holds(matcher: Matcher, at: tuple[int, int], prefix: str, suffix: str) -> bool:
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
    want_before, want_after = wanted_context(prefix, suffix)
    start, end = folded.from_original(at[0]), folded.from_original(at[1])
    before = folded.text[max(0, start - len(want_before)) : start]
    return before == want_before and folded.text[end : end + len(want_after)] == want_after
