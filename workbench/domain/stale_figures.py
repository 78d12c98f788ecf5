"""Figures a claim's text gives that its quote no longer does: a verdict confirmed after a
revision changed the figures of the words it judged (trial48: "280万辆，同比增长35%" became
"250万辆，同比增长30%", the verdict was confirmed, and the text published still said 2.8
million and 35%).

Figures are read as "checked before?" reads them (`similarity.bag.terms`), so 280万 in the
quote and "2.8 million" in an English text are one figure; years are left out (a claim's
year is rarely what a revision changes, and "2025" in both is no news).
"""

from __future__ import annotations


def stale_figures(text: str, judged_quote: str, quote: str) -> list[str]:
    """The figures of `text` that `judged_quote` (the words the verdict was given on) had and
    `quote` (the words now) has not, as numbers to show ("2,800,000", "35"), in order."""
    from workbench.domain.similarity.bag import terms
    from workbench.domain.similarity.figures import is_year

    def figures(words: str) -> list[str]:
        found = [t for t in terms(words) if t.startswith("#")]
        return [t for t in dict.fromkeys(found) if not is_year(t)]

    gone = set(figures(judged_quote)) - set(figures(quote))
    return [_shown(t) for t in figures(text) if t in gone]


def _shown(token: str) -> str:
    value = float(token[1:])
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"
