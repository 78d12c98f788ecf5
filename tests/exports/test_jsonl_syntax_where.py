"""A JSON Lines row that is not JSON was said in json's own words, its position counted in the
line alone: row 3 of a file was 'row 3: not valid JSON: Expecting property name enclosed in
double quotes: line 1 column 15 (char 14)', sending the reader to the file's first line. The
JSON array reader says the same fault as 'expecting ... (line 3 column 15)', the line and
column in the file. Both say it so now (row_not_json, the one home of a row json refuses)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.exports.claims_table import read_json, read_jsonl

BAD = '{"quote": "a",}'  # json stops at the "}" (the 15th character): no key after the ","
GOOD = '{"quote": "b", "text": "c"}'


def _refusal(read: Callable[[io.StringIO], Any], text: str) -> str:
    with pytest.raises(InvalidInput) as caught:
        list(read(io.StringIO(text, newline="")))
    return str(caught.value)


def test_a_jsonl_row_names_its_line_in_the_file() -> None:
    said = _refusal(read_jsonl, f"{GOOD}\n\n{BAD}\n")
    assert said == (
        "row 3: not valid JSON: expecting property name enclosed in double quotes "
        "(line 3 column 15)"
    ), said


def test_a_jsonl_row_and_an_array_element_say_the_fault_alike() -> None:
    lines = _refusal(read_jsonl, f"{GOOD}\n\n{BAD}\n")
    array = _refusal(read_json, f"[{GOOD},\n\n{BAD}]")
    assert lines.split(": ", 1)[1] == array.split(": ", 1)[1], (lines, array)


def test_the_cli_says_the_line(cli: Callable[..., Any], tmp_path: Path) -> None:
    assert cli("doc", "add", "-", input="b is here.\n").code == 0
    path = tmp_path / "claims.jsonl"
    path.write_text(f"{GOOD}\n{BAD}\n", encoding="utf-8")
    r = cli("import", "claims", str(path), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert r.err.strip() == (
        "error: row 2: not valid JSON: expecting property name enclosed in double quotes "
        "(line 2 column 15)"
    ), r.err
