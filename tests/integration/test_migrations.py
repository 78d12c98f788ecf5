"""Migrations are the schema: they build it, match the models, and go both ways."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, func, inspect, select, table, text
from sqlalchemy.exc import IntegrityError

from workbench.db.engine import get_engine
from workbench.db.head import HEAD_REVISION
from workbench.db.migrate import alembic_config, database_revision, head_revision, upgrade
from workbench.db.models import Base
from workbench.db.revision import current_revision, ensure_current
from workbench.domain.errors import SchemaError
from workbench.services import similar_index
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_document
from workbench.services.similar import similar_claims

# Packages a revision must not import: the application, which moves on while revisions stay put.
LIVE_CODE = {"workbench", "__import__"}


def test_head_constant_matches_alembic() -> None:
    assert head_revision() == HEAD_REVISION


def test_upgrade_from_empty_then_no_drift(empty_db_url: str) -> None:
    engine = get_engine(empty_db_url)
    assert current_revision(engine) is None
    ensure_current(engine)
    assert database_revision(engine) == HEAD_REVISION
    names = set(inspect(engine).get_table_names())
    assert {"documents", "claims", "notes", "events"} <= names
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.check(config)  # raises when the models and the migrations disagree


def test_downgrade_to_base_and_back(empty_db_url: str) -> None:
    engine = get_engine(empty_db_url)
    upgrade(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert "claims" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION


def test_database_from_the_future_is_refused(db_url: str) -> None:
    engine = get_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zzzz_future'"))
    with pytest.raises(SchemaError, match="newer workbench"):
        ensure_current(engine)


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
            names.add("__import__")
    return names


def test_revisions_are_frozen_history() -> None:
    """A revision that imports live code changes what it does whenever that code changes: each
    carries its own copy of what it needs (DDL, the hash recipe as it was)."""
    versions = Path(__file__).resolve().parents[2] / "migrations" / "versions"
    revisions = sorted(versions.glob("*.py"))
    assert revisions
    offending = {
        path.name: sorted(m for m in _imported_modules(path) if m.split(".")[0] in LIVE_CODE)
        for path in revisions
    }
    assert {name: mods for name, mods in offending.items() if mods} == {}


def test_the_frozen_check_sees_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "0099_sample.py"
    sample.write_text(
        "import os\nfrom workbench.domain import chain\nimport workbench.db.backend as b\n"
        "def f():\n    from workbench import x\n",
        encoding="utf-8",
    )
    assert {"workbench.domain", "workbench.db.backend", "workbench"} <= _imported_modules(sample)


# ---- 0008: the similar-claims index's terms version, from a marker row to similar_meta -----

MARKER = "!terms-version"  # where revisions up to 0007 kept the version, in similar_df
INDEX_TABLES = ("similar_terms", "similar_indexed", "similar_df")


def _migrate(engine: Engine, verb: str, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, verb)(config, revision)


def _indexed_desk(url: str) -> tuple[int, int]:
    """Two alike claims, the index built by a search (current terms): (first, probe)."""
    wb = Workbench(url=url, actor="tester")
    doc = add_document(wb, b"Wren Air has served Oporto since 2011. Oporto since 2011.")
    span = SpanRequest(quote="Oporto", occurrence=1)
    first = add_claim(wb, doc.document.id, "Wren Air flies to Oporto", span).id
    span = SpanRequest(quote="Oporto", occurrence=2)
    probe = add_claim(wb, doc.document.id, "Wren Air's Oporto route", span).id
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]
    return first, probe


def _index(engine: Engine) -> list[list[tuple[object, ...]]]:
    """Every row of the index's three tables, by key (similar_meta aside)."""
    with engine.connect() as conn:
        return [
            [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in (Base.metadata.tables[name] for name in INDEX_TABLES)
        ]


def _meta(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT id, terms_version FROM similar_meta"))]


def _stale(wb: Workbench) -> bool:
    with transaction(wb) as tx:
        return similar_index.is_stale(tx)


def _event_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM events")).scalar_one())


def test_0008_keeps_an_index_of_the_current_terms(db_url: str) -> None:
    first, probe = _indexed_desk(db_url)
    engine = get_engine(db_url)
    built = _index(engine)
    _migrate(engine, "downgrade", "0007_read_indexes")
    # Back where 0007 kept it: a row of similar_df.
    assert "similar_meta" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        marker = conn.execute(
            text("SELECT df FROM similar_df WHERE term = :t"), {"t": MARKER}
        ).scalar()
    assert marker == similar_index.TERMS_VERSION
    upgrade(engine)
    assert _meta(engine) == [(1, similar_index.TERMS_VERSION)]
    assert _index(engine) == built  # the marker row is gone from similar_df; nothing else moved
    wb = Workbench(url=db_url, actor="tester")
    assert not _stale(wb)  # kept: the next search does not build it again
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]


@pytest.mark.parametrize("marked", [True, False], ids=["older-terms", "no-marker"])
def test_0008_leaves_an_index_of_other_terms_to_be_built_again(db_url: str, marked: bool) -> None:
    first, probe = _indexed_desk(db_url)
    engine = get_engine(db_url)
    built = _index(engine)
    older = similar_index.TERMS_VERSION - 1
    _migrate(engine, "downgrade", "0007_read_indexes")
    with engine.begin() as conn:
        # An index as 0007 left it when built by the terms before names ("@" terms), marked
        # with that version or (built before versions were kept) with none.
        conn.execute(text("DELETE FROM similar_terms WHERE term LIKE '@%'"))
        conn.execute(
            text("DELETE FROM similar_df WHERE term LIKE '@%' OR term = :t"), {"t": MARKER}
        )
        if marked:
            conn.execute(text("INSERT INTO similar_df VALUES (:t, :v)"), {"t": MARKER, "v": older})
    upgrade(engine)
    assert _meta(engine) == ([(1, older)] if marked else [])
    wb = Workbench(url=db_url, actor="tester")
    assert _stale(wb)
    events = _event_count(engine)
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]
    assert _index(engine) == built and _meta(engine) == [(1, similar_index.TERMS_VERSION)]
    assert _event_count(engine) == events  # derived data: the rebuild records no event
    assert not _stale(wb)


