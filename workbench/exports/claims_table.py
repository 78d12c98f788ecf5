"""Claims tables: the spreadsheet a desk keeps, out (CSV, JSON, XLSX) and in (CSV, JSON,
JSON Lines), read a row at a time.

Cells a spreadsheet would run as a formula are neutralised with a leading apostrophe in CSV (and
the apostrophe is taken off again on import, so a round trip keeps the text); XLSX cells are
written as typed strings, which a spreadsheet never evaluates.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from workbench.domain.decoding import ENCODING_LABELS, looks_like, looks_like_utf16, not_utf8_advice
from workbench.domain.errors import InvalidInput
from workbench.domain.inputs import sheet_whole_number
from workbench.domain.json_stream import NotAnArray, iter_array, row_not_json
from workbench.domain.said_back import clip_quote
from workbench.domain.unique_keys import loads
from workbench.exports.cells import cell_text

if TYPE_CHECKING:
    from workbench.services.table_facts import TableClaim

COLUMNS = (
    "id",
    "document_id",
    "quote",
    "start",
    "end",
    "revision",
    "text",
    "speaker",
    "type",
    "status",
    "rating",
    "flagged",
    "note",
    "tags",
    "assignee",
    "priority",
    "due",
    # The verdict's sign-off, from the trail (last, so that the columns before keep their
    # places): who gave or proposed it, who approved it, when it stood (UTC).
    "verdict_by",
    "approved_by",
    "verdict_at",
)
# Columns an export writes that an import does not take: the database (or the trail) decides
# them.
EXPORT_ONLY = frozenset(
    {
        "id",
        "document_id",
        "revision",
        "rating",
        "flagged",
        "verdict_by",
        "approved_by",
        "verdict_at",
    }
)
TAG_SEPARATOR = "; "
MAX_ROWS = 100_000
# The most records (header and empty rows included) a CSV may hold: a spreadsheet's sheet's rows
# (Excel's and LibreOffice Calc's), which a save of the sheet's used range never exceeds; and
# the most lines (blank ones included) of a JSON Lines file.
MAX_SHEET_ROWS = 1_048_576
# One row's text (a CSV record, a JSON element or line): far more than any real row (a claim
# text or a note is at most 100,000), so that a quote never closed is refused, not held.
MAX_ROW_CHARS = 1_000_000


def row_of(claim: TableClaim) -> dict[str, Any]:
    """A claim's row: `note` is the body of the note its exports publish (for a verdict, or one
    in review, the reason given with it, which an import needs; for an open claim its latest
    note: workbench.domain.sign_off.reason_note). `flagged`: the verdict is flagged for
    re-review (its quote changed after it was given), so the rating beside it no longer stands
    as checked. The verdict's columns are empty for a claim with none (in review too: the
    proposal is not yet a verdict)."""
    c = claim.view
    rated = c.rating
    return {
        "id": c.id,
        "document_id": c.document_id,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
        # The document revision whose text start and end count in: an orphaned claim (or one
        # not re-anchored yet) keeps an older one, whose offsets the current text may not hold.
        "revision": c.revision,
        "text": c.text,
        "speaker": c.speaker,
        "type": c.type,
        "status": c.status,
        "rating": rated["label"] if rated else None,
        "flagged": c.flagged,
        "note": claim.note,
        "tags": list(c.tags),
        "assignee": c.assignee,
        "priority": c.priority,
        "due": c.due,
        "verdict_by": claim.verdict_by,
        "approved_by": claim.approved_by,
        "verdict_at": claim.verdict_at,
    }


# What separates a tags cell's tags besides ';': the full-width '；' a Chinese IME types
# (trial58: 融资；估值 came in as one tag, refused for holding ';'), and a comma, half- or
# full-width, which no tag may hold (`desk.normalise_tag`), so that it can only stand between
# two (时间线，CLIP was refused, "holds ';' or ','").
_ALSO_SEPARATING = str.maketrans({"\uff1b": ";", ",": ";", "\uff0c": ";"})


def split_tags(cell: str) -> list[str]:
    """The tags of a table's cell: separated by ';', and by `_ALSO_SEPARATING`."""
    return [t for t in (s.strip() for s in cell.translate(_ALSO_SEPARATING).split(";")) if t]


