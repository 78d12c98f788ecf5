"""A claims table coming in: its private copy on disk, read a row at a time on each pass,
its rows counted and its columns judged before any row is checked, and what its `id`
column holds (claim ids, or the sheet's own labels)."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from workbench.domain import not_a_stream
from workbench.domain.errors import InvalidInput
from workbench.domain.said_back import clip_quote
from workbench.services.import_row_checks import typed_id
from workbench.services.inputs import spool_text_source

if TYPE_CHECKING:
    from workbench.exports.claims_table import RawRow


@dataclass(frozen=True, slots=True)
class _ClaimsFile:
    """A private copy of a claims file on disk, whose rows are read afresh, a row at a time,
    on each pass: an import reads them three times (count, check every row, write) rather
    than hold the file, or its rows parsed. `count` is the number of rows (blank CSV and JSON
    Lines lines aside), known before any is checked."""

    data: BinaryIO
    suffix: str
    count: int = 0
    # The columns the rows came with (a CSV header; the keys of JSON objects), in the file's
    # order, at most MAX_COLUMNS of them and then any of those a claims file needs (NEEDED):
    # what `column_problem` judges.
    columns: tuple[str, ...] = ()
    # The file's `id` column holds the sheet's own labels, not claim ids (`_LabelColumn`):
    # its cells are dropped from every row as it is read, and this said once.
    labels: str | None = None
    # The file is (or was) an export of the desk's claims: it has an id column read as ids,
    # or another of the export's own columns (`_LabelColumn.export`). Its row carries each
    # claim's value in every cell, so a cell it leaves empty is said (`Differs.emptied`); an
    # editor's own sheet's empty cell is one never filled, and is not.
    export: bool = False

    def rows(self) -> Iterator[RawRow]:
        from workbench.exports import claims_table

        with self._text() as text:
            # The export-only columns stay for now: `check_row` reads a row's document_id.
            rows = claims_table.READERS[self.suffix](text)
            if self.labels is None:
                yield from rows
                return
            for raw in rows:
                values = {k: v for k, v in raw.values.items() if k != "id"}
                yield claims_table.RawRow(raw.number, values, raw.columns, raw.problem)

    def header(self) -> tuple[str, ...]:
        """A CSV file's columns, read from its header (a file of no rows has no row to name
        them); () for JSON, whose objects are its only columns."""
        from workbench.exports.claims_table import READERS, read_csv, read_csv_header

        if READERS[self.suffix] is not read_csv:
            return ()
        with self._text() as text:
            return read_csv_header(text)

    @contextmanager
    def _text(self) -> Iterator[TextIO]:
        """The copy as text from its start, left open for the next pass."""
        self.data.seek(0)
        # Bytes that are not UTF-8 become surrogates the reader refuses with their row; the
        # csv module wants newline="" (it splits lines itself, and keeps a cell's).
        text = io.TextIOWrapper(
            self.data, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        try:
            yield text
        finally:
            # The copy stays open for the next pass. A reader collected after the command
            # ended (Ctrl-C in the second pass) finds it closed: nothing is left to keep
            # (review60: detaching then printed a traceback after the one line).
            if not self.data.closed:
                text.detach()


def read_claims_file(path: str) -> _ClaimsFile:
    """A private copy of the file, its rows counted; a row the reader cannot take, or too many
    rows, refuse it here, before any row is checked."""
    from workbench.claims_file import NEEDED, ClaimRow, column_problem, unknown_columns
    from workbench.domain.decoding import BINARY_SAMPLE
    from workbench.domain.file_kinds import workbook_kind
    from workbench.exports.claims_table import (
        MAX_ROWS,
        READERS,
        check_not_gbk,
        check_row_count,
        read_csv,
        save_as_utf8,
    )

    if path == "-":
        raise InvalidInput(not_a_stream.CLAIMS)
    suffix = Path(path).suffix.lower()
    if suffix in WORKBOOKS:
        # `export claims --format xlsx` writes one, which an editor edits and brings back.
        raise InvalidInput(
            f"{path}: a spreadsheet workbook is not read: {save_as_utf8('its sheet')}"
        )
    if suffix not in READERS:
        raise InvalidInput(
            f"{path}: a claims file is .csv (.tsv, or .txt as Excel saves Unicode Text), .json "
            f"or .jsonl (got {suffix or 'no suffix'})"
        )
    data = spool_text_source(path)
    kind = workbook_kind(data.read(BINARY_SAMPLE))
    data.seek(0)
    if kind is not None:
        # A workbook saved or downloaded under a table's name was read as text and refused as
        # "not valid UTF-8 ... a binary file", with nothing to do (trial sheet).
        data.close()
        # Its bytes cannot say a workbook from a Word document or an e-book (ZIP archives and
        # old Office files alike): the advice is for the workbook it most likely is.
        raise InvalidInput(
            f"{path} is {kind}, not a table, whatever its name: a workbook or document is not "
            f"read; if it is a spreadsheet's workbook, {save_as_utf8('its sheet')}"
        )
    if READERS[suffix] is read_csv:
        try:
            # A spreadsheet's GBK save whose bytes are valid UTF-8 too: refused, not stored as
            # other text (trial sheet: a speaker 卢某 came in as ¬ĳ). JSON is a program's.
            check_not_gbk(data)
        except BaseException:
            data.close()
            raise
    columns: dict[str, None] = {}
    needed: set[str] = set()
    known = frozenset(ClaimRow.model_fields)
    # How many rows give each column a claims table does not have (at most MAX_COLUMNS).
    unknown: dict[str, int] = {}
    id_column = _LabelColumn()
    try:
        counting = _ClaimsFile(data, suffix)
        count = 0
        for raw in itertools.islice(counting.rows(), MAX_ROWS + 1):
            count += 1
            if len(columns) < MAX_COLUMNS:
                columns.update(dict.fromkeys(raw.columns[:MAX_COLUMNS]))
            if len(needed) < len(NEEDED):
                needed.update(NEEDED.intersection(raw.columns))
            id_column.read(raw)
            for name in raw.values:  # (a CSV's empty cell gives no value: it is no problem)
                if name not in known and (name in unknown or len(unknown) < MAX_COLUMNS):
                    unknown[name] = unknown.get(name, 0) + 1
        check_row_count(count)
        if not count:
            # A header and no rows: an export of no claims imports nothing, but a file whose
            # columns are no claims table's is refused as it is with rows (it was "0 claims
            # added").
            columns.update(dict.fromkeys(counting.header()[:MAX_COLUMNS]))
        columns.update(dict.fromkeys(sorted(needed)))
        # Every row would fail alike for want of a column, or for a column no claims table
        # has: the file is refused, said once (trial47b: `claim list --csv`, re-imported,
        # failed each row for its first extra column, and --skip-bad then imported nothing).
        problem = column_problem(columns) if columns else None
        if problem is None and count:
            # A column some rows fill and others leave empty is as much no claims table's: an
            # editor's own 备注 failed just the rows written on, and --skip-bad, as advised,
            # then dropped exactly those (trial97). Said once, for the whole file.
            problem = unknown_columns(list(unknown.items()), count)
        if problem is not None:
            raise InvalidInput(problem)
    except BaseException:
        data.close()
        raise
    labels = id_column.ignored()
    export = id_column.export or (id_column.column and labels is None)
    return _ClaimsFile(data, suffix, count, tuple(columns), labels, export)


class _LabelColumn:
    """What a file's `id` column holds, judged over every row as the file is counted. A sheet
    a desk keeps itself (no export: none of the export's other columns) may number its claims
    in an `id` column of its own (A-01, 乙-2): a column with not one cell that is a claim id is
    that, not the workbench's, and is ignored, said once (each row failed "is not a claim id",
    where the column used to be ignored unsaid). A column where some cells are ids, or an
    export's own, is read as ids: a cell that is none there is a bad row (`_claim_id_cell`)."""

    # How many of the labels the warning quotes.
    SHOWN = 3

    def __init__(self) -> None:
        self.labels: dict[str, None] = {}
        self.more = False
        self.ids = False
        self.export = False
        self.column = False  # some row has an `id` column

    def read(self, raw: RawRow) -> None:
        from workbench.exports.claims_table import EXPORT_ONLY

        if not self.column and "id" in raw.columns:
            self.column = True
        if not self.export and not EXPORT_ONLY.isdisjoint(set(raw.columns) - {"id"}):
            self.export = True
        value = raw.values.get("id")
        if value is None or self.ids or (isinstance(value, str) and not value.strip()):
            return
        if not isinstance(value, str) or typed_id(value) is not None:
            self.ids = True  # an id, well formed or not (a JSON number, `12`, `#0`)
        elif len(self.labels) < self.SHOWN:
            self.labels[value.strip()] = None
        elif value.strip() not in self.labels:
            self.more = True

    def ignored(self) -> str | None:
        """The warning that the column is ignored, or None: it is read as claim ids."""
        if self.ids or self.export or not self.labels:
            return None
        shown = ", ".join(repr(clip_quote(label)) for label in self.labels)
        return (
            f"column id holds no claim id ({shown}{', ...' if self.more else ''}): taken as the "
            "sheet's own labels and ignored, the rows added as new claims (an export's id is "
            "the claim's number, 12)"
        )


# A spreadsheet program's own files (Excel, WPS, Numbers, LibreOffice): the workbook, not a
# table of its cells.
WORKBOOKS = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".et", ".numbers", ".ods"})

# The most distinct column names an import keeps to judge a file's columns by.
MAX_COLUMNS = 100
