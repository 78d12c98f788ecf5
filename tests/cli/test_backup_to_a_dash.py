"""`workbench backup - | gzip > desk.db.gz`: `-` is standard output for every `-o` of the
workbench, but backup wrote a file named `-` in the working folder, printed "backed up to -"
and "check the copy with: workbench --db - audit verify", and gzip got nothing. A SQLite backup
is written in place and checked there, so it is a file only: said so, as `import bundle -`
says it reads a file (review265)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import run_cli


def test_backup_to_standard_output_is_refused_and_writes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "desk.db"
    env = {"WORKBENCH_DB": str(db), "WORKBENCH_USER": "tester"}
    assert run_cli(["db", "upgrade"], env=env).code == 0
    monkeypatch.chdir(tmp_path)
    for extra in ([], ["--json"]):
        r = run_cli(["backup", "-", *extra], env=env)
        assert r.code == 2, (r.out, r.err)
        assert (
            "backup writes a file, not standard output: give the copy's file name "
            "(workbench backup desk-copy.db)"
        ) in r.err
        assert r.out == ""
    assert not (tmp_path / "-").exists()


def test_backup_to_standard_output_on_postgresql_is_refused_as_on_sqlite() -> None:
    # The printed command's `pg_dump --file=-` writes a file named `-` too (pg_dump reads no
    # `-` as standard output), so `backup - | gzip` got the command and the dump went nowhere
    # a script looked: refused in the same words on both backends (rr271).
    env = {"WORKBENCH_DB": "postgresql://desk@db.example/claims", "WORKBENCH_USER": "tester"}
    for extra in ([], ["--json"]):
        r = run_cli(["backup", "-", *extra], env=env)
        assert r.code == 2, (r.out, r.err)
        assert "backup writes a file, not standard output" in r.err
        assert r.out == ""
