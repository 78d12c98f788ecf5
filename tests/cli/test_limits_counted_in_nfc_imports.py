"""Imports are held to the limits as stored (review nfclimits): a claims file's row whose speaker
is within the limit as typed but over it in NFC (U+0958 is two characters composed) is a bad row,
named with its field; and a bundle holding a value over its column's width (written by an older
SQLite desk, which stored what PostgreSQL refuses) is refused in one line naming the table, the
row and the column, not with a database error nor stored over-long. The same on SQLite and on
PostgreSQL (run with WORKBENCH_TEST_DATABASE_URL set)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain import limits
from workbench.domain.limits import MAX_SHORT, MAX_TITLE

Run = Callable[..., Any]
OVER_IN_NFC = "a" * (MAX_SHORT - 2) + " \u0958"  # 200 typed, 201 in NFC
TEXT = "The GDP grew 5% in 2020.\n"


def test_a_claims_file_row_over_the_limit_in_nfc_is_a_bad_row_naming_its_field(
    cli: Run, counts: Callable[[], dict[str, int]], tmp_path: Path
) -> None:
    assert cli("doc", "add", "-", input=TEXT).code == 0
    rows = tmp_path / "claims.json"
    row = {"text": "The GDP grew.", "quote": "GDP grew", "speaker": OVER_IN_NFC}
    rows.write_text(json.dumps([row]), encoding="utf-8")
    before = counts()
    r = cli("import", "claims", str(rows), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert "database error" not in r.err
    assert "row 1" in r.err and "speaker is 201 characters" in r.err, r.err
    assert counts() == before


def _older_desk_bundle(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundle of an SQLite desk that stored a 501-character title, as releases before the
    limit was measured in NFC did (its check let any length by here)."""
    old = {"WORKBENCH_DB": f"sqlite:///{tmp_path / 'older.db'}"}
    with monkeypatch.context() as earlier:
        real = limits.check_text
        earlier.setattr(
            limits, "check_text", lambda value, what, limit, **kw: real(value, what, 10**9, **kw)
        )
        added = cli("doc", "add", "-", "--title", "t" * (MAX_TITLE + 1), input=TEXT, env=old)
        assert added.code == 0, added.err
    bundle = tmp_path / "older.json"
    assert cli("export", "bundle", str(bundle), env=old).code == 0
    return bundle


def test_a_bundle_holding_a_value_over_its_column_is_refused_naming_it(
    cli: Run, counts: Callable[[], dict[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _older_desk_bundle(cli, tmp_path, monkeypatch)
    before = counts()
    r = cli("import", "bundle", str(bundle))
    assert r.code == 1, (r.out, r.err)
    assert r.err.count("\n") == 1 and "database error" not in r.err, r.err
    assert "documents" in r.err and "#1" in r.err and "title" in r.err, r.err
    assert f"{MAX_TITLE + 1:,} characters" in r.err and f"limit is {MAX_TITLE:,}" in r.err
    assert counts() == before


def test_a_pages_byline_over_the_limit_in_nfc_is_cut_as_stored_not_refused(
    cli: Run, tmp_path: Path
) -> None:
    # A page's byline (its <meta name="author">) is cut at the limit, not refused: the person
    # gave no author, the page did. 200 characters as given, 201 in NFC: cut in NFC, the form
    # stored (SQLite stored 201 characters, PostgreSQL refused them as a database error).
    byline = "Abcd " * 39 + "Xyz \u0958"
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><meta name="author" content="{byline}"><title>T</title></head>'
        f"<body><p>{TEXT * 3}</p></body></html>",
        encoding="utf-8",
    )
    r = cli("doc", "add", str(page), "--json")
    assert r.code == 0, r.err
    author = json.loads(r.out)["author"]
    assert author.endswith("…") and len(author) <= MAX_SHORT, author


def test_an_annotation_whose_speaker_is_over_the_limit_in_nfc_is_refused_naming_it(
    cli: Run, counts: Callable[[], dict[str, int]], tmp_path: Path
) -> None:
    assert cli("doc", "add", "-", input=TEXT).code == 0
    assert cli("doc", "add", "-", input="Also: " + TEXT).code == 0
    added = cli(
        "claim", "add", "1", "--text", "GDP grew.", "--quote", "GDP grew", "--speaker", "Ana"
    )
    assert added.code == 0, added.err
    exported = tmp_path / "a.json"
    assert cli("export", "annotations", "--doc", "1", "-o", str(exported)).code == 0
    written = exported.read_text(encoding="utf-8")
    assert written.count('"Ana"') == 1
    exported.write_text(written.replace('"Ana"', json.dumps(OVER_IN_NFC)), encoding="utf-8")
    before = counts()
    r = cli("import", "annotations", str(exported), "--doc", "2")
    assert r.code == 1, (r.out, r.err)
    assert "database error" not in r.err
    assert "annotation 1" in r.err and "speaker is 201 characters" in r.err, r.err
    assert counts() == before
