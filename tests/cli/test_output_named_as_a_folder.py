"""`-o notes.txt/` without --force, notes.txt being a file: the output said "notes.txt/ exists:
nothing was written; give --force", and the --force it sent the user to was then refused as
"cannot write notes.txt/: notes.txt is a file, not a folder" (rr271 held only --force to it).
`backup notes.txt/` said "exists: a backup never overwrites a file" the same way. Each says at
once what the path is, and the user's notes.txt is left as it was (trial273); with --force
as without (rr271)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

Run = Callable[..., Any]


@pytest.mark.parametrize("tail", ["/", "/."])
@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "-o", "{}"],
        ["export", "annotations", "-o", "{}"],
        ["audit", "export", "-o", "{}"],
        ["report", "1", "-o", "{}"],
        pytest.param(
            ["backup", "{}"],
            marks=pytest.mark.skipif(bool(PG_URL), reason="PostgreSQL: backup prints pg_dump"),
        ),
        # With --force too: the path was read as notes.txt, and --force wrote the export over
        # the user's notes (rr271).
        ["export", "claims", "-o", "{}", "--force"],
        ["audit", "export", "-o", "{}", "--force"],
    ],
    ids=lambda a: " ".join(w for w in a if w not in ("-o", "{}")),
)
def test_a_file_named_as_a_folder_is_said_so_and_not_written_over(
    cli: Run, tmp_path: Path, args: list[str], tail: str
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("x\n", encoding="utf-8")
    target = f"{notes}{tail}"
    r = cli(*[a.format(target) for a in args])
    assert (r.code, r.err) == (
        1,
        f"error: cannot write {target}: {notes} is a file, not a folder\n",
    )
    assert notes.read_text(encoding="utf-8") == "x\n"
