"""The day a page says it was published, read only where the page states one.

A document's `published` date is published in turn (ClaimReview's datePublished, the report's
header), so it is a day the page itself states, or nothing: a value written as a date
(`2025-03-02`, `2025-03-02T14:00:00+08:00`, `2025/3/2`, `2025年3月2日`, `20250302`,
`March 2, 2025`, `2 Mar 2025`, `Sun, 02 Mar 2025 14:00:00 GMT`), a URL path that holds one
(`/2025/03/02/`, `/2025-03/02/`, `/2025/0302/`, `/20250302/`), or a byline's dateline
(`文/王晓明　2025年3月12日 09:30`, `By Jane Smith | March 2, 2025`). A year or a month alone
(`2024`, `2024-05`, `2024年5月`, `/2024/05/slug`) names no day, and is no date here: turning it
into the first of the month or of January (as date guessers do) would publish a day the page
never gave. A day and month the reader would have to order (`3/12/2025`) are no date either.

Dates are given as the page states them, in its own calendar day (`2025-03-02T23:30:00-05:00`
is 2025-03-02): the day its readers saw on it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
# Year first, one separator throughout (2025-03-02, 2025/3/2, 2025.03.02), or 年 月 日.
_NUMERIC = (
    r"(?P<y>\d{4})\s*(?:(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?)"
)
# Month named: March 2, 2025; 2 March 2025; Sun, 02 Mar 2025.
_NAMED = (
    _WEEKDAY
    + r"(?:"
    + _MONTH.format("mon1")
    + r"\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{4})"
    + r"|(?P<d4>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.format("mon2")
    + r",?\s+(?P<y4>\d{4}))"
)
_COMPACT = r"(?P<y5>\d{4})(?P<m5>\d{2})(?P<d5>\d{2})"
# What may follow a date in a value: a time, with seconds, fractions and a zone.
_TIME = r"(?:(?:T|\s+|,\s*)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})?(?:\s*\([A-Za-z ]+\))?)?"  # noqa: E501
_COMPACT_TIME = r"(?:T\d{4,6}(?:Z|[+-]\d{4})?)?"

_VALUE = re.compile(rf"(?:{_NUMERIC}|{_NAMED}){_TIME}|{_COMPACT}{_COMPACT_TIME}", re.I)
# In a line of words (a dateline): a date standing on its own, not inside a longer number.
_IN_LINE = re.compile(rf"(?<![\d/.-])(?:{_NUMERIC}|{_NAMED})(?![\d/.-]*\d)", re.I)

# A day in a URL's path: /2025/03/02/, /2025-03-02-slug, /2025-03/02/, /2025/0302/,
# /202503/02/, /20250302/; the year starting a path segment (or after - or _), the day not
# running into more digits.
_URL = re.compile(
    r"(?:^|(?<=[/_-]))(?P<y>(?:19|20)\d{2})"
    r"(?:(?P<s1>[/_-])(?P<m>\d{1,2})[/_-](?P<d>\d{1,2})"
    r"|[/_-](?P<m2>\d{2})(?P<d2>\d{2})"
    r"|(?P<m3>\d{2})[/_-](?P<d3>\d{2})"
    r"|(?P<m4>\d{2})(?P<d4>\d{2}))"
    r"(?!\d)"
)


def _ascii(value: str) -> str:
    # Full-width digits and punctuation (２０２５－０３－０２, ：) read as ASCII.
    return unicodedata.normalize("NFKC", value).strip()


def _day(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _from_match(found: re.Match[str]) -> str | None:
    g = found.groupdict()
    if g.get("y") is not None:
        return _day(g["y"], g["m"] or g["m2"], g["d"] or g["d2"])
    if g.get("y3") is not None:
        return _day(g["y3"], str(_MONTHS[g["mon1"].lower()]), g["d3"])
    if g.get("y4") is not None:
        return _day(g["y4"], str(_MONTHS[g["mon2"].lower()]), g["d4"])
    return _day(g["y5"], g["m5"], g["d5"])


def stated_day(value: str | None) -> str | None:
    """The day (YYYY-MM-DD) a metadata value states (a meta tag's content, a <time>'s
    datetime, JSON-LD's datePublished), or None: a year or month alone, anything else."""
    if not value:
        return None
    found = _VALUE.fullmatch(_ascii(value))
    return _from_match(found) if found is not None else None


def day_in_line(line: str) -> str | None:
    """The day a dateline states (`文/王晓明　2025年3月12日 09:30`), the first one with year,
    month and day; None when it names none (`3月12日` has no year, `2025年3月` no day)."""
    for found in _IN_LINE.finditer(_ascii(line)):
        day = _from_match(found)
        if day is not None:
            return day
    return None


def day_in_path(path: str) -> str | None:
    """The day a URL's path states (`/2025/03/02/story.html`), else None (`/2025/03/story`)."""
    for found in _URL.finditer(path):
        g = found.groupdict()
        month = g["m"] or g["m2"] or g["m3"] or g["m4"]
        day = _day(g["y"], month, g["d"] or g["d2"] or g["d3"] or g["d4"])
        if day is not None:
            return day
    return None
