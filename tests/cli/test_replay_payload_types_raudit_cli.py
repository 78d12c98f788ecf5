"""A change whose `note` is text, not a note object or null, chained as the workbench chains its
events: `audit replay` fails naming the event's seq, action and key, `audit verify --file` of a
full export fails on it, and `import bundle` of the desk restores nothing (exit 1 each). Every
release wrote a change's note as an object or null (docs/events.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok, run_cli
from workbench.services.context import Workbench, transaction

ARTICLE = "The mayor said the bridge cost 4 million.\n"
EXPECTED = (
    "seq 3 (claim.tagged): claim #1: its 'note' is 'approved by editor', not an object or null"
)


def test_replay_verify_and_a_bundle_name_a_note_of_text(
    cli: Callable[..., Any], db_url: str, tmp_path: Path, empty_db_url: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "the bridge cost 4 million", "--quote", "cost 4 million"))
    payload = {"before": {"tags": []}, "after": {"tags": []}, "note": "approved by editor"}
    with transaction(Workbench(url=db_url, actor="tester"), write=True) as tx:
        assert tx.record("claim.tagged", "claim", "1", payload, claim_id=1).seq == 3
    r = cli("audit", "replay")
    assert r.code == 1 and EXPECTED in r.out + r.err, (r.code, r.out, r.err)
    ok(cli("audit", "export", "-o", str(tmp_path / "trail.jsonl")))
    r = cli("audit", "verify", "--file", str(tmp_path / "trail.jsonl"))
    assert r.code == 1 and "approved by editor" in r.out + r.err, (r.code, r.out, r.err)
    ok(cli("export", "bundle", str(tmp_path / "desk.zip")))
    r = run_cli(["--db", empty_db_url, "import", "bundle", str(tmp_path / "desk.zip")])
    assert r.code == 1 and EXPECTED in r.err and r.out == "", (r.code, r.out, r.err)
    assert len(r.err.strip().splitlines()) == 1, r.err
