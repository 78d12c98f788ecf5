"""What every CSV export shares: cells a spreadsheet shows as text, never runs."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import IO

from workbench.domain.limits import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A UTF-8 byte order mark, written first when asked (`--bom`): Excel reads a CSV without one in
# the ANSI code page (GBK on Chinese Windows: mojibake). Never by default: a pipe would carry it
# into the first column's name.
BOM = "\ufeff"


def write_sheet(
    out: IO[str], header: Sequence[str], rows: Iterable[Sequence[str]], *, bom: bool = False
) -> int:
    """Every CSV export's layout: the BOM when asked, the header, then the rows as they come
    (streamed, never held), their cells made already (`csv_cell`); lines end in LF, not the
    csv module's CRLF. Returns how many rows it wrote."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: a leading quote defuses formula injection, and
    control and reordering characters (terminal escapes, bidi overrides) are written out as
    `\\uXXXX` (`limits.visible`).

    `cell_text` gives every text back exactly (the claims table is read back in): a text that
    itself starts with a quote and a formula character, or two quotes, gets one more quote,
    and a backslash that would read as the start of an escape is written twice."""
    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes it, not Python's True
    text = "" if value is None else _escaped(str(value))
    if text.startswith(FORMULA_STARTS) or _quoted(text):
        return "'" + text
    return text


def json_cell(text: str) -> str:
    """A cell holding JSON text (the audit trail's payloads), which a script parses: what a
    spreadsheet would act on is written as JSON's own `\\uXXXX` escape, which parses back to
    the same character, and nothing else changes. `csv_cell`'s backslash doubling is for texts
    read back by `cell_text`; in JSON every backslash already starts an escape, and doubling
    one made the cell another text, or no JSON at all (review83). It starts with `{` or `[`,
    never a formula."""
    return visible(text, one_line=True)


def kept_apostrophe(text: str) -> str:
    """`text` as a cell that a spreadsheet shows as typed must hold for `cell_text` to give it
    back when the sheet is saved as CSV (the xlsx export's text cells): one more quote when it
    starts with a quote that `cell_text` takes off (`'=SUM(A1)`, quoting a spreadsheet's
    typed cell), the text as stored otherwise."""
    return "'" + text if _quoted(text) else text


def cell_text(cell: str) -> str:
    """The text `csv_cell` was given."""
    return _unescaped(cell[1:] if _quoted(cell) else cell)


def _quoted(text: str) -> bool:
    """Whether a cell so starting is read back without its first quote: the one rule both ways
    (review49: ''Tis was written as it was and read back as 'Tis)."""
    return text.startswith("'") and text[1:2] in (*FORMULA_STARTS, "'")


# The escapes, one rule both ways (review54: a claim holding U+202E was written as `\u202e`
# and read back as those six characters, so re-importing an export added the claim again with
# other text, and a quote holding an embedding was not found in its own document).
#  - `\uXXXX` (lower-case hex) is a character `visible` writes so, and only such a one: a
#    `\u0041` or `\users` typed into a text is text.
#  - A backslash of the text is written twice where it is followed by what would otherwise
#    read as part of an escape: another backslash, a character written as `\uXXXX`, or the
#    rest of one (`u202e`). Every other backslash is written once, so a Windows path reads as
#    it did; reading back, `\\` is one backslash only where it is so followed.
_ESCAPE_TAIL = re.compile(r"u[0-9a-f]{4}")
_BACKSLASH = re.compile(r"\\(?=(.{0,5}))", re.S)
_READ = re.compile(r"\\\\(?=(\\|u[0-9a-f]{4}))|\\(u[0-9a-f]{4})")


def _hidden(char: str) -> bool:
    """Whether `visible` writes `char` as an escape."""
    return visible(char) != char


def _escape_tail(text: str) -> bool:
    """Whether `text` (what follows a backslash) is the rest of an escape `visible` writes."""
    return _ESCAPE_TAIL.fullmatch(text) is not None and _hidden(chr(int(text[1:], 16)))


def _doubled(found: re.Match[str]) -> str:
    after = found.group(1)
    first = after[:1]
    if first == "\\" or (first and _hidden(first)) or _escape_tail(after[:5]):
        return "\\\\"
    return "\\"


def _escaped(text: str) -> str:
    if "\\" in text:
        text = _BACKSLASH.sub(_doubled, text)
    return visible(text)


def _read(found: re.Match[str]) -> str:
    doubled, tail = found.group(1), found.group(2)
    if doubled is not None:
        return "\\" if doubled == "\\" or _escape_tail(doubled) else found.group()
    return chr(int(tail[1:], 16)) if _escape_tail(tail) else found.group()


def _unescaped(cell: str) -> str:
    return _READ.sub(_read, cell) if "\\" in cell else cell