def test_similar_meta_holds_one_row(db_url: str) -> None:
    engine = get_engine(db_url)
    insert = text("INSERT INTO similar_meta (id, terms_version) VALUES (:id, 1)")
    with engine.begin() as conn:
        conn.execute(insert, {"id": 1})
    for key in (1, 2):  # the same key again; any other key is refused by the check
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert, {"id": key})
    assert _meta(engine) == [(1, 1)]


# What a PostgreSQL schema holds, named without the schema: columns, constraints, indexes,
# triggers, functions and the revision (rows of the other tables are counted).
CATALOGUE = {
    "columns": "SELECT table_name, column_name, data_type, is_nullable, column_default"
    " FROM information_schema.columns WHERE table_schema = :s",
    "constraints": "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)"
    " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = :s",
    "indexes": "SELECT tablename, indexname, replace(indexdef, :s || '.', '')"
    " FROM pg_indexes WHERE schemaname = :s",
    "triggers": "SELECT event_object_table, trigger_name, event_manipulation, action_timing,"
    " action_statement FROM information_schema.triggers WHERE trigger_schema = :s",
    "functions": "SELECT p.proname, p.prosrc FROM pg_proc p"
    " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = :s",
    "revision": "SELECT version_num FROM alembic_version",
}


def catalogue(url: str) -> dict[str, list[tuple[object, ...]]]:
    from tests.conftest import pg_schema_of

    schema = pg_schema_of(url)
    with get_engine(url).connect() as conn:
        found = {
            name: sorted(tuple(row) for row in conn.execute(text(query), {"s": schema}))
            for name, query in CATALOGUE.items()
        }
        found["rows"] = sorted(
            (name, conn.execute(select(func.count()).select_from(table(name))).scalar_one())
            for name in inspect(conn).get_table_names()
        )
    return found


def test_a_test_schema_on_postgresql_is_the_one_alembic_builds(postgres_url: str) -> None:
    """The suite's PostgreSQL schemas replay what Alembic sent the server once per test process
    (tests/conftest.py); they must equal a schema Alembic migrates itself, to the last trigger."""
    from tests.conftest import _new_pg_database

    gen = _new_pg_database(postgres_url.split("?", 1)[0], migrated=False)
    built = next(gen)
    try:
        upgrade(get_engine(built))
        expected = catalogue(built)
        assert catalogue(postgres_url) == expected
        assert {"claims", "events", "alembic_version"} <= {row[0] for row in expected["columns"]}
        assert any("gin_trgm_ops" in row[2] for row in expected["indexes"])
    finally:
        gen.close()


def test_0010_leaves_the_source_of_documents_added_before_it_unknown(db_url: str) -> None:
    """Revision 1's source was never recorded before 0010: none, not the document's URL."""
    from workbench.services.revisions import list_revisions

    wb = Workbench(url=db_url, actor="tester")
    doc = add_document(wb, b"Some text.", source="a.txt").document.id
    engine = get_engine(db_url)
    _migrate(engine, "downgrade", "0009_revision_sha256")
    assert "source" not in {c["name"] for c in inspect(engine).get_columns("documents")}
    with engine.begin() as conn:
        conn.execute(text("UPDATE documents SET url = 'https://example.com/a'"))
    upgrade(engine)
    [first] = list_revisions(wb, doc)
    assert (first.number, first.source) == (1, None)


def test_0012_is_not_undone_under_a_withdrawn_claim(db_url: str) -> None:
    """The schema before 0012 cannot hold a withdrawn claim (older code fails on the status):
    downgrading is refused while one is withdrawn, and goes once it is restored."""
    from workbench.services.claims import set_status, withdraw

    wb = Workbench(url=db_url, actor="tester")
    doc = add_document(wb, b"Only four firms make them.").document.id
    claim = add_claim(wb, doc, "Only four firms", SpanRequest(quote="Only four firms")).id
    withdraw(wb, claim, reason="not a claim")
    engine = get_engine(db_url)
    with pytest.raises(RuntimeError, match="1 claim\\(s\\) are withdrawn"):
        _migrate(engine, "downgrade", "0011_user_role")
    assert current_revision(engine) == HEAD_REVISION
    set_status(wb, claim, "in_progress", note="a claim after all")
    _migrate(engine, "downgrade", "0011_user_role")
    assert current_revision(engine) == "0011_user_role"
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
