"""Verifying an exported JSONL file, with no database: full exports to the head, filtered ones
event by event, and every edit to the file caught."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.chain import canonical_json, event_hash, record_hash
from workbench.domain.errors import InvalidInput
from workbench.exports.events import export_text
from workbench.services.audit import EventFilter
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.notes import add_note
from workbench.services.verify import chain_head, verify_file


@pytest.fixture
def trail(wb: Workbench, document_with_claims: Callable[..., Any]) -> tuple[Workbench, int]:
    a, b = document_with_claims(
        claims=[("A said", "甲说了一句话"), ("B said", "乙说了另一句话")]
    ).claims
    set_status(wb, a, "in_progress")
    add_note(wb, b, "needs a source 😀𠀀")
    set_status(Workbench(url=wb.url, actor="alice"), a, "unverifiable", note="no, see the filing")
    return wb, a


def write(tmp_path: Path, lines: list[str], name: str = "trail.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def full_export(wb: Workbench) -> list[str]:
    return export_text(wb, "jsonl").splitlines()


def test_full_export_verifies_to_the_database_head(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, _ = trail
    head = chain_head(wb)
    report = verify_file(write(tmp_path, full_export(wb)), head=head.hash, count=head.count)
    assert report.ok and report.complete
    assert (report.count, report.head) == (head.count, head.hash)


def test_every_line_hashes_by_the_recipe_and_by_the_stored_text(
    trail: tuple[Workbench, int],
) -> None:
    """The two ways of hashing agree: the recipe on the parsed record, and the splice of the
    stored payload text that the database walk uses."""
    wb, _ = trail
    for line in full_export(wb):
        record = json.loads(line)
        payload_text = canonical_json(record["payload"])
        assert payload_text in line
        fields = {k: record[k] for k in record if k not in {"payload", "hash"}}
        assert record_hash(record) == record["hash"]
        assert event_hash(payload_json=payload_text, **fields) == record["hash"]


def test_filtered_export_verifies_event_by_event(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, a = trail
    lines = export_text(wb, "jsonl", EventFilter(claim_id=a)).splitlines()
    seqs = [json.loads(x)["seq"] for x in lines]
    assert seqs == [2, 4, 6]
    report = verify_file(write(tmp_path, lines))
    assert report.ok and not report.complete
    assert report.count == 3
    assert report.gap_count == 3 and report.unlinked == (2, 4, 6)


def test_filtered_export_cannot_stand_for_the_noted_head(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, a = trail
    lines = export_text(wb, "jsonl", EventFilter(claim_id=a)).splitlines()
    report = verify_file(write(tmp_path, lines), head=chain_head(wb).hash)
    assert report.broken is not None and report.broken.seq == 2
    assert "seq 1 is missing" in report.broken.message()


def _edit(line: str, **changes: object) -> str:
    record = json.loads(line)
    record.update(changes)
    return json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize(
    "changes",
    [
        {"actor": "mallory"},
        {"at": "2020-01-01T00:00:00.000000Z"},
        {"payload": {"after": {"status": "verified"}}},
        {"claim_id": None},
    ],
)
def test_edited_line_is_caught(
    trail: tuple[Workbench, int], tmp_path: Path, changes: dict[str, object]
) -> None:
    wb, _ = trail
    lines = full_export(wb)
    lines[3] = _edit(lines[3], **changes)
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None and report.broken.seq == 4
    assert "altered" in report.broken.message()


def test_reformatted_file_still_verifies(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    """The hash is over the recipe's canonical form, not the file's bytes: a tool that
    rewrites the JSON with other spacing or key order changes nothing that matters."""
    wb, _ = trail
    lines = [
        json.dumps(dict(reversed(json.loads(x).items())), indent=None) for x in full_export(wb)
    ]
    assert verify_file(write(tmp_path, lines)).ok


def test_swapped_lines_are_caught(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    wb, _ = trail
    lines = full_export(wb)
    lines[3], lines[4] = lines[4], lines[3]
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None and report.broken.seq == 4
    assert "out of order" in report.broken.message()


def test_removed_line(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    """Without a noted head a file with a hole reads as a filtered export; with one, it fails."""
    wb, _ = trail
    head = chain_head(wb)
    lines = full_export(wb)
    del lines[3]
    path = write(tmp_path, lines)
    loose = verify_file(path)
    assert loose.ok and not loose.complete and loose.unlinked == (5,)
    report = verify_file(path, head=head.hash, count=head.count)
    assert report.broken is not None and report.broken.seq == 5
    assert "seq 4 is missing" in report.broken.message()


def test_removed_last_line_needs_the_noted_head(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, _ = trail
    head = chain_head(wb)
    lines = full_export(wb)[:-1]
    assert verify_file(write(tmp_path, lines)).ok
    report = verify_file(write(tmp_path, lines), head=head.hash, count=head.count)
    assert report.broken is not None and "removed from the end" in report.broken.message()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"seq": 3}', "lacks"),
    ],
)
def test_unreadable_line(
    trail: tuple[Workbench, int], tmp_path: Path, line: str, problem: str
) -> None:
    wb, _ = trail
    lines = full_export(wb)
    lines.insert(2, line)
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None
    assert report.broken.message().startswith("line 3: " + problem)


def test_missing_file_and_bad_head(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        verify_file(str(tmp_path / "nope.jsonl"))
    with pytest.raises(InvalidInput, match="not a SHA-256"):
        verify_file(write(tmp_path, []), head="abc")
