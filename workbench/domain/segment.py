"""Sentence and clause segmentation for mixed Chinese and English text.

Offsets are `str` indices (code points), so a span can never split a surrogate pair: emoji and
CJK Extension-B characters count as one position each, like every other character.

The rules, in the order they apply:

* A blank line (two newlines with only spaces between them) always ends a sentence. The text
  between blank lines is a *block*; no state crosses a block boundary, which is what lets
  `sentence_around` re-split one block instead of the whole document.
* Inside a block a single newline ends a sentence too (titles, list items, poetry, Chinese
  lines), unless it looks like a hard-wrapped English line: the line before ends in a comma, or
  the next line starts with a lowercase Latin letter (unless the line before is mostly CJK and
  ends in a CJK character: Chinese never wraps mid-sentence into English), or a long line of
  Latin text runs on into more Latin text. A line that starts with a list marker is always a
  new sentence, and a line that is only a time of day (a live blog's "2:05 p.m.") is always one
  of its own. A time stamp that opens a line before Chinese words (`10:05 发布会开始`,
  `10时35分：`) ends the line before too, and no sentence holds it, unless it is the block's
  only one and the line before runs on into it (`会议将于明天` / `10:00 在北京举行`: the
  sentence's own time). A Weibo topic tag at a sentence's edge (`#高考# 今年……`) is no part
  of it, unless it opens the sentence as its subject (`#高考#将于6月7日开始`), nor is a wire
  story's dateline that opens a line (`LONDON, March 3 (Reuters) - `).
* The full-width stops `。｡！？` always end a sentence. ASCII `.?!`, `…` and `．` end one only
  when what follows looks like a new sentence: whitespace, CJK or an opening quote next, and no
  lowercase letter or clause punctuation after that. So `3.5%`, `example.com`, `U.S. officials`,
  `e.g. this` and `"why?" she asked` stay whole. A footnote marker after a stop (`2023.[1]`,
  `2023.¹`) stays with the sentence it annotates.
* A period after a known abbreviation does not end a sentence: titles (`Dr.`, `Mr.`), `e.g.`,
  `i.e.`, single initials. Abbreviations that often end sentences too (`U.S.`, `Inc.`, `etc.`)
  end one only when the next word is a typical sentence opener (`The`, `It`, `But`...). A
  dotted name is no abbreviation: `report.html.` and `example.com.` end a sentence as a word does.
* Closing quotes and brackets right after a stop belong to the sentence they close, and so does
  a short Chinese attribution tag after them (`……。"他表示。` is one sentence). ASCII `"`
  has no direction, so quotes are paired by alternation within a block, corrected by the
  whitespace around each mark. Stops inside quotes end sentences as well: a long quotation is a
  run of sentences, each of which may hold a claim of its own.
* Semicolons, commas and colons never end a sentence; `split_clauses` cuts at them when a
  caller needs smaller units (and at dashes), not inside a figure: 50,000, 10:30, 10%—15%.

Every function here is linear in the length of the text: one regex scan for the marks that
matter, and only bounded or non-overlapping look-arounds.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.domain.rebuild import by_fields


@dataclass(frozen=True, slots=True)
class Segment:
    """A span `text[start:end]`: non-empty, with no whitespace (nor an invisible character,
    `INVISIBLE`) at either end."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out so that mypyc compiles it: the one dataclass generates is exec'd, so
        # interpreted even here (tests/unit/test_native.py holds it to the fields).
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return by_fields(self)  # compiled, pickled and copied as the sources are


# The line breaks a stored text may hold besides LF (storing makes CR and CRLF LF, and keeps the
# rest): the vertical tab of Word's manual line break (Shift+Enter), NEL, and Unicode's line and
# paragraph separators (U+2028, U+2029: pasted from web pages and exports). Everything here, and
# a transcript's lines, break at LF only: `as_lines` gives a text to read with them as LF.
LINE_BREAKS = "\x0b\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_AS_LF = str.maketrans(dict.fromkeys(LINE_BREAKS, "\n"))


def as_lines(text: str) -> str:
    """`text` with each of `LINE_BREAKS` an LF (the same length, character for character: a
    span of the text read is the same span of `text`); `text` itself when it holds none."""
    if _LINE_BREAK.search(text) is None:
        return text
    return text.translate(_AS_LF)


