"""pg_trgm knows where a word ends when a character it does not read (a stop, a space, an
ellipsis) stands there, whichever form it has: `他说……` gives it the trigram `他说 `. A query
whose words are all under 3 letters (`他说......`, `to do…`) was compared on every row though
a window over a word and its edge narrows it, as the plain search `他说……` always was: fix284's
ellipsis spellings made `他说……` 0.8 ms -> 140-230 ms on PostgreSQL (review295)."""

from __future__ import annotations

import itertools

from workbench.db import postgresql
from workbench.domain.forms import forms_of
from workbench.domain.search_needle import needle


def _pg(text: str) -> tuple[tuple[str, ...], ...]:
    found = needle(text, postgresql.trigram_reads)
    assert found is not None, text
    assert not found.typed, text  # no word of 3 for the text as typed
    return found.groups


def test_a_two_character_word_before_a_stop_is_narrowed_by_its_edge() -> None:
    """`他说......`: every row holding it holds 他说 then a stop in one of its forms."""
    (window,) = _pg("他说......")
    assert set(window) == {"他说" + stop for stop in forms_of(".")}


def test_short_words_between_spaces_and_dots_are_narrowed() -> None:
    """`to do…`: the word `do` stands between a space and the ellipsis, `to` before a space;
    each window is every spelling of its characters. `to do...`: ` do` with a stop after it
    would be 72 spellings, past MAX_WINDOW_SPELLINGS: one edge is enough for a trigram."""
    groups = [set(g) for g in _pg("to do\u2026")]
    words = (forms_of(" "), *map(forms_of, "do"), ("\u2026",))
    assert {"".join(p) for p in itertools.product(*words)} in groups, groups
    assert {"".join(p) for p in itertools.product(*map(forms_of, "to "))} in groups, groups
    groups = [set(g) for g in _pg("to do...")]
    assert {"".join(p) for p in itertools.product(*map(forms_of, "do."))} in groups, groups


def test_a_word_of_one_letter_needs_its_start_and_none_is_made_up() -> None:
    """pg_trgm pads a word's start with two blanks, its end with one: `，说` gives `  说`,
    `说，` nothing. A text with no edge to narrow by is compared on every row, as before."""
    assert _pg("，说x") != ()
    assert _pg("说，，") == ()
    assert _pg("…。…") == ()
    # Every spelling of a window is one any matching row holds, in some case.
    for groups in (_pg("他说......"), _pg("to do…"), _pg("#4号")):
        for group in groups:
            assert len(group) == len(set(group)) and all(len(s) >= 3 for s in group)


def test_the_statement_narrows_by_the_window() -> None:
    """The PostgreSQL statement for `他说......` asks pg_trgm (ILIKE ANY) for the rows to
    compare, where it compared every row."""
    found = needle("他说......", postgresql.trigram_reads)
    assert found is not None
    assert postgresql.folded_claim_ids([found]).text.count("ILIKE ANY(") == 4


def test_the_ellipsis_spellings_of_a_query_are_narrowed_once() -> None:
    """`more to do...` is searched as typed and as `more to do…`, `⋯` and `︙`: to pg_trgm the
    dots and each ellipsis are no letters, so every spelling is narrowed by the same windows.
    Each was a lookup of its own and a comparison of the rows it gave (44-63 ms -> 104-110 ms
    for fix284); the rows are read once and compared with every spelling."""
    from workbench.db.backend import search_claim_ids

    statement = search_claim_ids("postgresql", "more to do...").text
    assert statement.count("ILIKE ANY(") == 4  # claims' text and quote, notes, evidence titles
    assert statement.count("texticregexeq(") == 4  # four spellings as one expression a column
