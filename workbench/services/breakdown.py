"""`stats --by KEY`: the desk's claims counted by tag, speaker, type, owner or the month they
were added, each value's claims split by where they stand (to check, in review, each verdict).

One aggregate statement per breakdown, on the database driver (workbench.db.reader), with no
SQLAlchemy: a year's retrospective asks it of a desk of 100,000 claims. The rows come ordered
and cut to the limit by the database itself, with how many there are in all (a window count
over the groups), so a desk with thousands of tags reads only the rows shown. Owners and
speakers are the exception: a name is one person however it was typed, which no collation
says, so each stored spelling's row is read and merged here (one row per spelling, not per
claim).

Withdrawn claims are left out, as the board's counts by owner and type leave them: a withdrawn
claim is no one's work (services.queries.NOT_WITHDRAWN).
"""

# The statement's text is this module's own (column names, keywords); every value (statuses,
# times, the limit) is a bound parameter.
# ruff: noqa: S608
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.db import tables
from workbench.db.sql import Sql, join, param
from workbench.domain.identity import NOBODY
from workbench.domain.status import VERDICT_NAMES, WITHDRAWN_VALUE, Status

if TYPE_CHECKING:
    from workbench.db.reader import Reader
    from workbench.services.context import Workbench

# What a breakdown groups by (the CLI's choices of --by, in its help's order).
KEYS: tuple[str, ...] = ("tag", "speaker", "type", "owner", "month")
# The counts of each row, in the table's order: all the claims, those still to check
# (unverified or in progress: the board's "to check"), those awaiting a second reviewer, and
# each verdict; a claim is in one of them, so they add up to the claims.
TO_CHECK = (Status.UNVERIFIED.value, Status.IN_PROGRESS.value)
COUNTS: tuple[str, ...] = ("claims", "to_check", "in_review", *VERDICT_NAMES)
# The row of claims with no tag, no speaker (no type or month cannot be) in the table; JSON
# says null, which no stored value can be mistaken for.
NONE = "(none)"


def none_row(key: str) -> str:
    """The table's word for the row of claims with no value of `key`: the board's word for the
    unowned when it is the owner, so one group has one name on both tables."""
    return NOBODY if key == "owner" else NONE


C = tables.claims.c
T = tables.claim_tags.c


@dataclass(frozen=True, slots=True)
class Row:
    value: str | None
    counts: dict[str, int]

    def to_json(self, key: str) -> dict[str, Any]:
        return {key: self.value, **self.counts}


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The first `limit` rows of a breakdown by `key` and how many rows there are in all."""

    key: str
    total: int
    rows: list[Row] = field(default_factory=list)

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_json(self.key) for r in self.rows]


def _value(key: str, dialect: str) -> str:
    """The expression a breakdown groups by. A month is the UTC month a claim was added:
    SQLite stores naive UTC text (its first seven characters), PostgreSQL a timestamptz."""
    if key == "month":
        if dialect == "postgresql":
            return f"to_char({C.created_at} AT TIME ZONE 'UTC', 'YYYY-MM')"
        return f"substr({C.created_at}, 1, 7)"
    return {"tag": str(T.tag), "speaker": str(C.speaker), "type": str(C.type)}.get(
        key, str(C.assignee)
    )


def _counted(statuses: tuple[str, ...]) -> Sql:
    """How many of a group's claims have one of `statuses`."""
    marks = join(", ", [param(s) for s in statuses])
    return f"sum(CASE WHEN {C.status} IN (" + marks + ") THEN 1 ELSE 0 END)"


def breakdown_sql(
    key: str,
    dialect: str,
    limit: int | None,
    added_from: dt.datetime | None = None,
    added_until: dt.datetime | None = None,
) -> Sql:
    """The one statement of a breakdown by `key`: a row per value (a claim with several tags
    under each, by the claim_tags table), most claims first, then by value in code point order
    (as SQLite compares text; PostgreSQL's collation would order names its own way, so it is
    told "C"), the claims with none last among equals; the first `limit` rows, each with how
    many rows there are in all. A `limit` of None reads every row (owners and speakers, merged
    by name afterwards).

    Months are a time line, not a ranking (trial57: a year's table by count put March before
    January, and --limit kept the busiest months): the latest `limit` months, oldest first."""
    if key not in KEYS:
        raise ValueError(key)
    value = _value(key, dialect)
    counts = [
        _counted(TO_CHECK),
        _counted((Status.IN_REVIEW.value,)),
        *(_counted((v,)) for v in VERDICT_NAMES),
    ]
    columns = join(", ", [Sql(f"{value}, count(*)"), *counts, Sql("count(*) OVER ()")])
    source = "claims"
    if key == "tag":
        source += f" LEFT JOIN claim_tags ON {T.claim_id} = {C.id}"
    where = [f"{C.status} <> " + param(WITHDRAWN_VALUE)]
    if added_from is not None:
        where.append(f"{C.created_at} >= " + param(added_from))
    if added_until is not None:
        where.append(f"{C.created_at} <= " + param(added_until))
    collate = ' COLLATE "C"' if dialect == "postgresql" and key != "month" else ""
    order = (
        f"{value} DESC" if key == "month" else f"count(*) DESC, ({value}) IS NULL, {value}{collate}"
    )
    grouped = (
        "SELECT "
        + columns
        + f" FROM {source} WHERE "
        + join(" AND ", where)
        + f" GROUP BY {value} ORDER BY {order}"
        + (Sql("") if limit is None else " LIMIT " + param(limit))
    )
    if key != "month":
        return grouped
    # The month is the first column; both backends order a derived table's rows by position.
    return "SELECT * FROM (" + grouped + ") AS latest ORDER BY 1"


