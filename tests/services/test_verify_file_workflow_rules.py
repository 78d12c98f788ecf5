"""`audit verify --file` on a full export holds every event to the workflow's rules, as `audit
replay` does (an outside auditor: a self-approval forged into an export, every later hash
recomputed, verified OK when no earlier head was given, since only hashes and links were
checked). A full export holds every event from seq 1, so the file alone shows what replay's
event rules need; a filtered one does not, and the report says the rules were not checked."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from workbench.domain.chain import GENESIS, record_hash
from workbench.exports.events import export_text
from workbench.services import review
from workbench.services.audit import EventFilter
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.settings import set_config
from workbench.services.verify import verify_file


def signed_off_desk(wb: Workbench) -> int:
    """maria proposes a verdict (unverifiable: no evidence needed) with review.required on,
    and bob, a second person, approves it. Returns the claim's id."""
    doc = add_document(wb, "MiniMax在2021年底创业，2023年估值25亿美元。".encode()).document.id
    claim = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")
    set_status(Workbench(url=wb.url, actor="maria"), claim, "unverifiable", note="查无记录")
    review.approve(Workbench(url=wb.url, actor="bob"), claim)
    set_status(wb, claim, "unverifiable")  # an event after the approval: its hash is recomputed
    return claim


def rechained(lines: list[str], seq: int, **changes: object) -> list[str]:
    """The export with event `seq` changed and every hash from it on recomputed, the scope
    line's heads too: what anyone holding the file can write, as the recipe is public."""
    scope = json.loads(lines[0])
    records = [json.loads(line) for line in lines[1:]]
    prev = GENESIS
    for record in records:
        if record["seq"] == seq:
            record.update(changes)
        record["prev_hash"] = prev
        record["hash"] = prev = record_hash(record)
    scope["export"]["head"] = prev
    scope["export"]["trail"]["head"] = prev
    return [json.dumps(scope), *(json.dumps(r, ensure_ascii=False) for r in records)]


def write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "trail.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def approval_seq(lines: list[str]) -> int:
    return next(r["seq"] for r in map(json.loads, lines[1:]) if r["action"] == "claim.approved")


def test_an_honest_full_export_holds_to_the_rules(wb: Workbench, tmp_path: Path) -> None:
    """A desk's own full export verifies, its events held to the workflow's rules."""
    signed_off_desk(wb)
    report = verify_file(write(tmp_path, export_text(wb, "jsonl").splitlines()))
    assert report.ok, report.to_json()
    assert report.rules_checked is True
    assert report.rule_break_count == 0 and report.rule_breaks == ()


def test_a_forged_self_approval_with_recomputed_hashes_fails(wb: Workbench, tmp_path: Path) -> None:
    """bob's approval rewritten as maria's (the verdict's proposer), every later hash and the
    scope line's heads recomputed: the chain holds, but the trail records a sign-off the
    workflow refuses (own_verdict). It verified OK; it fails now, naming the event's seq."""
    claim = signed_off_desk(wb)
    lines = export_text(wb, "jsonl").splitlines()
    seq = approval_seq(lines)
    forged = rechained(lines, seq, actor="maria")
    report = verify_file(write(tmp_path, forged))
    assert report.broken is None  # the chain itself holds: hashes were recomputed
    assert not report.ok
    assert report.rules_checked is True
    assert report.rule_break_count == 1
    (found,) = report.rule_breaks
    assert found.seq == seq
    assert f"claim #{claim}: approved by 'maria', the proposer" in found.message
    assert "(own_verdict)" in found.message
    as_json = report.to_json()
    assert as_json["ok"] is False
    assert as_json["rule_breaks"] == [{"seq": seq, "message": found.message}]
    assert as_json["rule_break_count"] == 1


def test_a_filtered_export_says_the_rules_were_not_checked(wb: Workbench, tmp_path: Path) -> None:
    """A filtered export lacks the events before and between its own, so it cannot show the
    rules: it still verifies event by event, and says the rules were not checked."""
    claim = signed_off_desk(wb)
    lines = export_text(wb, "jsonl", EventFilter(claim_id=claim)).splitlines()
    report = verify_file(write(tmp_path, lines))
    assert report.ok
    assert report.rules_checked is False
    assert report.to_json()["rules_checked"] is False


