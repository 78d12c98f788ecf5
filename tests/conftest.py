"""Every test gets its own freshly migrated database and its own environment.

SQLite by default: the migrations run once into a template file that each test copies. When
WORKBENCH_TEST_DATABASE_URL points at PostgreSQL, each test gets a schema of its own there.
Alembic migrates one schema per test process, and a new schema replays the statements that run
sent to the server (PostgreSQL has no way to copy a schema, and Alembic's own run cost each
test twice what the replay does). A migrated schema its test left as it was made (`_SHAPE_SQL`),
held by no other session, is emptied and handed to the next test of the process, under the same
name (`_recycled`); any other is dropped. Nothing touches a user's database.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import signal
import subprocess
import sys
import uuid
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

REPO = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("WORKBENCH_TEST_DATABASE_URL", "").strip()


def pytest_report_header() -> str:
    return f"workbench database backend: {'postgresql' if PG_URL else 'sqlite'}"


# The fixtures through which a test gets a database (`wb`, `cli` and the rest ask for these).
_DATABASE_FIXTURES = frozenset(
    {"db_url", "empty_db_url", "postgres_url", "sqlite_template", "person"}
)
# Words by which a test module (or what it imports from tests.conftest) reaches PostgreSQL
# other than through those fixtures.
_SERVER_WORDS = ("WORKBENCH_TEST_DATABASE_URL", "PG_URL", "PG_DEFAULT", "postgres", "pg_schema")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run (.ci/run runs the suite once per backend), leave out the tests
    that open no database of the run's backend: none of their fixtures is one and their module
    never names the server, so they would only repeat their SQLite run step for step (a CLI
    test on a desk of its own under tmp_path is a SQLite file on both runs): 6,051 of the
    suite's 10,235, where only tests/unit's 1,640 were left out before (the 1,171 more took 77
    of the SQLite run's 1,697 worker-seconds by its --durations, spent again for nothing).
    Every test that touches the run's database still runs on both."""
    if not PG_URL:
        return
    names_server: dict[Path, bool] = {}
    kept: list[pytest.Item] = []
    left: list[pytest.Item] = []
    for item in items:
        path = Path(str(item.path))
        if _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
            kept.append(item)
            continue
        if path not in names_server:
            source = path.read_text(encoding="utf-8")
            names_server[path] = any(word in source for word in _SERVER_WORDS)
        (kept if names_server[path] else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collector's work cut down once the tests are collected: what the imports built
    (SQLAlchemy's mappers, the CLI, hypothesis) frozen out of its walks, and the youngest
    generation collected every 50,000 allocations, not 700. Each test builds and drops
    engines, sessions and ORM objects by the thousand; with Python's defaults the collector
    walked them (and the import-time heap, in each full collection) so often that it cost a
    sixth of tests/services' CPU (two workers: 270 -> 220 CPU s, 178 -> 147 s; the whole
    suite's CPU fell by 6% with it and the previous docstring's deselection together).
    Garbage is still collected, only in larger batches; nothing here changes what runs."""
    _engines_share_compiled_statements()
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _engines_share_compiled_statements() -> None:
    """The engines of this test process that would compile alike speak through one dialect
    and its cache of compiled statements. A command opens one desk, so the product makes one
    engine a process; a test process makes one for each test's database, and each compiled
    every statement it ran afresh (SQLAlchemy keys a compiled statement by its dialect
    object): tests/services on two workers 147 s / 220 CPU s -> 124 s / 170 CPU s, the SQLite
    run of CI 728 s -> 565 s. Alike: every SQLite engine (one class, one sqlite3 library:
    nothing a dialect learns on connecting differs between files); on PostgreSQL only engines
    of one URL, since a dialect learns the schema it connected to (default_schema_name): a
    schema emptied for the next test (`_recycled`) keeps its name, so its next test's engine
    finds its statements compiled. A dialect is shared once it has connected (initialised);
    each engine keeps its own pool, URL and events (the backend's configure)."""
    from collections import OrderedDict

    from workbench.db import postgresql, sqlite

    shared: OrderedDict[tuple[str, str], Any] = OrderedDict()

    def sharing(configure: Callable[[Any], None], by_url: bool) -> Callable[[Any], None]:
        def configured(engine: Any) -> None:
            configure(engine)
            url = engine.url.render_as_string(hide_password=False) if by_url else ""
            key = (engine.dialect.name, url)
            first = shared.get(key)
            if (
                first is not None
                and type(first.dialect) is type(engine.dialect)
                and first.dialect.server_version_info is not None
            ):
                engine.dialect = first.dialect
                engine._compiled_cache = first._compiled_cache
                shared.move_to_end(key)
                return
            shared[key] = engine  # the first, or one that never connected: this one then
            while len(shared) > 16:  # the schemas a PostgreSQL process has in hand, and more
                shared.popitem(last=False)

        return configured

    sqlite.configure = sharing(sqlite.configure, by_url=False)  # type: ignore[assignment]
    postgresql.configure = sharing(postgresql.configure, by_url=True)  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    # COLUMNS too: pytest-xdist workers may have it, and it decides how tables are fitted.
    for name in (
        "WORKBENCH_DB",
        "WORKBENCH_USER",
        "WORKBENCH_MAX_DOCUMENT_MB",
        "NO_COLOR",
        "COLUMNS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    monkeypatch.chdir(tmp_path)
    _pools_watched()
    yield
    _engines_forgotten()


# The pools of the engines that opened a connection since the last test ended.
_POOLS_USED: weakref.WeakSet[Any] = weakref.WeakSet()


def _pool_used(conn: Any) -> None:
    _POOLS_USED.add(conn.engine.pool)


def _pools_watched() -> None:
    from sqlalchemy import Engine, event

    if not event.contains(Engine, "engine_connect", _pool_used):
        event.listen(Engine, "engine_connect", _pool_used)


def _engines_forgotten() -> None:
    """The engines of the test just run let go, their pooled connections closed. get_engine
    keeps one engine per URL for the life of the process (one command, one desk); every test
    has a URL of its own, so a worker of the full suite held thousands of them, each with its
    compiled statements (700,000 objects after 111 tests, 3.8 million after tests/exports, a
    tenth of the run spent in the collector walking them). The suite's own admin engines
    (`_admin_engine`) keep their connection."""
    from workbench.db.engine import get_engine

    kept = {id(engine.pool) for engine in _ADMIN_ENGINES.values()}
    for pool in list(_POOLS_USED):
        if id(pool) not in kept:
            pool.dispose()
    _POOLS_USED.clear()
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workbench.db.engine import get_engine
    from workbench.db.migrate import upgrade
    from workbench.db.url import resolve_url

    path = tmp_path_factory.mktemp("template") / "template.db"
    url = resolve_url(str(path))
    upgrade(get_engine(url))
    get_engine(url).dispose()
    return path


# Where tests that must meet PostgreSQL (a SQLite-to-PostgreSQL move) find it when the suite
# itself runs on SQLite.
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def desk_left_in(server: str, schema: str = "public") -> str | None:
    """The line that ends the session when `schema` of the test database holds workbench
    tables (alembic_version, or two or more of the models' tables), else None. Every test's URL puts
    public after the test's own schema (pg_schema_url), so a desk left there (a demo run
    against the test database) stood behind each test's schema, where a read of an empty one
    is told of it. Any table, not alembic_version alone: a desk dropped by hand in part left
    `claims` and the rest, which an unqualified name in a test's emptied schema reached. Two,
    not one: another program's lone `users` or `settings` there is no desk (fix303)."""
    from sqlalchemy import bindparam, create_engine, text

    from workbench.db.models import Base

    names = sorted({*Base.metadata.tables, "alembic_version"})
    engine = create_engine(_pg_admin_url(server))
    try:
        with engine.connect() as conn:
            found = list(
                conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = :schema"
                        " AND tablename IN :names ORDER BY tablename"
                    ).bindparams(bindparam("names", expanding=True)),
                    {"schema": schema, "names": names},
                ).scalars()
            )
    finally:
        engine.dispose()
    if "alembic_version" not in found and len(found) < 2:
        return None
    return (
        f"schema {schema} of the test database holds workbench tables ({', '.join(found)}): "
        f"every test's search_path reaches it after the test's own schema; drop them, or use "
        f"another database in WORKBENCH_TEST_DATABASE_URL"
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    """On PostgreSQL: the session ends at once, in one line, on a desk left in public."""
    if PG_URL:
        said = desk_left_in(PG_URL)
        if said is not None:
            pytest.exit(said, returncode=4)


def _pg_admin_url(url: str | None = None) -> str:
    from workbench.db.url import resolve_url

    return resolve_url(url or PG_URL)


def pg_schema_url(schema: str, server: str | None = None) -> str:
    """The server's URL with `schema` first on the search path, and `public` after it for the
    pg_trgm extension (one per database, kept in public: _shared_extensions)."""
    base = _pg_admin_url(server)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema},public')}"


def pg_schema_of(url: str) -> str:
    """The schema a test's PostgreSQL URL works in (pg_schema_url's first)."""
    from urllib.parse import unquote

    return unquote(url.rsplit("search_path%3D", 1)[-1]).split(",")[0]


# Per test process and server: the schema Alembic's upgrade to head was recorded in, and what
# it sent the server there (statement, parameters, whether executemany), in order.
_MIGRATION_SCRIPTS: dict[str, tuple[str, list[tuple[str, Any, bool]]]] = {}
# An advisory lock key of the suite's own, for setting up the shared extension once.
_EXTENSION_LOCK = 0x57425445


def _shared_extensions(server: str) -> None:
    """pg_trgm in `public`, before any test schema exists. A database has the extension once,
    in the schema that created it: left to the migrations it lands in the first test's schema,
    whose DROP ... CASCADE then takes it, and the trigram indexes of every other test's schema
    with it. Where the server has no pg_trgm the migrations go without it, as in production."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError

    admin = create_engine(_pg_admin_url(server))
    try:
        with admin.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _EXTENSION_LOCK})
            where = conn.execute(
                text(
                    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
                    " ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
                )
            ).scalar()
            if where is None:
                conn.execute(text("CREATE EXTENSION pg_trgm SCHEMA public"))
            elif where != "public":
                conn.execute(text("ALTER EXTENSION pg_trgm SET SCHEMA public"))
    except DBAPIError:
        pass  # not installed, or no right to create it: the migrations do without
    finally:
        admin.dispose()


def _migration_script(server: str) -> tuple[str, list[tuple[str, Any, bool]]]:
    """Run Alembic's upgrade to head once (per test process and server) on a schema of its own,
    recording every statement it sends, then drop that schema; returns that schema's name with
    them (Alembic names it in the statements on its version table, which migrations/env.py
    puts in the desk's own schema: a replay names its own instead). Reads (SELECT: the
    migration lock, revision and catalogue queries) change nothing and are left out of the
    replay."""
    from sqlalchemy import event

    from workbench.db.engine import get_engine
    from workbench.db.migrate import upgrade

    if server in _MIGRATION_SCRIPTS:
        return _MIGRATION_SCRIPTS[server]
    _shared_extensions(server)
    sent: list[tuple[str, Any, bool]] = []

    def record(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        if not statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters, many))

    gen = _new_pg_database(server, migrated=False)
    url = next(gen)
    engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", record)
    try:
        upgrade(engine)
    finally:
        event.remove(engine, "before_cursor_execute", record)
        gen.close()
    _MIGRATION_SCRIPTS[server] = (pg_schema_of(url), sent)
    return _MIGRATION_SCRIPTS[server]


# Per test process and server: the engine through which schemas are made and dropped. One
# engine keeps one connection open for the process's tests; an engine of each test's own made
# a new connection (a server process forked, the dialect's first queries) twice a test.
_ADMIN_ENGINES: dict[str, Any] = {}


def _admin_engine(server: str) -> Any:
    from sqlalchemy import create_engine

    if server not in _ADMIN_ENGINES:
        _ADMIN_ENGINES[server] = create_engine(_pg_admin_url(server), isolation_level="AUTOCOMMIT")
    return _ADMIN_ENGINES[server]


def _new_pg_database(server: str | None = None, *, migrated: bool) -> Iterator[str]:
    """A schema of the test's own, empty or (`migrated`) at the head revision. A migrated one
    is one a test of this process left as it found it, emptied (`_recycled`), or else built in
    one transaction from the statements Alembic sent when it migrated this process's first
    schema, sent again as they were (the same text and parameters, through the driver). They
    go in the driver's pipeline: sent without waiting on each one's answer, then read in order
    (any error still ends the transaction, and the test with it); one at a time, the 80-odd
    round trips cost a third of a schema's making on a loaded machine."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    target = server or PG_URL
    admin = _admin_engine(target)
    pool = _RECYCLED.setdefault(target, [])
    if migrated and pool:
        schema = pool.pop()
    else:
        recorded_in, script = _migration_script(target) if migrated else ("", [])
        schema = "wbt_" + uuid.uuid4().hex[:12]
        raw = admin.raw_connection()
        try:
            driver = raw.driver_connection
            with driver.transaction(), driver.cursor() as cursor:
                cursor.execute(f'CREATE SCHEMA "{schema}"')
                cursor.execute(f'SET LOCAL search_path TO "{schema}", public')
                with driver.pipeline():
                    for recorded, parameters, many in script:
                        # (a generated wbt_ name: found nowhere else in the statements)
                        statement = recorded.replace(f"{recorded_in}.", f'"{schema}".')
                        if many:
                            cursor.executemany(statement, parameters)
                        else:
                            cursor.execute(statement, parameters)
                if migrated and not _seeds_rows(cursor, schema, target):
                    cursor.execute(_SHAPE_SQL, {"schema": schema})
                    _AS_MADE[schema] = cursor.fetchone()[0]
        finally:
            raw.close()
    url = pg_schema_url(schema, target)
    try:
        yield url
    finally:
        get_engine(url).dispose()
        if migrated and _recycled(admin, schema):
            if not _RECYCLED_DROPPED_AT_EXIT:
                # Also at the process's end: a test importing this module by name
                # (`from tests.conftest import _new_pg_database`) may hold a second copy of it,
                # whose pool the session's end below never sees.
                atexit.register(_drop_recycled)
                _RECYCLED_DROPPED_AT_EXIT.append(True)
            pool.append(schema)
        else:
            _AS_MADE.pop(schema, None)
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


# Migrated schemas a test of this process left as they were made, emptied, for the next test
# (per server); and what each looked like when made (`_SHAPE_SQL`).
_RECYCLED: dict[str, list[str]] = {}
_RECYCLED_DROPPED_AT_EXIT: list[bool] = []
_AS_MADE: dict[str, str] = {}

# Everything of a schema a test could have changed but its rows and sequences: its grants and
# owners, every table (its row security forced or not, its replica identity), column (all of
# its row of pg_attribute: its collation, statistics target, settings, storage too), default,
# index, constraint, trigger and rule (and whether each is enabled), function, view, policy
# (its command, roles and both expressions), type and sequence (its cache, the column owning
# it), every comment on any of them, and the revision Alembic recorded. One
# digest, compared with the schema's own as it was made (it names the schema, so it is
# compared only with itself): any difference, and the schema is dropped, as every schema was.
# Found from the schema's entries in pg_depend, then each catalogue by its index: a suite's
# thousands of schemas made and dropped leave pg_class and pg_proc long (85 MB of pg_class
# seen), and a scan of them by namespace cost a tenth of a second each.
_SHAPE_SQL = """
WITH n AS (SELECT oid FROM pg_namespace WHERE nspname = %(schema)s),
objs AS (
  SELECT d.classid, d.objid FROM pg_depend d
  WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = (SELECT oid FROM n)
),
rels AS (SELECT objid AS oid FROM objs WHERE classid = 'pg_class'::regclass)
SELECT md5(string_agg(x, E'\n' ORDER BY x)) FROM (
  SELECT 'ns ' || coalesce(nspacl::text, '') || ' ' || nspowner::text
         || ' ' || coalesce(obj_description(oid, 'pg_namespace'), '')
    FROM pg_namespace WHERE oid = (SELECT oid FROM n)
  UNION ALL
  SELECT 'obj ' || classid::regclass::text || ' ' || pg_describe_object(classid, objid, 0)
    FROM objs
  UNION ALL
  SELECT 'rel ' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(c.relacl::text, '')
         || ' ' || c.relowner::text || ' ' || c.relrowsecurity::text || ' '
         || coalesce(c.reloptions::text, '') || ' ' || c.relpersistence::text || ' '
         || c.relforcerowsecurity::text || ' ' || c.relreplident::text
    FROM pg_class c JOIN rels r ON r.oid = c.oid
  UNION ALL
  SELECT 'att ' || a.attrelid::regclass::text || ' ' || a::text || ' '
         || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
    FROM rels r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  UNION ALL
  SELECT 'idx ' || pg_get_indexdef(i.indexrelid) || ' ' || i.indisvalid
    FROM rels r JOIN pg_index i ON i.indrelid = r.oid
  UNION ALL
  SELECT 'con ' || co.conrelid::regclass::text || ' ' || co.conname || ' '
         || pg_get_constraintdef(co.oid) || ' ' || co.convalidated
    FROM rels r JOIN pg_constraint co ON co.conrelid = r.oid
  UNION ALL
  SELECT 'trg ' || t.tgname || ' ' || t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid)
    FROM rels r JOIN pg_trigger t ON t.tgrelid = r.oid
  UNION ALL
  SELECT 'rule ' || w.ev_class::regclass::text || ' ' || w.rulename || ' '
         || w.ev_enabled::text || ' ' || pg_get_ruledef(w.oid)
    FROM rels r JOIN pg_rewrite w ON w.ev_class = r.oid
  UNION ALL
  SELECT 'fn ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid)) || ' '
         || coalesce(p.proacl::text, '') || ' ' || p.proowner::text
    FROM objs o JOIN pg_proc p ON p.oid = o.objid
    WHERE o.classid = 'pg_proc'::regclass AND p.prokind IN ('f', 'p')
  UNION ALL
  SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid)
    FROM rels r JOIN pg_class c ON c.oid = r.oid WHERE c.relkind IN ('v', 'm')
  UNION ALL
  SELECT 'pol ' || p.polname || ' ' || p.polcmd::text || ' ' || p.polpermissive::text || ' '
         || p.polroles::regrole[]::text || ' '
         || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
         || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
    FROM rels r JOIN pg_policy p ON p.polrelid = r.oid
  UNION ALL
  SELECT 'seq ' || s.seqrelid::regclass::text || ' ' || s.seqstart || ' ' || s.seqincrement
         || ' ' || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcycle || ' ' || s.seqcache || ' '
         || coalesce((SELECT string_agg(d.deptype::text || ' '
                        || pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid), ' ')
                      FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                        AND d.objid = s.seqrelid AND d.refclassid = 'pg_class'::regclass), '')
    FROM rels r JOIN pg_sequence s ON s.seqrelid = r.oid
  UNION ALL
  SELECT 'dsc ' || ds.classoid::regclass::text || ' ' || ds.objoid::text || ' '
         || ds.objsubid || ' ' || ds.description
    FROM pg_description ds WHERE ds.objoid IN (
      SELECT oid FROM rels UNION ALL SELECT objid FROM objs
      UNION ALL SELECT i.indexrelid FROM rels r JOIN pg_index i ON i.indrelid = r.oid
      UNION ALL SELECT co.oid FROM rels r JOIN pg_constraint co ON co.conrelid = r.oid
      UNION ALL SELECT t.oid FROM rels r JOIN pg_trigger t ON t.tgrelid = r.oid
      UNION ALL SELECT w.oid FROM rels r JOIN pg_rewrite w ON w.ev_class = r.oid
      UNION ALL SELECT p.oid FROM rels r JOIN pg_policy p ON p.polrelid = r.oid)
  UNION ALL
  SELECT 'dacl ' || d.defaclobjtype::text || ' ' || d.defaclacl::text
    FROM pg_default_acl d WHERE d.defaclnamespace = (SELECT oid FROM n)
  UNION ALL
  SELECT 'rev ' || coalesce(to_jsonb(r)::text, '') FROM alembic_version r
) q(x)
"""


# The schema's tables (but Alembic's record of its revision) and sequences, by pg_depend.
_CONTENTS_SQL = """
SELECT c.relname, c.relkind = 'S' FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
WHERE d.refclassid = 'pg_namespace'::regclass AND d.classid = 'pg_class'::regclass
  AND d.refobjid = (SELECT oid FROM pg_namespace WHERE nspname = %(schema)s)
  AND c.relkind IN ('r', 'S') AND c.relname <> 'alembic_version'
"""
# Locks another session holds on the schema's tables (a test's connection left open in a
# transaction), or the desk's append lock, keyed by its events table's oid (pg_locks
# .DESK_LOCK_KEYS: the recycled schema keeps that oid, where a new one had its own, so the
# next test's first write would wait behind a writer of the last): such a schema is not
# emptied under it, nor handed on.
_HELD_SQL = """
SELECT count(*) FROM pg_locks l JOIN pg_depend d
  ON d.objid = l.relation
  OR (l.locktype = 'advisory' AND l.objsubid = 2 AND l.classid = %(desk_lock)s::oid
      AND d.objid = l.objid
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
WHERE d.refclassid = 'pg_namespace'::regclass AND d.classid = 'pg_class'::regclass
  AND d.refobjid = (SELECT oid FROM pg_namespace WHERE nspname = %(schema)s)
  AND l.pid <> pg_backend_pid()
"""


# Per server: whether a schema as made holds rows of its own (but Alembic's revision).
_SEEDED: dict[str, bool] = {}


def _seeds_rows(cursor: Any, schema: str, server: str) -> bool:
    """Whether the migrations left rows in `schema` (but Alembic's revision), asked of this
    process's first schema: an emptied schema (`_recycled`) would lack them, so then none is
    recycled. (Today's migrations leave none: a migration that seeds a table turns the
    recycling off rather than hand tests a desk without its rows.)"""
    if server not in _SEEDED:
        cursor.execute(_CONTENTS_SQL, {"schema": schema})
        tables = [name for name, sequence in cursor.fetchall() if not sequence]
        _SEEDED[server] = False
        for name in tables:
            cursor.execute(f'SELECT EXISTS (SELECT 1 FROM "{schema}"."{name}")')  # noqa: S608
            if cursor.fetchone()[0]:
                _SEEDED[server] = True
                break
    return _SEEDED[server]


def _recycled(admin: Any, schema: str) -> bool:
    """Empty `schema` for the next test if the test left it as it was made (`_SHAPE_SQL`) and
    no other session holds a lock in it or its append lock (`_HELD_SQL`); False leaves it to
    be dropped. Its rows go with the guard triggers and foreign keys asleep for this
    transaction alone (session_replication_role = replica: a superuser's; refused, the schema
    is dropped as before), its sequences start over: to the next test it is a new desk, as a
    fresh schema is (the same tables, empty, ids from 1), at a tenth of the cost of dropping
    one and building the next."""
    import psycopg

    from workbench.db.pg_locks import DESK_LOCK_CLASS

    made = _AS_MADE.get(schema)
    if made is None:
        return False
    raw = admin.raw_connection()
    try:
        driver = raw.driver_connection
        with driver.transaction(), driver.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(f'SET LOCAL search_path TO "{schema}", public')
            cursor.execute(_SHAPE_SQL, {"schema": schema})
            shape = cursor.fetchone()[0]
            cursor.execute(_HELD_SQL, {"schema": schema, "desk_lock": DESK_LOCK_CLASS})
            if shape != made or cursor.fetchone()[0]:
                return False  # (nothing done: the transaction ends as it began)
            cursor.execute(_CONTENTS_SQL, {"schema": schema})
            with driver.pipeline():
                for name, sequence in cursor.fetchall():
                    if sequence:
                        cursor.execute("SELECT setval(%s, 1, false)", (f'"{schema}"."{name}"',))
                    else:
                        cursor.execute(f'DELETE FROM "{schema}"."{name}"')  # noqa: S608
    except psycopg.Error:
        return False
    finally:
        raw.close()
    return True


def _drop_recycled() -> None:
    """The schemas left for a next test that never came: dropped as the process ends."""
    from sqlalchemy import text

    for server, pool in _RECYCLED.items():
        with _admin_engine(server).connect() as conn:
            for schema in pool:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        pool.clear()


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _RECYCLED:
        _drop_recycled()


@pytest.fixture
def db_url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database at the current schema (SQLite file, or a PostgreSQL schema)."""
    from workbench.db.engine import get_engine

    if PG_URL:
        yield from _new_pg_database(migrated=True)
        return
    template: Path = request.getfixturevalue("sqlite_template")
    path = tmp_path / "workbench.db"
    shutil.copyfile(template, path)
    yield f"sqlite:///{path}"
    get_engine(f"sqlite:///{path}").dispose()


def pooled_connections_forgotten(url: str, request: pytest.FixtureRequest) -> None:
    """Close the connections the engine of `url` pools, now and when the test ends: a test
    that sets PGOPTIONS (which reaches only connections made after it is set) under a bare
    server URL must not meet one an earlier test of this process left in the pool, nor leave
    its own for a later one (its search_path, its statement_timeout)."""
    from workbench.db.engine import get_engine
    from workbench.db.url import resolve_url

    engine = get_engine(resolve_url(url))
    engine.dispose()
    request.addfinalizer(engine.dispose)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL schema even when the suite runs on SQLite (skipped, with
    the reason, when no server answers)."""
    from sqlalchemy import create_engine, text

    server = PG_URL or PG_DEFAULT
    probe = create_engine(_pg_admin_url(server))
    try:
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        pytest.skip(f"PostgreSQL does not answer at {server}")
    finally:
        probe.dispose()
    yield from _new_pg_database(server, migrated=True)


@pytest.fixture
def empty_db_url(tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all, for migration tests."""
    if PG_URL:
        yield from _new_pg_database(migrated=False)
    else:
        yield f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def wb(db_url: str) -> object:
    from workbench.services.context import Workbench

    return Workbench(url=db_url, actor="tester")


@pytest.fixture
def seed_article() -> str:
    return (REPO / "seeds" / "minimax-profile.zh.txt").read_text(encoding="utf-8")


TWO_SENTENCES = "甲说了一句话。乙说了另一句话。"
# A claim to pin: its quote (which is then its text too), (claim text, quote), or a dict with
# "text", "quote" and any other add_claim keyword (speaker, claim_type) for that claim alone.
ClaimSpec = str | tuple[str, str] | Mapping[str, Any]


@dataclass(frozen=True)
class DocumentWithClaims:
    doc: int
    claims: list[int]


@pytest.fixture
def document_with_claims(wb: Any) -> Callable[..., DocumentWithClaims]:
    """The one factory for "a document with claims on it", through the services (so every row
    has its audit event). Extra keywords (speaker, claim_type) go to every claim."""
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import DocumentMeta, add_document

    def make(
        text: str = TWO_SENTENCES,
        claims: Sequence[ClaimSpec] = ("甲说了一句话",),
        title: str | None = None,
        **fields: Any,
    ) -> DocumentWithClaims:
        doc = add_document(wb, text.encode(), meta=DocumentMeta(title=title)).document.id
        ids = []
        for spec in claims:
            own = dict(spec) if isinstance(spec, Mapping) else {}
            if isinstance(spec, Mapping):
                claim_text, quote = own.pop("text"), own.pop("quote")
            else:
                claim_text, quote = (spec, spec) if isinstance(spec, str) else spec
            span = SpanRequest(quote=quote)
            ids.append(add_claim(wb, doc, claim_text, span, **{**fields, **own}).id)
        return DocumentWithClaims(doc, ids)

    return make


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_in_process(
    args: Sequence[str], input: str | None = None, env: Mapping[str, str | None] | None = None
) -> Result:
    """Run `workbench.cli.main` in this process, as the console script does: its own error
    handling decides the exit code and the one line on stderr. Click's runner swaps in stdin,
    stdout, stderr and the environment; stdout is not a terminal, as in a pipe."""
    from click.testing import CliRunner

    from workbench.cli import main

    # main() sets SIGPIPE to the default action for `workbench ... | head`; give the test
    # process its own handler back afterwards.
    sigpipe = signal.getsignal(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else None
    code = 0
    with CliRunner().isolation(input=input, env=env) as (out, err, _both):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        result = Result(code, out.getvalue().decode(), err.getvalue().decode())
    if sigpipe is not None:
        signal.signal(signal.SIGPIPE, sigpipe)
    return result


@pytest.fixture
def workbench_main() -> Callable[..., Result]:
    """`workbench ARGS` in-process with no database chosen for it (pass --db yourself)."""
    return run_in_process


@pytest.fixture
def cli(db_url: str) -> Callable[..., Result]:
    """The real `workbench` entry point, in-process, against this test's database."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return run_in_process(
            args,
            input=input,
            env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester", **(env or {})},
        )

    return run


@pytest.fixture
def cli_process(db_url: str, tmp_path: Path) -> Callable[..., Result]:
    """The real `workbench` in a subprocess: only where the process itself matters."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        full_env = {**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
        full_env.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "workbench", *args],
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=tmp_path,
            timeout=120,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def counts(db_url: str) -> Callable[[], dict[str, int]]:
    """Rows per table: compare before and after a refused operation to prove nothing was written."""
    from sqlalchemy import func, select

    from workbench.db.engine import get_engine
    from workbench.db.models import Base

    def snapshot() -> dict[str, int]:
        with get_engine(db_url).connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in Base.metadata.tables.items()
            }

    return snapshot


@pytest.fixture
def trail_proves_itself(cli: Callable[..., Result]) -> Iterator[None]:
    """After an end-to-end scenario the trail verifies, and replaying it rebuilds exactly the
    tables: no change escaped the audit trail."""
    yield
    r = cli("audit", "verify")
    assert r.code == 0 and r.out.startswith("OK "), r.out + r.err
    r = cli("audit", "replay")
    assert r.code == 0 and r.out.startswith("consistent"), r.out + r.err


@pytest.fixture
def person() -> Iterator[Callable[[str], str]]:
    """A login role of its own (dropped afterwards) and the URL by which it reaches a test's
    schema with the grants of docs/identity.md: it reads and writes rows, owns no table."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine
    from workbench.db.url import resolve_url

    role = "wb_test_" + uuid.uuid4().hex[:8]
    admin = get_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
    used: list[str] = []

    def connect(url: str) -> str:
        schema = pg_schema_of(url)
        with get_engine(url).begin() as conn:
            for grant in (
                f'GRANT USAGE ON SCHEMA "{schema}" TO {role}',
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" '
                f"TO {role}",
                f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {role}',
            ):
                conn.execute(text(grant))
            # docs/identity.md's revokes, on the tables there are (an empty schema has none)
            for table, what in (
                ("events", "UPDATE, DELETE"),
                ("alembic_version", "INSERT, UPDATE, DELETE"),
                ("settings", "INSERT, UPDATE, DELETE"),
                ("users", "UPDATE, DELETE"),
            ):
                if conn.execute(text(f"SELECT to_regclass('\"{schema}\".{table}')")).scalar():
                    conn.execute(text(f'REVOKE {what} ON "{schema}".{table} FROM {role}'))
        scheme, rest = url.split("://", 1)
        used.append(f"{scheme}://{role}@{rest.split('@', 1)[1]}")
        return used[-1]

    try:
        yield connect
    finally:
        for url in used:
            get_engine(url).dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))


@pytest.fixture
def ctrl_c_heard() -> Iterator[None]:
    """Ctrl-C as a terminal delivers it, for a test that presses it on a command it runs in
    its own process. A suite started with `&` by a shell without job control (a script, a CI
    wrapper) inherits SIGINT ignored, and Python then installs no KeyboardInterrupt handler:
    such a test pressed into nothing and failed on its guard (four did, in a run started so).
    Python's own handler for the test's length, whatever the suite inherited."""
    before = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.fixture
def set_clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """This computer's clock (workbench.domain.clock.now, and the events' stamp) set to a
    moment in UTC, one second later at each reading (fix101's tests of a wrong clock)."""
    import datetime as dt
    import itertools

    import workbench.domain.clock as clock
    import workbench.services.context as context

    moments: list[Iterator[dt.datetime]] = []

    def at(moment: str) -> None:
        start = dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC)
        moments[:] = [(start + dt.timedelta(seconds=i) for i in itertools.count())]

    monkeypatch.setattr(clock, "now", lambda: next(moments[0]))
    monkeypatch.setattr(context, "now", lambda: next(moments[0]))
    return at
