"""The audit trail's CSV export: its payload column is the event's payload, as JSON.

An auditor reading the CSV in a script (json.loads of each payload cell) found it broke on
a note holding a backslash: the cell went through the claims table's cell escaping, which
doubles a backslash followed by another one, so the JSON text `\\\\` came out as three
backslashes (not JSON) and a typed `\\u2028` as a different, valid text. The payload
column now holds the event's canonical JSON with only the characters a spreadsheet would act
on written as JSON's own `\\uXXXX` escapes: every cell parses to the payload that was hashed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]

NOTES = [
    'a Windows path C:\\Users\\maria and a lone \\ backslash, "quoted"',
    "typed escapes \\u2028 \\u0041 \\\\ and \\n, as text",
]


def _hash(row: dict[str, str], payload: Any) -> str:
    record: dict[str, Any] = {
        "action": row["action"],
        "actor": row["actor"],
        "at": row["at"],
        "claim_id": int(row["claim_id"]) if row["claim_id"] else None,
        "entity_id": row["entity_id"],
        "entity_type": row["entity_type"],
        "payload": payload,
        "prev_hash": row["prev_hash"],
        "seq": int(row["seq"]),
    }
    if row["machine"]:
        record["machine"] = row["machine"]
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_audit_csv_payload_cells_were_not_the_payloads_json(cli: Run) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    for body in NOTES:
        assert cli("note", "add", "1", body).code == 0
    trail = cli("audit", "export", "--format", "jsonl")
    assert trail.code == 0
    events = [json.loads(line) for line in trail.out.splitlines()[1:]]
    r = cli("audit", "export", "--format", "csv")
    assert r.code == 0
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [int(row["seq"]) for row in rows] == [e["seq"] for e in events]
    for row, event in zip(rows, events, strict=True):
        payload = json.loads(row["payload"])
        assert payload == event["payload"], row["seq"]
        assert _hash(row, payload) == row["hash"] == event["hash"], row["seq"]
