"""Start-up guards: `--help` imports no heavy library (a fresh process, so what is imported is
what start-up imports); a current database needs no Alembic; first use creates the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def test_not_a_database_is_one_line(tmp_path: Path, workbench_main: Main) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("not sqlite")
    for args in (["claim", "list"], ["db", "status"], ["db", "upgrade"]):
        r = workbench_main(["--db", str(fake), *args])
        assert r.code == 1, (args, r.err)
        assert r.err.startswith("error: cannot open database") and "Traceback" not in r.err


def test_no_subcommand_shows_help(workbench_main: Main) -> None:
    for args in ([], ["claim"]):
        r = workbench_main(args)
        assert r.code == 0 and "Usage:" in r.out and r.err == ""
