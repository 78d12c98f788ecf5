"""Figures a claim's text gives that its quote no longer does: a verdict confirmed after a
revision changed the figures of the words it judged (trial48: "280万辆，同比增长35%" became
"250万辆，同比增长30%", the verdict was confirmed, and the text published still said 2.8
million and 35%).

Figures are read as "checked before?" reads them (`similarity.bag.terms`), so 280万 in the
quote and "2.8 million" in an English text are one figure; a year is one too (trial50: 2026
made 2025 in the quote, and the text still said 2026, went unsaid). Each is shown as the text
writes it ("48.6万", "2.8 million"), not as the number it stands for: the checker looks for
those words in the text to correct them. A day of a month is one too (trial55: 12月28日 made
12月26日 in the quote, and the text still said "opened on 28 December 2022", went unsaid),
read as `=day:12-28` and shown as the text writes it ("28 December", "12月28日").
"""

from __future__ import annotations

import re

# Where a figure may start: a digit (ASCII or full-width), a Chinese numeral, or an English
# number word. What follows it (万, million, %) is found by trying longer spans.
_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand)"
)
_START = re.compile(
    r"[0-9０-９]+(?:[.,][0-9０-９]+)*[万亿千百]*"
    r"|百分之[零〇一二两三四五六七八九十百千]+|[零〇一二两三四五六七八九十百千万亿]+"
    rf"|\b{_WORD}(?:[\s-]+(?:{_WORD}|and))*\b",
    re.IGNORECASE,
)
# How far past its first number a figure's words may reach ("2.8 million", "百分之三十五").
_REACH = 16


def stale_figures(text: str, judged_quote: str, quote: str) -> list[str]:
    """The figures of `text` (years and days of a month among them) that `judged_quote` (the
    words the verdict was given on) had and `quote` (the words now) has not, as `text` writes
    them ("280万", "2.8 million", "35%", "28 December"), in order."""
    gone = set(_figures(judged_quote)) - set(_figures(quote))
    stale = [t for t in _figures(text) if t in gone]
    if not stale:
        return []
    written = _written(text, {t for t in stale if not t.startswith(_DAY)})
    if any(t.startswith(_DAY) for t in stale):
        from workbench.domain.similarity.positions import written_days

        written |= written_days(text)
    return [written.get(t) or _shown(t, text) for t in stale]


# (the similarity reader's term for a day of a month: "=day:12-28")
_DAY = "=day:"


def _figures(words: str) -> list[str]:
    from workbench.domain.similarity.bag import terms

    return list(dict.fromkeys(t for t in terms(words) if t.startswith(("#", _DAY))))


def _written(text: str, wanted: set[str]) -> dict[str, str]:
    """For each figure of `wanted`, the shortest words of `text` that read as it, at its first
    place: one pass over the figures' starts, each read at most _REACH ends (review53: a pass
    per figure took 51 s for a claim of 240 figures, inside the write transaction)."""
    found: dict[str, str] = {}
    if not wanted:
        return found
    starts = list(_START.finditer(text))
    for m, after in zip(starts, [*starts[1:], None], strict=True):
        # Not into the next figure ("2025年产量280万" is two), nor ending inside a word ("2.8 m").
        last = min(len(text), m.end() + _REACH, after.start() if after else len(text))
        for end in range(m.end(), last + 1):
            if text[end - 1].isspace() or _inside_word(text, end):
                continue
            for token in _figures(text[m.start() : end]):
                if token in wanted and token not in found:
                    found[token] = text[m.start() : end + (text[end : end + 1] in ("%", "％"))]
        if len(found) == len(wanted):
            break
    return found


def _inside_word(text: str, end: int) -> bool:
    return (
        end < len(text)
        and text[end - 1].isascii()
        and text[end - 1].isalnum()
        and (text[end].isascii() and text[end].isalnum())
    )


def _shown(token: str, text: str) -> str:
    from workbench.domain.similarity.figures import is_year
    from workbench.domain.similarity.positions import day_words
    from workbench.domain.similarity.words import CJK_RUN

    if token.startswith(_DAY):
        return day_words(token, CJK_RUN.search(text) is not None)
    value = float(token[1:])
    if is_year(token):
        return str(int(value))  # 2026, not 2,026
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"
