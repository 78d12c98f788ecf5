"""The language of a text that does not say its own, read from its script (and, for Latin
text, from English's commonest words): what a plain text file or a page without a language
tag is stored with, so that exports (ClaimReview's inLanguage, the report's lang) carry one.

Only what the script settles is said: Chinese (Han characters without kana), Japanese (kana),
Korean (Hangul), and English when its function words are common enough. Latin text of another
language, or a mixture with no clear majority, is left without one: a wrong tag published is
worse than none. Scripts are weighed by what they say, in words, not letters: an English word
is five letters and a Chinese one about a character and a half, so counting letters made a
text of 51 Han characters and 28 English words (a Chinese headline and byline over an English
body quoting Chinese) three-quarters English (a trial: stored `en`, published so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.domain.cjk import is_han

# Read from the start of a text: a page's worth says its language as well as the whole.
SAMPLE = 20_000
# The share of the words a language needs to be the text's (a Chinese article quoting English
# names and figures keeps well above it; an English one quoting a Chinese name stays far below;
# a Chinese headline over an English body, in like measure, reaches neither).
MAJORITY = 0.6
# Below MAJORITY, each language holding this share or more is named as sharing the text, so
# that the person is told why none was guessed (two of them) rather than left to wonder.
SHARE = 0.25
# Chinese and Japanese words average about one and a half characters (segmented news text):
# a Han or kana character counts as 1/CHARS_PER_WORD of a word. Korean and Latin text put
# spaces between words, and are counted by runs of letters.
CHARS_PER_WORD = 1.5
# Kana in Japanese text run at a third or more of its Han and kana; a Chinese text has none.
KANA_SHARE = 0.05
# English's commonest words make about a quarter of its running words; French, German or
# Spanish text holds a few of them (in, on, as) but not one word in eight.
ENGLISH_SHARE = 0.12

_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "it",
        "was",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "be",
        "are",
        "has",
        "have",
        "had",
        "this",
        "which",
        "said",
        "not",
        "were",
        "an",
        "or",
        "but",
        "its",
        "their",
        "will",
        "been",
        "would",
        "than",
        "more",
        "who",
    ]
)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """What a text's scripts settle: `language` (zh, ja, ko, en) or None; when None because
    two languages share the text with neither holding MAJORITY of its words, `mixed` names
    them (each with SHARE or more), the larger first: ("zh", "en")."""

    language: str | None
    mixed: tuple[str, ...] = ()


def guess_language(text: str) -> str | None:
    """zh, ja, ko or en when the script (and for English its words) settles it, else None."""
    return read_language(text).language


def read_language(text: str) -> LanguageGuess:
    """The language a text's scripts settle, weighed in words (see the module): a language
    holding MAJORITY (60%) of the words is the text's; else none is guessed, and those sharing
    the text (SHARE, 25%, or more each) are named, for the person to choose (`--lang`). A
    fact-check desk publishes the language of its ClaimReview: a guess it cannot stand behind
    is worse than a question put to the person adding the text.

    Words: runs of Latin letters, runs of Hangul, runs of other letters (Cyrillic, Arabic...:
    words of no language said here, which keep a stray English word from passing for the
    text's), and Han and kana characters at CHARS_PER_WORD a word. Han with kana (KANA_SHARE of
    them or more) is Japanese, without it Chinese; Latin words are English only when English's
    commonest words are ENGLISH_SHARE of them."""
    sample = text[:SAMPLE]
    han = kana = 0
    hangul_words = latin_words = other_words = 0
    run = ""  # the script of the run of letters being read: "hangul", "latin", "other" or ""
    for ch in sample:
        if not ch.isalpha():
            run = ""
            continue
        code = ord(ch)
        # The unified block asked inline first: nearly every Chinese character, without a call.
        if 0x4E00 <= code <= 0x9FFF or (code >= 0x3400 and is_han(ch)):
            han += 1
            run = ""
            continue
        if 0x3040 <= code <= 0x30FF:
            kana += 1
            run = ""
            continue
        if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
            script = "hangul"
        elif code < 0x250:
            script = "latin"
        else:
            script = "other"
        if script != run:
            if script == "hangul":
                hangul_words += 1
            elif script == "latin":
                latin_words += 1
            else:
                other_words += 1
            run = script
    cjk = (han + kana) / CHARS_PER_WORD
    words = cjk + hangul_words + latin_words + other_words
    if not words:
        return LanguageGuess(None)
    shares: dict[str, float] = {}
    if cjk:
        japanese = kana >= KANA_SHARE * (han + kana)
        shares["ja" if japanese else "zh"] = cjk / words
    if hangul_words:
        shares["ko"] = hangul_words / words
    if latin_words and _english(sample):
        shares["en"] = latin_words / words
    for language, share in shares.items():
        if share >= MAJORITY:
            return LanguageGuess(language)
    sharing = sorted(
        (lang for lang, share in shares.items() if share >= SHARE),
        key=lambda lang: shares[lang],
        reverse=True,
    )
    return LanguageGuess(None, tuple(sharing) if len(sharing) > 1 else ())


def _english(sample: str) -> bool:
    """Whether the Latin words are English: enough of them (5), and its commonest words
    ENGLISH_SHARE of them."""
    words = [w.lower() for w in _WORD.findall(sample)]
    return len(words) >= 5 and sum(w in _ENGLISH for w in words) >= ENGLISH_SHARE * len(words)


# What `script_language` reads of a text: a screenful says its script as well as the whole.
SCRIPT_SAMPLE = 4_000
# The language each script is read as, where a text is marked by its script alone.
SCRIPT_LANGUAGE = {"latin": "en", "arabic": "ar", "hebrew": "he"}
# The languages (by primary subtag) whose text is written in each language `script_language`
# names: a Japanese text may be all Han characters, a Korean one hold some. A language written
# in a script of none of them (Russian, Greek, Hindi...) maps to no language: any of them
# differs. A language not listed is not known here: nothing is said to differ from it.
_LATIN = [
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "no",
    "nb",
    "nn",
    "fi",
    "pl",
    "cs",
    "sk",
    "sl",
    "hr",
    "bs",
    "ro",
    "hu",
    "tr",
    "id",
    "ms",
    "vi",
    "tl",
    "fil",
    "ca",
    "eu",
    "gl",
    "et",
    "lv",
    "lt",
    "sq",
    "sw",
    "af",
    "is",
    "ga",
    "cy",
    "mt",
    "lb",
    "az",
    "uz",
    "so",
    "ha",
    "yo",
    "zu",
    "xh",
    "eo",
    "la",
]
_NOT_OURS = [
    "ru",
    "uk",
    "bg",
    "be",
    "mk",
    "kk",
    "mn",
    "el",
    "hy",
    "ka",
    "th",
    "hi",
    "bn",
    "ta",
    "te",
    "mr",
    "ne",
    "km",
    "lo",
    "my",
    "am",
]
_WRITTEN_AS: dict[str, frozenset[str]] = {
    "zh": frozenset({"zh"}),
    "ja": frozenset({"ja", "zh"}),
    "ko": frozenset({"ko", "zh"}),
    **{code: frozenset({"ar"}) for code in ("ar", "fa", "ur", "ps", "ug")},
    **{code: frozenset({"he"}) for code in ("he", "yi")},
    **{code: frozenset({"en"}) for code in _LATIN},
    **{code: frozenset() for code in _NOT_OURS},
}


def script_language(text: str) -> str | None:
    """The language a text's script says, for marking it apart from what is around it: the
    script of more than half its words (digits, punctuation and marks do not count): Han,
    kana and Hangul (zh; ja with KANA_SHARE of kana; ko when Hangul is most of them), Latin
    (en: the report's own language; a French text is Latin too, and no script tells them
    apart), Arabic (ar) or Hebrew (he). None for a mix with no majority, another script, or
    no letters. A word of an alphabet is a run of its letters; two CJK characters count as
    one (review177: counted letter for letter, a Chinese sentence naming MiniMax and
    Transformer read as English). By script, not `read_language`'s words: this is for short
    fields (a claim, a note, a title), whose voice is what matters, not the language a
    document is stored as."""
    marks = text[:SCRIPT_SAMPLE].translate(_SCRIPT_MARKS)
    han, kana, hangul = marks.count("H"), marks.count("K"), marks.count("G")
    # Words of each alphabet ("other": a script not told apart, Cyrillic, Greek...): each run
    # of one alphabet's letters is one.
    runs = marks
    for mark, run in _ALPHABET_RUNS.items():
        if mark + mark in runs:
            runs = run.sub(mark, runs)
    words = {script: runs.count(mark) for mark, script in _ALPHABET_MARKS.items()}
    cjk = han + kana + hangul
    # In half-words: a CJK character is one, a word of an alphabet two.
    total = cjk + 2 * sum(words.values())
    if total == 0:
        return None
    if 2 * cjk > total:
        if 2 * hangul > cjk:
            return "ko"
        return "ja" if kana and kana >= KANA_SHARE * (han + kana) else "zh"
    for script in ("latin", "arabic", "hebrew"):
        if 4 * words[script] > total:
            return SCRIPT_LANGUAGE[script]
    return None


# Each letter as the mark of its script (`_script_of`), anything else as a space: what
# `script_language` counts, so that its counting runs in C (str.translate, count, a regex)
# rather than in a Python loop over each character (perf223: the year's report read 5.4
# million characters of notes, claims and titles one by one).
_SCRIPT_MARK = {
    "han": "H",
    "kana": "K",
    "hangul": "G",
    "latin": "L",
    "arabic": "A",
    "hebrew": "R",
    "other": "O",
}
_ALPHABET_MARKS = {"L": "latin", "A": "arabic", "R": "hebrew", "O": "other"}
# A run of each alphabet's marks, put as one: a word. One pattern a mark, each asked only of a
# text that holds two of it together: one pattern for the four, "([LARO])\\1+", took twice as
# long as the rest of the reading.
_ALPHABET_RUNS = {mark: re.compile(f"{mark}{mark}+") for mark in _ALPHABET_MARKS}
# The most code points whose marks are kept (any other's is worked out each time it is met):
# a text of every letter there is leaves the table no bigger.
_MARKS_KEPT = 1 << 16


class _ScriptMarks(dict[int, str]):
    """Code point to mark, each asked of `_script_of` once (`str.translate` asks for each
    character of a text), up to _MARKS_KEPT of them."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        mark = _SCRIPT_MARK[_script_of(ch)] if ch.isalpha() else " "
        if len(self) < _MARKS_KEPT:
            self[code] = mark
        return mark


_SCRIPT_MARKS = _ScriptMarks()


def _script_of(ch: str) -> str:
    """The script `script_language` reads a letter as."""
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or (code >= 0x3400 and is_han(ch)):
        return "han"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0xFF21 <= code <= 0xFF5A:
        return "latin"
    if 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if 0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F:
        return "hebrew"
    return "other"


def written_in(language: str, around: str) -> bool:
    """Whether text `script_language` reads as `language` is written as the language `around`
    (a BCP 47 tag) is: Han in a Japanese or Korean document is, Latin in a Chinese one is
    not; a language not known here writes nothing."""
    return language in _WRITTEN_AS.get(around.split("-")[0].lower(), frozenset())


def differs(language: str, around: str) -> bool:
    """Whether text `script_language` reads as `language` is in another language than the
    `around` it (a BCP 47 tag: the document's, or the page's), as its script shows: Latin text
    in a Chinese article does, Han text in a Japanese one does not; around a language not
    known here, nothing is said to differ."""
    written = _WRITTEN_AS.get(around.split("-")[0].lower())
    return written is not None and language not in written
