"""Tables printed a row at a time match rich's whole-table output byte for byte: in a pipe, at a
fitted width, and on a colour terminal; with wide characters, long words, tabs, newlines, empty
cells, and tables wider than the screen."""

from __future__ import annotations

import random
from collections.abc import Sequence
from io import StringIO

import pytest
from rich.box import ASCII2, SIMPLE_HEAVY, Box
from rich.console import Console

from workbench.cli import table_rows
from workbench.cli.layout import wrap
from workbench.cli.table_rows import Column, print_rows, whole

PIECES = [
    "word",
    "a",
    "0.499",
    "supercalifragilisticexpialidocious",
    "营收增长",
    "中国公司花美国同行1/50的钱",
    "🙂",
    "é",
    "e\u0301",
    " ",
    "  ",
    "\t",
    "\n",
    "…",
    "[bold]not markup[/bold]",
    "x" * 90,
]


# What tables mostly hold: ids, scores, statuses, short names and sentences, some Chinese.
EVERYDAY = ["#12", "0.499", "unverified", "quantity", "Revenue rose 40 percent", "营收", "TRUMP"]


def _cell(rng: random.Random, pieces: Sequence[str] = PIECES, most: int = 12) -> str:
    if rng.random() < 0.1:
        return ""
    return "".join(
        rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, most))
    )


def _columns(rng: random.Random, n: int, fitted: bool) -> list[Column]:
    out = []
    for k in range(n):
        kind = rng.choice(["narrow", "text"])
        if fitted and kind == "text":
            out.append(Column(f"c{k}", width=rng.randint(4, 30), no_wrap=True, overflow="ellipsis"))
        elif kind == "narrow" or fitted:
            out.append(Column(f"col{k}", no_wrap=True))
        else:
            out.append(Column(f"text{k}", overflow="fold", ratio=1))
    return out


def _both(
    console_args: dict[str, object],
    columns: Sequence[Column],
    rows: list[list[str]],
    box: Box,
    title: str | None,
) -> tuple[str, str]:
    outs = []
    for fn in (whole, print_rows):
        console = Console(file=StringIO(), highlight=False, soft_wrap=False, **console_args)  # type: ignore[arg-type]
        fn(console, columns, rows, box, title)
        outs.append(console.file.getvalue())  # type: ignore[attr-defined]
    return outs[0], outs[1]


@pytest.mark.parametrize("seed", range(60))
def test_random_tables_match_rich(seed: int) -> None:
    rng = random.Random(seed)
    fitted = seed % 3 == 1
    terminal = seed % 3 == 2
    columns = _columns(rng, rng.randint(1, 7), fitted)
    rows = [[_cell(rng) for _ in columns] for _ in range(rng.randint(1, 25))]
    console_args: dict[str, object] = {"width": rng.choice([40, 80, 100, 200])}
    if terminal:
        console_args |= {"force_terminal": True, "color_system": "truecolor"}
    else:
        console_args |= {"color_system": None}
    title = rng.choice([None, "3 candidates (score >= 0.5)", "a title " * 20])
    box = SIMPLE_HEAVY if terminal else ASCII2
    expected, got = _both(console_args, columns, rows, box, title)
    assert got == expected


def _everyday(rng: random.Random, column: Column) -> str:
    """A short field in a narrow column; a sentence in a text column, wrapped to the column
    first when it has a width (as `render.table` does for a terminal)."""
    if column.no_wrap and column.width is None:
        return rng.choice(["#12", "0.499", "unverified", "TRUMP", ""])
    text = _cell(rng, EVERYDAY, 8)
    return "\n".join(wrap(text, column.width)) if column.width else text


@pytest.mark.parametrize("seed", range(30))
def test_everyday_tables_match_rich_without_asking_it_row_by_row(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    fitted = seed % 2 == 1
    columns = _columns(rng, rng.randint(1, 6), fitted)
    rows = [[_everyday(rng, c) for c in columns] for _ in range(rng.randint(1, 40))]
    # A fitted table fits its width (layout.fit sees to it); a pipe gets 200 columns.
    console = {"width": 300 if fitted else rng.choice([100, 200]), "color_system": None}
    expected, _ = _both(console, columns, rows, ASCII2, "title")

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("rich was asked to lay out what fits as it is")

    monkeypatch.setattr(table_rows, "whole", refused)
    if fitted:
        # The caller wrapped the text to its column: no cell is left for rich to wrap.
        monkeypatch.setattr(table_rows, "_wrapped", refused)
    out = Console(file=StringIO(), highlight=False, soft_wrap=False, **console)  # type: ignore[arg-type]
    print_rows(out, columns, rows, ASCII2, "title")
    assert out.file.getvalue() == expected  # type: ignore[attr-defined]


def test_one_row_and_a_header_wider_than_its_cells() -> None:
    columns = [Column("similarity", no_wrap=True), Column("claim", overflow="fold", ratio=1)]
    expected, got = _both({"width": 200, "color_system": None}, columns, [["1", ""]], ASCII2, None)
    assert got == expected
