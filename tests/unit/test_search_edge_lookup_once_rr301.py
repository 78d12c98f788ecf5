"""`to do…` on PostgreSQL planned for 29-36 ms (review295): its four ellipsis spellings are
narrowed by the same window (`to ` in its 12 spellings: the one group of several that
`postgresql._held` asks pg_trgm for), but each spelling's needle also carries an edge window
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
    assert statement.count("texticregexeq(") == 4 * 4  # four spellings, each column
