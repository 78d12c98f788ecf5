"""PostgreSQL's `claim list --search` statements: the plain search as ILIKE, which the
pg_trgm indexes (migration 0003; db/pg_trigram.py keeps them) serve, and a query with
characters of several forms (workbench.domain.search_needle) narrowed by those indexes and
compared exactly by a case-insensitive regular expression. workbench.db.postgresql, the
backend's module, hands them on to workbench.db.backend.
"""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from workbench.db.sql import Sql, join, param
from workbench.domain.forms import VARIATION_SELECTORS, forms_of, takes_selector

if TYPE_CHECKING:
    from workbench.domain.search_needle import Needle


def search_claim_ids(query: str) -> Sql | None:
    """None: ILIKE (the portable search) is what the pg_trgm indexes (migration 0003) serve."""
    del query
    return None


def ilike(expression: object, pattern: str) -> Sql:
    """A case-insensitive LIKE (backslash escapes), which the pg_trgm indexes serve."""
    return f"{expression} ILIKE " + param(pattern) + " ESCAPE '\\'"


def trigram_reads(ch: str) -> bool:
    """Whether pg_trgm holds `ch` in its trigrams: letters and digits (as iswalnum, which
    Python's isalnum stands for: only how well the index narrows hangs on their agreeing);
    anything else parts words, so that `，` and `,` are alike to it."""
    return ch.isalnum()


def folded_claim_ids(needles: Sequence[Needle]) -> Sql:
    """Claim ids for a query with characters of several forms (workbench.domain.search_needle),
    in each of its spellings (`search_needle.spellings`): each column compared exactly
    (`_folded_match`), on the rows the pg_trgm indexes give for a spelling as typed (ILIKE, as
    the plain search, with `_` for a character whose forms pg_trgm does not tell apart), and
    apart from them on the rows they give for its other spellings (ILIKE ANY); with nothing for
    the indexes to narrow by, on every row.

    Apart: an index scan of both would recheck every row either gave against both, and the
    many patterns of the other spellings cost 0.25 ms a row (`"MiniMax`: 0.84 s for the 3,300
    claims that hold MiniMax), where the rows that hold another spelling are few or none.

    Spellings the indexes narrow alike (to pg_trgm an ellipsis and three full stops are both
    no letters: `more to do...` and `more to do…` give the same windows) are compared in one
    pass, each row read once against every one of them, not once a spelling (review295)."""
    from workbench.db.search import claim_ids_where

    def compared(narrowed: Callable[[object], Sql] | None, alike: Sequence[Needle]) -> Sql:
        def matches(column: object) -> Sql:
            exact = _folded_any(column, alike)
            if narrowed is None:
                return exact
            # The comparison first, where the planner reads every row (a scan, which it prefers
            # to many index lookups): 0.3 microseconds a note, before ILIKE's 1 or more.
            return "(" + exact + " AND " + narrowed(column) + ")"

        return claim_ids_where(matches)

    arms: list[Sql] = []
    by_groups: dict[tuple[tuple[str, ...], ...], list[Needle]] = {}
    for needle in needles:
        if needle.typed:
            blind = [len(forms_of(ch)) > 1 and not trigram_reads(ch) for ch in needle.text]
            typed = _as_typed(needle.text, blind)
            # As typed, ILIKE is exact (the plain search's own statement); with `_` for a
            # character, the rows it gives are compared.
            if any(blind):
                arms.append(compared(typed, [needle]))
            else:
                arms.append(claim_ids_where(typed))
        if needle.groups or not needle.typed:
            # Keyed by the groups the lookup asks, not all the needle has: `to do…` and
            # `to do...` differ in an edge window (` do…`, ` do.`) the lookup leaves out for
            # `to `, and were four lookups of one array on each column (rr301).
            by_groups.setdefault(_asked(needle.groups), []).append(needle)
    for groups, alike in by_groups.items():
        arms.append(compared(_held(groups) if groups else None, alike))
    return join(" UNION ", arms)


def _as_typed(text: str, blind: list[bool]) -> Callable[[object], Sql]:
    """The rows holding `text` as typed (ILIKE), `_` for each character `blind` marks."""
    from workbench.db.search import like_pattern

    pattern = "".join(
        "_" if b else like_pattern(ch)[1:-1] for ch, b in zip(text, blind, strict=True)
    )

    def held(column: object) -> Sql:
        return ilike(column, "%" + pattern + "%")

    return held


