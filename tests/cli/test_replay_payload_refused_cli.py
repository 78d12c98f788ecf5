"""A payload the workbench never writes, chained as the workbench chains its events: `audit
replay` fails naming the event's seq, action and key, `audit verify --file` of a full export
fails on it, and `import bundle` of the desk restores nothing (exit 1 each). Run on both
backends (the suite's database). Two such payloads (docs/events.md): one holding a key its
action's format does not define, and a change whose `note` is text, where every release wrote
a note object or null."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok, run_cli
from workbench.services.context import Workbench, transaction

ARTICLE = "The mayor said the bridge cost 4 million.\n"
UNCHANGED = {"before": {"tags": []}, "after": {"tags": []}}


@pytest.mark.parametrize(
    ("payload", "expected", "in_verify"),
    [
        pytest.param(
            {**UNCHANGED, "note": None, "approved_by": "editor"},
            "seq 3 (claim.tagged): claim #1: the payload holds 'approved_by', which a "
            "claim.tagged payload does not define (it holds 'after', 'before' and 'note')",
            "approved_by",
            id="undefined key",
        ),
        pytest.param(
            {**UNCHANGED, "note": "approved by editor"},
            "seq 3 (claim.tagged): claim #1: its 'note' is 'approved by editor', not an object "
            "or null",
            "approved by editor",
            id="note of text",
        ),
    ],
)
def test_replay_verify_and_a_bundle_name_what_is_wrong(
    cli: Callable[..., Any],
    db_url: str,
    tmp_path: Path,
    empty_db_url: str,
    payload: dict[str, Any],
    expected: str,
    in_verify: str,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "the bridge cost 4 million", "--quote", "cost 4 million"))
    ok(cli("audit", "replay"))
    with transaction(Workbench(url=db_url, actor="tester"), write=True) as tx:
        assert tx.record("claim.tagged", "claim", "1", payload, claim_id=1).seq == 3
    r = cli("audit", "replay")
    assert r.code == 1 and expected in r.out + r.err, (r.code, r.out, r.err)
    ok(cli("audit", "export", "-o", str(tmp_path / "trail.jsonl")))
    r = cli("audit", "verify", "--file", str(tmp_path / "trail.jsonl"))
    assert r.code == 1 and in_verify in r.out + r.err, (r.code, r.out, r.err)
    ok(cli("export", "bundle", str(tmp_path / "desk.zip")))
    r = run_cli(["--db", empty_db_url, "import", "bundle", str(tmp_path / "desk.zip")])
    assert r.code == 1 and expected in r.err and r.out == "", (r.code, r.out, r.err)
    assert len(r.err.strip().splitlines()) == 1, r.err
