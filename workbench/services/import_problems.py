"""How an import says the rows (or annotations) that failed: each why once, with its rows
(`collapsed`), and the refusal of a claims table's failed rows (`RowsRefused`)."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.domain.errors import Hint, InvalidInput, give
from workbench.domain.plurals import plural

# How many runs of rows a collapsed problem names before it only counts the rest.
RUNS_NAMED = 5


def _rows_named(numbers: list[int], noun: str = "row") -> str:
    """ "row 7", "rows 2-19", "rows 2, 4, 7-9", "rows 2, 4, 6, 8, 10 and 95 more": runs of
    consecutive rows (or annotations), the first few named."""
    if len(numbers) == 1:
        return f"{noun} {numbers[0]}"
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    named = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs[:RUNS_NAMED])
    rest = sum(b - a + 1 for a, b in runs[RUNS_NAMED:])
    return f"{noun}s {named}" + (f" and {rest:,} more" if rest else "")


def _grouped(problems: Sequence[str]) -> list[tuple[str, list[int]]]:
    """(why, its rows) of problems "row N: why", in the order of each why's first row."""
    rows_of: dict[str, list[int]] = {}
    for problem in problems:
        why = problem.split(": ", 1)[1]
        rows_of.setdefault(why, []).append(row_number(problem))
    return list(rows_of.items())


def collapsed(problems: Sequence[str], noun: str = "row") -> list[str]:
    """Problems ("row N: why", or "annotation N: why" with that `noun`, in their order) with
    each `why` said once, with its rows, in the order of their first row: a file whose rows all
    fail alike is one line, not thousands."""
    return [f"{_rows_named(numbers, noun)}: {why}" for why, numbers in _grouped(problems)]


class RowsRefused(InvalidInput):
    """Rows of an import failed; `problems` names each (row number and why), `lines` says
    them with repeats collapsed (`collapsed`)."""

    def __init__(self, problems: list[str], *, skipping: bool = False) -> None:
        self.problems = problems
        self.lines = collapsed(problems)
        groups = _grouped(problems)
        rest = sum(len(numbers) for _, numbers in groups[3:])
        shown = "; ".join(collapsed(problems)[:3]) + (
            f"; and {plural(rest, 'more row', 'more rows')}" if rest else ""
        )
        # `skipping`: --skip-bad was given and no row was good, so there is nothing to skip
        # to (an import that took nothing is a failure for a script, not "0 added").
        self.skipping = skipping
        super().__init__(
            f"{self._failed()}, nothing imported: {shown}",
            hint=(
                Hint("bad_input", {"field": "claims_file", "failed_rows": self._numbers()})
                if skipping
                else give("skip_bad", failed_rows=self._numbers())
            ),
        )

    def _numbers(self) -> list[int]:
        return [row_number(p) for p in self.problems]

    def _failed(self) -> str:
        count = len(self.problems)
        if self.skipping:
            return f"all {count:,} rows failed" if count > 1 else "the one row failed"
        return f"{plural(count, 'row')} failed"

    def listed(self) -> InvalidInput:
        """The refusal to give once the problems have been shown (`lines`, a line each): the
        count and the hint, without the problems again."""
        return InvalidInput(
            f"{self._failed()} (listed above), nothing imported",
            hint=self.hint,
            reason=self.reason,
        )


def row_number(problem: str) -> int:
    """The row a problem names ("row 7: ...")."""
    return int(problem.split(":", 1)[0].split()[1])