# A blank line, or several: the separator between blocks.
_SEPARATOR = re.compile(r"\n(?:[^\S\n]*\n)+")
# Clause punctuation: commas, semicolons, colons and dashes; not 、, which separates list items.
CLAUSE_MARKS = ",，;；:：—"
# The only characters the block scanner stops at; everything else is skipped by the regex engine.
_MARK = re.compile("[。｡！？!?.．…\n\"']")
_FULL_STOPS = frozenset("。｡！？")
_STOPS = frozenset("。｡！？!?.．…")
_CLOSERS = frozenset("”’」』)）]】》〉»›")
_OPENERS = frozenset("“‘「『(（[【《〈«‹\"'")
# Punctuation that continues a sentence: a stop followed by one of these was not a full stop.
_CONTINUERS = frozenset(",，、;；:：")
_LIST_ITEM = re.compile(
    r"[^\S\n]*(?:[-*•·‣▪]\s|\d{1,3}[.)]\s|\d{1,3}、|[(（][0-9一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}、)"
)
# A short Chinese attribution tag after a quotation: 闫俊杰自信地表示。 It has no punctuation of
# its own and ends in a verb of saying, so it cannot be a sentence in its own right.
_ATTRIBUTION_TAG = re.compile(
    r"[^\S\n]*[\u4e00-\u9fffA-Za-z·]{1,20}?"
    r"(?:说|道|表示|称|指出|坦言|写道|问道|强调|透露|补充|介绍|回忆|承认)[。｡！？!?]"
)
# A line that is only a time of day ("2:05 p.m.", "14:30", "9:45 AM ET"): a live blog's time
# stamp, a line of its own. A long headline above it (no full stop) ran on into it as a hard
# wrap (trial54: "Live: Riverton council votes on $48m transit budget 2:05 p.m." offered as
# one claim).
# A zone after a 24-hour time too (`10:05 GMT`, `14:30 UTC`): a British live blog's stamp, offered
# as a claim at 0.627 (fix221). Named zones only: `GMT+1`, the US's `ET`/`EST`/`PDT` …, Europe's and
# Asia's usual ones.
_ZONE = (
    r"(?:(?:UTC|GMT)(?:[+-][0-9]{1,2}(?::?[0-5][0-9])?)?|[ECMP][SD]?T|BST|IST|MSK|WES?T|CES?T"
    r"|EES?T|AE[SD]T|AWST|JST|KST|HKT|SGT)"
)
_AFTER_TIME = (
    r"(?:[^\S\n]*(?:[aApP]\.?[mM]\.?)(?:[^\S\n]+[A-Z]{2,4})?"
    rf"|[^\S\n]+{_ZONE})?[^\S\n]*(?=\n|$)"
)
_TIME_LINE = re.compile(r"[^\S\n]*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?" + _AFTER_TIME)
# A line that is only a time a clock shows: a stamp, no sentence (`_past_stamp`). Not `98:95`, a
# match's score on a line of its own, which still ends the line before as `_TIME_LINE`.
_CLOCK_LINE = re.compile(r"[^\S\n]*(?:[01]?\d|2[0-4])[:：][0-5]\d(?:[:：][0-5]\d)?" + _AFTER_TIME)
# A live blog's time stamp that opens a line and stands apart from the Chinese words after it
# (`10:05 发布会开始`, `10时35分：记者提问`): it ends the line before, as a line that is only a
# time does, and no sentence holds it (see `_past_stamp`). Read with its line, the stamp opened
# the candidate and was taken for its figure (trial186: `10:05 发布会正式开始，……` scored 0.997
# on the stamp alone). A time the sentence writes into itself (`10时20分，市交通委表示`,
# `10:20前`) has no space or colon after it, and one before Latin words may be a wrapped
# English line's (`start at` / `10:30 and end`): both stay. So does a time the words run from
# or to (`12:00 起，地铁票价上调`, `24:00 前`, `10:00 至 12:00`: dropped, the claim opened on
# `起，`), and a figure no clock shows (`98:95 湖人险胜`: a score) (review187). So does a lone
# time after a line that runs on into it (`会议将于明天` / `10:00 在北京举行`; see
# `_stamped_lines`).
_LINE_STAMP = re.compile(
    r"[^\S\n]*(?:[01]?\d|2[0-4])(?:[:：][0-5]\d(?:[:：][0-5]\d)?|[时点][0-5]?\d分)"
    r"(?:[^\S\n]+|[:：][^\S\n]*)(?![起前后至到止]|以[前后来]|之[前后]|左右)"
    r"(?=[\u4e00-\u9fff“「《【（])"
)
# An English live blog's stamp that opens a line (`10:48 GMT - Ferries cancelled`, `09:30 BST: `,
# `2:05 p.m. ET — `): a clock's time with its zone or its a.m./p.m., then a colon or a spaced
# dash, then a capital, a quote or a Chinese entry (`10:48 GMT：英国政府宣布……`): no part of the
# entry's words, as `_LINE_STAMP` is none of a Chinese one's (fix221: the span kept its stamp).
# Either colon, as `_CLOCK_LINE` (review226: `10：48 GMT - `, `10:48 GMT：` kept theirs). A bare
# `10:30 - ` may be a wrapped line's, and a time the words run from or to is theirs (`10:05 GMT
# onwards:`, `10:05 GMT to 14:00 GMT:`, `7:30 p.m. - the show`, `10:05 GMT - 14:00 GMT`): none
# is a stamp.
_CLOCK_STAMP = re.compile(
    r"[^\S\n]*(?:[01]?\d|2[0-4])[:：][0-5]\d(?:[:：][0-5]\d)?"
    rf"(?:[^\S\n]*[aApP]\.?[mM]\.?(?:[^\S\n]+{_ZONE})?|[^\S\n]+{_ZONE})"
    r"(?:[^\S\n]*[:：][^\S\n]*|[^\S\n]+(?:--|[-–—])[^\S\n]+)"
    r"(?=[A-Z\"“‘'\u4e00-\u9fff「《【（])"
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
# A footnote marker: a number of up to three digits in square brackets, or superscript digits.
# After a stop it belongs to the sentence it annotates ("rose 4.5% in 2023.[1] Wages", "2023.¹
# Wages"), as a closing quote does (trial162: "[1]" opened the next candidate, and "¹" joined
# the two sentences).
_FOOTNOTE = re.compile(r"\[[0-9]{1,3}\]|[¹²³⁰⁴-⁹]+")
_FOOTNOTE_FIRST = frozenset("[¹²³⁰⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPTS = frozenset("¹²³⁰⁴⁵⁶⁷⁸⁹")
_SPACES = re.compile(r"\s*")


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Abbreviations after which a period never ends the sentence (a name follows).
_NEVER_FINAL = _words(
    """mr mrs ms mx dr prof sr jr st sen rep gov gen col lt sgt capt cmdr adm rev hon pres
    supt insp messrs mme mlle vs v cf e.g i.e viz dept"""
)
# Abbreviations that stand before a number (No. 5, Fig. 3, ca. 1500) and are words otherwise.
_BEFORE_NUMBER = _words("no nos vol vols fig figs p pp para sec art ch op ca approx est")
# Abbreviations that often end a sentence as well: decided by the word that follows.
_MAYBE_FINAL = _words(
    """inc ltd corp co llc plc bros etc al jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun a.m p.m u.s u.k u.n e.u u.s.a d.c"""
)
# Words that typically open an English sentence; after `U.S.` or `Inc.` they mean a new one.
_SENTENCE_OPENERS = _words(
    """the a an in it its this that these those there their then they he she we i you our my
    his her but and or so yet still however meanwhile after before as at on for from by if
    when while although though since some many most last next other others all both each
    no not one two three what why how who where which"""
)
# The openers that end a sentence after a single capital letter: a pronoun, an article or a
# connective that does not follow a middle initial in a name (not "A", "I", "At": "Ana T. At").
_OPENERS_AFTER_INITIAL = _words(
    """the it its this that these those there their they he she we but however meanwhile"""
)
_ABBREVIATION_SCAN = 12
_LATIN_OR_PERIOD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_LONG_LINE = 50


def split_sentences(text: str) -> list[Segment]:
    """The sentences of `text` in document order: trimmed, non-empty and non-overlapping."""
    return _split_range(text, 0, len(text))


def split_clauses(
    text: str, start: int = 0, end: int | None = None, marks: str = CLAUSE_MARKS
) -> list[Segment]:
    """Cut `text[start:end]` after each run of `marks` (they stay with the clause they end).

    Meant for one sentence at a time; the pieces are trimmed and never empty.
    """
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        raise ValueError(f"range {start}..{stop} is outside a text of length {len(text)}")
    out: list[Segment] = []
    if not marks:
        _emit(text, start, stop, out)
        return out
    at = start
    for m in _clause_pattern(marks).finditer(text, start, stop):
        cut = m.end()
        # (what extends the last mark, a joiner or an accent, stays with it: a cut before it
        # would split a cluster)
        while cut < stop and _extends(text[cut]):
            cut += 1
        _emit(text, at, cut, out)
        at = cut
    _emit(text, at, stop, out)
    return out


@functools.lru_cache(maxsize=16)
def _clause_pattern(marks: str) -> re.Pattern[str]:
    # An ASCII comma or colon between two digits is part of a number or a time (50,000; 10:30),
    # not the end of a clause: one is a mark when no digit stands before it or none after it.
    # (Each alternative starts with the mark itself, not with a lookaround or a repeat: then
    # the regex engine tries a place only where a mark is, at half the cost.)
    alternatives = []
    plain = "".join(c for c in marks if c not in ",:—")
    if plain:
        alternatives.append("[" + re.escape(plain) + "]")
    between = "".join(c for c in ",:" if c in marks)
    if between:
        sep = "[" + re.escape(between) + "]"
        alternatives += [sep + r"(?<!\d" + sep + ")", sep + r"(?!\d)"]
    if "—" in marks:
        # One dash between two figures is a range (10%—15%, 1.4亿—2.1亿, 2023年—2024年), not a
        # clause's end (trial162: a clause "员工增长了10%—" lost its range's other half): a
        # dash is a mark when no digit follows it, or when no figure stands before it (a
        # digit, then at most two characters of its unit). So both of a Chinese clause's two
        # dashes are marks (2021年——3个人): a dash follows the first, a dash precedes the second.
        unit = "[%％‰\\w]"
        alternatives += [
            r"—(?!\d)",
            rf"—(?<!\d—)(?<!\d{unit}—)(?<!\d{unit}{unit}—)",
        ]
    mark = "(?:" + "|".join(alternatives) + ")"
    return re.compile(mark + mark + "*")


def sentence_around(text: str, start: int, end: int) -> Segment:
    """The sentence, or run of sentences, that holds `text[start:end]`.

    Agrees with `split_sentences` but only splits the blocks the span touches. A span that
    touches no sentence (it lies in whitespace) is returned as it is.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of length {len(text)}")
    lo = _block_start(text, start)
    hi = _block_end(text, end)
    hits = [s for s in _split_range(text, lo, hi) if _touches(s, start, end)]
    if not hits:
        return Segment(start, end)
    return Segment(hits[0].start, hits[-1].end)


class Sentences:
    """`sentence_around` for many spans of one text (the claims of a document): each block
    split once, when a span first falls in it, and the sentences around a span found by
    bisection. `sentence_around` splits the span's block anew on every call, and a transcript
    is one block (review61: the Markdown timeline was quadratic in a transcript's claims)."""

    def __init__(self, text: str) -> None:
        self.text = text
        separators = list(_SEPARATOR.finditer(text))
        # Block i is text[_los[i]:_his[i]], as `_split_range` splits the whole text.
        self._los = [0, *(m.end() for m in separators)]
        self._his = [*(m.start() for m in separators), len(text)]
        # Where `_block_start` may answer: just after a blank line that follows a line break.
        self._after_blank = [m.end() for m in _BLANK_LINE.finditer(text)]
        self._split: dict[int, tuple[list[Segment], list[int], list[int]]] = {}

    def around(self, start: int, end: int) -> Segment:
        """`sentence_around(self.text, start, end)`."""
        text = self.text
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}..{end} is outside a text of length {len(text)}")
        at = bisect_right(self._after_blank, start)
        lo = self._after_blank[at - 1] if at else 0  # `_block_start(text, start)`
        first = bisect_right(self._los, lo) - 1
        last = bisect_left(self._his, end)
        if self._los[first] != lo or end < self._los[last]:
            # A span edge inside a run of blank lines: `sentence_around` splits from or to
            # there, not from a block's edge.
            return sentence_around(text, start, end)
        segments, starts, ends = self._block(first)
        if last > first:  # a span across blocks (a rare thing): their sentences together
            for block in range(first + 1, last + 1):
                more = self._block(block)
                segments, starts, ends = segments + more[0], starts + more[1], ends + more[2]
        # The sentences are in order and apart, so those that touch the span (`_touches`) are
        # a run: from the first that ends after its start to the last that starts before its
        # end (for an empty span, the one sentence holding it, if any).
        i = bisect_right(ends, start)
        if start == end:
            j = i + 1 if i < len(segments) and segments[i].start <= start else i
        else:
            j = bisect_left(starts, end)
        if i >= j:
            return Segment(start, end)
        return Segment(segments[i].start, segments[j - 1].end)

    def _block(self, block: int) -> tuple[list[Segment], list[int], list[int]]:
        found = self._split.get(block)
        if found is None:
            out: list[Segment] = []
            _split_block(self.text, self._los[block], self._his[block], out)
            found = self._split[block] = (out, [s.start for s in out], [s.end for s in out])
        return found


# A blank line right after a line break (`_block_start`'s test, as one scan).
_BLANK_LINE = re.compile(r"(?<=\n)[^\S\n]*\n")


def blocks(text: str) -> list[Segment]:
    """The paragraphs of `text`: the trimmed, non-empty stretches between blank lines."""
    out: list[Segment] = []
    at = 0
    for m in _SEPARATOR.finditer(text):
        _emit(text, at, m.start(), out)
        at = m.end()
    _emit(text, at, len(text), out)
    return out


_QUOTE_MARK = re.compile('["“”「」『』]')
_OPENING = {"“": "”", "「": "」", "『": "』"}


def quotations(text: str, paragraphs: list[Segment] | None = None) -> list[Segment]:
    """Spans of double-quoted text, quote marks included, in order of their opening marks
    (`paragraphs`: `blocks(text)`, when the caller has them already).

    Pairs never cross a blank line. ASCII `"` marks are paired like the sentence splitter pairs
    them; typographic marks pair by kind and may nest. An unclosed quote is left out.
    """
    out: list[Segment] = []
    for block in blocks(text) if paragraphs is None else paragraphs:
        lo, hi = block.start, block.end
        ascii_open = -1
        stack: list[tuple[str, int]] = []
        for m in _QUOTE_MARK.finditer(text, lo, hi):
            i = m.start()
            ch = text[i]
            if ch == '"':
                inside = _double_quote(text, i, lo, hi, ascii_open >= 0)
                if inside and ascii_open < 0:
                    ascii_open = i
                elif inside:
                    ascii_open = i  # an unclosed quote is followed by a new opening one
                elif ascii_open >= 0:
                    out.append(Segment(ascii_open, i + 1))
                    ascii_open = -1
            elif ch in _OPENING:
                stack.append((_OPENING[ch], i))
            else:
                while stack and stack[-1][0] != ch:
                    stack.pop()  # marks left open inside this pair
                if stack:
                    out.append(Segment(stack.pop()[1], i + 1))
    out.sort(key=_START)
    return out


_START = operator.attrgetter("start")  # in C: no Python call per segment


def _touches(seg: Segment, start: int, end: int) -> bool:
    if start == end:
        return seg.start <= start < seg.end
    return seg.start < end and start < seg.end


def _block_start(text: str, pos: int) -> int:
    """Where the block holding `pos` begins: just after the last blank line before it."""
    at = pos
    while True:
        nl = text.rfind("\n", 0, at)
        if nl == -1:
            return 0
        prev = text.rfind("\n", 0, nl)
        if (prev != -1 and text[prev + 1 : nl].isspace()) or (prev == nl - 1 and prev != -1):
            return nl + 1
        at = nl


def _block_end(text: str, pos: int) -> int:
    m = _SEPARATOR.search(text, pos)
    return m.start() if m else len(text)


def _split_range(text: str, lo: int, hi: int) -> list[Segment]:
    out: list[Segment] = []
    at = lo
    for m in _SEPARATOR.finditer(text, lo, hi):
        _split_block(text, at, m.start(), out)
        at = m.end()
    _split_block(text, at, hi, out)
    return out


def _split_block(text: str, lo: int, hi: int, out: list[Segment]) -> None:
    start = _past_stamp(text, lo, hi)
    in_double = False  # inside an ASCII "..." pair
    in_single = False  # inside an ASCII '...' pair
    done = start  # marks before this were consumed while reading a run of stops (or a stamp's)
    stamped = -1  # how many of the block's lines open with a time, up to 2 (-1: not yet counted)
    for m in _MARK.finditer(text, lo, hi):
        i = m.start()
        if i < done:
            continue
        ch = text[i]
        if ch == '"':
            in_double = _double_quote(text, i, lo, hi, in_double)
        elif ch == "'":
            in_single = _single_quote(text, i, lo, hi, in_single)
        elif ch == "\n":
            if _hard_break(text, i, lo, hi):
                _emit_sentence(text, start, i, out)
                start = _past_stamp(text, i + 1, hi)
                if start > i + 1 and _runs_on(
                    text, lo, i, _CLOCK_LINE.match(text, i + 1, hi) is not None
                ):
                    if stamped < 0:
                        stamped = _stamped_lines(text, lo, hi)
                    if stamped < 2:
                        start = i + 1  # the sentence's own time (`会议将于明天` / `10:00 在……`)
                done = start  # (the stops of a stamp's `p.m.` end no sentence)
                in_double = in_single = False
        else:
            j = i + 1
            full = ch in _FULL_STOPS
            while j < hi:
                c = text[j]
                if c in _STOPS:
                    full = full or c in _FULL_STOPS
                elif c in _CLOSERS:
                    pass
                elif c == '"' and (in_double or _before_space(text, j + 1, hi)):
                    in_double = False
                elif c == "'" and in_single:
                    in_single = False
                elif c in _FOOTNOTE_FIRST and (note := _FOOTNOTE.match(text, j, hi)) is not None:
                    j = note.end()
                    continue
                elif not _extends(c):
                    break
                j += 1
            done = j
            # (`_closes_quote`, written out: a call per stop.)
            if j > i + 1 and text[j - 1] in "\"'”’」』" and _ATTRIBUTION_TAG.match(text, j, hi):
                continue  # "……。"他说。 is one sentence: the quote and who said it
            if full or _ends_sentence(text, i, j, lo, hi):
                _emit_sentence(text, start, j, out)
                start = j
    _emit_sentence(text, start, hi, out)


def _past_stamp(text: str, at: int, hi: int) -> int:
    """Where the line starting at `at` begins after its time stamp (`_LINE_STAMP`, or an English
    one's: `_CLOCK_STAMP`), or ends when it is only a time (`_CLOCK_LINE`); `at` when it opens on
    none. The stamp is no sentence, as a transcript's stage direction is none: it says when an
    entry was posted, nothing to check (emitted alone, `10点12分` scored 0.51 and was offered,
    and a line `10:05 GMT` 0.627, fix221). (The stops of an English stamp's `p.m.` are skipped
    by the block scanner: `done`.) A list marker before the stamp goes with it (`- 10:05
    公司宣布……`: a live blog written as a list; review187): the candidate would leave the
    marker out, and the stamp after it would stay."""
    item = _LIST_ITEM.match(text, at, hi)
    begin = at if item is None else item.end()
    stamp = (
        _LINE_STAMP.match(text, begin, hi)
        or _CLOCK_STAMP.match(text, begin, hi)
        or _CLOCK_LINE.match(text, begin, hi)
    )
    return at if stamp is None else stamp.end()


def _runs_on(text: str, lo: int, i: int, lone: bool = False) -> bool:
    """Whether the line of the block starting at `lo` that ends at the line break `i` runs on
    into the next: it ends on a letter or a digit, no stop, colon or bracket (`会议将于明天`, a
    heading), and is no time stamp's line itself. Into a `lone` time (a line that is only one)
    after a colon too: the value of a label (`Kick-off:` / `15:00 GMT`, `会议时间：` / `10:00`;
    review226: fix221 dropped it as a stamp)."""
    line_start = max(text.rfind("\n", lo, i) + 1, lo)
    line = text[line_start:i].rstrip()
    return (
        bool(line)
        and (line[-1].isalnum() or (lone and line[-1] in ":："))
        and _past_stamp(text, line_start, i) == line_start
        and _TIME_LINE.match(text, line_start, i) is None
    )


def _stamped_lines(text: str, lo: int, hi: int) -> int:
    """How many lines of the block `text[lo:hi]` open with a time stamp (`_LINE_STAMP`, after
    a list marker or not) or are only a time (`_TIME_LINE`), counted up to 2. A lone time that
    opens a line the line before runs on into (`_runs_on`) is the sentence's own (review of
    trial186's rule: `会议将于明天` / `10:00 在北京举行` was offered as `在北京举行……`, a match
    report's `21:19 国羽险胜……` under its heading without its score); two or more make a
    live blog, whose stamps are none of its sentences' (`发布会图文直播` / `10:05 ……` / `10:20
    ……`). Counted in the block, not the document: no state crosses a block (`sentence_around`
    re-splits one), so a live blog whose entries are blocks of their own is read by the rule
    for a time at a block's start, which is always a stamp."""
    count = 0
    at = lo
    while at < hi and count < 2:
        end = text.find("\n", at, hi)
        if end < 0:
            end = hi
        if _past_stamp(text, at, end) > at or _TIME_LINE.match(text, at, end) is not None:
            count += 1
        at = end + 1
    return count


# Characters that show nothing and join nothing at a sentence's edge: zero-width space, word
# joiner, a byte-order mark inside the text, soft hyphen, and the marks, embeddings and isolates
# of direction. A span is trimmed of them as of whitespace: a claim quoted from "\u200bRevenue
# rose" would otherwise carry an invisible character a search for its text does not match. The
# zero-width joiner and non-joiner only at its start: each belongs to the character before it,
# so an end that left one out would cut that character's cluster (and a start at one, the
# cluster of the space before it).
INVISIBLE = frozenset(
    "\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # embeddings and isolates
)
_LEADING = INVISIBLE | frozenset("\u200c\u200d")


# A transcript's note of how a line was spoken, in brackets before a sentence (`[crosstalk]
# And crime rose 15%`, `［笑］那是2021年的事情了。`, `(inaudible) We also added...`): no part
# of what was said, so no part of a candidate's span (trial49: claims were accepted with it).
_STAGE_WORDS = """插话 插嘴 打断 笑 大笑 苦笑 笑声 停顿 沉默 鼓掌 掌声 叹气 激动 哽咽 继续 补充
    追问 画外音 旁白 录音 视频 同期声 现场 翻译 crosstalk cross-talk laughing laughs laughter
    interrupting interrupts inaudible unintelligible indiscernible applause cheers booing
    continuing continued cont'd off-camera offscreen silence pause music"""
STAGE_DIRECTIONS = frozenset(_STAGE_WORDS.split())


def is_stage_direction(content: str) -> bool:
    """Whether a bracket's content is a stage direction: a word of STAGE_DIRECTIONS, with a full
    stop or a time after it as transcripts write them (`(Applause.)`, `[crosstalk 00:01:23]`),
    or one ending in such a word (热烈掌声, 众笑: review51)."""
    words = _TIME_AFTER.sub("", content.strip().casefold()).rstrip(".").strip()
    if not words:
        return False
    if words in STAGE_DIRECTIONS or words.split()[-1] in STAGE_DIRECTIONS:
        return True
    return not words.isascii() and any(words.endswith(w) for w in _CJK_STAGE)


_TIME_AFTER = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?$")
_CJK_STAGE = tuple(w for w in _STAGE_WORDS.split() if not w.isascii())


def without_stage_directions(sentence: str) -> str:
    """The sentence without the stage directions in brackets inside it (`homes (applause) and
    our count fell`: trial50's claim text kept it), spaces closed up: a claim's text."""
    if (
        "(" not in sentence
        and "[" not in sentence
        and "（" not in sentence
        and "［" not in sentence
    ):
        return sentence

    def dropped(found: re.Match[str]) -> str:
        if not is_stage_direction(found.group(1)):
            return found.group(0)
        before = sentence[found.start() - 1] if found.start() else ""
        after = sentence[found.end()] if found.end() < len(sentence) else ""
        # `homes [crosstalk]and`: the words either side kept apart (review51)
        words = before.isalnum() and after.isalnum() and before.isascii() and after.isascii()
        return " " if words else ""

    kept = _STAGE_ANYWHERE.sub(dropped, sentence)
    return re.sub(r"[ \t]{2,}", " ", kept).strip()


_STAGE_ANYWHERE = re.compile(r"\s*[\[［(（]\s*([^\]］)）\n]{1,20}?)\s*[\]］)）]")
_STAGE_PREFIX = re.compile(r"[\[［(（]\s*([^\]］)）\n]{1,20}?)\s*[\]］)）]\s*")


# A Weibo topic tag (`#高考#`: a `#` on either side, no space inside) and the space after it.
# At a sentence's edge it labels the post, no part of what the poster asserts (trial186:
# `#高考# 今年……` and `……3000杯 #奶茶#` were accepted with the tag in the claim); inside a
# sentence (`今天#高考#正式开始`) it is read as its words. A Twitter-style `#word` has no closing
# mark: never a tag here. Nor is a `#` after a Latin letter or digit (`C#和F#`, `升F#和C#`: a
# language, a note; review187: `本课程使用C#和F#` was offered as `本课程使用C`). The comma or
# colon that joins a tag to the words goes with it (`#高考#，今年……` was offered as `，今年……`).
_TOPIC_TAG = re.compile(r"#[^#\s]{1,30}#[\s，、,；;：:]*")
# A tag the sentence is about: joined, with no space or mark, to a word that opens a predicate
# and is never a subject of its own (`#高考#将于6月7日开始`, `#奶茶#又涨价了`: the future's 将,
# 于 of a date, 已, the copula, the passive's 被, an adverb of time or repetition). Without the
# tag the claim lost its subject (fix210). Not 也门 (Yemen), 于是 (so) nor 将军 (general).
_TOPIC_SUBJECT = re.compile(
    r"#[^#\s]{1,30}#(?=将(?!军)|于(?!是)|已|是|被|正式|即将|定于|再次|再度|首次|又|仍|也(?!门)"
    r"|终于|刚刚)"
)
_TOPIC_TAG_AT_END = re.compile(r"[\s，、,；;]*(?<![0-9A-Za-z])#[^#\s]{1,30}#\Z")


def _emit(text: str, start: int, end: int, out: list[Segment]) -> None:
    while start < end and (
        text[start].isspace() or text[start] in _LEADING or _extends(text[start])
    ):
        start += 1  # (and what extends a joiner left out: it belongs to the same cluster)
    while (found := _STAGE_PREFIX.match(text, start, end)) is not None and found.end() < end:
        if not is_stage_direction(found.group(1)):
            break
        start = found.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    if start < end:
        out.append(Segment(start, end))


# A wire story's dateline: a place in capitals (LONDON, NEW YORK), then a date, an agency or both
# (`, March 3 (Reuters)`, `, Oct. 24, 2024 /PRNewswire/`, ` (AP)`), then a dash. Where it opens a
# line, it tells where and when the story was filed and who filed it, and is no part of the
# first sentence's claim (trial209: `LONDON, March 3 (Reuters) - Harbourline … said …` was
# offered whole, the dateline quoted as the company's words). Places in capitals alone before
# a dash (`NATO - the alliance …`) are a sentence's own words. With no date, the bracket must
# name a wire agency (`WASHINGTON (AP) — `): capitals, a bracket and a dash are as often a term
# and its expansion (`GDP (Gross Domestic Product) - `) or a ticker and its company (`AAPL
# (Apple) - `), the sentence's subject (review214: both were cut off their claims). A state or a
# country may follow the place (`SAN FRANCISCO, Calif., `, `AUSTIN, Texas, `, `WASHINGTON, D.C.,
# `, `KYIV, Ukraine (AP) — `): the date or agency after it is asked for all the same (fix221: such
# a dateline was not read as one, and opened the candidate).
_WIRE_AGENCY = (
    r"\((?:AP|AFP|Reuters|UPI|Xinhua|Bloomberg|dpa|DPA|Kyodo|Yonhap|CNN|BBC|TASS|ANSA|EFE|PA"
    r"|PTI|IANS|CNA|Dow[ ]Jones|Business[ ]Wire)\)"
)
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}"
    r"(?:,[ ](?:(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,12}\.?(?:[ ][A-Z][a-z]{1,12})?))?"
    r"(?:,[ ][A-Z][a-z]{2,8}\.?[ ][0-9]{1,2}(?:,[ ][0-9]{4})?"
    r"(?:[ ]?\([A-Z][A-Za-z .&-]{0,30}\)|[ ]/[A-Z][A-Za-z .-]{0,30}/)?"
    rf"|[ ]?{_WIRE_AGENCY}|[ ]/[A-Z][A-Za-z .-]{{0,30}}/)"
    r"[ ]+(?:--|[-–—])[ ]+"
)