def _asked(needle_groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The groups of a needle the pg_trgm indexes are asked for: the parts of one spelling, and
    one group of several. A GIN index scan walks the product of the arrays it is given (8
    windows of 8 spellings were 16,777,216 scans, for hours), and the comparison decides
    anyway."""
    several = [group for group in needle_groups if len(group) > 1][:1]
    return (*(group for group in needle_groups if len(group) == 1), *several)


def _held(groups: tuple[tuple[str, ...], ...]) -> Callable[[object], Sql]:
    """The rows holding a spelling from each of `groups` (`_asked`), as one bitmap of the
    pg_trgm indexes."""

    def held(column: object) -> Sql:
        return "(" + join(" AND ", [_holds(column, group) for group in groups]) + ")"

    return held


def _holds(column: object, group: tuple[str, ...]) -> Sql:
    from workbench.db.search import like_pattern

    if len(group) == 1:
        return ilike(column, like_pattern(group[0]))
    return f"{column} ILIKE ANY(" + param([like_pattern(s) for s in group]) + ")"


# A longer needle is compared by translate() instead of a regular expression, whose compiling
# takes 3 ms at 1,000 characters, 0.6 s at 20,000, and fails past some 30,000 ("too complex").
MAX_REGEX_CHARS = 1_000


def _folded_any(expression: object, needles: Sequence[Needle]) -> Sql:
    """Whether `expression` holds any of `needles` (`_folded_match`): one regular expression
    with each as an alternative, while their texts together are within MAX_REGEX_CHARS, so a
    row is read once, not once a needle (`more to do...` in its four spellings: 95-105 ms ->
    39-64 ms, rr301); else an OR of each."""
    if len(needles) > 1 and sum(len(one.text) for one in needles) <= MAX_REGEX_CHARS:
        either = "|".join(_regex(one.text) for one in needles)
        return f"texticregexeq({expression}, " + param(either) + ")"
    return "(" + join(" OR ", [_folded_match(expression, one) for one in needles]) + ")"


def _folded_match(expression: object, needle: Needle) -> Sql:
    """Whether `expression` holds the needle in any case and any forms of its characters: a
    case-insensitive regular expression with a bracket of forms for each character of several
    (`他表示[,，、﹐]公司`), 0.3 microseconds a note on a year desk, 4 times faster than the
    translate() below. Called as texticregexeq, the function behind ~*, so that the planner does
    not take it for an index condition: pg_trgm's trigrams of a regular expression leave out
    Chinese characters where the server's ctype is C.UTF-8, and would read the whole index.
    A needle past MAX_REGEX_CHARS: both sides lower-cased and each form of the needle's
    characters translated to what it folds to (one character for one), then compared."""
    if len(needle.text) <= MAX_REGEX_CHARS:
        return f"texticregexeq({expression}, " + param(_regex(needle.text)) + ")"
    forms = param("".join(form for form, _ in needle.folds))
    targets = param("".join(target for _, target in needle.folds))

    def folded(value: Sql) -> Sql:
        return "translate(lower(" + value + "), " + forms + ", " + targets + ")"

    stored = Sql(str(expression))
    drawn = sorted({f for ch in needle.text if takes_selector(ch) for f in forms_of(ch)})
    if drawn:
        # The selectors after the needle's pictographs alone, as SQLite's fold_forms drops them
        # (`forms.drop_selectors`): translate() dropped every one, after a letter too, so `xy`
        # found `x<U+FE0F>y` here only (review343). A match holds a stored selector only after
        # one of the needle's pictographs (the needle's own are dropped: `spellings`). A needle
        # without one is compared as before.
        after = "([" + "".join(map(_literal, drawn)) + f"])[{VARIATION_SELECTORS}]+"
        stored = "regexp_replace(" + stored + ", " + param(after) + ", " + param("\\1") + ", 'g')"
    return "strpos(" + folded(stored) + ", " + folded(param(needle.text)) + ") > 0"


def _literal(ch: str) -> str:
    """`ch` in an advanced regular expression, a bracket's too: a backslash before each ASCII
    character that is not a letter or digit (before one, it is that character)."""
    return "\\" + ch if ch.isascii() and not ch.isalnum() else ch


def _regex(text: str) -> str:
    """`text` as an advanced regular expression matching it in any forms of its characters:
    each ASCII character that is not a letter or digit escaped (a backslash before one is that
    character, in brackets too), so nothing typed is syntax."""

    out = []
    for ch in text:
        forms = forms_of(ch)
        out.append(_literal(ch) if len(forms) == 1 else "[" + "".join(map(_literal, forms)) + "]")
        if takes_selector(ch):
            out.append(_ANY_SELECTORS)  # `❤` finds `❤️` (`forms.takes_selector`)
    return "".join(out)


# Any run of variation selectors, in an advanced regular expression (a range of characters, as
# `re` writes it).
_ANY_SELECTORS = f"[{VARIATION_SELECTORS}]*"
