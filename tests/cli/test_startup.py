"""Start-up guards: `--help` imports no heavy library (a fresh process, so what is imported is
what start-up imports); a current database needs no Alembic, and the read commands no
SQLAlchemy at all; first use creates the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

# pypinyin: loaded only when "checked before?" compares a Chinese name with a Latin one.
# idna: only when a URL's host is not in ASCII (domain/hostnames.py).
HEAVY = ("sqlalchemy", "alembic", "pydantic", "pypinyin", "idna")

PROBE = """
import sys
from workbench.cli import main
code = 0
try:
    main({args!r})
except SystemExit as exc:
    code = exc.code
print("EXIT=" + str(code), file=sys.stderr)
print("MODULES=" + ",".join(sorted({{m.split('.')[0] for m in sys.modules}})), file=sys.stderr)
"""


def _probe(args: list[str], env: dict[str, str] | None = None) -> tuple[set[str], str, str]:
    """The top-level packages a whole `workbench ARGS` process imported, its exit code and its
    output."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    lines = proc.stderr.splitlines()
    code = next(x for x in lines if x.startswith("EXIT=")).removeprefix("EXIT=")
    modules = next(x for x in lines if x.startswith("MODULES="))
    return set(modules.removeprefix("MODULES=").split(",")), code, proc.stdout


def _modules(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    return _probe(args, env)[0]


def test_help_imports_no_heavy_library() -> None:
    for args in (["--help"], ["claim", "--help"], ["audit", "export", "--help"], ["--version"]):
        loaded = _modules(args)
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))


def test_command_on_current_database_does_not_import_alembic(db_url: str) -> None:
    # (`audit verify` walks the chain through the engine; `doc list` did until it read on the
    # driver itself)
    loaded = _modules(["audit", "verify"], {"WORKBENCH_DB": db_url})
    assert "sqlalchemy" in loaded  # through the engine and the ORM
    assert "alembic" not in loaded


# The desk's read commands, on the database driver itself (workbench.db.reader).
LEAN_READS = [
    ["claim", "list", "--status", "unverified"],
    ["claim", "list", "--json", "--sort", "priority", "--tag", "x"],
    ["claim", "list", "--csv", "--search", "一句话"],
    ["claim", "list", "--search", "话", "--overdue", "--updated-since", "2020-01-01"],
    ["claim", "show", "1"],
    ["claim", "show", "1", "--json"],
    ["stats"],
    ["stats", "--json"],
    ["export", "claims", "--format", "csv"],
    ["export", "claims", "--format", "json", "--doc", "1"],
]


def test_read_commands_import_no_sqlalchemy(db_url: str, document_with_claims: Any) -> None:
    document_with_claims()
    for args in LEAN_READS:
        loaded, code, out = _probe(args, {"WORKBENCH_DB": db_url})
        assert code in ("0", "None"), (args, code)
        assert out, args
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))


# The daily "what changed" read: the events since the head noted at the last sign-off.
DAILY_EXPORTS = [
    ["audit", "export", "--after-seq", "1"],
    ["audit", "export", "--after-seq", "0"],
    ["audit", "export", "--format", "jsonl", "--after", "{head}"],
    ["audit", "export", "--after", "{head}", "--after-seq", "1"],
]


@pytest.mark.parametrize("args", DAILY_EXPORTS)
def test_an_export_after_a_head_imports_no_sqlalchemy(
    db_url: str, document_with_claims: Any, args: list[str]
) -> None:
    """lean2: `audit export --after HEAD` took 0.4-0.5 s of CPU and 54 MB on the demo desk
    (audit head: 0.11-0.13 s, 26 MB), SQLAlchemy and the models imported to read a few rows."""
    document_with_claims()
    _, code, first = _probe(["audit", "export"], {"WORKBENCH_DB": db_url})
    head = json.loads(first.splitlines()[1])["hash"]
    typed = [a.format(head=head) for a in args]
    loaded, code, out = _probe(typed, {"WORKBENCH_DB": db_url})
    assert code in ("0", "None"), (typed, code)
    assert out.startswith('{"export":'), out
    assert not loaded & set(HEAVY), (typed, loaded & set(HEAVY))


