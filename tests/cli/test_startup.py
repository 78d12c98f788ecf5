"""Start-up guards: `--help` imports no heavy library; a current database needs no Alembic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "pydantic")

PROBE = """
import sys
from workbench.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print("MODULES=" + ",".join(sorted({{m.split('.')[0] for m in sys.modules}})), file=sys.stderr)
"""


def _modules(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    return set(line.removeprefix("MODULES=").split(","))


def test_help_imports_no_heavy_library() -> None:
    for args in (["--help"], ["claim", "--help"], ["audit", "export", "--help"], ["--version"]):
        loaded = _modules(args)
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))


def test_command_on_current_database_does_not_import_alembic(db_url: str) -> None:
    loaded = _modules(["claim", "list", "--status", "unverified"], {"WORKBENCH_DB": db_url})
    assert "sqlalchemy" in loaded
    assert "alembic" not in loaded


def _workbench(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_first_write_creates_and_migrates_but_a_read_refuses(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    proc = _workbench("--db", str(db), "doc", "list", "--json")
    assert proc.returncode == 1 and "no database at" in proc.stderr
    assert not db.exists(), "a read in the wrong folder must not create an empty database"
    proc = _workbench("--db", str(db), "doc", "add", "-", stdin="第一篇。")
    assert proc.returncode == 0, proc.stderr
    proc = _workbench("--db", str(db), "doc", "list", "--json")
    assert [d["id"] for d in json.loads(proc.stdout)] == [1]


def test_not_a_database_is_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("not sqlite")
    for args in (["claim", "list"], ["db", "status"], ["db", "upgrade"]):
        proc = _workbench("--db", str(fake), *args)
        assert proc.returncode == 1, (args, proc.stderr)
        assert proc.stderr.startswith("error: cannot open database") and "Traceback" not in (
            proc.stderr
        )


def test_no_subcommand_shows_help() -> None:
    for args in ([], ["claim"]):
        proc = _workbench(*args)
        assert proc.returncode == 0 and "Usage:" in proc.stdout and proc.stderr == ""
