"""The learned part of check-worthiness: weights for the named features and for word n-grams.

`tools/train_checkworthy.py` fits a logistic regression on public labelled debates (CheckThat!
2019 Task 1 and a ClaimBuster sample, see that script) and writes the weights to
`checkworthy_weights.json` next to this module. Scoring here needs neither scikit-learn nor
numpy: a unit's logit is the bias, plus the weight of each named feature that fired (see
`checkworthy.features.FEATURES`), plus the weight of each distinct word uni- and bigram of the
unit's Latin text (numbers folded to "0", so "0 percent" and "0 million" are learnt once), times
`ngram_scale / sqrt(words)` (a unit under five words counted as five: see `ngram_factor`), plus
the weight of the unit's length band. Every term is a named number, which keeps a score
explainable: `explain` lists the n-grams that moved it most, each with what it added.

Why the n-grams are scaled by the length: a sum over a unit's n-grams grows with the unit, so a
long sentence of talk collected as much evidence as a short one with a figure in it, and long
debates of long answers ranked worst. Divided by the square root of the words, each sentence's
words speak with one voice (leave-one-debate-out MAP on the training debates: see
docs/benchmarks.md, session 34).

The training data is English, so n-gram weights mean something only for English. A unit that
is mostly not English (more CJK characters than twice its Latin words, as in Chinese) is scored
by a second model learnt from the same data without n-grams: the named features (whose cues the
scanner finds in both languages) and the length band, with weights that did not lean on n-grams
during training. Debates are not news reports, so those weights are then adapted to Chinese
prose (the "chinese" section of the weights file), fitted on the labelled Chinese dev articles
(news reports and founder profiles, see tools/train_checkworthy.py): a correction to the named
and length weights, pulled towards zero so that a weight moves only as far as the Chinese
sentences push it, and weights for characters (`char_grams`: every number written "0", every
Latin word "A", every quotation mark '"', how the unit starts and ends, and each pair of
neighbouring CJK characters, though no pair has a weight in the shipped file: see
PAIRS_NOT_SHIPPED in tools/train_checkworthy.py), pulled towards zero too, and only for those
seen in more than one dev article, so that a name or a topic of one article learns nothing. The
Chinese section also says how far a clause must clear the threshold when its sentence did not
(`clause_margin`).

In a transcript (`extract --speakers`), where a sentence stands counts too: a turn's first
sentence, a one-sentence turn, the sentence after a question, a figure in a neighbouring
sentence, a speaker who asks questions, the first and last twentieth (see `turn_context`). The
"context" section of the weights file holds their weights, fitted with the English model's in
one fit (with an indicator of CheckThat!'s labelling, fitted and never applied: see
tools/train_checkworthy.py). They are added to the logit of a unit the English model reads;
prose has no context, and the Chinese model, adapted on prose, reads none.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from workbench.domain.cjk import BASIC_HAN, is_basic_han
from workbench.domain.rebuild import by_fields
from workbench.domain.turn_context import LABELS

WEIGHTS_FILE = "checkworthy_weights.json"

# Possessive (*+, ?+): what follows each part can never match what it took, so giving back is
# never needed; the regex engine is spared keeping the means to. Each alternative starts with
# one character ([a-z][a-z]*+, not [a-z]++): where none can start, a place costs one test.
_NUMBER = re.compile(r"[0-9][0-9]*+(?:[.,][0-9][0-9]*+)*+")
_TOKEN = re.compile(rf"[a-z][a-z]*+(?:'[a-z][a-z]*+)?+|{_NUMBER.pattern}")
_TOKEN_PART = re.compile(f"({_TOKEN.pattern})")  # `_TOKEN`, kept by re.split
_CJK = re.compile(f"[{BASIC_HAN}]")
# A gram of two CJK characters: a pair (see `cjk_pairs`), never an edge or a mark.
CJK_PAIR = re.compile(f"[{BASIC_HAN}]{{2}}")
_CJK_RUN = re.compile(f"[{BASIC_HAN}]+")
_HAS_LATIN = re.compile("[A-Za-z]")
_LATIN_WORD = re.compile("[A-Za-z]+")
# What `char_grams` keeps of a character besides CJK, "0" and "A": quotation marks are one mark,
# anything else that is not CJK is a boundary (runs of boundaries are one).
_QUOTE_MARKS = '"“”「」『』'
_NOT_GRAM = re.compile(f"[^{BASIC_HAN}0A{_QUOTE_MARKS}]+")
_DIGIT_OR_LATIN = re.compile("[0-9A-Za-z]")
_ONE_QUOTE = str.maketrans(dict.fromkeys(_QUOTE_MARKS, '"'))
_PER_UNIT = 10_000  # gram weights are stored to 4 decimals
# Combinations of named features whose positive sums `Model.positive_sums` keeps.
_MAX_SUMS = 4096
# Length bands, in words.
_BANDS = ((4, "len<5"), (9, "len5-9"), (19, "len10-19"), (39, "len20-39"))


def _tokens(text: str) -> list[str]:
    """Latin words and numbers, lower-cased, every number written "0"."""
    if text.isascii():
        return _ascii_tokens(text)
    # bytes.lower() folds ASCII letters only (bytes of multi-byte UTF-8 are all >= 0x80), and
    # in C: str.translate looks each character of CJK text up in a dict. One apostrophe:
    # "that’s" and "that's" are one word.
    if _HAS_LATIN.search(text) is None:
        return []
    return _found_tokens(_lowered(text))


def _lowered(text: str) -> str:
    """`text` with its ASCII letters in lower case and ’ written ', every other character
    where it was (bytes.lower() folds ASCII letters only)."""
    return text.encode("utf-8").lower().decode("utf-8").replace("’", "'")


# ASCII folded by `fold_ascii`: letters to lower case, digits to "0", the apostrophe kept,
# anything else a space.
def _folded(ch: str) -> str:
    if ch.isascii() and ch.isalpha():
        return ch.lower()
    if ch.isascii() and ch.isdigit():
        return "0"
    return ch if ch == "'" else " "


_FOLD = "".join(_folded(chr(c)) for c in range(256)).encode("ascii")


def fold_ascii(text: str) -> bytes:
    """ASCII `text` a byte a character (bytes.translate: a table lookup a byte, in C): its
    letters in lower case, every digit "0", the apostrophe kept and anything else a space.
    Without a "0" or an apostrophe, its Latin words (the scan's and the model's alike) are its
    runs of letters, `folded.decode().split()`: a fifth of the cost of a regex's findall,
    whose matches cost more than the characters between them."""
    return text.encode("ascii").translate(_FOLD)


def _ascii_tokens(text: str) -> list[str]:
    """`_tokens` of ASCII `text`: its runs of letters (see `fold_ascii`), each number (a run
    of digits, with dots and commas between digits) set apart as one "0" first; an apostrophe
    may join two words, and is left to the regex."""
    folded = fold_ascii(text)
    if not folded.strip(b" 0'"):
        return []  # no letter: neither a word nor, alone, a number counts
    if b"'" in folded:
        return _found_tokens(text.lower())
    if b"0" in folded:
        # The regex's numbers, each set apart as a "0" (the digits left are all in them).
        folded = fold_ascii(_NUMBER.sub(" 0 ", text))
    return folded.decode("ascii").split()


def _found_tokens(low: str) -> list[str]:
    """The tokens of lower-cased `low` (’ written ')."""
    # Each number becomes "0" after the split: a token is a number if it starts with a digit
    # (a second pass over the text, to replace numbers before the split, costs more). Most
    # sentences of prose have no digit: their words are the tokens.
    tokens = _TOKEN.findall(low)
    # Digits sort before letters: no token starts with one unless the least does.
    if not tokens or min(tokens)[0] > "9":
        return tokens
    return ["0" if t[0] <= "9" else t for t in tokens]


def _cjk_count(text: str) -> int:
    if text.isascii():  # in constant time: most English units
        return 0
    # One regex call (a test for CJK first costs as much), that takes out the runs of CJK
    # characters: in Chinese prose few and long, where the runs between them were many and
    # each a search that failed at every CJK character first.
    return len(text) - len(_CJK_RUN.sub("", text))


def _grams(tokens: list[str]) -> set[str]:
    grams = set(tokens)
    grams.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))
    return grams


