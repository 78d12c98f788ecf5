"""`import claims FILE --doc DOC --dry-run`: what an import would do, nothing written.

An editor who had worked on an export in a spreadsheet (a row added, a speaker changed, a
note emptied) wanted to see what the import would do before it did it, as she would with any
tool that writes to a shared desk: `--dry-run` was "No such option", exit 2, and the only
way to see was to import. It checks every row as the import does and says the same (the rows
it would add, those present and how they differ, the rows refused), writing nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_emptied_cells import _edited
from tests.cli.test_spreadsheet_round_trip_trial97 import _desk, _head
from tests.inprocess import ok


def _sheet(cli: Any, tmp_path: Path) -> Path:
    _desk(cli, tmp_path)
    ok(cli("note", "add", "1", "先查公司公告"))
    sheet = _edited(cli, tmp_path, speaker="闫俊杰", note="")
    with sheet.open("a", encoding="utf-8", newline="") as f:
        f.write(",,融资完成后，估值达到,,,,估值在融资后确定" + "," * 13 + "\r\n")
    return sheet


def test_dry_run_says_what_the_import_would_do_and_writes_nothing(cli: Any, tmp_path: Path) -> None:
    sheet = _sheet(cli, tmp_path)
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run")
    assert r.code == 0, (r.out, r.err)
    assert r.out == "would add  [unverified]  characters 25–35  估值在融资后确定\n", r.out
    lines = r.err.splitlines()
    assert (
        "row 2: claim #1 is already present; its speaker differs from the file and the file "
        "leaves its note empty: not changed (import adds claims only; use claim edit, note "
        "internal)"
    ) in lines, r.err
    assert lines[-1] == (
        "1 claim would be added, 2 already present, 0 rows skipped (--dry-run: nothing written)"
    ), r.err
    assert _head(cli) == before
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 2
    # Then for real: what it said. (The id is the next one on SQLite; PostgreSQL does not
    # give back the sequence number the rolled-back dry run drew, as for any rollback.)
    r = cli("import", "claims", str(sheet), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.out.startswith("claim #"), r.out
    assert r.out.endswith("  [unverified]  characters 25–35  估值在融资后确定\n"), r.out
    assert r.err.splitlines()[-1] == "1 claim added, 2 already present, 0 rows skipped"
    ok(cli("audit", "verify"))


def test_dry_run_json_says_it_wrote_nothing(cli: Any, tmp_path: Path) -> None:
    sheet = _sheet(cli, tmp_path)
    before = _head(cli)
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run", "--json")
    assert r.code == 0, (r.out, r.err)
    result = json.loads(r.out)
    assert result["dry_run"] is True
    assert [c["text"] for c in result["added"]] == ["估值在融资后确定"]
    assert result["differs"] == [
        {"row": 2, "claim": 1, "fields": ["speaker", "note"], "emptied": ["note"]}
    ]
    assert _head(cli) == before
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    assert json.loads(r.out)["dry_run"] is False


def test_dry_run_of_a_file_with_bad_rows_is_refused_as_the_import_is(
    cli: Any, tmp_path: Path
) -> None:
    sheet = _sheet(cli, tmp_path)
    with sheet.open("a", encoding="utf-8", newline="") as f:
        f.write(",,不在文中的话,,,,无,,,,,,,,,,,,,\r\n")
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run")
    assert r.code == 1, (r.out, r.err)
    assert r.err.splitlines()[0].startswith("row 5: quote not found in the document"), r.err


def test_a_dry_runs_same_span_warnings_name_no_id_it_never_gave(cli: Any, tmp_path: Path) -> None:
    """A dry run of rows that pin a claim's very words with other text warned "#3 is another
    claim on the same span", and of the second "claims #1 and #3 pin ...; #4 is another":
    ids the dry run gave nothing (on PostgreSQL the import then gives others), said as claims
    that exist. It says the claims the import would add, as its other lines do."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "twins.csv"
    sheet.write_text(
        "quote,text\r\n融资金额超过１０亿美元,另一种说法\r\n融资金额超过１０亿美元,第三种说法\r\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run")
    assert r.code == 0, (r.out, r.err)
    warned = [line for line in r.err.splitlines() if line.startswith("warning:")]
    assert warned == [
        "warning: row 2: claim #1 already pins exactly these words (characters 12–23) with "
        "other text; the import would add another claim on the same span",
        "warning: row 3: claim #1 and a claim this import would add pin exactly these words "
        "(characters 12–23) with other text; the import would add another claim on the same span",
    ], r.err
    # The import itself still names the claims it added, by the ids they were given (not #3
    # on PostgreSQL, whose rolled-back dry run drew 3 and 4).
    r = cli("import", "claims", str(sheet), "--doc", "1")
    given = [int(line.split()[1].lstrip("#")) for line in r.out.splitlines()]
    assert f"#{given[0]} is another claim on the same span" in r.err, r.err


