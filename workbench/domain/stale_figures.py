"""Figures a claim's text gives that its quote no longer does: a verdict confirmed after a
revision changed the figures of the words it judged (trial48: "280万辆，同比增长35%" became
"250万辆，同比增长30%", the verdict was confirmed, and the text published still said 2.8
million and 35%).

Figures are read as "checked before?" reads them (`similarity.bag.terms`), so 280万 in the
quote and "2.8 million" in an English text are one figure; a year is one too (trial50: 2026
made 2025 in the quote, and the text still said 2026, went unsaid).
"""

from __future__ import annotations


def stale_figures(text: str, judged_quote: str, quote: str) -> list[str]:
    """The figures of `text` that `judged_quote` (the words the verdict was given on) had and
    `quote` (the words now) has not, as numbers to show ("2,800,000", "35"), in order."""
    from workbench.domain.similarity.bag import terms

    def figures(words: str) -> list[str]:
        return list(dict.fromkeys(t for t in terms(words) if t.startswith("#")))

    gone = set(figures(judged_quote)) - set(figures(quote))
    return [_shown(t) for t in figures(text) if t in gone]


def _shown(token: str) -> str:
    from workbench.domain.similarity.figures import is_year

    value = float(token[1:])
    if is_year(token):
        return str(int(value))  # 2026, not 2,026
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"