def flat(row: dict[str, Any]) -> list[Any]:
    return [TAG_SEPARATOR.join(row[name]) if name == "tags" else row[name] for name in COLUMNS]


@dataclass(frozen=True, slots=True)
class RawRow:
    """One row as read, before validation; `number` is what the person sees (CSV: the
    spreadsheet row, the header being row 1; JSON: the item's position from 1)."""

    number: int
    values: dict[str, Any]
    # The columns the row came with, empty cells and nulls too: a CSV file's header, a JSON
    # object's keys (what an import names when a file's columns are not a claims table's).
    columns: tuple[str, ...] = ()
    # Why the row cannot be taken though the file reads on (a CSV row with more cells than
    # the header has columns): the import lists it with the other rows' failures.
    problem: str | None = None


class _TooLong(Exception):
    """A row's text ran past MAX_ROW_CHARS (the reader adds which row)."""


class _BadByte(Exception):
    """A byte that is not UTF-8, as the surrogate `surrogateescape` decoded it to, at `at` in
    `line` (the text just read: a line, or a chunk of a JSON file); with what to do about it,
    judged from the line's own bytes (bounded). `first`: the line starts the file (only there
    do its byte pairs line up as UTF-16's would; a file with a UTF-16 byte-order mark comes in
    as UTF-8, copied by `inputs.utf8_spool`). `end`: the file's byte offset just
    after the line, when the stream can tell it, so the bad byte's own offset can be said."""

    def __init__(self, line: str, at: int, number: int, first: bool, end: int | None) -> None:
        self.byte = ord(line[at]) - 0xDC00
        raw = line.encode("utf-8", "surrogateescape")  # the file's bytes again
        offset = len(line[:at].encode("utf-8", "surrogateescape"))
        # `line` starts line `number` of the file (a JSON chunk may hold several lines).
        self.line = number + line.count("\n", 0, at)
        self.offset = None if end is None or end < len(raw) else end - len(raw) + offset
        self.advice = not_utf8_advice(raw, offset, "the file", starts_file=first)
        # The Windows code page a spreadsheet's plain "CSV" save writes in, when it looks
        # like one (as `not_utf8_advice` tells them: UTF-16's byte pairs first).
        self.code_page = None if first and looks_like_utf16(raw) else looks_like(raw, offset)

    def table_advice(self) -> str:
        """The advice for a table (CSV) file: one in a code page was most likely saved by a
        spreadsheet on Windows (trial97: an editor there has no iconv), so saved again."""
        return self.advice if self.code_page is None else _saved_in(self.code_page)

    def where(self, *, line: bool) -> str:
        """ "byte 0xff on line 2, at byte offset 11 of the file": the line when asked (a CSV
        row may span lines), the offset when known."""
        on = f" on line {self.line}," if line else ""
        at = "" if self.offset is None else f" at byte offset {self.offset} of the file"
        return f"byte 0x{self.byte:02x}{on}{at}".rstrip(",")


# What the `surrogateescape` error handler turns a byte that is not UTF-8 into. Valid UTF-8
# never decodes to a surrogate, so one in the text is a bad byte of the file.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# A TextIOWrapper's tell() is an opaque cookie; with the decoder between characters, as it is
# after a line or a chunk, it is the byte offset. A larger one carries decoder state.
_PLAIN_COOKIE = 1 << 63


def _position(text: TextIO | None) -> int | None:
    """The byte offset `text` has read to, when it can say (a file opened in text mode); only
    asked once a bad byte is found."""
    if not isinstance(text, io.TextIOWrapper):
        return None  # a StringIO's tell() counts characters
    try:
        cookie = text.tell()
    except (OSError, ValueError):
        return None
    return cookie if 0 <= cookie < _PLAIN_COOKIE else None


def _checked_line(line: str, text: TextIO, number: int, first: bool) -> str:
    """`line`, just read from `text` (`first`: the first text read), starting on line `number`
    of the file; refused at its first byte that is not UTF-8."""
    found = _ESCAPED_BYTE.search(line)
    if found is not None:
        raise _BadByte(line, found.start(), number, first, _position(text))
    return line


def _not_utf8(number: int, bad: _BadByte, *, line: bool = False) -> InvalidInput:
    """`line`: in a CSV file (a row may span lines), which a spreadsheet saves."""
    advice = bad.table_advice() if line else bad.advice
    return InvalidInput(f"row {number}: not valid UTF-8 ({bad.where(line=line)}); {advice}")


