"""Start-up guards: `--help` imports no heavy library; a current database needs no Alembic."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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


def test_first_use_migrates(tmp_path: object) -> None:
    import pathlib

    db = pathlib.Path(str(tmp_path)) / "fresh.db"
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db), "doc", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []
    assert db.exists()