def breakdown(
    wb: Workbench,
    key: str,
    limit: int,
    since: str | None = None,
    until: str | None = None,
) -> Breakdown:
    """The desk's claims (withdrawn ones left out) counted by `key` (one of KEYS): the first
    `limit` rows and how many there are. With `since` (and `until`), only the claims added in
    that span (the same span as `stats --since`: a date is its whole day, in UTC)."""
    from workbench.domain.clock import parse_since, until_bound
    from workbench.domain.errors import InvalidInput
    from workbench.domain.inputs import check_at_least
    from workbench.services.activity import span_problem
    from workbench.services.context import reading

    if key not in KEYS:
        raise InvalidInput(f"{key!r} is not one of {', '.join(KEYS)}")
    check_at_least(limit, 0, "limit")
    problem = span_problem(since, until)
    if problem is not None:
        raise problem
    added_from = None if since is None else parse_since(since)
    added_until = None if until is None else parse_since(until_bound(until))
    with reading(wb) as conn:
        return _read(conn, key, limit, added_from, added_until)


def _read(
    conn: Reader,
    key: str,
    limit: int,
    added_from: dt.datetime | None,
    added_until: dt.datetime | None,
) -> Breakdown:
    if key == "owner":
        return _owners(conn, limit, added_from, added_until)
    if key == "speaker":
        return _speakers(conn, limit, added_from, added_until)
    # --limit 0 shows no row but still says how many there are: the one row read gives it.
    sql = breakdown_sql(key, conn.dialect, max(limit, 1), added_from, added_until)
    found = conn.raw(sql)
    total = int(found[0][-1]) if found else 0
    rows = [Row(r[0], dict(zip(COUNTS, map(int, r[1:-1]), strict=True))) for r in found]
    return Breakdown(key, total, rows[:limit])


def _owners(
    conn: Reader, limit: int, added_from: dt.datetime | None, added_until: dt.datetime | None
) -> Breakdown:
    """The breakdown by owner, each under their name's form today (people.current_form): an
    earlier version stored `王 芳`, whom `claim list --assignee 王芳` lists, and the statement
    groups by the name as stored, so one person was two rows. Every owner's row is read (a
    desk has a few owners however many claims: queries.distinct_values), merged, then ordered
    and cut as the statement orders and cuts them."""
    from workbench.domain.people import current_form

    merged: dict[str | None, list[int]] = {}
    for name, counts in _spellings(conn, "owner", added_from, added_until):
        total = merged.setdefault(None if name is None else current_form(name), [0] * len(COUNTS))
        total[:] = [a + b for a, b in zip(total, counts, strict=True)]
    rows = [Row(name, dict(zip(COUNTS, counts, strict=True))) for name, counts in merged.items()]
    return _ordered("owner", rows, limit)


def _speakers(
    conn: Reader, limit: int, added_from: dt.datetime | None, added_until: dt.datetime | None
) -> Breakdown:
    """The breakdown by speaker, one row per person however the desk typed the name
    (`same_person_key`, as `claim list --speaker` finds them): a claim add stores the spelling
    the document's other claims use, but not another document's, so `donald trump` in one
    article and `Donald Trump` in another were two rows. A row is named by the spelling most
    of its claims have, then the first in code point order: one the desk typed, the same every
    run."""
    from workbench.domain.status import same_person_key

    groups: dict[str | None, list[tuple[str | None, list[int]]]] = {}
    for name, counts in _spellings(conn, "speaker", added_from, added_until):
        groups.setdefault(None if name is None else same_person_key(name), []).append(
            (name, counts)
        )
    rows = []
    for spellings in groups.values():
        named = min(spellings, key=lambda s: (-s[1][0], s[0] or ""))[0]
        counts = [sum(column) for column in zip(*(c for _, c in spellings), strict=True)]
        rows.append(Row(named, dict(zip(COUNTS, counts, strict=True))))
    return _ordered("speaker", rows, limit)


def _spellings(
    conn: Reader, key: str, added_from: dt.datetime | None, added_until: dt.datetime | None
) -> list[tuple[str | None, list[int]]]:
    """Every row of the statement by `key` (owner or speaker): each stored spelling with its
    counts. Unlimited rather than limited to the distinct values' count, which cost an index
    seek per spelling before the statement (review289: 38,692 speakers' spellings)."""
    found = conn.raw(breakdown_sql(key, conn.dialect, None, added_from, added_until))
    return [(r[0], [int(n) for n in r[1:-1]]) for r in found]


def _ordered(key: str, rows: list[Row], limit: int) -> Breakdown:
    """Merged rows ordered and cut as the statement orders and cuts them."""
    rows.sort(key=lambda row: (-row.counts["claims"], row.value is None, row.value or ""))
    return Breakdown(key, len(rows), rows[:limit])