def word_ngrams(text: str) -> set[str]:
    """The distinct word unigrams and bigrams of the Latin text of `text`, lower-cased, every
    number written "0"."""
    return _grams(_tokens(text))


def char_grams(text: str) -> set[str]:
    """What the Chinese model reads off `text`: its distinct characters, with every number
    written "0", every Latin word "A" and every quotation mark '"' (other characters that are
    not CJK are left out), and how it starts and ends: the first one after "^" and the last one
    before "$", where a boundary "|" stands for anything else ('^"' is a unit that opens with a
    quotation, "^他" one that opens on him, "|$" one that ends in punctuation); and its pairs
    of neighbouring CJK characters (`cjk_pairs`)."""
    # Numbers first: a number's digits are not Latin letters, and "A" must not become "0".
    # (Most Chinese units have neither: then neither substitution is needed.)
    original = text
    if _DIGIT_OR_LATIN.search(text):
        text = _LATIN_WORD.sub("A", _NUMBER.sub("0", text))
    norm = "^" + _NOT_GRAM.sub("|", text) + "$"
    grams = set(norm)
    grams.difference_update("|^$")
    # Quotation marks are folded in the set and the two edges, not in the whole text
    # (str.translate looks up every character).
    if not grams.isdisjoint(_QUOTE_MARKS):
        grams.difference_update(_QUOTE_MARKS)
        grams.add('"')
    grams.add(norm[:2].translate(_ONE_QUOTE))
    grams.add(norm[-2:].translate(_ONE_QUOTE))
    grams.update(cjk_pairs(original))
    return grams


