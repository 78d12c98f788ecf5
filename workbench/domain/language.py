"""The language of a text that does not say its own, read from its script (and, for Latin
text, from English's commonest words): what a plain text file or a page without a language
tag is stored with, so that exports (ClaimReview's inLanguage, the report's lang) carry one.

Only what the script settles is said: Chinese (Han characters without kana), Japanese (kana),
Korean (Hangul), and English when its function words are common enough. Latin text of another
language, or a mixture with no clear majority, is left without one: a wrong tag published is
worse than none.
"""

from __future__ import annotations

import re

# Read from the start of a text: a page's worth says its language as well as the whole.
SAMPLE = 20_000
# The share of letters a script needs to be the text's (a Chinese article quoting English
# names and figures keeps well above it; an English one quoting a Chinese name stays far below).
MAJORITY = 0.6
# Kana in Japanese text run at a third or more of its letters; a Chinese text has none.
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


def guess_language(text: str) -> str | None:
    """zh, ja, ko or en when the script (and for English its words) settles it, else None."""
    sample = text[:SAMPLE]
    han = kana = hangul = latin = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            han += 1
        elif 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
            hangul += 1
        elif code < 0x250:
            latin += 1
    letters = han + kana + hangul + latin
    if not letters:
        return None
    if kana >= KANA_SHARE * letters and han + kana >= MAJORITY * letters:
        return "ja"
    if hangul >= MAJORITY * letters:
        return "ko"
    if han >= MAJORITY * letters:
        return "zh"
    if latin >= MAJORITY * letters:
        words = [w.lower() for w in _WORD.findall(sample)]
        if len(words) >= 5 and sum(w in _ENGLISH for w in words) >= ENGLISH_SHARE * len(words):
            return "en"
    return None
