"""What every CSV export shares: cells a spreadsheet shows as text, never runs."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: a leading quote defuses formula injection, and
    control characters (terminal escapes) are written out as `\\uXXXX`."""
    from workbench.domain.limits import visible

    text = "" if value is None else visible(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text