def cjk_pairs(text: str) -> set[str]:
    """The distinct pairs of neighbouring CJK characters of `text`, grams of `char_grams`: 来自
    is not 来 alone, nor 董事会 the 会 of "will"."""
    pairs: set[str] = set()
    for run in _CJK_RUN.findall(text):
        # In C: the pairs of a run are built by str.__add__ over two iterators.
        pairs.update(map(str.__add__, run, run[1:]))
    return pairs


# What stands for each kind of character that is not CJK in `char_grams` (see `Plain.text_sum`).
_DIGITS = frozenset("0123456789")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MARKS = (("0", _DIGITS), ("A", _LATIN), ('"', frozenset(_QUOTE_MARKS)))


_MARK_OF = {ch: mark for mark, kind in _MARKS for ch in kind}
_ANY_MARK = frozenset(_MARK_OF)


def _marks_in(chars: set[str]) -> frozenset[str]:
    """The marks ("0", "A", '"') that the characters `chars` hold: one set operation (in C, over
    the smaller set) where a test per kind of mark cost three."""
    found = _ANY_MARK.intersection(chars)
    return frozenset(map(_MARK_OF.__getitem__, found)) if found else found


def _edge_grams(text: str) -> tuple[str, ...]:
    """The grams of how `text` starts and ends (see `char_grams`)."""
    if not text:
        return ("^$",)
    return "^" + _gram_of(text[0]), _gram_of(text[-1]) + "$"


def _gram_of(ch: str) -> str:
    """What `char_grams` makes of the character `ch` at either end of a text."""
    if is_basic_han(ch):
        return ch
    return _MARK_OF.get(ch, "|")


BAND_NAMES = (*(name for _, name in _BANDS), "len40+")


