"""A file named with a bidi control (`invoice\\u202etxt.exe`, shown as "invoiceexe.txt") was
recorded as a document's source, an evidence file's name, a seed's document and an import's
file, while a control character in the same place is refused: the trail then showed an
editor a name that reads reversed, the one thing a recorded name must not do. A recorded file
name follows one rule: nothing in it that the workbench escapes when it shows text (control
characters, separators, bidi overrides and isolates); the refusal names the file, escaped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import check_file_name

Run = Callable[..., Any]
TEXT = "The GDP grew 5% in 2020, the ministry said.\n"
BIDI = [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


@pytest.mark.parametrize("char", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_a_recorded_file_name_holds_no_bidi_control(char: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_file_name(f"invoice{char}txt.exe")
    said = refused.value.message
    assert f"the bidi control U+{ord(char):04X}" in said, said
    assert f"invoice\\u{ord(char):04x}txt.exe" in said, said


def test_right_to_left_letters_and_marks_are_names_like_any() -> None:
    check_file_name("تقرير.txt")  # Arabic: written right to left, nothing reordered by a control
    check_file_name("עברית\u200f.txt")  # a right-to-left mark, as editors save it


def _named(tmp_path: Path) -> Path:
    path = tmp_path / "invoice\u202etxt.exe"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    shown = str(path).replace("\u202e", "\\u202e")
    return (
        f"error: the file name {shown} holds the bidi control U+202E (it reorders how the name "
        "is shown): rename the file and give it again\n"
    )


def test_doc_add_and_update_refuse_it(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    path = _named(tmp_path)
    r = cli("doc", "add", str(path))
    assert (r.code, r.err) == (1, _refusal(path))
    assert counts() == before
    first = tmp_path / "a.txt"
    first.write_text("An older text.\n", encoding="utf-8")
    assert cli("doc", "add", str(first)).code == 0
    before = counts()
    r = cli("doc", "update", "1", str(path))
    assert (r.code, r.err) == (1, _refusal(path))
    assert counts() == before


def test_evidence_add_refuses_it(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    assert cli("claim", "add", "1", "--quote", "GDP", "--text", "x").code == 0
    before = counts()
    path = _named(tmp_path)
    r = cli("evidence", "add", "1", "--file", str(path), "--stance", "supports")
    assert (r.code, r.err) == (1, _refusal(path))
    assert counts() == before


def test_seed_load_refuses_its_document_named_so(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    _named(tmp_path)
    seed = tmp_path / "seed.yaml"
    seed.write_text(
        'document:\n  file: "invoice\\u202etxt.exe"\nclaims:\n  - quote: GDP\n    text: x.\n',
        encoding="utf-8",
    )
    before = counts()
    r = cli("seed", "load", str(seed))
    assert r.code == 1, r.err
    assert "the file name invoice\\u202etxt.exe holds the bidi control U+202E" in r.err
    assert counts() == before


def test_import_claims_refuses_a_file_named_so(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    table = tmp_path / "claims\u2067.csv"
    table.write_text("quote,text\nGDP grew,The GDP grew.\n", encoding="utf-8")
    before = counts()
    r = cli("import", "claims", "--doc", "1", str(table))
    assert r.code == 1, r.err
    assert "the file name claims\\u2067.csv holds the bidi control U+2067" in r.err
    assert counts() == before