def _opens_line(text: str, start: int) -> bool:
    """Whether only spaces are before `start` on its line."""
    at = start
    while at and text[at - 1] in " \t":
        at -= 1  # (the spaces before a sentence: no other sentence's, so linear in all)
    return not at or text[at - 1] == "\n"


def _dateline_at(text: str, start: int, end: int) -> int:
    """Where the words after a dateline that opens the line at `start` begin, else 0."""
    if not _opens_line(text, start):
        return 0
    found = _DATELINE.match(text, start, end)
    return found.end() if found is not None and found.end() < end else 0


# The handle of a post's author before a colon, where it opens the line (`@jsmith: `, `@mira_k
# replying to @CityWatchNews: `, a Mastodon `@ann@social.example: `): who posted, no part of the
# claim (fix221: `@jsmith: Unemployment fell …` was offered with the handle as its first word).
# A handle with no colon after it (`@jsmith unemployment fell …`) may be the words' own. The at
# sign of either width, as the colon (review226: `＠新华社：` kept its handle).
_HANDLE = re.compile(
    r"[@＠]\w{1,30}(?:@[A-Za-z0-9.-]{1,60})?(?:[ ]+replying[ ]to[ ]+[@＠]\w{1,30})?"
    r"[ ]*[:：][^\S\n]*"
)


