"""`import claims FILE` and `import annotations FILE` record FILE's name in every claim's
event (`{"file": NAME, "row": N}`), as `doc add` records a document's source; but only doc add,
doc update, evidence add and seed load held the name to check_file_name (fix262). A name with a
newline went into the audit trail as is, and a name in Latin-1 (`café.csv` copied from an
older machine) met "the input is not valid UTF-8 text (check the terminal's or the file's
encoding)", sending the user to the text, which was fine (review265)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]
TEXT = "The GDP grew 5% in 2020, the ministry said.\n"
TABLE = "quote,text\nGDP grew 5%,The GDP grew 5% in 2020.\n"


def _desk(cli: Run, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0


def _annotations(cli: Run, tmp_path: Path) -> str:
    assert cli("claim", "add", "1", "--quote", "GDP", "--text", "The GDP grew.").code == 0
    out = tmp_path / "export.json"
    assert cli("export", "annotations", "--doc", "1", "-o", str(out)).code == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["claims", "annotations"])
def test_a_file_name_with_a_newline_is_refused(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]], kind: str
) -> None:
    _desk(cli, tmp_path)
    path = tmp_path / ("new\nline.csv" if kind == "claims" else "new\nline.json")
    path.write_text(TABLE if kind == "claims" else _annotations(cli, tmp_path), encoding="utf-8")
    before = counts()
    r = cli("import", kind, str(path), "--doc", "1")
    # The name is what is recorded (not the folders on the way), so the name is said.
    assert (r.code, r.err) == (
        1,
        f"error: the file name new\\u000aline.{path.suffix[1:]} holds the control character "
        "U+000A: rename the file and give it again\n",
    )
    assert counts() == before


@pytest.mark.parametrize("kind", ["claims", "annotations"])
def test_a_latin1_file_name_is_said_as_the_name(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]], kind: str
) -> None:
    _desk(cli, tmp_path)
    suffix = b".csv" if kind == "claims" else b".json"
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9" + suffix))
    path.write_text(TABLE if kind == "claims" else _annotations(cli, tmp_path), encoding="utf-8")
    before = counts()
    r = cli("import", kind, str(path), "--doc", "1")
    assert r.code == 1
    assert "is not UTF-8: rename the file (its name, not its text, is in another encoding)" in r.err
    assert counts() == before


def test_standard_input_is_no_name_to_refuse(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    text = _annotations(cli, tmp_path)
    assert cli("import", "annotations", "-", "--doc", "1", input=text).code == 0
