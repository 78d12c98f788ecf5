"""A status, type or priority typed full-width, in either import: read as typed, as the rating
beside it is.

fix207 and review216: an editor on a Chinese IME in full-width mode retyped a false claim's
rating `Ｆａｌｓｅ` and its status `ｆａｌｓｅ`: the rating was read as the claim's (fix207),
but the status refused the whole row, or the annotation file, as "unknown status 'ｆａｌｓｅ'".
A cell naming one of a fixed set of words is read as the project reads what a full-width IME
types (ids, numbers, dates, ratings: `cjk.TYPED_ASCII`), in either import. Only those forms:
a word that names none of the set is still refused, as typed. Run on both backends.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _desk, _exported, _saved
from tests.cli.test_import_claims_rating_edited import _judged
from tests.cli.test_import_emptied_cells import _edited
from tests.inprocess import ok


def _wide(word: str) -> str:
    """`word` as a Chinese IME in full-width mode types it (ｆａｌｓｅ, ｉｎ＿ｐｒｏｇｒｅｓｓ)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


def _exported_row(cli: Any) -> dict[str, str]:
    return next(csv.DictReader(io.StringIO(ok(cli("export", "claims")).out)))


def test_a_tables_full_width_status_and_type_are_the_claims(cli: Any, tmp_path: Path) -> None:
    _judged(cli, tmp_path)
    row = _exported_row(cli)
    sheet = _edited(
        cli,
        tmp_path,
        status=_wide(row["status"].upper()),
        type="\u3000" + _wide(row["type"]),
        rating=_wide(row["rating"]),
        priority=_wide(row["priority"]),
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["differs"] == [], r.out
    assert json.loads(r.out)["added"] == [], r.out


def test_a_new_row_typed_full_width_is_added_as_read(cli: Any, tmp_path: Path) -> None:
    ok(cli("doc", "add", "-", input="公司表示，营收增长了百分之十。"))
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "quote,text,status,type,priority\r\n"
        f"营收增长了百分之十,Revenue grew 10%,{_wide('in_progress')},{_wide('Quantity')},"
        f"{_wide('HIGH')}\r\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    (added,) = json.loads(r.out)["added"]
    assert (added["status"], added["type"], added["priority"]) == (
        "in_progress",
        "quantity",
        "high",
    ), added


def test_a_full_width_word_that_names_none_is_still_refused_as_typed(
    cli: Any, tmp_path: Path
) -> None:
    ok(cli("doc", "add", "-", input="公司表示，营收增长了百分之十。"))
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        f"quote,text,status\r\n营收增长了百分之十,Revenue grew 10%,{_wide('done')}\r\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1 and "unknown status 'ｄｏｎｅ'" in r.err, r.err


def test_an_annotations_full_width_status_and_type_are_the_claims(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    second = data["first"]["items"][1]
    for purpose in ("tagging", "classifying"):
        _body(second, purpose)["value"] = _wide(_body(second, purpose)["value"])
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [], r.out
    # Another status typed full-width is said as a changed status, not refused.
    _body(second, "tagging")["value"] = _wide("opinion")
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["differs"] == [
        {"row": 2, "claim": 2, "fields": ["status"], "emptied": []}
    ], r.out
