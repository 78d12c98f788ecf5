"""`workbench backup FILE` ends with the command that checks the copy: a person copies it into
their shell, so it must run as printed, whatever the file's name."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


def test_the_check_command_after_a_backup_survives_a_space_in_the_name(
    cli: Run, db_url: str, tmp_path: Path
) -> None:
    """`workbench backup "desk backups/周五 备份.db"` said "check the copy with: workbench --db
    desk backups/周五 备份.db audit verify --head ...": pasted into a shell, --db got "desk" and
    the command failed; every other command the CLI prints for copying is shell-quoted."""
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's backup prints pg_dump instead")
    assert cli("demo").code == 0
    (tmp_path / "desk backups").mkdir()
    target = tmp_path / "desk backups" / "周五 备份.db"
    r = cli("backup", str(target))
    assert r.code == 0, r.err
    line = next(x for x in (r.out + r.err).splitlines() if "check the copy with:" in x)
    words = shlex.split(line.split("check the copy with:", 1)[1])
    assert words[:3] == ["workbench", "--db", str(target)], words