@dataclass
class _Row:
    """How many characters of the row being read the lines so far held: a row may span lines
    (a quoted cell with line breaks); and how many lines of the file were read."""

    taken: int = 0
    lines: int = 0


def _lines(text: TextIO, row: _Row) -> Iterator[str]:
    """The text's lines for the csv module, refusing a row longer than MAX_ROW_CHARS before
    it is all read."""
    while True:
        budget = MAX_ROW_CHARS - row.taken
        line = text.readline(budget + 1)
        if not line:
            return
        if len(line) > budget:
            raise _TooLong
        row.taken += len(line)
        row.lines += 1
        yield _checked_line(line, text, row.lines, row.lines == 1)


def read_csv(text: TextIO) -> Iterator[RawRow]:
    """The rows of a CSV claims table, read a row at a time. `text` is opened with
    newline="" (the csv module's own line breaks) and errors="surrogateescape" (a byte that is
    not UTF-8 is refused with its row, not at the start of the chunk it was decoded in)."""
    records, names = _csv_start(text)
    columns = tuple(names)
    for number, cells in records:
        if number > MAX_SHEET_ROWS:
            # Empty rows are skipped, not counted as rows (MAX_ROWS): a file of millions of
            # them (20 MB of newlines) was read to its end by each pass of an import, minutes
            # with the desk's write lock held, to add nothing. No sheet saves more.
            raise InvalidInput(
                f"row {number}: over {MAX_SHEET_ROWS:,} rows, empty ones counted: more than a "
                "spreadsheet's sheet holds; delete the empty rows after the table, or split it"
            )
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            # The rows after it are still read: one ragged row is a bad row, not a bad file.
            problem = f"more cells ({len(cells)}) than columns ({len(names)})"
            yield RawRow(number, {}, columns, problem)
            continue
        values: dict[str, Any] = {}
        for name, cell in zip(names, cells, strict=False):
            cell = cell_text(cell)
            if cell.strip() == "":
                continue
            if name in {"start", "end", "occurrence"}:
                # Anything but a whole number ("²", 5,000 digits, 12.5) stays text, refused by
                # the row check with its row number; 12.0 and １２ are a sheet's 12.
                offset = sheet_whole_number(cell)
                values[name] = cell if offset is None else offset
            elif name == "tags":
                values[name] = split_tags(cell)
            else:
                values[name] = cell
        yield RawRow(number, values, columns)


def read_csv_header(text: TextIO) -> tuple[str, ...]:
    """The columns of a CSV claims table (its header row, as `read_csv` reads it): what a file
    of no rows is judged by."""
    return tuple(_csv_start(text)[1])


def _csv_start(text: TextIO) -> tuple[Iterator[tuple[int, list[str]]], list[str]]:
    """The records after a CSV file's header, and the header's column names."""
    # A cell may be as long as a row (MAX_ROW_CHARS, which the line source enforces): the csv
    # module's own limit (131,072) refused an export's claim on a long span (review49).
    if csv.field_size_limit() < MAX_ROW_CHARS:
        csv.field_size_limit(MAX_ROW_CHARS)
    row = _Row()
    records = _records(_csv_reader(_lines(text, row)), row)
    first = next(records, None)
    if first is None:
        raise InvalidInput("the CSV file is empty: it needs a header row")
    header = first[1]
    names = [h.strip().lower() for h in header]
    # Nameless columns are not repeats: a spreadsheet saves every column of its used range,
    # empty ones after the table included (trial sheet: two refused an export saved by Excel).
    # Their cells are read under the name "", refused as no claims table's when one is filled.
    named = [name for name in names if name]
    if len(set(named)) != len(named):
        raise InvalidInput(f"the CSV header repeats a column: {', '.join(header)}")
    return records, names


# What may separate a table's cells, by the header's first: a comma; a tab (Excel's one UTF-16
# save, "Unicode Text", and a .tsv); a semicolon (Excel's "CSV" where the comma is the decimal
# separator). No column name holds one.
SEPARATORS = (",", "\t", ";")


# Excel's directive on a CSV's first line: the separator the file's cells are split at.
_SEP_LINE = re.compile("sep=([,;\t|])\r?\n?")