def _handle_at(text: str, start: int, end: int) -> int:
    """Where the words after an author's handle that opens the line at `start` begin, else 0."""
    found = _HANDLE.match(text, start, end)
    if found is None or found.end() >= end or not _opens_line(text, start):
        return 0
    return found.end()


# What a post puts after its words: links, hashtags (`#jobs`; not `#1`, nor `C#`: no space before
# it) and emoji. No part of the claim (fix221: `… the lowest since 2019 🙄 https://t.co/xY12ab
# #jobs` was offered whole), unless the words lead into it, which makes it their object (`in
# #Scotland`, `are at https://…`, `see https://…`; any preposition: `since #COVID19`, review226).
# A Chinese word leads into it by its last character (`详见 https://…`, `集中在 #…`, `来自 #…`).
# Inside a sentence each stays.
_LINK_OR_HASHTAG = re.compile(r"(?:https?://|www\.)\S+|#[^\W\d]\w*")
_LEADS_INTO = _words(
    "a an the and or nor but at on in into onto from to via by of for with without within about"
    " above across after against along amid amidst among amongst around before behind below"
    " beneath beside besides between beyond despite during except inside like near off outside"
    " over past per since than through throughout till toward towards under until unlike upon"
    " versus vs as is are was were be been see visit read my our your his her their its this that"
)
_LEADS_INTO_CJK = frozenset("在于从自到至向对经据见和与及或是为")
_LONGEST_LINK = 300


