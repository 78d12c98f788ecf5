"""`--db new/` (a folder meant, not there): the path lost its slash on the way to a URL, and
`demo` made a database in a file named `new`, `db status` called it "empty: not created yet";
`--db notes.txt/` read the user's notes.txt as a damaged database and sent them to restore it
from a backup. A path that ends as a folder's names no database file: each command that opens
--db says so at once, in one line, exit 1, as `-o new/` is said, and nothing is made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.test_db_not_a_regular_file import COMMANDS, refusal, run


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("tail", ["/", "/."])
def test_a_missing_folder_is_no_database(tmp_path: Path, args: list[str], tail: str) -> None:
    given = f"{tmp_path / 'new'}{tail}"
    err = refusal(run(given, *args))
    assert f"no database at {given}: that names a folder; a database is a file" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_file_named_as_a_folder_is_said_as_one(tmp_path: Path, args: list[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    given = f"{notes}{os.sep}"
    err = refusal(run(given, *args))
    assert f"no database at {given}: {notes} is a file, not a folder" in err
    assert "backup" not in err
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_an_existing_folder_is_still_said_as_a_directory(tmp_path: Path) -> None:
    err = refusal(run(f"{tmp_path}/", "db", "status"))
    assert "it is a directory, not a file" in err


@pytest.mark.parametrize("args", [["demo"], ["db", "upgrade"], ["db", "status"]], ids=" ".join)
def test_a_sqlite_url_ending_in_a_slash_is_no_database_either(
    tmp_path: Path, args: list[str]
) -> None:
    """`--db sqlite:///.../new/`: the URL form of the same slip made a database in a file named
    new (review290); the path as given was asked only when it was no URL."""
    given = f"sqlite:///{tmp_path / 'new'}/"
    err = refusal(run(given, *args))
    assert f"no database at {given}: that names a folder; a database is a file" in err
    assert list(tmp_path.iterdir()) == []
