"""`-o new/` (and `new/.`), a folder that does not exist: the exports, `report`, `audit export`,
`export bundle` and `backup` each wrote a file named `new`, where a shell's `> new/` refuses
and the user meant a folder (to find the output in). A path ending in a slash names no file:
each says so in one line, exit 1, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL

Run = Callable[..., Any]

NO_BACKUP_ON_PG = pytest.mark.skipif(bool(PG_URL), reason="PostgreSQL: backup prints pg_dump")


@pytest.mark.parametrize("tail", ["/", "/."])
@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "-o", "{}"],
        ["export", "annotations", "-o", "{}"],
        ["export", "claimreview", "--org", "Desk", "--org-url", "https://d.example", "-o", "{}"],
        ["export", "bundle", "{}"],
        ["audit", "export", "-o", "{}"],
        ["audit", "export", "-o", "{}", "--force"],
        ["report", "1", "-o", "{}"],
        pytest.param(["backup", "{}"], marks=NO_BACKUP_ON_PG),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_an_output_ending_in_a_slash_writes_no_file(
    cli: Run, tmp_path: Path, args: list[str], tail: str
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    target = f"{tmp_path / 'new'}{tail}"
    r = cli(*[a.format(target) for a in args])
    assert (r.code, r.err) == (
        1,
        f"error: cannot write {target}: that names a folder; a file name is needed\n",
    )
    assert not (tmp_path / "new").exists()
