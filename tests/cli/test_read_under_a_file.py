"""A file to read given through a file (`doc add notes.txt/x.txt`, a slip of the shell's
completion): every reader said the system's raw "cannot read notes.txt/x.txt: Not a
directory", where the outputs and --db name the file on the way ("notes.txt is a file, not a
folder", new_file.file_on_the_way). Each reader says it in those words now, exit 1, one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.mark.parametrize(
    "args",
    [
        ["doc", "add", "{}"],
        ["doc", "update", "1", "{}"],
        ["evidence", "add", "1", "--stance", "supports", "--file", "{}"],
        ["evidence", "add", "1", "--stance", "supports", "--follow-symlinks", "--file", "{}"],
        ["import", "claims", "--doc", "1", "{}"],
        ["import", "annotations", "--doc", "1", "{}"],
        ["import", "bundle", "{}"],
        ["seed", "load", "{}"],
        ["audit", "verify", "--file", "{}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
@pytest.mark.parametrize("under", ["x.csv", "more/x.csv", "../x.csv"])
def test_a_file_on_the_way_is_named_as_the_writers_name_it(
    cli: Run, tmp_path: Path, args: list[str], under: str
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    assert cli("claim", "add", "1", "--quote", "GDP grew 5%", "--text", "GDP grew 5%").code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("x\n", encoding="utf-8")
    path = f"{notes}/{under}"
    r = cli(*[a.format(path) for a in args])
    assert (r.code, r.err) == (1, f"error: cannot read {path}: {notes} is a file, not a folder\n")