@pytest.mark.parametrize("args", [["db", "status"], ["db", "status", "--json"]])
def test_db_status_of_a_desk_imports_no_orm(db_url: str, args: list[str]) -> None:
    """perf175: `db status` of a desk took some 0.1 s of CPU and 7 MB more since trial168:
    services.database imported services.new_database (for the names of another program's
    tables, said only of a place with no desk) at its top, and with it the ORM and the
    workbench's models, which a status read through SQLAlchemy Core never uses."""
    probe = PROBE.replace("{{m.split('.')[0] for m in sys.modules}}", "set(sys.modules)")
    proc = subprocess.run(
        [sys.executable, "-c", probe.format(args=args)],
        capture_output=True,
        text=True,
        env={**os.environ, "WORKBENCH_DB": db_url},
        timeout=60,
    )
    assert "EXIT=0" in proc.stderr or "EXIT=None" in proc.stderr, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    loaded = set(line.removeprefix("MODULES=").split(","))
    assert "sqlalchemy" in loaded  # the probe sees what is imported
    assert not loaded & {"sqlalchemy.orm", "workbench.db.models"}, loaded & {
        "sqlalchemy.orm",
        "workbench.db.models",
    }


def test_the_probe_sees_sqlalchemy_where_it_is_imported(db_url: str) -> None:
    """The check itself: a command that goes through the engine is seen to."""
    loaded, code, _ = _probe(["audit", "verify", "--json"], {"WORKBENCH_DB": db_url})
    assert code in ("0", "None") and "sqlalchemy" in loaded


def _one_revision_back(db_url: str) -> Any:
    """The database at the newest revision before head that this code does not work with as
    it is on its backend (an older schema: a revision db.head.CURRENT_ON lists is current,
    so it goes back past those), and its engine."""
    from alembic import command

    from workbench.db.engine import get_engine
    from workbench.db.head import HEAD_REVISION, is_current
    from workbench.db.migrate import alembic_config, database_revision

    engine = get_engine(db_url)
    config = alembic_config()
    while is_current(database_revision(engine), engine.dialect.name):
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "-1")
    assert database_revision(engine) != HEAD_REVISION
    return engine


@pytest.mark.skipif(bool(PG_URL), reason="PostgreSQL refuses an older schema (below)")
def test_a_read_on_an_older_schema_migrates_it_first(db_url: str) -> None:
    """As every command does on SQLite: the read path hands a database that is not current to
    the engine (Alembic migrates an older one), then reads it."""
    from workbench.db.head import HEAD_REVISION
    from workbench.db.migrate import database_revision

    engine = _one_revision_back(db_url)
    loaded, code, out = _probe(["claim", "list", "--json"], {"WORKBENCH_DB": db_url})
    assert (code, out.strip()) in (("0", "[]"), ("None", "[]"))
    assert "alembic" in loaded
    assert database_revision(engine) == HEAD_REVISION


@pytest.mark.skipif(not PG_URL, reason="SQLite migrates an older schema (above)")
def test_a_read_on_an_older_shared_schema_is_refused(db_url: str) -> None:
    """On PostgreSQL the read path hands the older schema to the engine, which refuses it:
    only `workbench db upgrade` changes a shared database's schema."""
    from workbench.db.migrate import database_revision

    engine = _one_revision_back(db_url)
    before = database_revision(engine)
    _loaded, code, out = _probe(["claim", "list", "--json"], {"WORKBENCH_DB": db_url})
    assert code == "1" and out == ""
    assert database_revision(engine) == before


