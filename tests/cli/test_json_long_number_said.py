"""bundle: a JSON file holding an integer of over 4,300 digits (Python's int-to-text limit) was
refused in Python's words, telling a desk to call `sys.set_int_max_str_digits()`: import
claims (a JSON array, JSON Lines), import annotations and a bundle's manifest alike. Each now
says it in one wording (`unique_keys.value_refused`), with the row where a row is named; seed
files and `audit verify --file`'s event lines too (rbundle)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

LONG = "9" * 5000


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))


@pytest.mark.parametrize(
    ("command", "name", "body", "row"),
    [
        ("claims", "c.json", '[{"quote":"甲说了一句话","text":"t","start":' + LONG + "}]", "row 1"),
        (
            "claims",
            "c.jsonl",
            '{"quote":"甲说了一句话","text":"t","start":' + LONG + "}\n",
            "row 1",
        ),
        ("annotations", "a.json", '{"type":"AnnotationCollection","total":' + LONG + "}", "a.json"),
    ],
    ids=["claims-json", "claims-jsonl", "annotations"],
)
def test_a_number_past_pythons_limit_is_said_as_one(
    cli: Any, tmp_path: Path, command: str, name: str, body: str, row: str
) -> None:
    _desk(cli, tmp_path)
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    r = cli("import", command, "--doc", "1", str(path))
    assert r.code == 1, r.out + r.err
    assert "set_int_max_str_digits" not in r.err and "over 4,300 digits" in r.err, r.err
    assert row in r.err and len(r.err.strip().splitlines()) == 1, r.err


def test_a_bundle_manifest_with_such_a_number(cli: Any, tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "manifest.json", '{"format":"claim-workbench-bundle","version":' + LONG + "}"
        )
    path = tmp_path / "b.zip"
    path.write_bytes(out.getvalue())
    r = cli("--db", str(tmp_path / "new.db"), "import", "bundle", str(path))
    assert r.code == 1, r.out + r.err
    assert "set_int_max_str_digits" not in r.err and "over 4,300 digits" in r.err, r.err


@pytest.mark.parametrize(
    ("name", "number"),
    [("s.json", '{"document": {"title": "T", "text": "a"}, "n": %s}'), ("s.yaml", "n: %s\n")],
    ids=["json", "yaml"],
)
def test_a_seed_file_with_such_a_number(cli: Any, tmp_path: Path, name: str, number: str) -> None:
    """rbundle: `seed load` reads a file a person hands in too (JSON or YAML), and still said
    Python's words, telling the desk to call sys.set_int_max_str_digits()."""
    path = tmp_path / name
    path.write_text(number % LONG, encoding="utf-8")
    r = cli("seed", "load", str(path))
    assert r.code == 1, r.out + r.err
    assert "set_int_max_str_digits" not in r.err and "over 4,300 digits" in r.err, r.err
    assert name in r.err and len(r.err.strip().splitlines()) == 1, r.err


def test_an_exported_event_line_with_such_a_number(cli: Any, tmp_path: Path) -> None:
    """rrbundle: 7e52af71 made `audit verify --file` say such a line in the shared words (it
    said "a number too long to read"), which no test held it to."""
    _desk(cli, tmp_path)
    path = tmp_path / "trail.jsonl"
    ok(cli("audit", "export", "-o", str(path)))
    scope, first, *rest = path.read_text(encoding="utf-8").splitlines()
    assert '"seq":1,' in first
    path.write_text("\n".join([scope, first.replace('"seq":1,', f'"seq":{LONG},'), *rest]) + "\n")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1 and r.out.startswith("BROKEN: line 2: "), r.out + r.err
    assert "over 4,300 digits, longer than any field holds" in r.out, r.out
    assert "set_int_max_str_digits" not in r.out + r.err
