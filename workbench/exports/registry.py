"""Every export format, by what it exports and its name: the CLI's choices come from here.

This module imports nothing heavy (no SQLAlchemy, no Pydantic): `workbench --help` reads it.
A format's module is imported only when that format is written.

Adding a format is one new module and one line in FORMATS:

1. `workbench/exports/<module>.py` with a function `write(...) -> int` (how many items it wrote)
   taking what its subject's writers take:
   - "events": `write(tx: Tx, out: IO[str], flt: EventFilter)`, the audit events that `flt`
     selects, streamed oldest first, read in the export's transaction (see audit_jsonl.py);
   - "claims": `write(claims: Iterable[ClaimView], out: IO[str])`, streamed (claims_csv.py);
   - "table": `write(rows: Iterable[dict], out: IO[str] | IO[bytes])`, the claims table's rows
     (claims_table.row_of), for `export claims` (see table_csv.py);
   and a CSV format (`bom=True` below) also `bom: bool = False`, a UTF-8 byte order mark first;
   a format whose cells hold less than a claim's text may hold (`cuts=True`: XLSX) also
   `on_cut`, told of each cell it had to cut, and `on_stand_in`, told of each cell whose
   characters it could not hold and wrote as visible stand-ins (never silently: the person is
   told which).
   A new subject (a bundle of everything, a report on one document) says its signature here.
2. `Format("<name>", "<subject>", "<module>", "<one line of help>")` below; the command that
   exports that subject offers the new name at once (`audit export --format` for "events").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from workbench.domain.errors import InvalidInput

Subject = Literal["events", "claims", "table"]


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # what --format takes
    subject: Subject  # what it exports
    module: str  # workbench.exports.<module>, which defines `write`
    help: str  # one line for --help: what the format is for
    binary: bool = False  # `write` takes a binary stream (and needs a file, not stdout)
    bom: bool = False  # a CSV: `write(..., bom=True)` starts it with a UTF-8 byte order mark
    # `write(..., on_cut=..., on_stand_in=...)` is told of each cell cut or changed to fit it
    cuts: bool = False


FORMATS: tuple[Format, ...] = (
    Format("jsonl", "events", "audit_jsonl", "one event per line, with its hashes (verifiable)"),
    Format("csv", "events", "audit_csv", "for spreadsheets", bom=True),
    Format("md", "events", "timeline_md", "a readable timeline per claim"),
    Format("csv", "claims", "claims_csv", "for spreadsheets", bom=True),
    # The claims table of `export claims`, which `import claims` reads back.
    Format("csv", "table", "table_csv", "for spreadsheets, formulas neutralised", bom=True),
    Format("json", "table", "table_json", "for scripts; `workbench schema claims` describes it"),
    Format(
        "xlsx",
        "table",
        "table_xlsx",
        "an Excel workbook (needs -o FILE; a text over 32,767 characters is cut, and named)",
        binary=True,
        cuts=True,
    ),
)


# `workbench report --format`: the report's own formats (a page per document and an index, built
# by services.exports._renderer, not a `write`), the first the default.
REPORT_FORMATS = ("html", "md")


def formats(subject: Subject) -> list[Format]:
    return [f for f in FORMATS if f.subject == subject]


def names(subject: Subject) -> list[str]:
    """The --format choices for a subject, in FORMATS order (the first is the default)."""
    return [f.name for f in formats(subject)]


def help_text(subject: Subject) -> str:
    """`name: help.` for each format of a subject, for an option's help."""
    return " ".join(f"{f.name}: {f.help}." for f in formats(subject))


def get(subject: Subject, name: str) -> Format:
    found = next((f for f in FORMATS if f.subject == subject and f.name == name), None)
    if found is None:
        raise KeyError(f"no {subject} format {name!r}; known: {', '.join(names(subject))}")
    return found


def writer(subject: Subject, name: str) -> Callable[..., int]:
    """The `write` function of a format (its module imported now). An unknown name is a
    programming error: the CLI only offers names from this registry."""
    found = get(subject, name)
    module: Any = importlib.import_module(f"{__package__}.{found.module}")
    write: Callable[..., int] = module.write
    return write


def check_bom(bom: bool, subject: Subject, name: str) -> None:
    """A byte order mark asked of a format that has none (only a CSV starts with one)."""
    if bom and not get(subject, name).bom:
        raise InvalidInput(
            f"a UTF-8 byte order mark starts a CSV file only; {name} output has none"
        )