@pytest.mark.skipif(bool(PG_URL), reason="PostgreSQL refuses an older schema")
def test_demo_on_an_older_schema_migrates_it_first(db_url: str) -> None:
    """The seed's read check goes the read path's way: an older schema is migrated first."""
    from workbench.db.head import HEAD_REVISION
    from workbench.db.migrate import database_revision

    assert _probe(["demo"], {"WORKBENCH_DB": db_url})[1] in ("0", "None")
    engine = _one_revision_back(db_url)
    loaded, code, out = _probe(["demo"], {"WORKBENCH_DB": db_url})
    assert code in ("0", "None") and "(0 claims added," in out
    assert "alembic" in loaded and "pydantic" not in loaded  # migrated, then read
    assert database_revision(engine) == HEAD_REVISION


Main = Callable[..., Any]


def test_first_write_creates_and_migrates_but_a_read_refuses(
    tmp_path: Path, workbench_main: Main
) -> None:
    db = tmp_path / "fresh.db"
    r = workbench_main(["--db", str(db), "doc", "list", "--json"])
    assert r.code == 1 and "no database at" in r.err
    assert not db.exists(), "a read in the wrong folder must not create an empty database"
    r = workbench_main(["--db", str(db), "doc", "add", "-"], input="第一篇。")
    assert r.code == 0, r.err
    r = workbench_main(["--db", str(db), "doc", "list", "--json"])
    assert [d["id"] for d in json.loads(r.out)] == [1]


def test_a_write_that_creates_the_database_says_so_once(
    tmp_path: Path, workbench_main: Main
) -> None:
    r = workbench_main(["--db", "desk.db", "doc", "add", "-"], input="第一篇。")
    assert r.code == 0 and r.err == "created a new workbench database at ./desk.db\n"
    r = workbench_main(["--db", "desk.db", "doc", "add", "-"], input="第二篇。")
    assert r.code == 0 and r.err == ""
    elsewhere = tmp_path.parent / f"{tmp_path.name}-other.db"
    r = workbench_main(["--db", str(elsewhere), "doc", "add", "-"], input="第一篇。")
    assert r.err == f"created a new workbench database at {elsewhere}\n"


def test_a_bare_name_as_db_is_created_with_a_postgresql_hint(workbench_main: Main) -> None:
    """`--db trial2_2764` may mean a PostgreSQL database: the file is made (it is a valid name),
    and the hint says how a PostgreSQL database is given."""
    r = workbench_main(["--db", "trial2_2764", "doc", "add", "-"], input="第一篇。")
    assert r.code == 0, r.err
    assert r.err.splitlines() == [
        "created a new workbench database at ./trial2_2764",
        "hint: 'trial2_2764' has no folder and no .db suffix; for a PostgreSQL database give "
        "its URL: --db postgresql://USER@HOST/trial2_2764 (and remove ./trial2_2764)",
    ]


def test_a_mistyped_postgresql_url_names_the_url_meant(
    tmp_path: Path, workbench_main: Main
) -> None:
    r = workbench_main(["--db", "postgresql:/u@db.example/desk", "doc", "add", "-"], input="x。")
    assert r.code == 1 and "unable to open database file" in r.err
    assert "(a PostgreSQL URL is written postgresql://u@db.example/desk)" in r.err
    assert list(tmp_path.iterdir()) == []


def test_not_a_database_is_one_line(tmp_path: Path, workbench_main: Main) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("not sqlite")
    for args in (["claim", "list"], ["db", "status"], ["db", "upgrade"]):
        r = workbench_main(["--db", str(fake), *args])
        assert r.code == 1, (args, r.err)
        # (fix104: kind damaged, which names the file and the way back from a backup)
        assert r.err.startswith(f"error: {fake} is not a SQLite database"), r.err
        assert "Traceback" not in r.err and len(r.err.splitlines()) == 1


def test_workbench_alone_shows_its_help(workbench_main: Main) -> None:
    # The way in: the user asked what there is.
    r = workbench_main([])
    assert r.code == 0 and r.out.startswith("Usage: workbench [OPTIONS] COMMAND") and r.err == ""


