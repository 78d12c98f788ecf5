"""review290: file names near the system's limit (255 bytes a name). A name of 246 to 255
bytes is a file's, but an output of that name was refused as "File name too long": the
temporary file written beside it is named `.NAME.` and eight characters more. And a name over
the limit was said in three ways: `cannot read PATH: File name too long` by a read, `File name
too long: PATH` by a write and by --db. One wording: `cannot read PATH: WHY`, `cannot write
PATH: WHY`, and --db's `no database at PATH: WHY`, one line, exit 1, nothing made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

Run = Callable[..., Any]

NEAR = "n" * 250 + ".csv"  # 254 bytes: a file's name
OVER = "o" * 256
DESK_NEAR = "d" * 243 + ".db"  # 246 bytes: a database's, with room for its -journal beside it


def _desk(cli: Run, tmp_path: Path) -> Path:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    out = tmp_path / "out"
    out.mkdir()
    return out


@pytest.mark.parametrize(
    "args",
    [["export", "claims", "-o"], ["export", "bundle"], ["audit", "export", "-o"]],
    ids=lambda a: " ".join(a[:2]),
)
def test_an_output_named_near_the_limit_is_written(
    cli: Run, tmp_path: Path, args: list[str]
) -> None:
    out = _desk(cli, tmp_path)
    r = cli(*args, str(out / NEAR))
    assert r.code == 0, r.err
    assert [p.name for p in out.iterdir()] == [NEAR]


@pytest.mark.skipif(bool(PG_URL), reason="a backup copies a SQLite file")
def test_a_backup_named_near_the_limit_is_written(cli: Run, tmp_path: Path) -> None:
    out = _desk(cli, tmp_path)
    r = cli("backup", str(out / DESK_NEAR))
    assert r.code == 0, r.err
    assert [p.name for p in out.iterdir()] == [DESK_NEAR]


@pytest.mark.skipif(bool(PG_URL), reason="a backup copies a SQLite file")
def test_a_backup_named_too_long_for_a_database_is_refused_before_it_is_copied(
    cli: Run, tmp_path: Path
) -> None:
    """SQLite could not make its -journal file beside it: `database error: unable to open
    database file`, and a backup in place could not be opened (not restored from either)."""
    out = _desk(cli, tmp_path)
    r = cli("backup", str(out / NEAR))
    assert (r.code, r.err) == (
        1,
        f"error: cannot write {out / NEAR}: File name too long (a database's name leaves 8 "
        "bytes of the system's 255 for SQLite's -journal file beside it)\n",
    )
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["export", "claims", "-o"], "cannot write {}: File name too long"),
        (["report", "--all", "-o"], "cannot write {}: File name too long"),
        (["doc", "add"], "cannot read {}: File name too long"),
    ],
    ids=["write", "write a folder", "read"],
)
def test_a_name_over_the_limit_is_said_as_the_file_it_is(
    cli: Run, tmp_path: Path, args: list[str], said: str
) -> None:
    out = _desk(cli, tmp_path)
    long = out / OVER
    r = cli(*args, str(long))
    assert (r.code, r.err) == (1, f"error: {said.format(long)}\n")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("args", [["claim", "list"], ["demo"]], ids=["read", "write"])
def test_a_database_named_over_the_limit_is_said_as_no_database(
    workbench_main: Run, tmp_path: Path, args: list[str]
) -> None:
    long = tmp_path / OVER
    r = workbench_main(["--db", str(long), *args], env={"WORKBENCH_USER": "tester"})
    assert (r.code, r.err) == (1, f"error: no database at {long}: File name too long\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(bool(PG_URL), reason="--db names a SQLite file")
def test_a_new_database_named_too_long_for_its_journal_is_said_so(
    workbench_main: Run, tmp_path: Path
) -> None:
    """`--db NAME demo`, NAME 250 bytes: `cannot open database ...: unable to open database
    file`, SQLite's words, where the name leaves no room for the -journal it keeps beside it."""
    near = tmp_path / (DESK_NEAR[:-3] + "near.db")  # 250 bytes
    r = workbench_main(["--db", str(near), "demo"], env={"WORKBENCH_USER": "tester"})
    assert (r.code, r.err) == (
        1,
        f"error: no database at {near}: File name too long (a database's name leaves 8 bytes "
        "of the system's 255 for SQLite's -journal file beside it)\n",
    )
    assert list(tmp_path.iterdir()) == []