_EMOJI_JOINERS = frozenset("\ufe0f\u200d\u20e3")


def _is_emoji(ch: str) -> bool:
    """A pictograph, or what makes one of several (a joiner, a selector, a keycap, a tag)."""
    return (
        "\U0001f000" <= ch <= "\U0001faff"  # (with flags' letters and skin tones)
        or "\u2600" <= ch <= "\u27bf"
        or "\u2b00" <= ch <= "\u2bff"
        or "\u231a" <= ch <= "\u23ff"
        or ch in _EMOJI_JOINERS
        or "\U000e0020" <= ch <= "\U000e007f"
    )


def _before_tail(text: str, start: int, end: int) -> int:
    """Where the link, hashtag or emoji that ends `text[start:end]` begins, unless the word
    before it leads into it; `end` when none does."""
    last = text[end - 1]
    if last in _STOPS or last in _CLOSERS:
        return end  # most sentences
    lo = max(start, end - _LONGEST_LINK)
    if (
        "\u4e00" <= last <= "\u9fff"
        and text.rfind("#", lo, end) < 0
        and text.rfind("/", lo, end) < 0
    ):
        return end  # a Chinese heading (but not `… #经济`, nor a link that ends in Chinese)
    at = end
    while at > start and _is_emoji(text[at - 1]):
        at -= 1
    while at < end and (text[at] in _EMOJI_JOINERS or _extends(text[at])):
        at += 1  # (a joiner, selector or keycap belongs to what is before it: `2023\u200d`, `1️⃣`)
    if at == start:
        return end  # emoji alone: no words to end
    if at == end:
        while at > lo and not text[at - 1].isspace():
            at -= 1
        if (at > start and not text[at - 1].isspace()) or not _LINK_OR_HASHTAG.fullmatch(
            text, at, end
        ):
            return end
    word_end = at
    while word_end > start and text[word_end - 1].isspace():
        word_end -= 1
    word_start = word_end
    while word_start > max(start, word_end - 8) and text[word_start - 1].isalpha():
        word_start -= 1
    if word_start < word_end and (
        text[word_start:word_end].lower() in _LEADS_INTO or text[word_end - 1] in _LEADS_INTO_CJK
    ):
        return end
    return at