def test_a_dry_runs_json_names_no_id_it_never_gave(cli: Any, tmp_path: Path) -> None:
    """`--dry-run --json` of two rows on claim #1's very words gave each claim it would add
    the id the rolled-back write drew (`"id": 3`, `"id": 4`) and the second's `same_span`
    `[1, 3]`: claims that exist nowhere, which PostgreSQL's real import numbers otherwise,
    though the same run's stderr, and docs/json.md's "their ids are not kept", say they are
    given none. A claim a dry run would add has `id` null; its `same_span` names the claims
    present (stderr says the import's own twins, as without --json)."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "twins.csv"
    sheet.write_text(
        "quote,text\r\n融资金额超过１０亿美元,另一种说法\r\n融资金额超过１０亿美元,第三种说法\r\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run", "--json")
    assert r.code == 0, (r.out, r.err)
    added = json.loads(r.out)["added"]
    assert [(c["id"], c["same_span"]) for c in added] == [(None, [1]), (None, [1])], added
    assert "a claim this import would add pin" in r.err, r.err
    r = cli("import", "claims", str(sheet), "--doc", "1", "--json")
    added = json.loads(r.out)["added"]
    assert all(isinstance(c["id"], int) for c in added), added
    assert added[1]["same_span"] == [1, added[0]["id"]], added


def test_a_dry_runs_same_span_warnings_name_the_row(cli: Any, tmp_path: Path) -> None:
    """A dry run's warning of a claim it would add on another's very span named no row, where
    its every other line names one ("row 2: ..."): which of a file's rows, the editor had to
    guess from the characters. Each names its row (an annotation's number in the file, of
    `import annotations --dry-run`); the claims it would add have no id to name them by."""
    _desk(cli, tmp_path)
    sheet = tmp_path / "twins.csv"
    sheet.write_text(
        "quote,text\r\n估值达到２５亿美元,另一种说法\r\n融资金额超过１０亿美元,第三种说法\r\n",
        encoding="utf-8",
    )
    r = cli("import", "claims", str(sheet), "--doc", "1", "--dry-run")
    assert r.code == 0, (r.out, r.err)
    warned = [line for line in r.err.splitlines() if line.startswith("warning:")]
    assert [line.split(": claim #")[0] for line in warned] == ["warning: row 2", "warning: row 3"]
    annotations = tmp_path / "twins.json"
    annotations.write_text(
        json.dumps(
            [
                {
                    "type": "Annotation",
                    "bodyValue": "第三种说法",
                    "target": {
                        "selector": {"type": "TextQuoteSelector", "exact": "融资金额超过１０亿美元"}
                    },
                },
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    r = cli("import", "annotations", str(annotations), "--doc", "1", "--dry-run")
    assert r.code == 0, (r.out, r.err)
    warned = [line for line in r.err.splitlines() if line.startswith("warning:")]
    assert warned == [
        "warning: annotation 1: claim #1 already pins exactly these words (characters 12–23) "
        "with other text; the import would add another claim on the same span"
    ], r.err
