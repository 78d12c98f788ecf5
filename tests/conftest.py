"""Every test gets its own freshly migrated database and its own environment.

SQLite by default: the migrations run once into a template file that each test copies. When
WORKBENCH_TEST_DATABASE_URL points at PostgreSQL, each test gets its own schema there (migrated
through Alembic too) and the schema is dropped afterwards. Nothing touches a user's database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

REPO = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("WORKBENCH_TEST_DATABASE_URL", "").strip()


def pytest_report_header() -> str:
    return f"workbench database backend: {'postgresql' if PG_URL else 'sqlite'}"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("WORKBENCH_DB", "WORKBENCH_USER", "WORKBENCH_MAX_DOCUMENT_MB", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    monkeypatch.chdir(tmp_path)


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


def _pg_admin_url() -> str:
    from workbench.db.url import resolve_url

    return resolve_url(PG_URL)


def pg_schema_url(schema: str) -> str:
    base = _pg_admin_url()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


def _new_pg_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from workbench.db.engine import get_engine

    schema = "wbt_" + uuid.uuid4().hex[:12]
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = pg_schema_url(schema)
    try:
        yield url
    finally:
        get_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db_url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database at the current schema (SQLite file, or a PostgreSQL schema)."""
    from workbench.db.engine import get_engine
    from workbench.db.migrate import upgrade

    if PG_URL:
        gen = _new_pg_database()
        url = next(gen)
        upgrade(get_engine(url))
        yield url
        gen.close()
        return
    template: Path = request.getfixturevalue("sqlite_template")
    path = tmp_path / "workbench.db"
    shutil.copyfile(template, path)
    yield f"sqlite:///{path}"
    get_engine(f"sqlite:///{path}").dispose()


@pytest.fixture
def empty_db_url(tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all, for migration tests."""
    if PG_URL:
        yield from _new_pg_database()
    else:
        yield f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def wb(db_url: str) -> object:
    from workbench.services.context import Workbench

    return Workbench(url=db_url, actor="tester")


@pytest.fixture
def seed_article() -> str:
    return (REPO / "seeds" / "minimax-profile.zh.txt").read_text(encoding="utf-8")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_url: str, tmp_path: Path) -> Callable[..., Result]:
    """Run the real `workbench` in a subprocess against this test's database."""

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
