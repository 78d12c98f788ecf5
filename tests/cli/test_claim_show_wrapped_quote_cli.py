"""trial324: a statement quoted from a hard-wrapped text ("AI will be the most⏎important
technology of our time.") was shown by `claim show` with the words after the line break at
the start of the next line, outside the column every other field (and each note's lines)
keeps, so the quote read as a new, unlabelled line of the listing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

TEXT = (
    "OpenAI的CEO Sam Altman曾说：“AI will be the most\n"
    "important technology of our time.”这句话被广泛引用。\n"
)


def test_claim_show_keeps_a_quote_across_a_line_break_in_its_column(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=TEXT))
    quote = "AI will be the most important technology of our time."
    ok(cli("claim", "add", "1", "--text", "Altman on AI", "--quote", quote))
    lines = ok(cli("claim", "show", "1")).out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  quote    "))
    assert lines[at].endswith("[[AI will be the most"), lines
    assert lines[at + 1].startswith(" " * 11 + "important technology of our time.]]"), lines