def _emit_sentence(text: str, start: int, end: int, out: list[Segment]) -> None:
    """`_emit` a sentence: without a dateline or an author's handle that opens it, the topic
    tags at its edges (`_TOPIC_TAG`) and the links, hashtags and emoji after its words
    (`_before_tail`), and not at all when it is tags and links alone, which label a post and
    say nothing to check. (Only a sentence's
    edges: a clause cut from `今天，#高考#正式开始` keeps its tag, and so does a paragraph;
    and not a tag joined to its predicate, the sentence's subject: `_TOPIC_SUBJECT`.)"""
    before = len(out)
    _emit(text, start, end, out)
    if len(out) == before:
        return
    start, end = out[-1].start, out[-1].end
    first = text[start]
    if "A" <= first <= "Z" and (dateline := _dateline_at(text, start, end)):
        start = dateline
        out[-1] = Segment(start, end)
    elif first in "@＠" and (handle := _handle_at(text, start, end)):
        start = handle
        out[-1] = Segment(start, end)
    tail = _before_tail(text, start, end)
    if text[start] != "#" and text[end - 1] != "#" and tail == end:
        return  # most sentences (a few comparisons each)
    while (found := _TOPIC_TAG.match(text, start, end)) is not None:
        if _TOPIC_SUBJECT.match(text, start, end) is not None:
            break  # the sentence's subject (`#高考#将于6月7日开始`)
        start = found.end()
    # The end: Weibo tags and a post's links, hashtags and emoji, in any order. Each tag looked
    # for in the 32 characters before it, each link in 300, at most: no scan back over the
    # sentence.
    labelled = False
    while start < end:
        if (found := _TOPIC_TAG_AT_END.search(text, max(start, end - 32), end)) is not None:
            end = found.start()
        elif (tail := _before_tail(text, start, end)) < end:
            end = tail
        else:
            break
        labelled = True
        while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
            end -= 1  # (a zero-width space pasted before a tag: no edge of a span; review226)
    rest = end
    while (
        labelled
        and rest > start
        and (_is_emoji(c := text[rest - 1]) or c.isspace() or c in INVISIBLE)
    ):
        rest -= 1  # (emoji before the post's tags: nothing to check either)
    if rest > start:
        out[-1] = Segment(start, end)
    else:
        del out[-1]