@pytest.mark.parametrize("group", ["claim", "doc", "audit", "export", "import", "user", "db"])
def test_a_group_alone_is_a_command_left_out(workbench_main: Main, group: str) -> None:
    """A trial: `workbench claim` printed its help and exited 0, as if it had done something.
    A command left out is bad usage (exit 2), as Click says it (and as `workbench --db x.db`
    with no command is): the group's usage and its commands, on stderr."""
    r = workbench_main([group])
    assert r.code == 2 and r.out == ""
    assert r.err.startswith(f"Usage: workbench {group} [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in r.err
    r = workbench_main(["--db", "x.db"])
    assert r.code == 2 and r.err.startswith("error: Missing command.")


def test_demo_on_a_loaded_seed_imports_no_sqlalchemy(
    db_url: str, cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first `demo` the seed is there: the next ones answer on the read path and
    print what the full loader's path prints (compared in-process, with the read check off)."""
    env = {"WORKBENCH_DB": db_url}
    loaded, code, first = _probe(["demo", "--json"], env)
    assert code in ("0", "None") and {"sqlalchemy", "pydantic"} <= loaded  # it loads the seed
    loaded, code, again = _probe(["demo", "--json"], env)
    assert code in ("0", "None")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert json.loads(again) == json.loads(first)
    loaded, code, text = _probe(["demo"], env)
    assert code in ("0", "None")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    monkeypatch.setattr("workbench.services.demo.loaded_seed", lambda *a, **k: None)
    full = cli("demo")
    assert full.code == 0 and text == full.out
    assert f"(0 claims added, {json.loads(first)['total']} already present)" in text


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user@127.0.0.1:5432/",
        "postgresql://user:secret@127.0.0.1:5432",
        "postgres://user@db.example/?sslmode=require",
    ],
)
def test_a_postgresql_url_naming_no_database_is_bad_usage(url: str, workbench_main: Main) -> None:
    """libpq would connect to the server's default database (for user postgres, the
    maintenance one) and the schema would be written there."""
    r = workbench_main(["--db", url, "claim", "list"])
    assert r.code == 2, r.err
    assert "the URL names no database: postgresql://user@" in r.err
    assert "/NAME" in r.err and "secret" not in r.err
    assert len(r.err.splitlines()) == 1


def test_a_host_port_database_without_scheme_is_told_the_url_form(
    tmp_path: Path, workbench_main: Main
) -> None:
    r = workbench_main(["--db", "127.0.0.1:5432/trial", "claim", "list"])
    assert r.code == 1
    assert (
        "a PostgreSQL URL starts with postgresql://: --db postgresql://USER@127.0.0.1:5432/trial"
        in r.err
    )
    assert "workbench demo" not in r.err
    assert list(tmp_path.iterdir()) == []


def test_version_says_which_discovery_runs(
    cli_process: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench import __version__
    from workbench.domain import native

    r = cli_process("--version", env={native.PURE_ENV: "1"})
    out = r.out
    assert out.splitlines() == [f"workbench, version {__version__}", "claim discovery: pure Python"]
    # Without the variable, what this install holds (the child decides as this process would).
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    compiled = native.compiled_files() is not None
    r = cli_process("--version", env={native.PURE_ENV: ""})
    expected = "compiled (mypyc)" if compiled else "pure Python"
    assert r.out.splitlines()[1] == f"claim discovery: {expected}"


def test_a_database_file_in_a_folder_that_does_not_exist_says_so(
    tmp_path: Path, workbench_main: Main
) -> None:
    """trial48: SQLite said only "unable to open database file"."""
    r = workbench_main(["--db", str(tmp_path / "nodir" / "x.db"), "doc", "add", "-"], input="x。")
    assert r.code == 1 and r.err.count("\n") == 1
    assert r.err.rstrip().endswith(f"(the folder {tmp_path / 'nodir'} does not exist)")