def _separator(header: str) -> str:
    """The separator of a table whose header line is `header`: the first of SEPARATORS it
    holds (a comma when none: a table of one column). trial97: a tab-separated save was read as
    one column and refused at its first quoted cell, "not valid CSV: ',' expected after '\"'"."""
    return next((s for s in SEPARATORS if s in header), ",")


def _csv_reader(lines: Iterator[str]) -> Iterator[list[str]]:
    """The csv module's records of `lines`, separated as a first `sep=;` line says, or else
    as the header line does (`_separator`); a generator, so that what the first line's read
    raises reaches `_records` as any other line's does."""
    first = next(lines, None)
    separator = None
    if first is not None and (directive := _SEP_LINE.fullmatch(first)) is not None:
        # Excel's `sep=;` line names the separator and is no row (nor shown as one): the
        # header is the next line (trial sheet: it was read as the header, "sep=, ''").
        separator = directive.group(1)
        first = next(lines, None)
    if first is None:
        return
    # strict: a quote never closed is refused at the end of the file (the lenient reader
    # took the rest of the file as one cell, and blamed that row's quote column: trial47), as
    # is a closing quote followed by more than a separator.
    yield from csv.reader(
        itertools.chain((first,), lines), delimiter=separator or _separator(first), strict=True
    )


