"""`to do…` on PostgreSQL planned for 29-36 ms (review295): its four ellipsis spellings are
narrowed by the same window (`to ` in its 12 spellings: the one group of several that
`pg_search._held` asks pg_trgm for), but each spelling's needle also carries an edge window
of its own (` do…`, ` do.`, ` do⋯`, ` do︙`) that the lookup never uses, so they were grouped
apart: four arms of the same ILIKE ANY array on each of the four columns, 16 arrays of 12
patterns for the planner to estimate, and the rows read four times. Spellings whose lookups
are the same are one lookup, each row compared with every spelling (rr301)."""

from __future__ import annotations

import pytest

from workbench.db.backend import search_claim_ids


@pytest.mark.parametrize("query", ["to do\u2026", "to do...", "he is ok\u2026"])
def test_spellings_narrowed_by_the_same_window_are_one_lookup(query: str) -> None:
    statement = search_claim_ids("postgresql", query).text
    assert statement.count("ILIKE ANY(") == 4  # claims' text and quote, notes, evidence titles


@pytest.mark.parametrize("query", ["more to do...", "to do\u2026", "he is ok\u2026"])
def test_a_row_is_compared_with_every_spelling_in_one_expression(query: str) -> None:
    """Each row pg_trgm gives was read by one regular expression a spelling (an OR of four):
    `more to do...` 95-105 ms of execution on a 20,000-claim desk where the four as one
    expression of alternatives read it once (39-64 ms)."""
    statement = search_claim_ids("postgresql", query)
    assert statement.text.count("texticregexeq(") == 4  # one a column
    (either,) = {p for p in statement.params if isinstance(p, str) and "|" in p}
    assert either.count("|") == 3, either  # the four spellings
