"""`-o notes.txt/out.csv`, `backup notes.txt/copy.db`: a folder on the way that is a file was
said as "the folder notes.txt does not exist", which it does; `mkdir notes.txt`, the way on it
suggested, then failed with "File exists". Said as what it is, as `--db` through a file is
(review265)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

Run = Callable[..., Any]


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "-o", "{}/out.csv"],
        ["audit", "export", "-o", "{}/more/events.jsonl"],
        ["report", "--all", "-o", "{}/site"],
        ["export", "bundle", "{}/desk.zip"],
        pytest.param(
            ["backup", "{}/copy.db"],
            marks=pytest.mark.skipif(bool(PG_URL), reason="PostgreSQL: backup prints pg_dump"),
        ),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_file_where_a_folder_should_be_is_said_as_one(
    cli: Run, tmp_path: Path, args: list[str]
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("x\n", encoding="utf-8")
    given = [a.format(notes) for a in args]
    target = next(a for a in given if a.startswith(str(notes)))
    r = cli(*given)
    assert (r.code, r.err) == (
        1,
        f"error: cannot write {target}: {notes} is a file, not a folder\n",
    )
    assert notes.read_text(encoding="utf-8") == "x\n"
