"""`claim show`'s history lines stay aligned however many events the desk has (trial57)."""

from __future__ import annotations

from workbench.cli.claim import history_lines
from workbench.cli.layout import cell_width
from workbench.services.views import EventView


def event(seq: int, actor: str) -> EventView:
    return EventView(seq, "2026-11-29T01:38:55.000000Z", actor, "note.added", "note", "1", {})


def test_seven_digit_seqs_keep_the_columns_aligned() -> None:
    """The seq column was padded to six digits, so at 1,000,000 events a line's time began one
    place right of the line above's (`997449 2026-...` over `1000030 2026-...`)."""
    lines = history_lines([event(997_449, "omar"), event(1_000_030, "张伟"), event(12, "a")])
    assert {line.index("2026-") for line in lines} == {10}
    # in terminal cells: 张伟 is four
    assert {cell_width(line[: line.index("note.added")]) for line in lines} == {51}
    assert lines[2].startswith("       12 ")


def test_a_small_desk_keeps_its_six_digit_column() -> None:
    assert history_lines([event(7, "omar")])[0].startswith("       7 2026-")
