"""A file whose name holds a newline (`$'new\\nline.txt'`, made by a script or a careless
paste) was stored by `doc add` and `doc update` as the document's source, newline and all (a
table showed a space, JSON `\\n`), while `evidence add --file` refused the same name as "the
file name: character 4 is the control character U+000A; it must be one line of visible text",
which did not even say which file. A name that is recorded follows one rule: none holds a
control character, and the refusal names the file and the way on (trial252)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.limits import check_file_name

Run = Callable[..., Any]
TEXT = "The GDP grew 5% in 2020, the ministry said.\n"


def _newline_named(tmp_path: Path) -> Path:
    path = tmp_path / "new\nline.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    shown = str(path).replace("\n", "\\u000a")
    return (
        f"error: the file name {shown} holds the control character U+000A: rename the file "
        "and give it again\n"
    )


def test_a_recorded_file_name_holds_no_control_character() -> None:
    for name in ("a\nb.txt", "a\tb.txt", "a\x1bb.txt", "a\x7fb.txt"):
        with pytest.raises(InvalidInput, match="holds the control character"):
            check_file_name(name)
    check_file_name("a b.txt")  # a space is fine


def test_doc_add_refuses_a_file_name_with_a_newline(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    path = _newline_named(tmp_path)
    r = cli("doc", "add", str(path))
    assert (r.code, r.err) == (1, _refusal(path))
    assert counts() == before


def test_doc_update_refuses_a_file_name_with_a_newline(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    first = tmp_path / "a.txt"
    first.write_text("An older text.\n", encoding="utf-8")
    assert cli("doc", "add", str(first)).code == 0
    before = counts()
    path = _newline_named(tmp_path)
    r = cli("doc", "update", "1", str(path))
    assert (r.code, r.err) == (1, _refusal(path))
    assert counts() == before


def test_evidence_add_refuses_it_in_the_same_words(cli: Run, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    assert cli("claim", "add", "1", "--quote", "GDP", "--text", "x").code == 0
    path = _newline_named(tmp_path)
    r = cli("evidence", "add", "1", "--file", str(path), "--stance", "supports")
    assert (r.code, r.err) == (1, _refusal(path))


def test_seed_load_refuses_a_document_named_with_a_tab(
    cli: Run, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    """A seed's `document: file:` is recorded as the source too (a YAML "a\\tb.txt")."""
    (tmp_path / "a\tb.txt").write_text(TEXT, encoding="utf-8")
    seed = tmp_path / "seed.yaml"
    seed.write_text(
        'document:\n  file: "a\\tb.txt"\nclaims:\n  - quote: GDP\n    text: The GDP grew.\n',
        encoding="utf-8",
    )
    before = counts()
    r = cli("seed", "load", str(seed))
    assert (r.code, r.err) == (
        1,
        "error: the file name a\\u0009b.txt holds the control character U+0009: rename the "
        "file and give it again\n",
    )
    assert counts() == before
