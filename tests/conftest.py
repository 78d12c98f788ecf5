"""Every test gets its own freshly migrated database and its own environment.

SQLite by default: the migrations run once into a template file that each test copies. When
WORKBENCH_TEST_DATABASE_URL points at PostgreSQL, each test gets its own schema there (migrated
through Alembic too) and the schema is dropped afterwards. Nothing touches a user's database.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
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
_DATABASE_FIXTURES = frozenset({"db_url", "empty_db_url", "postgres_url", "sqlite_template"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run (.ci/run runs the suite once per backend), leave out the tests of
    tests/unit that open no database: none of their fixtures is one and their module never
    reads the server's URL, so they would only repeat their SQLite run (1,640 of 2,652 tests,
    though little of the PostgreSQL run's time, which goes to the schema each database test
    gets). Every test that touches a database still runs on both."""
    if not PG_URL:
        return
    reads_url: dict[Path, bool] = {}
    kept: list[pytest.Item] = []
    left: list[pytest.Item] = []
    for item in items:
        path = Path(str(item.path))
        if path.parent.name != "unit" or _DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            kept.append(item)
            continue
        if path not in reads_url:
            source = path.read_text(encoding="utf-8")
            reads_url[path] = "WORKBENCH_TEST_DATABASE_URL" in source or "PG_URL" in source
        (kept if reads_url[path] else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
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


def _pg_admin_url(url: str | None = None) -> str:
    from workbench.db.url import resolve_url

    return resolve_url(url or PG_URL)


def pg_schema_url(schema: str, server: str | None = None) -> str:
    base = _pg_admin_url(server)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


def _new_pg_database(server: str | None = None) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from workbench.db.engine import get_engine

    schema = "wbt_" + uuid.uuid4().hex[:12]
    admin = create_engine(_pg_admin_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = pg_schema_url(schema, server)
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
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL schema even when the suite runs on SQLite (skipped, with
    the reason, when no server answers)."""
    from sqlalchemy import create_engine, text

    from workbench.db.engine import get_engine
    from workbench.db.migrate import upgrade

    server = PG_URL or PG_DEFAULT
    probe = create_engine(_pg_admin_url(server))
    try:
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        pytest.skip(f"PostgreSQL does not answer at {server}")
    finally:
        probe.dispose()
    gen = _new_pg_database(server)
    url = next(gen)
    upgrade(get_engine(url))
    yield url
    gen.close()


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
    from workbench.services.documents import add_document

    def make(
        text: str = TWO_SENTENCES,
        claims: Sequence[ClaimSpec] = ("甲说了一句话",),
        title: str | None = None,
        **fields: Any,
    ) -> DocumentWithClaims:
        doc = add_document(wb, text.encode(), title=title).document.id
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
