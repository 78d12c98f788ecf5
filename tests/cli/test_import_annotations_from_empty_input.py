"""`workbench import annotations - --doc 1` fed by a script whose export failed (stdin empty),
or given an empty file: the refusal was "- is not valid JSON: Expecting value: line 1 column 1
(char 0)", naming standard input `-` and saying nothing of the input being empty (trial158)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]


def _desk(cli: Run, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("2020年，他第一次读到CLIP论文。\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0


def test_empty_standard_input_is_said_to_be_empty(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    for given in ("", " \n"):
        r = cli("import", "annotations", "-", "--doc", "1", input=given)
        assert r.code == 1
        assert r.err == "error: standard input is empty: no annotations to import\n"


def test_an_empty_file_is_said_to_be_empty(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    empty = tmp_path / "notes.json"
    empty.write_bytes(b"")
    r = cli("import", "annotations", str(empty), "--doc", "1")
    assert r.code == 1
    assert r.err == f"error: {empty} is empty: no annotations to import\n"


def test_bad_json_on_standard_input_names_standard_input(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    r = cli("import", "annotations", "-", "--doc", "1", input="{oops")
    assert r.code == 1
    assert r.err.startswith("error: standard input is not valid JSON: ")