def _ceiling(bias: float, bands: dict[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    best = float("-inf")
    for name in BAND_NAMES:
        best = max(best, bands.get(name, 0.0))
        out[name] = bias + best
    return out


def _band(words: int) -> str:
    # By bisection (in C): the first band whose most is at least `words`.
    return BAND_NAMES[bisect.bisect_left(_BAND_MOST, words)]


_BAND_MOST = tuple(most for most, _ in _BANDS)


def word_count(text: str) -> int:
    """The Latin words and numbers of `text`, as the n-gram model counts them."""
    return len(_tokens(text))


def ngram_factor(words: int, scale: float, floor: int) -> float:
    """What each learnt n-gram weight of a unit of `words` Latin words and numbers is multiplied
    by: `scale / sqrt(words)`, a unit under `floor` words counted as `floor` words long. (Without
    the floor a word alone weighed three times its weight: "Jobs." scored 0.774 and a clause
    "jobs," cut from a question passed; the floor cost nothing in cross-validation.)"""
    return scale / math.sqrt(max(words, floor))


def length_band(text: str) -> str:
    """The unit's length in words: Latin words and numbers, plus a word per two CJK
    characters."""
    return _band(len(_tokens(text)) + _cjk_count(text) // 2)


def mostly_english(text: str) -> bool:
    """Is `text` scored with the n-gram model? Not when CJK characters outnumber twice its
    Latin words (a Chinese character is about half a word; among them a number or a letter
    alone is no word)."""
    return _english(_tokens(text), _cjk_count(text))


def _english(tokens: list[str], cjk: int) -> bool:
    if not tokens:
        return False
    if not cjk:
        return True
    # Among CJK characters, numbers belong to neither language, and a letter alone is a label
    # (B轮, Q1, A股, C端; lower-cased, A is a and I is i): "B轮15亿," holds no word.
    words = sum(1 for t in tokens if len(t) > 1)
    return cjk <= 2 * words


@dataclass(slots=True)  # not frozen: one is built per unit, and a frozen one costs 5x to build
class Reading:
    """What the model reads off a unit's text: which model scores it, its length band, its
    learnt word n-grams with their weights (English) and the sum of the weights of its character
    grams (when the Chinese model scores it)."""

    english: bool
    band: str
    # The learnt n-grams with their weights, each adding its weight times `factor` to the
    # logit (`ngram_factor` of the unit's words; a clause has fewer words than its unit, so its
    # n-grams weigh as much or more: `checkworthy.scoring` bounds a clause by it).
    terms: list[tuple[str, float]]
    factor: float
    # The sum of the terms' weights, in their order (a unit's score needs no more of them).
    weight: float
    # The Chinese model's: the sum of the weights of the unit's character grams (0 for an
    # English unit). Which grams have a weight is only asked for a candidate's reasons.
    chars: float
    # The distinct characters of the unit, when the Chinese model read them: a candidate's
    # reasons read them again, and building the set is most of the cost of either.
    charset: set[str] | None = None

    def __init__(
        self,
        english: bool,
        band: str,
        terms: list[tuple[str, float]],
        factor: float,
        weight: float,
        chars: float,
        charset: set[str] | None = None,
    ) -> None:
        # Written out so that mypyc compiles it: the one dataclass generates is exec'd, so
        # interpreted even here (tests/unit/test_native.py holds it to the fields).
        self.english = english
        self.band = band
        self.terms = terms
        self.factor = factor
        self.weight = weight
        self.chars = chars
        self.charset = charset

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are


@dataclass(frozen=True)
class Plain:
    """The model for text that is mostly not English: no word n-grams; for Chinese prose,
    character grams (`chars`, empty when the weights file has none)."""

    bias: float
    features: dict[str, float]
    bands: dict[str, float]
    chars: dict[str, float] = field(default_factory=dict)
    # How far (on the logit scale) a clause must clear the threshold when its unit fell short
    # (see `checkworthy.candidates.clause_bar`): a clause that leaves its sentence's framing
    # behind (有分析人士认为，……; 定下的下一个目标，是……) passes on evidence its sentence did not
    # have.
    clause_margin: float = 0.0
    # Read off the weights once, when the model is built (`__post_init__`): not
    # `functools.cached_property`, which a compiled class (see `native`) turns into a plain
    # property, computed again at every use.
    # By a unit's length band: the bias with the best band of any part of the unit (a clause
    # is no longer than its unit), where its positive evidence starts.
    ceiling: dict[str, float] = field(init=False, repr=False, compare=False)
    positive: dict[str, float] = field(init=False, repr=False, compare=False)
    # The gram weights in units of 1e-4 (the weights file's precision): all, those of CJK
    # characters, and those of pairs of CJK characters. Integers add up to the same sum in any
    # order, and a set's order changes with the process's string hashing.
    _char_units: tuple[dict[str, int], dict[str, int], dict[str, int]] = field(
        init=False, repr=False, compare=False
    )
    # By character, filled as met: the weight (in units) of a text starting with it and of one
    # ending with it, so the gram ("^年", "|$") is built once per character, not per unit.
    _edges: tuple[dict[str, int], dict[str, int]] = field(init=False, repr=False, compare=False)
    # Each gram's place in `explain`'s order, and the grams in that order.
    _ranking: tuple[dict[str, int], list[tuple[str, float]]] = field(
        init=False, repr=False, compare=False
    )

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def __post_init__(self) -> None:
        units = {g: round(w * _PER_UNIT) for g, w in self.chars.items()}
        order = sorted(self.chars.items(), key=lambda gw: (-abs(gw[1]), gw[0]))
        derived = {
            "ceiling": _ceiling(self.bias, self.bands),
            "positive": {k: v for k, v in self.features.items() if v > 0},
            "_char_units": (
                units,
                {g: u for g, u in units.items() if _CJK.fullmatch(g)},
                {g: u for g, u in units.items() if CJK_PAIR.fullmatch(g)},
            ),
            "_edges": ({}, {}),
            "_ranking": ({g: i for i, (g, _) in enumerate(order)}, order),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def char_sum(self, grams: set[str]) -> float:
        """The sum of the weights of `grams`."""
        units = self._char_units[0]
        # In C: a lookup per gram, 0 for a gram without a weight, and the sum.
        return sum(map(units.get, grams, itertools.repeat(0))) / _PER_UNIT

    def text_sum(self, text: str) -> float:
        """`char_sum(char_grams(text))`, read off the distinct characters of `text` (a set, in
        C): the weights of its CJK characters, of the marks it holds ("0" for any digit, "A" for
        any Latin letter, '"' for any quotation mark), of how it starts and ends, and of its
        pairs of neighbouring CJK characters. What a clause's filter needs, without building
        the grams (a third of the cost)."""
        if not text:
            return self._char_units[0].get("^$", 0) / _PER_UNIT
        return self.chars_sum(text, set(text))

    def chars_sum(self, text: str, chars: set[str]) -> float:
        """`text_sum` of a non-empty `text` whose distinct characters are `chars`."""
        units, cjk, pairs = self._char_units
        total = sum(map(cjk.get, chars, itertools.repeat(0)))
        for mark in _marks_in(chars):
            total += units.get(mark, 0)
        if pairs:  # (none in the shipped weights: see PAIRS_NOT_SHIPPED in the trainer)
            total += sum(map(pairs.get, cjk_pairs(text), itertools.repeat(0)))
        # Integers: the same sum in any order.
        return (total + self._edge_units(text[0], text[-1])) / _PER_UNIT

    def _edge_units(self, first: str, last: str) -> int:
        heads, tails = self._edges
        head = heads.get(first)
        if head is None:
            head = heads[first] = self._char_units[0].get("^" + _gram_of(first), 0)
        tail = tails.get(last)
        if tail is None:
            tail = tails[last] = self._char_units[0].get(_gram_of(last) + "$", 0)
        return head + tail

    def char_terms(self, grams: set[str]) -> list[tuple[str, float]]:
        """The learnt character grams among `grams`, with their weights."""
        table = self.chars
        return [(g, table[g]) for g in table.keys() & grams]

    def text_terms(self, text: str) -> list[tuple[str, float]]:
        """`char_terms(char_grams(text))`, read off the characters of `text` as `explain_text`
        reads them, without building the grams."""
        table = self.chars
        return [(g, table[g]) for g in self._learnt(text, set(text))]

    def _learnt(self, text: str, chars: set[str]) -> set[str]:
        """The grams of `char_grams(text)` that have a weight, read off `chars`, the distinct
        characters of `text`: a gram of one character is a CJK one or a mark ("0", "A", '"'),
        and a text holding the character 0, A or " holds its mark; the others are its two edges
        and its pairs of neighbouring CJK characters. (`chars_sum` adds the same grams' weights
        without building the set.)"""
        table = self._ranking[0].keys()
        learnt = table & chars
        learnt.update(table & [*_marks_in(chars), *_edge_grams(text)])
        if self._char_units[2]:
            learnt.update(table & cjk_pairs(text))
        return learnt

    def explain_text(self, text: str, chars: set[str] | None = None) -> tuple[str, ...]:
        """`explain(text_terms(text), kind="chars")` (`chars`: the distinct characters of
        `text`, when the caller has them), ranked by the grams' places in the order `explain`
        ranks them (the largest weight first, then by gram; grams are unique, so the weight
        never decides): a text's grams are some of the table's, so among themselves they rank
        as their places do. Sorting integers, in C, costs a fraction of building and sorting a
        tuple per gram."""
        place, order = self._ranking
        learnt = self._learnt(text, set(text) if chars is None else chars)
        ranked = sorted(map(place.__getitem__, learnt))[:_TOP]
        return tuple(
            f'chars "{g}" {w:+.2f}' for g, w in map(order.__getitem__, ranked) if abs(w) >= 0.05
        )


@dataclass(frozen=True)
class Model:
    bias: float
    features: dict[str, float]
    ngrams: dict[str, float]
    bands: dict[str, float]
    plain: Plain
    # The n-gram weights of a unit are multiplied by `factor(words)` (see `ngram_factor`).
    ngram_scale: float
    ngram_floor: int
    # In a transcript, the weights of where a sentence stands (see `turn_context`), added to
    # the English model's logit only: fitted on English debates with the weights above.
    context: dict[str, float] = field(default_factory=dict)
    # Read off the weights once, as `Plain`'s are.
    ceiling: dict[str, float] = field(init=False, repr=False, compare=False)
    positive: dict[str, float] = field(init=False, repr=False, compare=False)
    # The positive sums of each combination of features met (`positive_sums`).
    _positive_sums: dict[tuple[str, ...], tuple[float, float]] = field(
        init=False, repr=False, compare=False
    )
    # Bigram weights by first word, so a pair is looked up without building its string.
    _pairs: dict[str, dict[str, float]] = field(init=False, repr=False, compare=False)
    # `factor` of the lengths most units have, looked up: every unit read needs one, and
    # computing it cost 1% of `find_candidates` (session 34, cachegrind).
    _factors: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are

    def __post_init__(self) -> None:
        pairs: dict[str, dict[str, float]] = {}
        for gram, w in self.ngrams.items():
            a, _, b = gram.partition(" ")
            if b:
                pairs.setdefault(a, {})[b] = w
        derived = {
            "ceiling": _ceiling(self.bias, self.bands),
            "positive": {k: v for k, v in self.features.items() if v > 0},
            "_positive_sums": {},
            "_pairs": pairs,
            "_factors": tuple(
                ngram_factor(w, self.ngram_scale, self.ngram_floor) for w in range(64)
            ),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def positive_sums(self, fired: tuple[str, ...]) -> tuple[float, float]:
        """The sum of the positive weights of the named features `fired` under this model and
        under the plain one, in the order of `fired`, each combination summed once."""
        sums = self._positive_sums
        found = sums.get(fired)
        if found is None:
            zero = itertools.repeat(0.0)
            # In C: a lookup per feature, 0 for one without a positive weight, and the sum.
            found = (
                sum(map(self.positive.get, fired, zero)),
                sum(map(self.plain.positive.get, fired, zero)),
            )
            if len(sums) >= _MAX_SUMS:
                sums.clear()  # never reached by a document's combinations, but a bound
            sums[fired] = found
        return found

    def factor(self, words: int) -> float:
        """What the n-gram weights of a unit of `words` words are multiplied by (the most, for
        any unit: `factor(0)`)."""
        factors = self._factors
        if words < len(factors):
            return factors[words]
        return ngram_factor(words, self.ngram_scale, self.ngram_floor)

    def added(self, reading: Reading) -> list[tuple[str, float]]:
        """The learnt n-grams of a unit read by `read`, with what each adds to its logit."""
        factor = reading.factor
        return [(g, w * factor) for g, w in reading.terms]

    def ngram_terms(self, text: str) -> list[tuple[str, float]]:
        """The learnt n-grams of `text` with what each adds to its logit."""
        table = self.ngrams
        factor = self.factor(len(_tokens(text)))
        return [(g, table[g] * factor) for g in word_ngrams(text) if g in table]

    def read(self, text: str) -> Reading:
        """One pass over `text` for everything the scores need besides the named features."""
        tokens = _tokens(text)
        cjk = _cjk_count(text)
        found: dict[str, float] = {}
        if tokens:
            # Comprehensions, not a loop over tokens: this runs for every unit of a document.
            table, pairs = self.ngrams, self._pairs
            found = {t: table[t] for t in tokens if t in table}
            # The words that may follow each token, looked up by `map` (in C, no method call
            # per token), then each pair.
            follows = map(pairs.get, tokens)
            found.update(
                {
                    f"{a} {b}": follow[b]
                    for a, b, follow in zip(tokens, tokens[1:], follows, strict=False)
                    if follow is not None and b in follow
                }
            )
        english = _english(tokens, cjk)
        band = _band(len(tokens) + cjk // 2)
        factor = self.factor(len(tokens))
        terms = list(found.items())
        weight = sum(found.values())  # in C, where a comprehension over `terms` was not
        # The sum of the grams' weights, read off the characters: the grams themselves are only
        # asked for a candidate's reasons (`char_grams` then).
        if english or not self.plain.chars:
            return Reading(english, band, terms, factor, weight, 0.0)
        if not text:
            return Reading(english, band, terms, factor, weight, self.plain.text_sum(text))
        charset = set(text)
        chars = self.plain.chars_sum(text, charset)
        return Reading(english, band, terms, factor, weight, chars, charset)


def explain_band(band: str, weights: dict[str, float]) -> tuple[str, ...]:
    """The length band as a reason, `length "20-39 words" +0.53`, if it moved the score: the
    same tuple for every candidate of a band (`_BAND_REASONS`), not a string each."""
    w = weights.get(band, 0.0)
    known = _BAND_REASONS.get((band, w))
    if known is not None:
        return known
    reason: tuple[str, ...] = ()
    if abs(w) >= 0.05:
        reason = (f'length "{band.removeprefix("len")} words" {w:+.2f}',)
    _BAND_REASONS[(band, w)] = reason
    return reason


def explain_context(terms: tuple[tuple[str, float], ...]) -> tuple[str, ...]:
    """Every context feature that fired, with its weight: `context "after a question" -0.21`
    (one tuple for each set of them, `_CONTEXT_REASONS`: a transcript's sentences have a few
    dozen)."""
    known = _CONTEXT_REASONS.get(terms)
    if known is None:
        known = tuple(f'context "{LABELS[name]}" {w:+.2f}' for name, w in terms)
        _CONTEXT_REASONS[terms] = known
    return known


# The reasons each length band and weight, and each set of context features, gives (at most a
# band for each band of each model, and the sets of a few context features: a bounded few).
_BAND_REASONS: dict[tuple[str, float], tuple[str, ...]] = {}
_CONTEXT_REASONS: dict[tuple[tuple[str, float], ...], tuple[str, ...]] = {}


_TOP = 3  # n-grams named in a score's reasons


def explain(
    terms: list[tuple[str, float]], top: int = _TOP, kind: str = "words", text: str = ""
) -> tuple[str, ...]:
    """The `top` n-grams that moved a score most, as `words "tax cuts" +0.41` (or, with `kind`
    "chars", character grams: `chars "年" +0.53`): the largest weight first, then by gram. A
    word gram with a number in it is shown as `text` first has it (`words "in 2016"`, where
    the model weighs "in 0": any number after "in")."""
    # Sorted as (-|weight|, gram, weight) tuples, in C: a key function is a Python call per term
    # (a candidate has about twenty), and no two terms share a gram.
    ranked = sorted([(-abs(v), g, v) for g, v in terms])[:top]
    return tuple(
        f'{kind} "{_as_written(text, g) if text and kind == "words" else g}" {v:+.2f}'
        for _, g, v in ranked
        if abs(v) >= 0.05
    )


def as_written(text: str, gram: str) -> str:
    """Word `gram` as `text` writes it (see `_as_written`): how a reason names it."""
    return _as_written(text, gram)


def _as_written(text: str, gram: str) -> str:
    """Word `gram` as `text` writes it where it first has it, if it holds a number (read as
    "0", which says nothing to a reader: "0 percent" is "3.5 percent"); else `gram`."""
    wanted = gram.split(" ")
    if "0" not in wanted:
        return gram
    if gram == "0":
        # Most such grams: the first number token, which starts at the first digit (every digit
        # is a number token's, whose regex is `_NUMBER`; lower-casing moves none).
        number = _NUMBER.search(text)
        return gram if number is None else number.group()
    # The tokens of `_tokens` (the same regex over the same lower-casing, of the same length),
    # at the odd places of the split, with the text between them at the even ones: where a
    # token is, is the length of what comes before it (no match object a token, in C).
    parts = _TOKEN_PART.split(_lowered(text))
    tokens = ["0" if t[0] <= "9" else t for t in parts[1::2]]
    n = len(wanted)
    for i in range(len(tokens) - n + 1):
        if tokens[i : i + n] == wanted:
            start = sum(map(len, parts[: 2 * i + 1]))
            return text[start : start + sum(map(len, parts[2 * i + 1 : 2 * (i + n)]))]
    return gram


@functools.cache
def load() -> Model:
    raw = json.loads(
        resources.files("workbench.domain").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    )
    # Text that is mostly not English is scored by the Chinese adaptation of the no-n-gram model
    # when the weights file has one (see tools/train_checkworthy.py), else by that model.
    plain = raw.get("chinese") or raw["plain"]
    return Model(
        bias=float(raw["bias"]),
        features={k: float(v) for k, v in raw["features"].items()},
        ngrams={k: float(v) for k, v in raw["ngrams"].items()},
        bands={k: float(v) for k, v in raw["bands"].items()},
        plain=Plain(
            # The fitted bias, moved by the calibration on the Chinese dev articles (see
            # tools/train_checkworthy.py): debates are not news, and the threshold is shared.
            bias=float(plain["bias"]) + float(plain.get("calibration", 0.0)),
            features={k: float(v) for k, v in plain["features"].items()},
            bands={k: float(v) for k, v in plain["bands"].items()},
            chars={k: float(v) for k, v in plain.get("chars", {}).items()},
            clause_margin=float(plain.get("clause_margin", 0.0)),
        ),
        context={k: float(v) for k, v in raw.get("context", {}).get("weights", {}).items()},
        ngram_scale=float(raw["ngram_scale"]),
        ngram_floor=int(raw["ngram_floor"]),
    )
