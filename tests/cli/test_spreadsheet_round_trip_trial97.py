"""A claims table exported, opened in a spreadsheet (Excel, WPS) and saved, imported back.

trial97: Excel and WPS read a cell `false` as the boolean FALSE and save it as `FALSE`; a
desk's `false` verdict is that cell in the `status` column. Importing the saved file back
refused every such row, "unknown status 'FALSE'", so the whole file was refused (priority's
`HIGH` was read, status's `FALSE` not).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "月之暗面完成新一轮融资，融资金额超过１０亿美元。\n融资完成后，估值达到２５亿美元。\n"


def _desk(cli: Any, tmp_path: Path) -> None:
    """A document with an open claim and a `false` verdict (with its evidence)."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "融资金额超过１０亿美元", "--text", "融资超过十亿美元"))
    ok(cli("claim", "add", "1", "--quote", "估值达到２５亿美元", "--text", "估值二十五亿美元"))
    ok(cli("claim", "status", "2", "in_progress"))
    ok(
        cli(
            "evidence", "add", "2", "--url", "https://example.org/a", "--stance", "refutes",
            "--title", "A", "--publisher", "P", "--accessed", "2026-11-29",
        )
    )  # fmt: skip
    ok(cli("claim", "status", "2", "false", "--note", "估值是二十亿美元"))


