"""An export "after seq 0" whose first event does not link to the genesis value (review106).

The bug: `audit verify --file` checked the first event of an export after a head against the
head the scope line names, and nothing else. A file whose scope line says it continues seq 0
with some other hash (a head noted at seq 3, say), its events from seq 1 on relinked onto that
hash and their hashes recomputed, verified "OK 4 events, head …", the line of a whole trail
from the genesis, and with `--head` that hash "continues the head noted earlier at seq 0:
intact". No trail has such an event: seq 1 always links to the genesis value (which is also
the only hash at seq 0), and no export writes "after seq 0" (that is the full export). Now it
is BROKEN at seq 1, as a full export's first event not linked to the genesis is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.domain.chain import record_hash

Run = Callable[..., Any]


def _forged(cli: Run, tmp_path: Path) -> tuple[Path, str]:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    assert cli("note", "add", "1", "first").code == 0
    noted = json.loads(cli("audit", "head", "--json").out)["head"]
    assert cli("note", "add", "1", "second").code == 0
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    scope, *events = [json.loads(line) for line in full.read_text("utf-8").splitlines()]
    prev = noted
    for event in events:
        # The whole trail, seq 1 on, relinked onto the noted head, every hash recomputed.
        event["prev_hash"] = prev
        event["hash"] = prev = record_hash(event)
    line = scope["export"]
    line.update(
        scope="filtered",
        filters={"after_seq": 0, "after_head": noted},
        head=prev,
        trail={"count": len(events), "head": prev},
    )
    forged = tmp_path / "forged.jsonl"
    forged.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [scope, *events]), "utf-8"
    )
    return forged, noted


def test_an_export_after_seq_0_must_start_at_the_genesis(cli: Run, tmp_path: Path) -> None:
    forged, noted = _forged(cli, tmp_path)
    for extra in ([], ["--head", noted]):
        r = cli("audit", "verify", "--file", str(forged), *extra)
        assert r.code == 1, (extra, r.out, r.err)
        assert r.out.startswith("BROKEN at seq 1"), r.out
        assert "genesis" in r.out
        assert "intact" not in r.err
    report = json.loads(cli("audit", "verify", "--file", str(forged), "--json").out)
    assert report["ok"] is False and report["break"]["seq"] == 1
