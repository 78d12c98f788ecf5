"""`claim list --search` and the ellipsis: three full stops typed find the `…` a word processor
made of them (and the `⋯⋯` many Chinese texts set), and the other way round, as `--quote` finds
them (workbench.domain.forms.ELLIPSES: one ellipsis is three full stops). On both backends (the
suite runs once per backend)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.services.context import Workbench
from workbench.services.queries import ClaimFilter, list_claims

TEXT = (
    "He said there is more to do\u2026 and we will.\n"
    "She said there was less to do... than we thought.\n"
    "他说\u2026\u2026我们会继续努力。\n"
    "她说\u22ef\u22ef明年再看。\n"
)
QUOTES = (
    "more to do\u2026 and we will",
    "less to do... than we thought",
    "他说\u2026\u2026我们会继续努力",
    "她说\u22ef\u22ef明年再看",
)


def found(wb: Workbench, search: str) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(search=search))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("more to do...", [0]),  # typed dots, the claim's ellipsis
        ("more to do\u2026", [0]),  # as the text has it: found as ever
        ("less to do\u2026", [1]),  # an ellipsis typed, the claim's three dots
        ("less to do\u22ef than", [1]),
        ("do... ", [0, 1]),
        ("do\u2026 ", [0, 1]),
        ("他说......我们", [2]),  # a Chinese ellipsis typed as six stops
        ("他说\u22ef\u22ef我们", [2]),  # the midline one for the baseline one
        ("她说\u2026\u2026明年", [3]),
        ("她说......", [3]),
        ("她说\uff0e\uff0e\uff0e\uff0e\uff0e\uff0e明年", [3]),  # full-width stops
        ("说...", [2, 3]),  # the first half of a "……", as any substring is found
        ("do..", [1]),  # two stops are no ellipsis: not half of one, the stops themselves
        ("她说\u3002\u3002\u3002", []),  # the ideographic full stop ends a sentence
    ],
)
def test_search_takes_an_ellipsis_for_three_full_stops(
    wb: Workbench, document_with_claims: Callable[..., Any], query: str, expected: list[int]
) -> None:
    """A fact-checker searching `more to do...` did not find the claim whose quote says
    `more to do…`, nor `他说......我们` the article's `他说……我们`, though `--quote` takes
    either for the other."""
    claims = document_with_claims(TEXT, [{"text": "c", "quote": q} for q in QUOTES]).claims
    assert found(wb, query) == [claims[i] for i in expected], query


def test_a_note_with_an_ellipsis_is_found_by_dots(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    """Notes and evidence titles are searched as claims are: `to be continued...` finds the
    note that says `to be continued…`."""
    from workbench.services.notes import add_note

    claim = document_with_claims(TEXT, [QUOTES[0]]).claims[0]
    add_note(wb, claim, "Source says: to be continued\u2026 next week")
    assert found(wb, "to be continued...") == [claim]
