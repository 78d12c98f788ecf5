"""What every CSV export shares: cells a spreadsheet shows as text, never runs."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A UTF-8 byte order mark, written first when asked (`--bom`): Excel reads a CSV without one in
# the ANSI code page (GBK on Chinese Windows: mojibake). Never by default: a pipe would carry it
# into the first column's name.
BOM = "\ufeff"


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: a leading quote defuses formula injection, and
    control characters (terminal escapes) are written out as `\\uXXXX`.

    A text that itself starts with a quote and a formula character, or two quotes, gets one
    more quote, so that `cell_text` gives every text back exactly (the claims table is read
    back in)."""
    from workbench.domain.limits import visible

    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes it, not Python's True
    text = "" if value is None else visible(str(value))
    if text.startswith(FORMULA_STARTS) or _quoted(text):
        return "'" + text
    return text


def cell_text(cell: str) -> str:
    """The text `csv_cell` was given."""
    return cell[1:] if _quoted(cell) else cell


def _quoted(text: str) -> bool:
    """Whether a cell so starting is read back without its first quote: the one rule both ways
    (review49: ''Tis was written as it was and read back as 'Tis)."""
    return text.startswith("'") and text[1:2] in (*FORMULA_STARTS, "'")
