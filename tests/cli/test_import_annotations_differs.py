"""`import annotations` of an `export annotations` an editor changed, given back.

An editor changed a claim's status, type, speaker and reason in the annotations file (or took
them out of it) and imported it back: the import said "0 claims added, 2 already present" and
nothing more, and the editor took the claim to be changed; it was not (an import adds claims
only). `import claims` says such a row (`differs`, the first ten, the rest counted); the
annotations import now says such an annotation alike, and still changes nothing. An untouched
export (a verdict recorded with no reason, a flagged verdict withheld) says nothing differs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_flagged_annotation_words_cli import _corrected_desk
from tests.cli.test_spreadsheet_round_trip_trial97 import _desk as trial97_desk
from tests.cli.test_spreadsheet_round_trip_trial97 import _head
from tests.inprocess import ok
from tests.older_trail import older_trail_claim
from workbench.services.context import Workbench


def _desk(cli: Any, tmp_path: Path) -> None:
    """Claim #1, open, with a speaker and a published note; claim #2 a verdict with reason."""
    trial97_desk(cli, tmp_path)
    ok(cli("claim", "edit", "1", "--speaker", "闫俊杰"))
    ok(cli("claim", "status", "1", "in_progress"))
    ok(cli("note", "add", "1", "问过了公司"))


def _exported(cli: Any, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "exported.json"
    ok(cli("export", "annotations", "--doc", "1", "-o", str(path)))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _saved(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _body(item: dict[str, Any], purpose: str) -> dict[str, Any]:
    (body,) = [b for b in item["body"] if b.get("purpose") == purpose]
    return body


def _claim(cli: Any, claim_id: int) -> tuple[Any, ...]:
    shown = json.loads(ok(cli("claim", "show", str(claim_id), "--json")).out)
    return shown["speaker"], shown["type"], shown["status"]


def test_changed_status_type_speaker_and_note_are_said_not_changed(
    cli: Any, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    second = data["first"]["items"][1]
    _body(second, "tagging")["value"] = "opinion"
    _body(second, "classifying")["value"] = "prediction"
    _body(second, "commenting")["value"] = "编辑改过的理由"
    second["target"]["creator"] = {"name": "杨植麟"}
    edited = _saved(tmp_path, data)
    before = _head(cli)
    r = cli("import", "annotations", str(edited), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    assert r.err.splitlines() == [
        "annotation 2: claim #2 is already present; its speaker, type, status, note differ "
        "from the file and were not changed (import adds claims only; use claim edit, claim "
        "status, note add)",
        "0 claims added, 2 already present",
    ], r.err
    r = cli("import", "annotations", str(edited), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    result = json.loads(r.out)
    assert (result["added"], result["already_present"]) == ([], 2)
    assert result["differs"] == [
        {"row": 2, "claim": 2, "fields": ["speaker", "type", "status", "note"], "emptied": []}
    ]
    assert _head(cli) == before
    assert _claim(cli, 2) == (None, "fact", "false")


def test_removed_speaker_status_and_note_are_said_not_cleared(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    first = data["first"]["items"][0]
    first["body"] = [b for b in first["body"] if b["purpose"] not in ("tagging", "commenting")]
    del first["target"]["creator"]
    edited = _saved(tmp_path, data)
    before = _head(cli)
    r = cli("import", "annotations", str(edited), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    emptied = ["speaker", "status", "note"]
    assert json.loads(r.out)["differs"] == [
        {"row": 1, "claim": 1, "fields": emptied, "emptied": emptied}
    ]
    assert r.err.splitlines() == [
        "annotation 1: claim #1 is already present; the file leaves its speaker, note empty, "
        "which were not cleared, and its status, which no claim can be without (import adds "
        "claims only; use claim edit --clear speaker, claim status, note internal)",
        "0 claims added, 2 already present",
    ], r.err
    assert _head(cli) == before
    assert _claim(cli, 1) == ("闫俊杰", "fact", "in_progress")


def test_the_annotations_that_differ_are_said_a_few_then_counted(cli: Any, tmp_path: Path) -> None:
    sentences = [f"第{n}句话说了第{n}件事。" for n in range(1, 15)]
    article = tmp_path / "a.txt"
    article.write_text("".join(sentences), encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    for s in sentences:
        ok(cli("claim", "add", "1", "--quote", s, "--text", s))
    data = _exported(cli, tmp_path)
    for item in data["first"]["items"]:
        _body(item, "classifying")["value"] = "opinion"
    edited = _saved(tmp_path, data)
    r = cli("import", "annotations", str(edited), "--doc", "1")
    assert r.code == 0, (r.out, r.err)
    lines = r.err.splitlines()
    assert len([line for line in lines if "is already present" in line]) == 10, r.err
    assert lines[-2:] == [
        "and 4 more annotations whose claim, already present, differs from the file: not "
        "changed (--json: differs)",
        "0 claims added, 14 already present",
    ], r.err
    r = cli("import", "annotations", str(edited), "--doc", "1", "--json")
    differs = json.loads(r.out)["differs"]
    assert [(d["row"], d["claim"], d["fields"]) for d in differs] == [
        (n, n, ["type"]) for n in range(1, 15)
    ]


def test_an_untouched_export_differs_in_nothing(cli: Any, db_url: str, tmp_path: Path) -> None:
    """Its verdict with a reason, an open claim's note, a speaker, and a verdict an older
    trail recorded with no reason (the export writes none): each is the claim, present."""
    _desk(cli, tmp_path)
    article = tmp_path / "b.txt"
    article.write_text("甲说了一句话。乙说了另一句话。", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    older_trail_claim(
        Workbench(url=db_url, actor="tester"), 2, "unverifiable", "claim.status_changed"
    )
    for doc in ("1", "2"):
        exported = tmp_path / f"untouched{doc}.json"
        ok(cli("export", "annotations", "--doc", doc, "-o", str(exported)))
        r = cli("import", "annotations", str(exported), "--doc", doc, "--json")
        assert r.code == 0, (r.out, r.err)
        assert json.loads(r.out)["differs"] == [], r.out
        r = cli("import", "annotations", str(exported), "--doc", doc)
        assert r.code == 0, (r.out, r.err)
        assert "already present;" not in r.err, r.err


def test_a_withheld_verdict_differs_in_nothing(cli: Any, tmp_path: Path) -> None:
    """A flagged verdict's annotation, exported with no status or reason (withheld), or
    published anyway (--include-flagged), is its claim as it stands."""
    _corrected_desk(cli, tmp_path)
    for flags in ((), ("--include-flagged",)):
        exported = tmp_path / f"flagged{len(flags)}.json"
        ok(cli("export", "annotations", *flags, "-o", str(exported)))
        r = cli("import", "annotations", str(exported), "--doc", "1", "--json")
        assert r.code == 0, (r.out, r.err)
        assert json.loads(r.out)["differs"] == [], (flags, r.out, r.err)


def test_another_tools_annotation_of_a_claim_present_empties_nothing(
    cli: Any, tmp_path: Path
) -> None:
    """An annotation no workbench wrote (no generator) carries no status, type, speaker or
    reason: it gives none, and leaves none out, of the claim present it quotes."""
    _desk(cli, tmp_path)
    data = _exported(cli, tmp_path)
    for item in data["first"]["items"]:
        del item["generator"]
    r = cli("import", "annotations", str(_saved(tmp_path, data)), "--doc", "1", "--json")
    assert r.code == 0, (r.out, r.err)
    result = json.loads(r.out)
    assert (result["already_present"], result["differs"]) == (2, []), r.out
