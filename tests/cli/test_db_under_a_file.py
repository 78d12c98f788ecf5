"""`--db notes.txt/desk.db`: a path through a file, which no database can be at (ENOTDIR; a
slip of the shell's completion, or a folder replaced by a file). `db status`, `db upgrade` and
`demo` said the system's raw "Not a directory: PATH", and the reads said "no database at PATH;
run `workbench demo` ... to start one", which cannot be done there: the loop on the way to it
was said since fix262, this case of the same kind was not (review265)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_db_not_a_regular_file import COMMANDS, refusal, run


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_file_on_the_way_is_said_as_one(tmp_path: Path, args: list[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a folder\n", encoding="utf-8")
    path = notes / "desk.db"
    err = refusal(run(str(path), *args))
    assert f"no database at {path}: {notes} is a file, not a folder" in err
    assert notes.read_text(encoding="utf-8") == "not a folder\n"


def test_deeper_the_first_file_on_the_way_is_named(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x\n", encoding="utf-8")
    path = notes / "more" / "desk.db"
    err = refusal(run(str(path), "db", "status"))
    assert f"no database at {path}: {notes} is a file, not a folder" in err