def _appended(lines: list[str], events: list[tuple[dict[str, object], str]]) -> list[str]:
    """The export with `events` appended, each (its fields, its payload as JSON text), chained
    and hashed by the recipe, the scope line made to agree: written as text, since a payload
    may nest too deeply for json.dumps at the caller's stack depth."""
    scope = json.loads(lines[0])
    last = json.loads(lines[-1])
    seq, prev = last["seq"], last["hash"]
    out = list(lines[1:])
    for fields, payload in events:
        seq += 1
        record = {**fields, "seq": seq, "prev_hash": prev, "payload": "<payload>"}
        text = json.dumps(record, ensure_ascii=False).replace('"<payload>"', payload)
        prev = record_hash(json.loads(text))
        out.append(text[:-1] + f', "hash": "{prev}"}}')
    export = scope["export"]
    export.update(count=seq, last_seq=seq, head=prev, trail={"count": seq, "head": prev})
    return [json.dumps(scope), *out]


def test_a_payload_nested_deeply_is_refused_not_a_traceback(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forged claim.tagged whose tags nest nearly as deep as the JSON parser allows, its hash
    recomputed: the rules applied it to the claim, and writing the claim out of the replay's
    bounded cache (pickling it) then ran out of stack: verify ended in a RecursionError
    traceback. Now such an event is a rule break (no event the workbench writes nests so deep)
    and is not applied, whatever the depth."""
    from workbench.services import replay_spill, verify

    # A cache of one entity, so that the claim is written out as soon as another is read.
    monkeypatch.setattr(
        verify, "SpillStore", partial(replay_spill.SpillStore, cache=1), raising=False
    )
    signed_off_desk(wb)
    doc = add_document(wb, "乙说了另一句话。".encode()).document.id
    second = add_claim(wb, doc, "B said", SpanRequest(quote="乙说了另一句话")).id
    lines = export_text(wb, "jsonl").splitlines()
    first = next(r for r in map(json.loads, lines[1:]) if r["action"] == "claim.added")
    common = {k: first[k] for k in ("at", "actor", "machine") if k in first}
    tag = {**common, "action": "claim.tagged", "entity_type": "claim"}
    limit = sys.getrecursionlimit()
    for depth in range(limit - 200, limit, 10):
        nested = "[" * depth + "]" * depth
        sys.setrecursionlimit(limit + 2000)  # to write the file, not to read it
        try:
            forged = _appended(
                lines,
                [
                    (
                        {**tag, "entity_id": first["entity_id"], "claim_id": first["claim_id"]},
                        '{"after":{"tags":' + nested + '},"before":{"tags":[]}}',
                    ),
                    # another claim read: the first one is written out of the cache
                    (
                        {**tag, "entity_id": str(second), "claim_id": second},
                        '{"after":{"tags":["x"]},"before":{"tags":[]}}',
                    ),
                ],
            )
        finally:
            sys.setrecursionlimit(limit)
        report = verify_file(write(tmp_path, forged))
        assert not report.ok, depth
        if report.broken is None:  # (deeper than the parser reads: an unreadable line)
            (found,) = report.rule_breaks
            assert found.seq == len(lines), depth
            assert "nested" in found.message, found.message


def test_an_event_with_fields_of_the_wrong_type_is_a_rule_break(
    wb: Workbench, tmp_path: Path
) -> None:
    """A database column holds text for entity_id and a number for claim_id, a file can hold
    anything: such an event, its hash recomputed, is named as one the rules cannot be applied
    to (replay keys its state by the id as text), not a traceback."""
    claim = signed_off_desk(wb)
    lines = export_text(wb, "jsonl").splitlines()
    last = json.loads(lines[-1])
    fields = {k: last[k] for k in ("at", "actor", "machine") if k in last}
    forged = _appended(
        lines,
        [
            (
                {**fields, "action": "claim.tagged", "entity_type": "claim"}
                | {"entity_id": claim, "claim_id": str(claim)},
                '{"after":{"tags":["x"]},"before":{"tags":[]}}',
            )
        ],
    )
    report = verify_file(write(tmp_path, forged))
    assert report.broken is None and not report.ok
    (found,) = report.rule_breaks
    assert found.seq == len(lines)
    assert found.message.startswith(
        f"seq {len(lines)}: entity_id, claim_id not as the workbench writes them"
    )
