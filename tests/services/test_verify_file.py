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
from workbench.services.chain_head import chain_head
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.notes import add_note
from workbench.services.verify import verify_file


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
    """The export's lines: its scope line first, then one event per line (seq N at index N)."""
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
    for line in full_export(wb)[1:]:
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
    scope = json.loads(lines[0])["export"]
    assert scope["scope"] == "filtered" and scope["filters"] == {"claim": a}
    assert (scope["count"], scope["first_seq"], scope["last_seq"]) == (3, 2, 6)
    seqs = [json.loads(x)["seq"] for x in lines[1:]]
    assert seqs == [2, 4, 6]
    report = verify_file(write(tmp_path, lines))
    assert report.ok and not report.complete
    assert report.count == 3 and report.filters == {"claim": a}
    assert report.gap_count == 3 and report.unlinked == (2, 4, 6)


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_filtered_export_with_a_line_removed_fails(
    trail: tuple[Workbench, int], tmp_path: Path, cut: int
) -> None:
    wb, a = trail
    lines = export_text(wb, "jsonl", EventFilter(claim_id=a)).splitlines()
    del lines[cut]
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None
    assert "holds 2 events but its scope line says 3" in report.broken.message()


def test_filtered_export_with_a_line_added_fails(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, a = trail
    lines = export_text(wb, "jsonl", EventFilter(claim_id=a)).splitlines()
    lines.insert(2, full_export(wb)[3])  # seq 3, a real event of the trail
    report = verify_file(write(tmp_path, lines))
    # The event is another claim's: one the scope line's filter does not select.
    assert report.broken is not None
    assert "it is not about claim #1" in report.broken.message()
    # An event of its claim added: the count is the scope line's no more.
    lines = export_text(wb, "jsonl", EventFilter(claim_id=a)).splitlines()
    scope = json.loads(lines[0])
    scope["export"]["count"] -= 1
    report = verify_file(write(tmp_path, [json.dumps(scope), *lines[1:]]))
    assert report.broken is not None and "lines were added" in report.broken.message()


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
    lines[4] = _edit(lines[4], **changes)
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


def test_swapped_lines_are_out_of_order_not_missing(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, _ = trail
    lines = full_export(wb)
    lines[4], lines[5] = lines[5], lines[4]
    report = verify_file(write(tmp_path, lines))
    # seq 5 arrives where seq 4 belongs: in a full export that is the first break, and seq 4
    # further on makes it a move rather than a deletion.
    assert report.broken is not None and report.broken.seq == 5
    assert (report.broken.expected, report.broken.expected_line) == (4, 6)
    assert report.broken.message() == (
        "seq 5: at line 5, where seq 4 belongs; seq 4 is at line 6: the events are out of "
        "order (moved, not deleted)"
    )
    assert report.to_json()["break"]["expected_seq_line"] == 6


@pytest.mark.parametrize(
    ("move_from", "move_to", "seq", "expected", "expected_line"),
    [(2, 6, 3, 2, 7), (5, 1, 5, 1, 3), (6, 2, 6, 2, 4)],
    ids=["down to the end", "up to the start", "up from the end"],
)
def test_a_line_moved_anywhere_is_out_of_order(
    trail: tuple[Workbench, int],
    tmp_path: Path,
    move_from: int,
    move_to: int,
    seq: int,
    expected: int,
    expected_line: int,
) -> None:
    wb, _ = trail
    lines = full_export(wb)
    lines.insert(move_to, lines.pop(move_from))
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None and report.broken.seq == seq
    assert (report.broken.expected, report.broken.expected_line) == (expected, expected_line)
    assert "out of order (moved, not deleted)" in report.broken.message()
    assert "missing" not in report.broken.message()


def test_removed_line(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    """A full export says it is one: a hole in it is a deleted event, noted head or not."""
    wb, _ = trail
    lines = full_export(wb)
    del lines[4]
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None and report.broken.seq == 5
    assert "seq 4 is missing" in report.broken.message()
    assert (report.broken.expected, report.broken.expected_line) == (4, None)
    # Removed from the start: missing too, since it is nowhere further on.
    report = verify_file(write(tmp_path, [lines[0], *lines[2:]]))
    assert report.broken is not None and "seq 1 is missing" in report.broken.message()


def test_removed_last_line_is_caught_by_the_scope_line(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    wb, _ = trail
    head = chain_head(wb)
    lines = full_export(wb)[:-1]
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None
    assert "holds 5 events but its scope line says 6" in report.broken.message()
    report = verify_file(write(tmp_path, lines), head=head.hash, count=head.count)
    assert report.broken is not None and "removed from the end" in report.broken.message()


def test_a_duplicated_line_is_a_duplicate(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    wb, _ = trail
    lines = full_export(wb)
    report = verify_file(write(tmp_path, [*lines, lines[-1]]))
    assert report.broken is not None and report.broken.seq == 6
    assert report.broken.message() == "seq 6: comes twice in a row: an event is duplicated"
    # A copy of an earlier line further down: in a whole trail every seq before the last has
    # been seen once, so a seq that goes back is a second copy.
    report = verify_file(write(tmp_path, [*lines[:4], lines[2], *lines[4:]]))
    assert report.broken is not None and report.broken.seq == 2
    assert report.broken.message() == (
        "seq 2: comes after seq 3 and came before it: an event is duplicated"
    )
    assert report.broken.expected is None


def test_out_of_order_in_a_filtered_export(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    """A filtered export skips seqs, so a seq past the next is no break; one that goes back is,
    and without every seq before it there is no telling a move from a copy."""
    wb, a = trail
    lines = export_text(wb, "jsonl", EventFilter(claim_id=a)).splitlines()
    lines[2], lines[3] = lines[3], lines[2]
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None and report.broken.seq == 4
    assert "comes after seq 6: events are out of order or duplicated" in report.broken.message()


@pytest.mark.parametrize("content", ["", "\n\n", "   \n"])
def test_empty_file_fails(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(content)
    report = verify_file(str(path))
    assert report.broken is not None and "the file is empty" in report.broken.message()


def test_an_export_of_no_events_verifies_nothing(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    """A trial's `audit export --since` a date to come held no event, and verified "OK 0
    events, head 0000…0000", exit 0, as if a chain had been checked to that head."""
    wb, _ = trail
    lines = export_text(wb, "jsonl", EventFilter(since="2999-01-01")).splitlines()
    report = verify_file(write(tmp_path, lines))
    assert report.broken is None and report.empty and not report.ok
    assert (report.count, report.filters) == (0, {"since": "2999-01-01"})
    shown = report.to_json()
    assert (shown["ok"], shown["empty"], shown["head"]) == (False, True, None)
    some = export_text(wb, "jsonl", EventFilter(since="2000-01-01")).splitlines()
    assert verify_file(write(tmp_path, some, "some.jsonl")).ok
    assert not verify_file(write(tmp_path, some, "some.jsonl")).empty


def test_a_full_export_of_an_empty_trail_verifies_nothing(wb: Workbench, tmp_path: Path) -> None:
    report = verify_file(write(tmp_path, full_export(wb)))
    assert report.broken is None and report.empty and not report.ok and report.filters == {}


def test_file_without_a_scope_line_fails(trail: tuple[Workbench, int], tmp_path: Path) -> None:
    wb, _ = trail
    report = verify_file(write(tmp_path, full_export(wb)[1:]))
    assert report.broken is not None and "not a scope line" in report.broken.message()


def test_scope_line_edited_to_match_a_cut_fails(
    trail: tuple[Workbench, int], tmp_path: Path
) -> None:
    """Lowering the stated count to hide a cut: a full export must still end at the head."""
    wb, _ = trail
    lines = full_export(wb)[:-1]
    scope = json.loads(lines[0])
    scope["export"]["count"] = scope["export"]["last_seq"] = 5
    lines[0] = json.dumps(scope)
    report = verify_file(write(tmp_path, lines))
    assert report.broken is not None and "head" in report.broken.message()


def test_stdin_is_read_with_dash(
    trail: tuple[Workbench, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    wb, _ = trail
    data = export_text(wb, "jsonl").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    report = verify_file("-")
    assert report.ok and report.complete and report.count == 6


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