def _extends(ch: str) -> bool:
    """A code point that belongs to the character before it, so a cut must not precede it."""
    if ch < "\u0300" or "\u4e00" <= ch <= "\u9fff":
        # Most of what follows a stop (a space, a letter, an ideograph): no mark, no joiner
        # or selector, no skin tone. (Without the call to `unicodedata.category`.)
        return False
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch in "\u200c\u200d\ufe0e\ufe0f"
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
    )


def _before_space(text: str, pos: int, hi: int) -> bool:
    return pos >= hi or text[pos].isspace()


def _double_quote(text: str, i: int, lo: int, hi: int, inside: bool) -> bool:
    """Whether we are inside an ASCII double quote after the mark at `i`."""
    before_space = i == lo or text[i - 1].isspace()
    after_space = _before_space(text, i + 1, hi)
    if inside and before_space and not after_space:
        return True  # looks like an opening mark: the previous quote was never closed
    if not inside and after_space and not before_space:
        return False  # looks like a closing mark with no opening one
    return not inside


def _single_quote(text: str, i: int, lo: int, hi: int, inside: bool) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if _is_word(before) and _is_word(after):
        return inside  # an apostrophe: don't, world's
    if inside:
        return before.isspace()  # a closing mark needs something before it
    return not after.isspace() and not _is_word(before)


def _is_word(ch: str) -> bool:
    """A letter or digit of an alphabetic script, where `'` is an apostrophe, not a quote."""
    return ch.isalnum() and not _is_cjk(ch)


