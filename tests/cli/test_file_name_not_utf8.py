"""A file copied from an older machine, its name in Latin-1 (`café.txt` as the byte 0xE9), given
to `doc add` or `evidence add --file` on a UTF-8 system: `doc add` said "the input is not valid
UTF-8 text (check the terminal's or the file's encoding)", and evidence "the file name is not
valid UTF-8 text (check the terminal's or the file's encoding)". The file's text was UTF-8: the
user checked it, found it fine, and was left with nothing to do. The name is what is not UTF-8,
and renaming the file is the way on (trial158)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]
TEXT = "2020年，他第一次读到CLIP论文。\n"


def _latin1_named(tmp_path: Path) -> str:
    path = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"))
    Path(path).write_text(TEXT, encoding="utf-8")
    return path


def test_doc_add_says_the_file_name_is_not_utf8(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Another article.\n", encoding="utf-8")
    assert cli("doc", "add", str(good)).code == 0
    before = counts()
    r = cli("doc", "add", _latin1_named(tmp_path))
    assert r.code == 1
    assert r.err == (
        f"error: the file name {tmp_path}/caf\\xe9.txt is not UTF-8: rename the file "
        "(its name, not its text, is in another encoding) and give it again\n"
    )
    assert counts() == before


def test_evidence_add_says_the_file_name_is_not_utf8(cli: Run, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    assert cli("claim", "add", "1", "--quote", "2020年", "--text", "x").code == 0
    r = cli("evidence", "add", "1", "--file", _latin1_named(tmp_path), "--stance", "supports")
    assert r.code == 1
    assert r.err == (
        f"error: the file name {tmp_path}/caf\\xe9.txt is not UTF-8: rename the file "
        "(its name, not its text, is in another encoding) and give it again\n"
    )
