"""The quotation marks a quote is pasted with: whether it is wrapped in a pair (`unmarked`),
whether the text's own marks open and close one quotation, and occurrences narrowed to the
words inside marks that are no pair of the text's."""

from __future__ import annotations

from workbench.domain.text import normalise

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


def text_pair(before: str, after: str) -> bool:
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


def marks_of_others(text: str, quote: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Occurrences of a quote typed in a pair of quotation marks, found with marks folded
    alike (“又要” as `”又要“`): where the text's marks at either end are no pair of its own
    (`text_pair`: one quotation ends there and the next begins), they are not the quote's,
    and the occurrence is the words between them, as when the text has no marks there."""
    if unmarked(quote) is None:
        return found
    shrunk: list[tuple[int, int]] = []
    for start, end in found:
        first, last = text[start], text[end - 1]
        if (
            end - start > 2
            and _pair(first, last)
            and not text_pair(first, last)
            and text[start + 1 : end - 1].strip()
        ):
            start, end = start + 1, end - 1
            while text[start].isspace():
                start += 1
            while text[end - 1].isspace():
                end -= 1
        shrunk.append((start, end))
    return shrunk
