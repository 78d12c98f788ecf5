"""`import annotations FILE --doc DOC --dry-run`: what the import would do, nothing written.

An editor who had changed an exported annotations file (a claim's type edited, an annotation
of another tool's added) wanted to see what its import would do before it wrote to the shared
desk, as `import claims --dry-run` lets her: `--dry-run` was "No such option", exit 2. It
checks and writes every annotation as the import does, rolls back, and says the same (the
claims it would add, those present and how they differ), writing nothing; its --json has
`import claims`'s keys for what both mean alike (`dry_run`, `other_ids`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_import_annotations_differs import _body, _desk, _exported, _saved
from tests.cli.test_spreadsheet_round_trip_trial97 import _head
from tests.inprocess import ok


def _another_tools(exact: str, text: str) -> dict[str, Any]:
    return {
        "type": "Annotation",
        "bodyValue": text,
        "target": {"selector": {"type": "TextQuoteSelector", "exact": exact}},
    }


def _edited(cli: Any, tmp_path: Path) -> Path:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    _body(data["first"]["items"][1], "classifying")["value"] = "prediction"
    data["first"]["items"].append(_another_tools("估值达到２５亿美元", "估值在融资后确定"))
    return _saved(tmp_path, data)


def test_dry_run_says_what_the_import_would_do_and_writes_nothing(cli: Any, tmp_path: Path) -> None:
    edited = _edited(cli, tmp_path)
    before = _head(cli)
    r = cli("import", "annotations", str(edited), "--doc", "1", "--dry-run")
    assert r.code == 0, (r.out, r.err)
    assert r.out == "would add  [unverified]  characters 31–40  估值在融资后确定\n", r.out
    lines = r.err.splitlines()
    assert (
        "annotation 2: claim #2 is already present; its type differs from the file and was "
        "not changed (import adds claims only; use claim edit)"
    ) in lines, r.err
    assert lines[-1] == (
        "1 claim would be added, 2 already present (--dry-run: nothing written)"
    ), r.err
    assert _head(cli) == before
    assert len(json.loads(ok(cli("claim", "list", "--json")).out)) == 2
    # Then for real: what it said.
    r = cli("import", "annotations", str(edited), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.out.endswith("  [unverified]  characters 31–40  估值在融资后确定\n"), r.out
    assert r.err.splitlines()[-1] == "1 claim added, 2 already present"
    ok(cli("audit", "verify"))


def test_dry_run_json_has_the_claims_imports_keys(cli: Any, tmp_path: Path) -> None:
    """`dry_run` and `other_ids`, as `import claims --json` gives them; a claim it would add
    has no id (the rolled-back write's is no claim's)."""
    edited = _edited(cli, tmp_path)
    before = _head(cli)
    r = cli("import", "annotations", str(edited), "--doc", "1", "--dry-run", "--json")
    assert r.code == 0, (r.out, r.err)
    result = json.loads(r.out)
    assert result["dry_run"] is True
    assert [(c["id"], c["text"]) for c in result["added"]] == [(None, "估值在融资后确定")]
    assert result["differs"] == [{"row": 2, "claim": 2, "fields": ["type"], "emptied": []}]
    assert result["other_ids"] == []
    assert _head(cli) == before
    r = cli("import", "annotations", str(edited), "--doc", "1", "--json")
    result = json.loads(r.out)
    assert result["dry_run"] is False
    assert isinstance(result["added"][0]["id"], int), result


def test_dry_run_of_a_file_with_a_bad_annotation_is_refused_as_the_import_is(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    data["first"]["items"].append(_another_tools("不在文中的话", "无"))
    before = _head(cli)
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--dry-run")
    assert r.code == 1, (r.out, r.err)
    assert r.err.startswith("error: nothing imported: annotation 3: "), r.err
    assert _head(cli) == before


def test_an_annotation_whose_id_is_another_claims_is_said_in_other_ids(
    cli: Any, tmp_path: Path
) -> None:
    """Claim #1's annotation with its text rewritten: taken by its quote and text, added as
    a new claim; its id names claim #1, as a table's id cell names a claim (`other_ids`)."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    first = data["first"]["items"][0]
    _body(first, "describing")["value"] = "融资超过十亿美元（改写）"
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    result = json.loads(r.out)
    (added,) = result["added"]
    assert result["other_ids"] == [
        {"row": 1, "id": 1, "claim": None, "added": True, "id_known": True,
         "added_as": added["id"]}
    ]  # fmt: skip
    assert "annotation 1: id " in r.err, r.err
