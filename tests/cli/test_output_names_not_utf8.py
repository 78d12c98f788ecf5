"""fix166: an output file whose name is not UTF-8 (a Latin-1 `ré.html`, the byte 0xE9, typed on a
UTF-8 system or given by a script) was written, and its confirmation garbled it: `wrote
r\\udce9.html`, `backed up to b\ufffd.db`, and `audit verify` printed after `backup` named
'b\\udce9.db', a file no shell could find. Such a name is printed as a shell reads it back
($'r\\xe9.html': bash, zsh and ksh turn \\xNN into that byte), so it can be pasted; a UTF-8 name
is printed as it was before."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.render import shown_path
from workbench.domain.shell import shell_word

Run = Callable[..., Any]


def latin1(tmp_path: Path, name: bytes) -> str:
    return os.fsdecode(os.path.join(os.fsencode(tmp_path), name))


def test_a_name_that_is_not_utf8_is_shown_as_a_shell_reads_it() -> None:
    assert shown_path(os.fsdecode(b"r\xe9.html")) == "$'r\\xe9.html'"
    assert shell_word(os.fsdecode(b"it's \xe9")) == "$'it\\'s \\xe9'"
    assert shown_path("周五 备份.db") == "周五 备份.db"  # UTF-8: as it was
    assert shell_word("周五 备份.db") == "'周五 备份.db'"
    assert shown_path("a\nb.txt") == "$'a\\x0ab.txt'"


def test_the_shown_name_names_the_file_in_bash(tmp_path: Path) -> None:
    """Pasted into bash, the word is the file's name, byte for byte."""
    name = latin1(tmp_path, b"r\xe9 it's.html")
    Path(name).write_text("x")
    said = subprocess.run(
        ["bash", "-c", f"cat {shell_word(name)}"], capture_output=True, check=False
    )
    assert said.stdout == b"x", said.stderr


def test_report_says_the_file_it_wrote_as_a_shell_reads_it(cli: Run, tmp_path: Path) -> None:
    assert cli("demo").code == 0
    out = latin1(tmp_path, b"r\xe9.html")
    r = cli("report", "1", "-o", out)
    assert r.code == 0, r.err
    assert r.err.startswith(f"wrote $'{tmp_path}/r\\xe9.html': document #1, "), r.err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("export", "claims", "-o"), "wrote 31 claims to "),
        (("audit", "export", "-o"), "wrote 32 events to "),
    ],
)
def test_exports_say_the_file_they_wrote_as_a_shell_reads_it(
    cli: Run, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    assert cli("demo").code == 0
    out = latin1(tmp_path, b"c\xe9.csv")
    r = cli(*args, out)
    assert r.code == 0, r.err
    assert f"{said}$'{tmp_path}/c\\xe9.csv'" in r.err, r.err


def test_export_annotations_says_the_file_it_wrote_as_a_shell_reads_it(
    cli: Run, tmp_path: Path
) -> None:
    assert cli("demo").code == 0
    r = cli("export", "annotations", "-o", latin1(tmp_path, b"an\xe9.json"))
    assert r.code == 0, r.err
    assert f"wrote 31 annotations to $'{tmp_path}/an\\xe9.json'" in r.err, r.err


def test_export_bundle_says_the_file_it_wrote_as_a_shell_reads_it(cli: Run, tmp_path: Path) -> None:
    assert cli("demo").code == 0
    r = cli("export", "bundle", latin1(tmp_path, b"x\xe9.zip"))
    assert r.code == 0, r.err
    assert r.err.startswith(f"wrote $'{tmp_path}/x\\xe9.zip': "), r.err


def test_evidence_get_says_the_file_it_wrote_as_a_shell_reads_it(cli: Run, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("2020年，他第一次读到CLIP论文。\n", encoding="utf-8")
    proof = tmp_path / "proof.txt"
    proof.write_text("proof\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    assert cli("claim", "add", "1", "--quote", "2020年", "--text", "x").code == 0
    added = cli("evidence", "add", "1", "--file", str(proof), "--stance", "supports")
    assert added.code == 0, added.err
    r = cli("evidence", "get", "1", "-o", latin1(tmp_path, b"p\xe9.txt"))
    assert r.code == 0, r.err
    assert r.err.startswith(f"wrote 6 bytes to $'{tmp_path}/p\\xe9.txt' "), r.err


def test_backup_and_its_check_command_name_the_copy_as_a_shell_reads_it(
    cli: Run, db_url: str, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's backup prints pg_dump instead")
    assert cli("demo").code == 0
    copy = latin1(tmp_path, b"b\xe9.db")
    r = cli("backup", copy)
    assert r.code == 0, r.err
    word = f"$'{tmp_path}/b\\xe9.db'"
    assert r.out.startswith(f"backed up to {word}: 32 events, head "), r.out
    check = r.err.split("check the copy with: ", 1)[1].strip()
    assert check.startswith(f"workbench --db {word} audit verify --head "), check
    # As bash reads it back: the copy's own name.
    words = subprocess.run(
        ["bash", "-c", f"printf '%s\\0' {check}"], capture_output=True, check=True
    ).stdout.split(b"\0")
    assert words[2] == os.fsencode(copy)
    assert shlex.split(f"x {shell_word('plain.db')}") == ["x", "plain.db"]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("export", "bundle", "--json"), b"x\xe9.zip"),
        (("report", "1", "--json", "-o"), b"r\xe9.html"),
        (("backup", "--json"), b"b\xe9.db"),
    ],
)
def test_json_gives_the_name_in_utf8_with_its_bytes_escaped(
    cli: Run, db_url: str, tmp_path: Path, args: tuple[str, ...], name: bytes
) -> None:
    """review171: with --json, such a name was written into stdout as its raw byte (0xE9), so
    stdout was no UTF-8 (docs/json.md: it is) and a script's json.load of it failed, or jq
    made the byte a U+FFFD that names no file. The byte is written \\udcXX, the escape Python
    carries it as: JSON that is UTF-8, and json.loads then os.fsencode give the name back."""
    if args[0] == "backup" and not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's backup prints pg_dump instead")
    assert cli("demo").code == 0
    path = latin1(tmp_path, name)
    r = cli(*args, path)  # (the runner decodes stdout as UTF-8, strictly)
    assert r.code == 0, r.err
    assert os.fsencode(json.loads(r.out)["path"]) == os.fsencode(path)
    assert "\\udce9" in r.out


def test_json_text_with_no_lone_surrogate_is_not_searched_by_the_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """perf175: since review171 every --json text was searched for lone surrogates by a regular
    expression, some 9 ns a character: `claim list --json` of 100,000 claims (100 MB) spent
    about 0.5 s of its 10 s CPU on it, for names that come only from a file name that is not
    UTF-8. A text of ASCII, or one UTF-8 encodes, has none and is given as it is; the pattern
    runs on a text that holds one."""
    from workbench.cli import render

    class Unasked:
        def search(self, text: str) -> None:
            raise AssertionError(f"searched: {text[:40]!r}")

        def sub(self, repl: object, text: str) -> str:
            return pattern.sub(repl, text)  # type: ignore[call-overload, no-any-return]

    pattern = render._SURROGATE
    monkeypatch.setattr(render, "_SURROGATE", Unasked())
    value = {"id": 1, "quote": "部长说二〇二一年失业率上升到百分之七。", "tags": ["x"]}
    assert render.json_text(value, indent=2) == json.dumps(value, ensure_ascii=False, indent=2)
    assert render.json_text("plain") == '"plain"'
    assert render.json_text(os.fsdecode(b"r\xe9.html")) == '"r\\udce9.html"'
