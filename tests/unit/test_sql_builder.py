"""The read paths' SQL builder (workbench.db.sql) and the backends' spelling of it: values only
ever as parameters, in the order of their placeholders, and each driver's placeholder."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from workbench.db import postgresql, sqlite
from workbench.db.reader import Reader
from workbench.db.sql import Sql, case, eq, in_, in_query, join, param, select
from workbench.db.tables import claim_tags, claims

C = claims.c


def test_parameters_follow_their_placeholders() -> None:
    tagged = select(claim_tags.c.claim_id, source=claim_tags).where(eq(claim_tags.c.tag, "t"))
    q = (
        select(C.id, source=claims)
        .where(in_(C.status, ["a", "b"]), in_query(C.id, tagged), eq(C.speaker, "s"))
        .order_by(case(C.priority, {"high": 0}, 1), C.id)
        .paged(5, 10)
    )
    sql = q.sql()
    assert sql.text == (
        "SELECT claims.id FROM claims WHERE claims.status IN (?, ?) AND claims.id IN "
        "(SELECT claim_tags.claim_id FROM claim_tags WHERE claim_tags.tag = ?) AND "
        "claims.speaker = ? ORDER BY CASE claims.priority WHEN ? THEN ? ELSE ? END, claims.id "
        "LIMIT ? OFFSET ?"
    )
    assert sql.params == ("a", "b", "t", "s", "high", 0, 1, 5, 10)
    assert sql.text.count("?") == len(sql.params)


def test_an_empty_in_list_matches_nothing() -> None:
    assert in_(C.status, []) == Sql("1 = 0")


def test_offset_without_limit_is_each_backends_spelling() -> None:
    q = select(C.id, source=claims).paged(None, 3)
    assert q.sql(sqlite.NO_LIMIT).text.endswith("LIMIT -1 OFFSET ?")
    assert q.sql(postgresql.NO_LIMIT).text.endswith("LIMIT ALL OFFSET ?")


def test_count_keeps_the_conditions_and_drops_order_and_paging() -> None:
    q = select(C.id, source=claims).where(eq(C.status, "x")).order_by(C.id).paged(5)
    sql = q.count().sql()
    assert sql.text == (
        "SELECT count(*) FROM (SELECT claims.id FROM claims WHERE claims.status = ?) AS matching"
    )
    assert sql.params == ("x",)


def test_a_paged_subquery_is_refused() -> None:
    with pytest.raises(ValueError, match="paged"):
        in_query(C.id, select(C.id, source=claims).paged(1))


def test_postgresql_placeholders_and_percent_signs() -> None:
    text = join(" ", ["SELECT '100%'", param(1)]).text
    assert postgresql.statement(text) == "SELECT '100%%' %s"
    assert sqlite.statement(text) == text


def test_sqlite_binds_and_reads_timestamps_as_stored() -> None:
    moment = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    stored = sqlite.bind(moment)
    assert stored == "2026-11-30 04:00:00.000000"  # naive UTC text, microseconds always
    assert sqlite.read_datetime(stored) == moment
    assert sqlite.read_datetime(stored).tzinfo is dt.UTC  # type: ignore[union-attr]
    assert sqlite.bind(dt.date(2026, 1, 2)) == "2026-01-02"
    assert sqlite.read_date("2026-01-02") == dt.date(2026, 1, 2)


def test_reader_rows_are_named_and_converted() -> None:
    conn = sqlite3.connect(":memory:")
    sqlite.prepare(conn)
    conn.execute("CREATE TABLE claims (id INTEGER, due DATE, created_at DATETIME)")
    conn.execute("INSERT INTO claims VALUES (1, '2026-01-02', '2026-01-02 03:04:05.000006')")
    reader = Reader(conn, sqlite)
    (row,) = reader.rows(select(C.id, C.due, C.created_at, source=claims))
    assert row.id == 1
    assert row.due == dt.date(2026, 1, 2)
    assert row.created_at == dt.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
    assert reader.scalar(select(C.id, source=claims).where(eq(C.due, dt.date(2026, 1, 2)))) == 1


def test_uncased_characters_are_never_folded() -> None:
    """The premise of SQLite's LIKE without lower(): a character it is used for lowers to
    itself, and no other character's lowercase holds it (so `needle in lower(text)` is
    `needle in text`), for every code point Python knows."""
    import sys

    never = sqlite._never_folded
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        lowered = ch.lower()
        if never(ch):
            assert lowered == ch, hex(code)
        assert not any(out != ch and never(out) for out in lowered), hex(code)


def test_sqlite_search_folds_only_what_can_fold() -> None:
    assert "lower(" not in sqlite.ilike("claims.text", "%估值 2026%").text
    assert "lower(" in sqlite.ilike("claims.text", "%É%").text
    assert "lower(" in sqlite.ilike("claims.text", "%k%").text  # the Kelvin sign lowers to k
    assert "lower(" in sqlite.ilike("claims.text", "%ⓐ%").text  # a circled letter has case