def _records(reader: Iterator[list[str]], row: _Row) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every record, the header being row 1; what the csv module or
    the line source refuses becomes a one-line InvalidInput naming the row."""
    number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _TooLong:
            raise InvalidInput(
                f"row {number}: over {MAX_ROW_CHARS:,} characters (a quote never closed?)"
            ) from None
        except _BadByte as bad:
            raise _not_utf8(number, bad, line=True) from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise InvalidInput(
                    f"row {number}: a cell is over {csv.field_size_limit():,} characters"
                ) from None
            if "unexpected end of data" in str(exc):
                raise InvalidInput(
                    f"row {number}: a quoted cell is never closed (it runs to the end of the "
                    'file): close its quote, or double a quote inside it ("")'
                ) from None
            raise InvalidInput(f"row {number}: not valid CSV: {exc}") from None
        yield number, cells
        number += 1
        row.taken = 0


def read_json(text: TextIO) -> Iterator[RawRow]:
    """The rows of a JSON claims table (an array of objects), read an element at a time."""
    lines = 1
    first = True

    def read(size: int) -> str:
        nonlocal lines, first
        chunk = text.read(size)
        try:
            _checked_line(chunk, text, lines, first)
        except _BadByte as bad:
            # Chunks are read ahead of the parsing: the line says where, not the row.
            raise InvalidInput(
                f"line {bad.line}: not valid UTF-8 ({bad.where(line=False)}); {bad.advice}"
            ) from None
        lines += chunk.count("\n")
        first = False
        return chunk

    try:
        elements = enumerate(iter_array(read, MAX_ROW_CHARS), start=1)
        # (A file that is not JSON is said first, wherever it breaks: `[1,2` cut short is a
        # truncated file, and the count of rows before any is checked reads it to its end.)
        for number, item in elements:
            yield _object_row(number, item)
    except NotAnArray as exc:
        raise InvalidInput(
            f"a JSON claims file is a list of objects, one per claim: {exc}"
        ) from None


def read_jsonl(text: TextIO) -> Iterator[RawRow]:
    """The rows of a JSON Lines claims table: one object per line (blank lines aside), the
    line's number its row's."""
    number = 0
    rows = 0
    while True:
        line = text.readline(MAX_ROW_CHARS + 1)
        if not line:
            if not rows:
                # As an empty CSV (no header) and an empty JSON file (no array) are refused:
                # an empty file is more likely a failed export than a table of no claims.
                raise InvalidInput("the JSON Lines file is empty: it needs an object a line")
            return
        # The file is read with newline="" (as CSV needs), where readline also ends at a lone
        # "\r"; JSON Lines ends a line only at "\n", and a "\r" inside one is JSON whitespace.
        while line.endswith("\r") and len(line) <= MAX_ROW_CHARS:
            more = text.readline(MAX_ROW_CHARS + 1 - len(line))
            if not more:
                break
            line += more
        number += 1
        if number > MAX_SHEET_ROWS:
            # Blank lines are skipped uncounted, as a CSV's empty rows are (read_csv): one
            # object and 20 MB of newlines was read through by each pass of an import (53 s
            # for a dry run, rA). The CSV's bound, blank lines counted: ten times MAX_ROWS.
            raise InvalidInput(
                f"row {number}: over {MAX_SHEET_ROWS:,} lines, blank ones counted; delete "
                "the blank lines, or split the file"
            )
        if len(line) > MAX_ROW_CHARS:
            raise InvalidInput(f"row {number}: the line is over {MAX_ROW_CHARS:,} characters")
        try:
            _checked_line(line, text, number, number == 1)
        except _BadByte as bad:
            raise _not_utf8(number, bad) from None
        if not line.strip():
            continue
        try:
            item = loads(line)
        except (RecursionError, ValueError) as exc:
            raise row_not_json(number, exc) from None
        rows += 1
        yield _object_row(number, item)


def _object_row(number: int, item: Any) -> RawRow:
    """A JSON row; one that is no object is a bad row, listed with the others (trial49: a
    file with one stopped at it, and its other bad rows went unsaid)."""
    if not isinstance(item, dict):
        return RawRow(number, {}, (), "not an object (a claims file's rows are objects)")
    # A value of spaces or nothing ("") is an empty cell, as a CSV's is (`read_csv` keeps no
    # blank cell): a status or type emptied to "" refused the row, where an empty CSV cell of
    # them is a field left empty (`emptied`).
    values = {k: v for k, v in item.items() if v is not None and not _blank_text(v)}
    return RawRow(number, values, tuple(item))


def _blank_text(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


# What an editor does with a table a spreadsheet saved in a form the import does not read,
# each worded here once (`import claims`'s refusals): a date cell it wrote as text the import
# cannot read for certain (12/3/2026, or the day's serial number) ...
DATE_AS_TEXT = (
    "it looks like a spreadsheet's date: format the column as yyyy-mm-dd (Format Cells → "
    "Custom) and save again"
)


def save_as_utf8(what: str) -> str:
    """... and a workbook, or a CSV in a Windows code page: saved again as the import reads."""
    return f"save {what} as CSV UTF-8 (or Unicode Text) and import that file"


def _saved_in(code_page: str) -> str:
    """The advice for a table saved in a Windows code page ("gb18030", "cp1252")."""
    return (
        f"the file looks like {ENCODING_LABELS[code_page]}, as a spreadsheet's plain "
        f'"CSV" save on Windows writes it: {save_as_utf8("it")}'
    )


def check_not_gbk(data: BinaryIO) -> None:
    """Refuse a table file (`data`, its private copy, left at its start) that is GBK whose
    bytes are valid UTF-8 too (`gbk_misread`): read as UTF-8 it would store other text, with
    no byte refused (卢某 as `¬ĳ`). A file starting with UTF-8's mark says it is UTF-8 (Excel's
    "CSV UTF-8"), and is read so."""
    from workbench.domain.gbk_misread import gbk_read_as_utf8

    data.seek(0)
    if data.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        data.seek(0)
        found = gbk_read_as_utf8(iter(lambda: data.read(_CHUNK), b""))
        if found is not None:
            data.seek(0)
            raise InvalidInput(
                f"line {found.line}: read as UTF-8, {clip_quote(found.gbk)!r} would be "
                f"stored as {clip_quote(found.utf8)!r}; {_saved_in('gb18030')}"
            )
    data.seek(0)


# How much of a table file `check_not_gbk` reads at a time.
_CHUNK = 1 << 16


# The claims file formats an import reads, by suffix.
READERS: dict[str, Callable[[TextIO], Iterator[RawRow]]] = {
    ".csv": read_csv,
    # Excel saves "Unicode Text" (UTF-16, tab-separated) as .txt; other tools write .tsv.
    ".tsv": read_csv,
    ".txt": read_csv,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}


def check_row_count(count: int) -> None:
    """Refuse a file of more rows than one import takes."""
    if count > MAX_ROWS:
        raise InvalidInput(f"over {MAX_ROWS:,} rows in one file; split it")


def for_import(row: RawRow) -> RawRow:
    """The row without the columns only an export carries (the database decides them)."""
    return RawRow(
        row.number,
        {k: v for k, v in row.values.items() if k not in EXPORT_ONLY},
        row.columns,
        row.problem,
    )
