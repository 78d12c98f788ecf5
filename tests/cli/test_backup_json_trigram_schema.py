"""`workbench backup --json` of a second desk in a PostgreSQL database, whose pg_trgm lives in
the first desk's schema (trial308), printed `{"path": null, "command": ...}` and said on stderr,
as text, that the restore needs that schema created first, or its four trigram indexes fail to
restore: a script running the printed command had no field to read it from. The JSON names the
schema (`extension_schema`; null when the dump holds pg_trgm itself), as the text says it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.test_backup_of_a_second_desk_trial308 import two_desks
from tests.conftest import PG_URL, Result

pytestmark = pytest.mark.skipif(not PG_URL, reason="pg_dump and pg_trgm: PostgreSQL only")

Main = Callable[..., Result]

__all__ = ["two_desks"]  # the fixture, taken from the trial308 test


def test_backup_json_names_the_schema_to_create_before_the_restore(
    two_desks: tuple[str, str], workbench_main: Main, tmp_path: Path
) -> None:
    _, second = two_desks
    r = workbench_main(["--db", second, "backup", str(tmp_path / "second.dump"), "--json"])
    assert r.code == 0, r.err
    said = json.loads(r.out)
    assert said["path"] is None and "--schema=second" in said["command"]
    assert said["extension_schema"] == "first"
    # The text on stderr is as it was: a person reads it there under --json too.
    assert "CREATE SCHEMA first" in r.err


def test_backup_json_of_a_desk_holding_its_pg_trgm_names_none(
    two_desks: tuple[str, str], workbench_main: Main, tmp_path: Path
) -> None:
    first = two_desks[1].replace("search_path%3Dsecond", "search_path%3Dfirst")
    r = workbench_main(["--db", first, "backup", str(tmp_path / "first.dump"), "--json"])
    assert r.code == 0, r.err
    assert json.loads(r.out)["extension_schema"] is None
    assert "CREATE SCHEMA" not in r.err