def _saved_by_excel(exported: str) -> bytes:
    """The file as Excel saves it ("CSV UTF-8"): a BOM, CRLF, TRUE/FALSE in capitals."""
    rows = list(csv.reader(io.StringIO(exported)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([c.upper() if c.lower() in ("true", "false") else c for c in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _head(cli: Any) -> Any:
    return json.loads(ok(cli("audit", "head", "--json")).out)


def test_a_false_verdict_saved_as_FALSE_is_the_claim_present(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    exported = ok(cli("export", "claims")).out
    assert ",false," in exported
    sheet = tmp_path / "claims.csv"
    sheet.write_bytes(_saved_by_excel(exported))
    assert b",FALSE," in sheet.read_bytes()
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    assert (len(result["added"]), result["already_present"]) == (0, 2), result
    assert result["differs"] == [], result
    assert _head(cli) == before  # nothing written, no event


def _resaved(exported: str, delimiter: str) -> str:
    rows = list(csv.reader(io.StringIO(exported)))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_excels_unicode_text_and_a_semicolon_csv_are_read(cli: Any, tmp_path: Path) -> None:
    """Excel's one UTF-16 save, "Unicode Text", separates cells with tabs (and names the file
    .txt), and Excel in a European locale saves "CSV" with semicolons: both were read as one
    column, and refused with "row 3: not valid CSV: ',' expected after '\"'" (a quoted cell),
    though `import claims --help` says a spreadsheet's "Unicode" save is read. The header's
    separator is the file's."""
    _desk(cli, tmp_path)
    exported = ok(cli("export", "claims")).out
    unicode_text = b"\xff\xfe" + _resaved(exported, "\t").encode("utf-16-le")
    semicolons = b"\xef\xbb\xbf" + _resaved(exported, ";").encode("utf-8")
    before = _head(cli)
    for name, data in (
        ("claims.txt", unicode_text),
        ("claims.tsv", unicode_text),
        ("tabs.csv", unicode_text),
        ("semicolons.csv", semicolons),
    ):
        sheet = tmp_path / name
        sheet.write_bytes(data)
        r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
        assert r.code == 0, (name, r.err)
        result = json.loads(r.out)
        assert (len(result["added"]), result["already_present"]) == (0, 2), (name, result)
        assert result["differs"] == [], (name, result)
    assert _head(cli) == before


def test_a_new_row_in_a_tab_separated_file_comes_in_whole(cli: Any, tmp_path: Path) -> None:
    """A row the editor added to the tab-separated sheet, a tab-free note with a comma."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "new.txt"
    sheet.write_bytes(
        "quote\ttext\tnote\ttags\r\n融资完成后\t融资已完成\t据公告，已完成\t融资\r\n".encode(
            "utf-16"
        )
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    (added,) = json.loads(r.out)["added"]
    assert (added["quote"], added["text"], added["tags"]) == ("融资完成后", "融资已完成", ["融资"])


def test_a_quote_a_spreadsheet_read_as_a_number_does_not_pin_its_claim_again(
    cli: Any, tmp_path: Path
) -> None:
    """Excel reads a cell `0.50` as the number 0.5 and `007` as 7, and saves them so. The
    export's own row of a claim quoting a figure (its id, text and offsets the claim's) then
    gave another quote: it was anchored as a new row, and the import silently added the claim
    again, pinned to `0.5` of `0.50` (11-14 for 11-15) and to the `7` of `007`. A row naming a
    claim of the document by its id, with its text, pinned elsewhere, is refused, saying so."""
    article = tmp_path / "n.txt"
    article.write_text("公司2023年营收增长0.50，编号007的产品卖出了1,000台。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "0.50", "--text", "营收增长零点五"))
    ok(cli("claim", "add", "1", "--quote", "007", "--text", "产品编号"))
    exported = ok(cli("export", "claims")).out
    rows = list(csv.reader(io.StringIO(exported)))
    quote = rows[0].index("quote")
    for row, number in zip(rows[1:], ("0.5", "7"), strict=True):
        row[quote] = number
    sheet = tmp_path / "claims.csv"
    with sheet.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 1, (r.out, r.err)
    assert r.err.splitlines()[:2] == [
        "row 2: id 1 is claim #1, with this text, pinned to '0.50' (characters 11–15); the "
        "row's quote '0.5' pins it elsewhere (characters 11–14): give the claim's quote as "
        "text (a spreadsheet may have read it as a number), or empty the id to add another "
        "claim",
        "row 3: id 2 is claim #2, with this text, pinned to '007' (characters 18–21); the "
        "row's quote '7' pins it elsewhere (characters 20–21): give the claim's quote as "
        "text (a spreadsheet may have read it as a number), or empty the id to add another "
        "claim",
    ], r.err
    r = cli("import", "claims", str(sheet), "--doc", "1", "--skip-bad")
    assert r.code == 1, (r.out, r.err)  # no good row
    assert _head(cli) == before
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 2


def test_a_workbook_is_refused_saying_how_to_save_it_as_a_table(cli: Any, tmp_path: Path) -> None:
    """`export claims --format xlsx` writes a workbook an editor edits in Excel, WPS or
    Numbers; importing the edited workbook was refused as any unknown suffix is ("a claims
    file is .csv ... (got .xlsx)"), not saying what to do with it. It says to save the sheet
    as CSV UTF-8 (or Unicode Text) and import that."""
    _desk(cli, tmp_path)
    workbook = tmp_path / "claims.xlsx"
    ok(cli("export", "claims", "-o", str(workbook)))
    for name in ("claims.xlsx", "claims.xls", "claims.et", "claims.numbers", "claims.ods"):
        path = tmp_path / name
        if not path.exists():
            path.write_bytes(workbook.read_bytes())
        r = cli("import", "claims", str(path), "--doc", "1")
        assert r.code == 1 and r.err == (
            f"error: {path}: a spreadsheet workbook is not read: save its sheet as CSV UTF-8 "
            "(or Unicode Text) and import that file\n"
        ), r.err


def test_a_new_rows_cells_with_a_stray_space_come_in_as_typed(cli: Any, tmp_path: Path) -> None:
    """A space typed after a cell's word cannot be seen in a spreadsheet: priority `high `,
    status `in_progress `, an owner, a tag, a due date and a speaker so came in trimmed, but
    the type `fact ` refused the row ("unknown claim type 'fact '"), and `Fact` too."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "new.csv"
    sheet.write_bytes(
        "\ufeffquote,text,type,status,note,priority,assignee,tags,due,speaker\r\n"
        '融资完成后,"融资已\n完成",quantity ,in_progress ,"第一行\n第二行",high ,王芳 ,融资 ,'
        "2026-12-20 ,闫俊杰 \r\n"
        "完成新一轮融资,完成了新一轮融资,Fact,Unverified,,,,,,\r\n".encode()
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert r.code == 0, r.err
    first, second = json.loads(r.out)["added"]
    assert (first["text"], first["type"], first["status"], first["priority"]) == (
        "融资已 完成",
        "quantity",
        "in_progress",
        "high",
    )
    assert (first["assignee"], first["tags"], first["due"], first["speaker"]) == (
        "王芳",
        ["融资"],
        "2026-12-20",
        "闫俊杰",
    )
    assert (second["type"], second["status"]) == ("fact", "unverified")


def test_an_editors_own_column_refuses_the_file_once_whichever_rows_fill_it(
    cli: Any, tmp_path: Path
) -> None:
    """An editor's own 备注 column, filled on some rows only, failed just those rows ("备注:
    unknown column ... give --skip-bad"): the advice dropped exactly the rows the editor had
    written on, a new claim among them, and imported the rest. The file is refused once now,
    naming the column and how many rows fill it; nothing is written."""
    _desk(cli, tmp_path)
    rows = list(csv.DictReader(io.StringIO(ok(cli("export", "claims")).out)))
    fields = [*rows[0].keys(), "备注"]
    new = dict.fromkeys(fields, "")
    new.update(quote="融资完成后", text="融资已完成", status="unverified", 备注="明天问财务")
    rows[0]["备注"] = "已核对"
    rows.append(new)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet = tmp_path / "claims.csv"
    sheet.write_text(out.getvalue(), encoding="utf-8-sig")
    before = _head(cli)
    r = cli("import", "claims", "--doc", "1", str(sheet))
    assert r.code == 1, r.out + r.err
    (line,) = r.err.strip().splitlines()
    assert "备注" in line and "2 of 3 rows" in line and "--skip-bad" not in line
    assert _head(cli) == before
    skipped = cli("import", "claims", "--doc", "1", str(sheet), "--skip-bad")
    assert skipped.code == 1 and _head(cli) == before
