"""A claims table Excel saved as plain "CSV" on a Chinese Windows (GBK) whose bytes happen to
be valid UTF-8 (trial sheet).

The bug: GBK writes many common characters (卢 某 女 平 全 钱 ...) as two bytes that UTF-8
reads as one Latin or symbol character (卢某 is C2 AC C4 B3: `¬ĳ`). A sheet whose only
Chinese is such cells (an English article's claims, a speaker 卢某 and a tag 钱) was
imported without a word, its speaker stored as `¬ĳ` and its tag as `Ǯ`: mojibake stored
silently. A GBK save with one other character is refused (test_import_gbk_spreadsheet_advice);
this one must be too, with the same advice, and nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

SAVE = "save it as CSV UTF-8 (or Unicode Text) and import that file"
ARTICLE = "The minister said prices rose 5% last year. Lu said the firm has 3000 staff in Café."


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))


def _claims(cli: Any) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = json.loads(ok(cli("claim", "list", "--json")).out)
    return listed


def test_a_gbk_save_that_reads_as_utf8_is_refused_not_stored(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    table = (
        "quote,text,speaker,tags\r\n"
        "prices rose 5%,Prices rose 5% last year,卢某,钱\r\n"
        "the firm has 3000 staff,The firm has 3000 staff,女,\r\n"
    )
    data = table.encode("gbk")
    assert data.decode("utf-8") != table  # the premise: these bytes are UTF-8 too, other text
    sheet.write_bytes(data)
    r = cli("import", "claims", "--doc", "1", str(sheet))
    assert r.code == 1, (r.out, r.err)
    assert "GB18030/GBK (Chinese)" in r.err and SAVE in r.err, r.err
    assert "line 2" in r.err and "卢某" in r.err, r.err
    assert r.err.count("\n") == 1, r.err
    assert _claims(cli) == []


def test_the_same_bytes_with_a_utf8_mark_are_taken_as_utf8(cli: Any, tmp_path: Path) -> None:
    # Excel's "CSV UTF-8" save starts with the mark: the file says what it is, and is read so.
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + "quote,text,speaker\nprices rose 5%,P,卢某\n".encode("gbk"))
    ok(cli("import", "claims", "--doc", "1", str(sheet)))
    assert [c["speaker"] for c in _claims(cli)] == ["¬ĳ"]


def test_utf8_without_a_mark_is_still_read(cli: Any, tmp_path: Path) -> None:
    # Accented Latin letters in a word, Chinese, Cyrillic: UTF-8 as it is, none refused.
    _desk(cli, tmp_path)
    sheet = tmp_path / "claims.csv"
    sheet.write_text(
        "quote,text,speaker,tags\n"
        "Café,At the Café,卢某,где\n"
        "prices rose 5%,Prices rose 5%,Dvořák,平台\n",
        encoding="utf-8",
    )
    ok(cli("import", "claims", "--doc", "1", str(sheet)))
    claims = _claims(cli)
    assert sorted(c["speaker"] for c in claims) == ["Dvořák", "卢某"]


def test_real_utf8_whose_one_word_gbk_reads_as_chinese_is_imported(
    cli: Any, tmp_path: Path
) -> None:
    # Review rsheet: różne (ó ż) and 马丽 in UTF-8 are GB2312 Chinese in GBK, and were refused
    # as "the file looks like GB18030/GBK" although nothing else in the file is beyond ASCII.
    _desk(cli, tmp_path)
    for n, speaker in enumerate(["Różewicz", "马丽", "Kılıç"]):
        sheet = tmp_path / f"claims{n}.csv"
        sheet.write_text(
            f"quote,text,speaker\nprices rose 5%,Prices rose 5% last year ({n}),{speaker}\n",
            encoding="utf-8",
        )
        r = cli("import", "claims", "--doc", "1", str(sheet))
        assert r.code == 0, (speaker, r.err)
    assert sorted(c["speaker"] for c in _claims(cli)) == sorted(["Różewicz", "马丽", "Kılıç"])


def test_digits_of_other_scripts_and_transliteration_are_imported(cli: Any, tmp_path: Path) -> None:
    # Review rrsheet: a Persian year (۱۳۹۸), a Hebrew abbreviation (ש״ס) or ALA-LC's Saʿīd,
    # alone beyond ASCII, were refused as "the file looks like GB18030/GBK".
    _desk(cli, tmp_path)
    speakers = ["۱۳۹۸", "ש״ס", "Saʿīd"]
    for n, speaker in enumerate(speakers):
        sheet = tmp_path / f"claims{n}.csv"
        sheet.write_text(
            f"quote,text,speaker\nprices rose 5%,Prices rose 5% last year ({n}),{speaker}\n",
            encoding="utf-8",
        )
        r = cli("import", "claims", "--doc", "1", str(sheet))
        assert r.code == 0, (speaker, r.err)
    assert sorted(c["speaker"] for c in _claims(cli)) == sorted(speakers)
