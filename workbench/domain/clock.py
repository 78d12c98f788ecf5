"""UTC time, and the one textual form audit timestamps take."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workbench.domain.cjk import TYPED_ASCII
from workbench.domain.errors import InvalidInput, bad


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date in UTC: the day a due date is judged by (`desk.is_overdue`), one for the
    whole desk wherever its people are."""
    return now().date()


def latest_today() -> dt.date:
    """Today's date where it is latest (UTC+14, Kiribati): a date after it is to come for
    everyone. Dates people type are their own calendar's, so "today" judged in UTC would
    refuse a desk in Beijing its own today until 08:00."""
    return (now() + LATEST_AHEAD).date()


# How far ahead of UTC the latest calendar is (UTC+14, Kiribati).
LATEST_AHEAD = dt.timedelta(hours=14)


def format_at(moment: dt.datetime) -> str:
    """Fixed width, always UTC, microseconds: sorts as text and hashes the same everywhere.
    Not strftime: glibc's %Y writes the year 999 as `999`, which sorts after `2026`
    (`audit export --since 0999-01-01` exported nothing); isoformat always writes four digits."""
    if moment.tzinfo is not dt.UTC:
        moment = moment.astimezone(dt.UTC)
    # (an aware moment's isoformat ends in +00:00: its first 26 characters are the rest)
    return moment.isoformat(timespec="microseconds")[:26] + "Z"


def to_minute(at: str) -> str:
    """A stamp `format_at` wrote, as a message shows it to the minute (2026-12-05T10:11Z)."""
    return at[:16] + "Z"


def to_second(at: str) -> str:
    """A stamp `format_at` wrote, as a message shows it to the second."""
    return at[:19] + "Z"


def as_read(at: str) -> str:
    """A stamp `format_at` wrote, as people read it in a sentence or a page, to the second
    (2026-11-29T05:31:38.123456Z -> 2026-11-29 05:31:38); the caller says " UTC" where the
    zone is worth a word."""
    return at[:19].replace("T", " ")


def as_read_to_minute(at: str) -> str:
    """`as_read` to the minute (2026-11-29 05:31), as a page's "exported at" line shows it."""
    return at[:16].replace("T", " ")


# A stamp as `format_at` writes it: its month, day, hour, minute and second in range in the
# pattern itself, so that only a day past the 28th (which some month has not) is asked of
# Python (`is_stamp`: rrbundle, a million events' verify spent 0.46 s asking every date).
_STAMP = re.compile(
    r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{6}Z"
).fullmatch


def is_stamp(text: str) -> bool:
    """Whether `text` is a moment as `format_at` writes it (the form docs/audit-chain.md says
    an event's `at` always takes): of a trail's event, a check cheap enough for every one."""
    if _STAMP(text) is None:
        return False
    if text[8:10] < "29":  # (every month has its first 28 days)
        return True
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:  # (2026-02-30: the shape, no day)
        return False
    return True


def read_at(text: str) -> dt.datetime:
    """The moment `format_at` wrote as `text` (ValueError when it is not such a text)."""
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


# How far back of the event before it an event's `at` may be and still be taken for time order
# (audit verify's clock steps; a write's warning, services.context). Two machines of a team
# slightly apart (no time sync, a clock drifting seconds a day) are not worth a word: each
# event is still where it belongs in any day's or week's window. A clock wrong by a time zone
# (a half hour at the least), a year or a century is: a window by time then hides the events.
CLOCK_TOLERANCE = dt.timedelta(minutes=5)


def behind(at: str, earlier: str) -> bool:
    """Whether the stamp `at` is before `earlier` by more than CLOCK_TOLERANCE (both stamps
    as `format_at` writes them; False for a text that is not one, which the chain judges).
    Compared as text first: nearly always in order, that is all it costs."""
    if at >= earlier:
        return False
    try:
        return read_at(earlier) - read_at(at) > CLOCK_TOLERANCE
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ClockBehind:
    """A write stamped `at` by this computer's clock, more than CLOCK_TOLERANCE before the
    trail's newest event before it (`newest_seq`, stamped `newest_at`): this clock is behind,
    or the one that wrote that event was ahead. The events are written all the same (refusing
    them would lose the work); they are out of time order."""

    at: str
    newest_at: str
    newest_seq: int


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else format_at(moment)


