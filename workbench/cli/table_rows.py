"""A table printed row by row, exactly as rich prints it whole, at a fraction of the cost.

rich lays out every cell of a table, and holds every piece of every line, before it writes
one: some 1.5 ms and 10 KB a row, so `extract` on a 5 MB transcript (32,000 candidates) spent
40-65 s of CPU and 300-450 MB on its table, after 15 s of scoring. Here rich still decides
everything that takes judgement: the column widths (measured on a stand-in table that holds,
for each column, only the widest cell and the cell with the longest word: rich sizes a column
from exactly those two figures), and the title, header and edges (a table with no rows, at
those widths). The rows in between are written here, a chunk at a time; a cell that does not
plainly fit its column (a tab, a line too wide) is wrapped by rich's own `Text.wrap`, with the
column's settings. tests/unit/test_table_rows.py prints random tables both ways and compares
them byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from io import StringIO
from typing import IO, TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import OverflowMethod

# Rows written per write() call: few system calls, little held.
_CHUNK = 256


@dataclass(frozen=True, slots=True)
class Column:
    """A column as `rich.table.Table.add_column` takes it (the settings the workbench uses)."""

    name: str
    width: int | None = None
    no_wrap: bool = False
    overflow: OverflowMethod = "ellipsis"
    ratio: int | None = None


def _table(
    columns: Sequence[Column], box: Box, title: str | None, rows: Sequence[Sequence[str]] = ()
) -> Table:
    # Cells are user text ("[bold]" in a claim is a claim, not markup): pass them as Text.
    tbl = Table(title=Text(title) if title else None, box=box)
    for c in columns:
        tbl.add_column(c.name, width=c.width, no_wrap=c.no_wrap, overflow=c.overflow, ratio=c.ratio)
    for row in rows:
        tbl.add_row(*(Text(cell) for cell in row))
    return tbl


def whole(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    box: Box,
    title: str | None,
) -> None:
    """The table as rich prints it, every cell laid out first: what `print_rows` matches."""
    console.print(_table(columns, box, title, rows))


def _measure(cell: str) -> tuple[int, int]:
    """rich's measure of a Text cell (`Text.__rich_measure__`): its longest word and its widest
    line, in cells."""
    lines = cell.splitlines()
    widest = max(cell_len(line) for line in lines) if lines else 0
    words = cell.split()
    return (max(cell_len(word) for word in words) if words else widest), widest


def _stand_ins(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Two rows that give every column the measure all of `rows` give it: per column, the cell
    with the longest word and the widest cell. rich takes a column's minimum and maximum width
    as the largest of its cells' (before and after shrinking a table to the width), so these
    two rows size the columns as the whole table would."""
    longest = [("", -1)] * len(columns)
    widest = [("", -1)] * len(columns)
    for row in rows:
        for k, cell in enumerate(row):
            word, line = _measure(cell)
            if word > longest[k][1]:
                longest[k] = (cell, word)
            if line > widest[k][1]:
                widest[k] = (cell, line)
    return [[cell for cell, _ in longest], [cell for cell, _ in widest]]


def _widths(
    console: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]]
) -> list[int]:
    """The content width rich gives each column of the whole table (read off the top edge of the
    stand-in table, printed in ASCII: `+-----+---+`; every box adds the same edges)."""
    from rich.box import ASCII2

    printed = StringIO()
    probe = Console(
        width=console.width, file=printed, color_system=None, highlight=False, soft_wrap=False
    )
    probe.print(_table(columns, ASCII2, None, _stand_ins(columns, rows) if rows else []))
    top = printed.getvalue().split("\n", 1)[0]
    return [len(part) - 2 for part in top[1:-1].split("+")]


def print_rows(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    box: Box,
    title: str | None,
) -> None:
    """`whole(console, columns, rows, box, title)`, written a chunk of rows at a time."""
    widths = _widths(console, columns, rows)
    if len(widths) != len(columns) or min(widths) < 1:
        # rich squeezed a column to nothing (a table far wider than the screen): rare and
        # small enough to leave to rich whole.
        whole(console, columns, rows, box, title)
        return
    fixed = [replace(c, width=w, ratio=None) for c, w in zip(columns, widths, strict=True)]
    with console.capture() as capture:
        console.print(_table(fixed, box, title))
    head, bottom = capture.get().rstrip("\n").rsplit("\n", 1)
    drawn = box.substitute(console.options, safe=console.safe_box)
    out: IO[str] = console.file
    out.write(head + "\n")
    lines: list[str] = []
    for number, row in enumerate(rows, start=1):
        last = number == len(rows)
        edge = (
            (drawn.foot_left, drawn.foot_vertical, drawn.foot_right)
            if last
            else (drawn.mid_left, drawn.mid_vertical, drawn.mid_right)
        )
        lines.extend(_row_lines(console, fixed, row, edge))
        if len(lines) >= _CHUNK or last:
            out.write("\n".join(lines) + "\n")
            lines = []
    out.write(bottom + "\n")
    out.flush()


def _row_lines(
    console: Console, columns: Sequence[Column], row: Sequence[str], edge: tuple[str, str, str]
) -> Iterator[str]:
    left, divider, right = edge
    cells = [_cell_lines(console, c, cell) for c, cell in zip(columns, row, strict=True)]
    height = max(len(lines) for lines in cells)
    for n in range(height):
        parts = []
        for c, lines in zip(columns, cells, strict=True):
            width = c.width or 0
            line = lines[n] if n < len(lines) else ""
            parts.append(" " + line + " " * (width - cell_len(line)) + " ")
        yield left + divider.join(parts) + right


def _cell_lines(console: Console, column: Column, cell: str) -> list[str]:
    """The lines of a cell in its column: as they are when each fits (the usual case: no need to
    ask rich), else as rich wraps, folds or cuts them."""
    width = column.width or 0
    if "\t" not in cell:
        lines = cell.split("\n")
        if all(cell_len(line) <= width for line in lines):
            return lines
    return _wrapped(console, column, cell)


def _wrapped(console: Console, column: Column, cell: str) -> list[str]:
    """The lines rich makes of `cell` in `column` (what `Text.__rich_console__` asks for)."""
    lines = Text(cell).wrap(
        console,
        column.width or 0,
        justify="left",
        overflow=column.overflow,
        tab_size=console.tab_size,
        no_wrap=column.no_wrap,
    )
    return [line.plain for line in lines]
