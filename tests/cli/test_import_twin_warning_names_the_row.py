"""An import that adds a claim on the very words of another warns of it, and names the row
(or annotation) it came from, as its dry run does (refactor218, fix207: the dry run said
"warning: row 2: claim #1 already pins ...", the import itself "warning: claim #1 already
pins ..." with no row, so the line a person checked before importing was not the line they
then met)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

SPAN = "exactly these words (characters 3–7) with other text"


def _desk(cli: Any) -> None:
    ok(cli("doc", "add", "-", input="甲说:乙是第一。"))
    ok(cli("claim", "add", "1", "--text", "B is first", "--quote", "乙是第一"))


def _warned(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning:")]


def _given(out: str) -> list[int]:
    """The ids the import gave (PostgreSQL's are past those its dry run drew)."""
    return [int(line.split()[1].lstrip("#")) for line in out.splitlines()]


def test_a_claims_import_names_the_row_of_each_claim_on_a_twin_span(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli)
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "quote,text\r\n甲说,A spoke\r\n乙是第一,B ranks first\r\n乙是第一,B leads\r\n",
        encoding="utf-8",
    )
    dry = ok(cli("import", "claims", str(sheet), "--doc", "1", "--dry-run"))
    assert _warned(dry.err) == [
        f"warning: row 3: claim #1 already pins {SPAN}; the import would add another claim on "
        "the same span",
        f"warning: row 4: claim #1 and a claim this import would add pin {SPAN}; the import "
        "would add another claim on the same span",
    ], dry.err
    r = ok(cli("import", "claims", str(sheet), "--doc", "1"))
    _, b, c = _given(r.out)
    assert _warned(r.err) == [
        f"warning: row 3: claim #1 already pins {SPAN}; #{b} is another claim on the same span",
        f"warning: row 4: claims #1 and #{b} pin {SPAN}; #{c} is another claim on the same span",
    ], r.err


def test_an_annotations_import_names_the_annotation_as_its_dry_run_does(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli)
    note = tmp_path / "a.json"
    note.write_text(
        json.dumps(
            [
                {
                    "type": "Annotation",
                    "bodyValue": "A spoke",
                    "target": {"selector": {"type": "TextQuoteSelector", "exact": "甲说"}},
                },
                {
                    "type": "Annotation",
                    "bodyValue": "B is top",
                    "target": {"selector": {"type": "TextQuoteSelector", "exact": "乙是第一"}},
                },
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    dry = ok(cli("import", "annotations", str(note), "--doc", "1", "--dry-run"))
    assert _warned(dry.err) == [
        f"warning: annotation 2: claim #1 already pins {SPAN}; the import would add another "
        "claim on the same span"
    ], dry.err
    r = ok(cli("import", "annotations", str(note), "--doc", "1"))
    _, b = _given(r.out)
    assert _warned(r.err) == [
        f"warning: annotation 2: claim #1 already pins {SPAN}; #{b} is another claim on the "
        "same span"
    ], r.err