def parse_date(value: str, what: str = "date") -> dt.date:
    """`what` names the date in the message; '' for none (an option's name says it). Typed on a
    Chinese keyboard, full-width digits and dashes (２０２６－１２－１０) are the same date. The
    year-first forms a spreadsheet or a Chinese text writes (2026/12/3, 2026.12.3, 2026年12月3日,
    2026年12月3号) are read too; 3/12/2026 is not, since its day and month could be either way
    round."""
    text = _ascii_forms(value)
    try:
        if found := _YEAR_FIRST.fullmatch(text):
            year, _, month, day, month_zh, day_zh = found.groups()
            return dt.date(int(year), int(month or month_zh), int(day or day_zh))
        if "W" in text.upper():
            # An ISO week date (2026-W01-1 is 2025-12-29) is no form a desk writes a day in:
            # most likely a typo, and the day it names surprises (review52).
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        named = f"{what} " if what else ""
        raise InvalidInput(f"{named}{value!r} is not a date; use YYYY-MM-DD") from None


def past_date(
    value: str, what: str = "date", field: str | None = None, earliest: dt.date | None = None
) -> dt.date:
    """`parse_date`, for a date that has come (a publication, a page read): one after today
    where it is latest (`latest_today`) is a typo, which would reach ClaimReview's
    datePublished, as is one before `earliest` (EARLIEST_PAST unless given: trial48's
    0001-01-01 was published). `field` names the input in the refusal's hint."""
    day = parse_date(value, what)
    named = f"{what} " if what else ""
    hint = None if field is None else bad(field)
    moment = now()
    latest = (moment + LATEST_AHEAD).date()
    if day > latest:
        # Today as this computer's clock has it: a clock fallen back (to 2001) is then plain to
        # see, where "in the future" alone blamed the date (trial99).
        raise InvalidInput(
            f"{named}{day} is in the future (today is {moment.date()} in UTC by this computer's "
            f"clock, at most {latest} anywhere)",
            hint=hint,
        )
    floor = EARLIEST_PAST if earliest is None else earliest
    if day < floor:
        raise InvalidInput(
            f"{named}{day} is not a likely date: one before {floor} is taken for a typo",
            hint=hint,
        )
    return day


# Before this no date of a document is believed: printed news is younger (a typed 0001-01-01
# or 0202-02-02 is a placeholder or a typo, which ClaimReview would publish).
EARLIEST_PAST = dt.date(1600, 1, 1)
# Before this no source was read by anyone at a desk using the workbench (evidence --accessed).
EARLIEST_ACCESSED = dt.date(1990, 1, 1)


def spreadsheet_date(value: str) -> bool:
    """Whether `value`, which `parse_date` does not read, is a date as a spreadsheet writes
    one: day and month, either way round, before the year (12/3/2026 from Excel in a US
    locale, 3.12.2026, 03-12-26), or the serial number of the day a date cell holds when
    formatted General (46359 is 2026-12-03; five digits are the years 1927 to 2173)."""
    return _SPREADSHEET_DATE.fullmatch(_ascii_forms(value).strip()) is not None


_SPREADSHEET_DATE = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2}(?:\d{2})?|\d{5}(?:\.\d+)?")
# Year, month and day with one separator throughout (a dash, a slash or a dot: 2027-2-3 as
# 2027/2/3, trial48), or with 年 月 (日, or 号 as it is said and often typed: trial58).
_YEAR_FIRST = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)")


def is_day(value: str) -> bool:
    """Whether `value` names a day, not a moment (2026-12-03, 2026/12/3, 2026年12月3日): a
    `--until` day runs to its end."""
    text = _ascii_forms(value)
    return (len(text) == 10 and text[4] == "-") or _YEAR_FIRST.fullmatch(text) is not None


