"""The PostgreSQL run's schemas are emptied and handed to the next test rather than dropped
and made again (tests/conftest.py, `_recycled`), which is only right if the next test cannot
tell: a schema a test changed in any way but its rows is dropped as before, and one emptied
has no row, and ids from 1 again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests import conftest

pytestmark = pytest.mark.skipif(not conftest.PG_URL, reason="the PostgreSQL run's schemas")


@pytest.fixture
def made() -> Iterator[tuple[str, Any]]:
    """A migrated schema of the suite's own making, and the admin engine; dropped at the end,
    recycled or not (it is never handed to another test)."""
    from sqlalchemy import text

    server = conftest.PG_URL
    pool = conftest._RECYCLED.setdefault(server, [])
    kept = list(pool)
    pool.clear()  # (so that this test makes a schema of its own)
    gen = conftest._new_pg_database(server, migrated=True)
    url = next(gen)
    schema = conftest.pg_schema_of(url)
    admin = conftest._admin_engine(server)
    try:
        yield schema, admin
    finally:
        gen.close()  # (recycled into the pool, or dropped)
        if schema in pool:
            pool.remove(schema)
            conftest._AS_MADE.pop(schema, None)
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        pool.extend(kept)


def _run(admin: Any, schema: str, *statements: str) -> None:
    from sqlalchemy import text

    with admin.connect() as conn:
        conn.execute(text(f'SET search_path TO "{schema}", public'))
        for statement in statements:
            conn.execute(text(statement))


CHANGES: dict[str, Callable[[str], list[str]]] = {
    "a trigger dropped": lambda s: ["DROP TRIGGER events_no_update ON events"],
    "a trigger disabled": lambda s: ["ALTER TABLE events DISABLE TRIGGER events_no_update"],
    "a table added": lambda s: ["CREATE TABLE extra (x int)"],
    "a column added": lambda s: ["ALTER TABLE claims ADD COLUMN extra int"],
    "an index dropped": lambda s: [],  # (named from the catalogue in the test)
    "a revision recorded": lambda s: ["UPDATE alembic_version SET version_num = '0001_initial'"],
    "a grant": lambda s: ["GRANT SELECT ON claims TO PUBLIC"],
    "the schema granted": lambda s: [f'GRANT USAGE ON SCHEMA "{s}" TO PUBLIC'],
    "a function added": lambda s: ["CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'"],
    "a default changed": lambda s: ["ALTER TABLE claims ALTER COLUMN status SET DEFAULT 'x'"],
    # review219: what the digest read nothing of. A collation test_text_order_any_collation
    # gives five name columns (the next test's tags ordered by an English locale), a rule that
    # swallows the next test's writes, a sequence no longer its column's (pg_get_serial_sequence,
    # which restore reads, finds none), or caching ids (a second connection's claim #21).
    "a column's collation": lambda s: [
        'ALTER TABLE claim_tags ALTER COLUMN tag TYPE varchar(100) COLLATE "POSIX"'
    ],
    "a rule added": lambda s: ["CREATE RULE quiet AS ON INSERT TO claim_tags DO INSTEAD NOTHING"],
    "a sequence no longer owned": lambda s: ["ALTER SEQUENCE claims_id_seq OWNED BY NONE"],
    "a sequence caching": lambda s: ["ALTER SEQUENCE claims_id_seq CACHE 20"],
    "a comment on a table": lambda s: ["COMMENT ON TABLE claims IS '核查的说法'"],
    "a comment on a column": lambda s: ["COMMENT ON COLUMN claims.speaker IS '说话人'"],
    "a comment on a constraint": lambda s: ["COMMENT ON CONSTRAINT pk_claims ON claims IS '主键'"],
    "a column's statistics target": lambda s: [
        "ALTER TABLE claims ALTER COLUMN speaker SET STATISTICS 5"
    ],
    "a column's settings": lambda s: [
        "ALTER TABLE claims ALTER COLUMN speaker SET (n_distinct = 5)"
    ],
    "a column's storage": lambda s: ["ALTER TABLE claims ALTER COLUMN quote SET STORAGE EXTERNAL"],
    "row security forced": lambda s: ["ALTER TABLE claims FORCE ROW LEVEL SECURITY"],
    "a replica identity": lambda s: ["ALTER TABLE claims REPLICA IDENTITY FULL"],
    # read since the digest was written; kept here so that no later digest forgets them
    "a guard's function replaced": lambda s: [
        "CREATE OR REPLACE FUNCTION workbench_events_append_only() RETURNS trigger"
        " LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
    ],
    "a view added": lambda s: ["CREATE VIEW open_claims AS SELECT id FROM claims"],
    "row security enabled": lambda s: ["ALTER TABLE claims ENABLE ROW LEVEL SECURITY"],
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_schema_a_test_changed_is_not_recycled(made: tuple[str, Any], change: str) -> None:
    schema, admin = made
    if change == "an index dropped":
        from sqlalchemy import text

        with admin.connect() as conn:
            index = conn.execute(
                text(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = :s"
                    " AND tablename = 'claims' AND indexname NOT LIKE 'pk_%'"
                    " ORDER BY indexname LIMIT 1"
                ),
                {"s": schema},
            ).scalar_one()
        statements = [f'DROP INDEX "{index}"']
    else:
        statements = CHANGES[change](schema)
    _run(admin, schema, *statements)
    assert conftest._recycled(admin, schema) is False


def test_a_schema_left_as_made_is_emptied_and_its_ids_start_over(
    made: tuple[str, Any],
) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from workbench.services.context import Workbench
    from workbench.services.documents import add_document

    schema, admin = made
    url = conftest.pg_schema_url(schema)
    wb = Workbench(url=url, actor="tester")
    for n in range(3):
        add_document(wb, f"第{n}篇文本。")
    from workbench.db.engine import get_engine

    get_engine(url).dispose()
    assert conftest._recycled(admin, schema) is True
    with admin.connect() as conn:
        conn.execute(text(f'SET search_path TO "{schema}", public'))
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    wb = Workbench(url=url, actor="tester")
    assert add_document(wb, "第一篇文本。").document.id == 1
    get_engine(url).dispose()
    # emptied again: the trail the last one wrote goes too (its guard triggers asleep only
    # in the emptying transaction: an update is still refused afterwards, on the admin
    # engine's connection that emptied it too)
    assert conftest._recycled(admin, schema) is True
    with admin.connect() as conn:
        conn.execute(text(f'SET search_path TO "{schema}", public'))
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0
    wb = Workbench(url=url, actor="tester")
    add_document(wb, "第二篇文本。")
    get_engine(url).dispose()
    with admin.connect() as conn:
        assert conn.execute(text("SHOW session_replication_role")).scalar() == "origin"
        conn.execute(text(f'SET search_path TO "{schema}", public'))
        with pytest.raises(DBAPIError, match="append-only"):
            conn.execute(text("UPDATE events SET actor = actor"))


def test_a_schema_a_session_still_holds_is_not_recycled(made: tuple[str, Any]) -> None:
    from sqlalchemy import create_engine, text

    schema, admin = made
    other = create_engine(conftest.pg_schema_url(schema))
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text("SELECT count(*) FROM claims"))
            assert conftest._recycled(admin, schema) is False
    finally:
        other.dispose()


def _as_made_now(admin: Any, schema: str) -> None:
    """Take `schema` as it is now for the shape it was made with (a rule or policy the
    migrations might one day make), so that a later change of that object alone is seen."""
    raw = admin.raw_connection()
    try:
        with raw.driver_connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{schema}", public')
            cursor.execute(conftest._SHAPE_SQL, {"schema": schema})
            conftest._AS_MADE[schema] = cursor.fetchone()[0]
    finally:
        raw.close()


# What a test can change of a rule or policy the schema had when made (review219).
LATER_CHANGES: dict[str, tuple[str, str]] = {
    "a rule disabled": (
        "CREATE RULE also AS ON INSERT TO claim_tags DO ALSO NOTHING",
        "ALTER TABLE claim_tags DISABLE RULE also",
    ),
    "a policy's check": (
        "CREATE POLICY own ON claim_tags USING (true)",
        "ALTER POLICY own ON claim_tags WITH CHECK (false)",
    ),
    "a policy's roles": (
        "CREATE POLICY own ON claim_tags USING (true)",
        "ALTER POLICY own ON claim_tags TO postgres",
    ),
}


@pytest.mark.parametrize("change", sorted(LATER_CHANGES))
def test_a_rule_or_policy_a_test_changed_is_not_recycled(
    made: tuple[str, Any], change: str
) -> None:
    schema, admin = made
    made_with, changed = LATER_CHANGES[change]
    _run(admin, schema, made_with)
    _as_made_now(admin, schema)
    assert conftest._recycled(admin, schema) is True  # (as it was made: recycled)
    _run(admin, schema, changed)
    assert conftest._recycled(admin, schema) is False


def test_a_schema_whose_append_lock_a_session_holds_is_not_recycled(
    made: tuple[str, Any],
) -> None:
    """The desk's append lock is keyed by its events table's oid, which a recycled schema
    keeps (a new schema had a new one): a session left holding it, idle in its transaction
    (a test's writer thread or process not ended), would make the next test's first write
    wait its 30 s and be refused as database_locked, naming a writer of another test."""
    from sqlalchemy import create_engine, text

    from workbench.db.pg_locks import APPEND_LOCK_SQL, DESK_LOCK_CLASS

    schema, admin = made
    other = create_engine(conftest.pg_schema_url(schema))
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(text(APPEND_LOCK_SQL), {"desk_lock": DESK_LOCK_CLASS})
            assert conftest._recycled(admin, schema) is False
    finally:
        other.dispose()