def _hard_break(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether the newline at `i` ends a sentence (else it is a hard wrap inside one)."""
    line_start = max(text.rfind("\n", lo, i) + 1, lo)
    line = text[line_start:i].strip()
    if not line:
        return False
    nxt = _SPACES.match(text, i + 1, hi)
    after = nxt.end() if nxt else i + 1
    if after >= hi:
        return True
    first = text[after]
    if _LIST_ITEM.match(text, i + 1, hi):
        return True
    last = line[-1]
    if last in ",，、":
        return False
    if (
        _TIME_LINE.match(text, i + 1, hi)
        or _TIME_LINE.fullmatch(line)
        or _LINE_STAMP.match(text, i + 1, hi)
        or _CLOCK_STAMP.match(text, i + 1, hi)
    ):
        return True  # a time stamp stands apart from the lines around it
    if _is_cjk(last) and _mostly_cjk(line):
        # Chinese is not hard-wrapped into English: '续航700公里' over 'staff grew by...' is two
        # lines (a title, a list item), whatever case the next line starts with. An English
        # line that ends in a Chinese name ('known in China as 稀宇科技') may still wrap.
        return True
    if first.isascii() and first.islower():
        return False
    return not (
        len(line) >= _LONG_LINE
        and last.isascii()
        and last.isalnum()
        and first.isascii()
        and (first.isalnum() or first in "\"'(")
    )


def ends_sentence(text: str, i: int) -> bool:
    """Whether the mark at `text[i]` ends a sentence, by the splitter's own rules: a Chinese
    full stop always; an ASCII one by what follows it (not the point of 2.6, not after Dr. or
    No. before a number, not before a lower-case word). Re-anchoring asks it of a changed text
    (workbench.domain.anchoring), so that the two never disagree on where a sentence ends."""
    if text[i] in _FULL_STOPS:
        return True
    if text[i] not in _STOPS:
        return False
    j = i + 1
    while j < len(text):
        if text[j] in _STOPS or text[j] in _CLOSERS:
            j += 1
        elif text[j] in _FOOTNOTE_FIRST and (note := _FOOTNOTE.match(text, j)) is not None:
            j = note.end()
        else:
            break
    return _ends_sentence(text, i, j, 0, len(text))


# A footnote marker that ends a text (`_FOOTNOTE` anchored at the end; at most 5 characters
# are looked at, or a run of superscripts).
_FOOTNOTE_AT_END = re.compile(f"(?:{_FOOTNOTE.pattern})\\Z")


def before_footnote(text: str, end: int) -> int:
    """Where a footnote marker that ends at `end` and follows a stop or a closer starts
    (`2023.¹`, `2023.[1]`, `said."²`: the splitter keeps it with the sentence it annotates),
    else `end`: what stands before it is what tells whether a quote ends its sentence."""
    lo = end
    while lo > 0 and text[lo - 1] in _SUPERSCRIPTS:
        lo -= 1
    if lo == end:
        lo = max(0, end - 5)
    found = _FOOTNOTE_AT_END.search(text, lo, end)
    if found is None or found.start() == 0 or text[found.start() - 1] not in _STOPS | _CLOSERS:
        return end
    return found.start()


# The marks the splitter reads as stops, openers and closers, for the modules that ask the same
# questions of a text (re-anchoring's sentence edges).
STOPS = _STOPS
OPENERS = _OPENERS
CLOSERS = _CLOSERS


def _ends_sentence(text: str, i: int, j: int, lo: int, hi: int) -> bool:
    """Whether the run of ASCII stops `text[i:j]` (with its closers) ends a sentence."""
    if j < hi:
        c = text[j]
        if c in INVISIBLE:
            # An invisible character after a stop stands for the space it usually sits beside
            # ("2023.\u200b The"), when what follows could start a sentence: not a digit
            # (3.\u200b5) nor a lower-case letter. Without a space after it, a word joiner
            # says: no break here.
            k = j
            while k < hi and text[k] in INVISIBLE:
                k += 1
            after = text[k] if k < hi else " "
            if not after.isspace() and (
                "\u2060" in text[j:k]
                or not (after.isupper() or _is_cjk(after) or after in _OPENERS)
            ):
                return False
        elif not (c.isspace() or _is_cjk(c) or c in _OPENERS):
            return False  # 3.5, U.S, example.com, a?b
    k = j  # past the spaces (most often one: a loop costs less than a regex call)
    while k < hi and (text[k].isspace() or text[k] in INVISIBLE):
        k += 1
    if k >= hi:
        return True
    nxt = text[k]
    if nxt in _CONTINUERS or (nxt.isalpha() and nxt.islower()):
        return False
    if text[i] not in ".．":
        return True
    return _period_ends(text, i, k, lo, hi, nxt)


def _period_ends(text: str, i: int, k: int, lo: int, hi: int, nxt: str) -> bool:
    """English rules for a period at `i` whose next non-space character, `nxt`, is at `k`."""
    # The run of Latin letters and periods before `i`, looked at up to one character further
    # than `_ABBREVIATION_SCAN` (a longer run is no abbreviation): what str.rstrip takes off the
    # end of that stretch (in C, not a Python loop per character).
    before = text[max(lo, i - _ABBREVIATION_SCAN - 1) : i]
    b = i - (len(before) - len(before.rstrip(_LATIN_OR_PERIOD)))
    word = text[b:i].lstrip(".")
    if i - b > _ABBREVIATION_SCAN or not word:
        return not _is_list_number(text, i, lo)
    lower = word.lower()
    if len(word) == 1 and word.isupper() and not (b > lo and text[b - 1] == "°"):
        # (`−18 °C.`, `212 °F.`: a unit, which ends a sentence as a word does: trial209)
        # An initial (J. K. Rowling, John F. Kennedy), unless a word that only opens a
        # sentence follows: "broke off Larsen C. It was", "chose Plan B. The vote" (trial64).
        # Not one of one letter ("J. A. Smith": another initial).
        follower = _NEXT_WORD.match(text, k, hi)
        return follower is not None and follower.group(1).lower() in _OPENERS_AFTER_INITIAL
    if lower in _NEVER_FINAL or (lower in _BEFORE_NUMBER and _number_at(text, k, hi)):
        return False
    if lower in _MAYBE_FINAL or ("." in word and not _dotted_name(word)):
        if nxt == "(" or nxt == "（":
            return not _runs_on_after_bracket(text, k, hi)
        if _is_cjk(nxt) or nxt in _OPENERS:
            return True
        follower = _NEXT_WORD.match(text, k, hi)
        return follower is not None and follower.group(1).lower() in _SENTENCE_OPENERS
    return True


# A sum of money, after an abbreviation that stands before a number (`approx. £85 million`, `ca.
# €40,000`: trial209, the sentence was cut after `approx.`): a currency sign, full-width too,
# after up to three capitals that say whose dollar (`US$85 million`, `HK$1.2bn`: review214).
_SUM_OF_MONEY = re.compile(r"[A-Z]{0,3}[$£€¥￥＄]\d")


def _number_at(text: str, k: int, hi: int) -> bool:
    """Whether a number starts at `k`: a digit, or a sum of money (`_SUM_OF_MONEY`)."""
    return text[k].isdigit() or _SUM_OF_MONEY.match(text, k, hi) is not None


# A bracket after `Inc.` or `U.S.` that closes near on its line (`(NYSE: BWF)`, `（NYSE: BABA）`),
# and the spaces after it.
_NEAR_BRACKET = re.compile(r"[^()（）\n]{0,38}[)）][^\S\n]*")
# What a sentence runs on into after such a bracket: a lower-case word, a clause's punctuation
# (`Acme Corp. (NASDAQ: ACME), a maker of …`), or its own stop (`… said Acme Inc. (NYSE:
# ACME).`) (CJK words too: `_runs_on_after_bracket`).
_RUNS_ON_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz,;:，；：.。")


def _runs_on_after_bracket(text: str, k: int, hi: int) -> bool:
    """Whether the bracket opened at `k` closes on its line, near, and the sentence runs on
    after it: a lower-case word (`Brightwater Foods, Inc. (NYSE: BWF) today reported`, one
    sentence; trial209: it was cut after `Inc.`), a comma (`Acme Corp. (NASDAQ: ACME), a maker
    of …`), its stop, Chinese words (`Apple Inc. (NASDAQ: AAPL) 周四公布`), or one more bracket
    (`(NYSE: BWF) (“Brightwater”) today`) (review214). A bracket that opens a sentence of its
    own, or a credit after the last one (`(Reporting by …)`), has none of them after it."""
    for _ in range(2):  # the ticker's bracket, then the name the release goes on to use
        close = _NEAR_BRACKET.match(text, k + 1, hi)
        if close is None or close.end() >= hi:
            return False
        k = close.end()
        after = text[k]
        if after in _RUNS_ON_AFTER or _is_cjk(after):
            return True
        if after != "(" and after != "（":
            return False
    return False


def _dotted_name(word: str) -> bool:
    """A word with dots that is a name, not an abbreviation: a part of three letters or more
    (example.com, report.html, results.pdf). A period after it ends a sentence as after any
    word (trial162: "at example.com/report.html. Contact us" ran on into the next sentence);
    U.S., e.g., a.m. and Ph.D. are parts of one or two letters."""
    return any(len(part) >= 3 for part in word.split("."))


def _is_list_number(text: str, i: int, lo: int) -> bool:
    """A period after a short number that is the first thing on its line: `1. First item`."""
    b = i
    while b > lo and i - b <= 3 and text[b - 1].isdigit():
        b -= 1
    if b == i or i - b > 3:
        return False
    while b > lo and text[b - 1] in " \t":
        b -= 1
    return b == lo or text[b - 1] == "\n"


def _mostly_cjk(line: str) -> bool:
    """At least as many CJK characters as Latin letters."""
    cjk = latin = 0
    for ch in line:
        if _is_cjk(ch):
            cjk += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    return cjk >= latin


def _is_cjk(ch: str) -> bool:
    # workbench.domain.cjk.is_cjk_letter, written out: compiled (mypyc), this is asked of every
    # character of a line, and a call out of the compiled group into that pure module would be
    # a Python call each time. tests/unit/test_cjk_classes.py holds the two to the same answers.
    o = ord(ch)
    if o < 0x3005:
        return False  # ASCII, Latin and the other scripts: one comparison
    return (
        0x4E00 <= o <= 0x9FFF  # Han: unified ideographs
        or 0x3040 <= o <= 0x30FF  # hiragana, katakana
        or 0xAC00 <= o <= 0xD7AF  # hangul syllables
        or 0x3400 <= o <= 0x4DBF  # Han: extension A
        or 0x3005 <= o <= 0x3007  # 々 〆 〇 (二〇二四年)
        or 0x3021 <= o <= 0x3029  # the Suzhou numerals 〡-〩
        or 0x3031 <= o <= 0x3035  # the kana repeat marks
        or 0x3038 <= o <= 0x303C  # 〸 〹 〺 〻 〼
        or 0x3100 <= o <= 0x318F  # bopomofo, hangul compatibility jamo
        or 0x31A0 <= o <= 0x31BF  # bopomofo extended
        or 0x31F0 <= o <= 0x31FF  # katakana phonetic extensions
        or 0xF900 <= o <= 0xFAFF  # Han: compatibility ideographs
        or 0x20000 <= o <= 0x323AF  # Han: extensions B to I, compatibility supplement, G, H
    )