def parse_since(value: str) -> dt.datetime:
    """A date (midnight UTC, in any form `parse_date` reads) or an ISO 8601 date-time (UTC
    when no offset is given)."""
    text = _ascii_forms(value)
    try:
        if is_day(text):
            day = parse_date(text)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, InvalidInput):
        raise InvalidInput(
            f"{value!r} is not a date or date-time; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        # A date-time whose offset takes it past the calendar in UTC (9999-12-31T23:59:59-05:00
        # is in the year 10000 there): astimezone's OverflowError was a traceback. It is a
        # date-time, so the refusal says what is wrong with it, not "not a date-time".
        raise OutOfCalendar(
            f"{value!r} is outside the years 1 to 9999 once its offset is taken away (in UTC)"
        ) from None


class OutOfCalendar(InvalidInput):
    """A date-time read, but past the calendar's ends in UTC: its own words are kept by the
    callers that otherwise say a value is no date at all."""


# `--untouched-since Nd`: N days before now, at most a century back (a bigger N is a typo, and
# one past year 1 would not be a time at all).
DAYS_AGO_MAX = 36_500
# N whole days: 7d, 7D, 7天 (as said in Chinese). No sign: "-7d" is not a time.
_DAYS_AGO = re.compile(r"([0-9]+)\s*[dD天]")


UNTOUCHED_AHEAD = "every claim is untouched since then"
UPDATED_AHEAD = "no claim has changed since then"


def parse_since_or_days(
    value: str, ahead: str = UNTOUCHED_AHEAD, current: dt.datetime | None = None
) -> dt.datetime:
    """`parse_since`, or Nd: N days (1..DAYS_AGO_MAX) before now (7d: a week ago). Full-width
    forms are the ASCII ones (７ｄ). A time more than a day ahead is refused as a typo,
    `ahead` saying what it would list (--untouched-since: every claim; --updated-since:
    none). `current`: the moment now is (read once by a caller that reads two such times, so
    that 7d and 7d are one moment); the clock's, unless given."""
    if current is None:
        current = now()
    text = _ascii_forms(value)
    ago = days_ago(text, current)
    if ago is None:
        try:
            moment = parse_since(text)
        except OutOfCalendar:
            raise
        except InvalidInput:
            raise InvalidInput(
                f"{value!r} is not a date, a date-time or a number of days; use YYYY-MM-DD, "
                "YYYY-MM-DDTHH:MM:SSZ or Nd (7d: a week ago)"
            ) from None
        # Every claim is untouched since a time to come: a typo, not a question (trial95:
        # 2062-12-01 listed the whole desk). A day's grace: a date is UTC's, and today's date
        # east of Greenwich starts up to 14 hours before UTC's.
        if moment > current + dt.timedelta(days=1):
            # The clock named: on one fallen back, the time given is not what is wrong.
            raise InvalidInput(
                f"{value!r} is more than a day ahead of this computer's clock "
                f"({to_minute(format_at(current))}): {ahead}; give a time past, or Nd (7d: a week "
                "ago)"
            )
        return moment
    return ago


def days_ago(value: str, current: dt.datetime | None = None) -> dt.datetime | None:
    """Nd (7d, 7天, ７ｄ): the moment N days (1..DAYS_AGO_MAX) before `current` (now, unless
    given); None for any other text."""
    found = _DAYS_AGO.fullmatch(_ascii_forms(value))
    if found is None:
        return None
    digits = found.group(1).lstrip("0")
    # Compared as text first: int() of thousands of digits is slow, then refused by Python.
    if len(digits) > len(str(DAYS_AGO_MAX)) or int(digits or "0") > DAYS_AGO_MAX:
        raise InvalidInput(f"a number of days is at most {DAYS_AGO_MAX:,} days (a century)")
    if not digits:
        raise InvalidInput("a number of days is at least 1 day (1d: since this time yesterday)")
    return (now() if current is None else current) - dt.timedelta(days=int(digits))


def span_moment(value: str) -> str:
    """A span's end as `--since`/`--until` take it (stats, audit export, export claimreview):
    Nd (7d: a week ago) as the moment it means now (`format_at`), so that every later reading
    of it (the span's check, the query, an audit export's scope line verified next week) is
    of one time; a date or date-time as typed, once `parse_since` reads it (a date keeps its
    whole day for --until)."""
    ago = days_ago(value)
    if ago is not None:
        return format_at(ago)
    try:
        parse_since(value)
    except OutOfCalendar:
        raise
    except InvalidInput:
        raise InvalidInput(
            f"{value!r} is not a date, a date-time or a number of days; use YYYY-MM-DD, "
            "YYYY-MM-DDTHH:MM:SSZ or Nd (7d: a week ago)"
        ) from None
    return value


def _ascii_forms(value: str) -> str:
    # Full-width digits, letters and punctuation are their ASCII forms (the T and Z of a time
    # too). Not NFKC: it reads ² and ① as digits, and a typo as another day.
    return value.translate(TYPED_ASCII).strip()


def until_bound(value: str) -> str:
    """The last `at` that `--until VALUE` takes in: a bare date means to the end of that day."""
    moment = parse_since(value)
    if is_day(value):
        moment += dt.timedelta(days=1) - dt.timedelta(microseconds=1)
    return format_at(moment)
