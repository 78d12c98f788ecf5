"""A trail and a bundle written by an older release (commit aa792482, schema 0008; how:
tests/data/older_releases/README.md) still verify, restore and replay: every check replay and
verify have gained since (each payload held to its action's format, payload_format) must take
what that release wrote, or an editor's desk would read as tampered after an upgrade."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import run_cli

OLDER = Path(__file__).parent.parent / "data" / "older_releases"


def test_an_older_releases_export_verifies_as_a_file() -> None:
    r = run_cli(["audit", "verify", "--file", str(OLDER / "aa792482_trail.jsonl")])
    assert r.code == 0, (r.out, r.err)
    assert r.out.startswith("OK 30 events, head b5a392aa"), r.out
    assert "workflow rules hold" in r.err, r.err


def test_an_older_releases_bundle_restores_and_replays(empty_db_url: str) -> None:
    db = ["--db", empty_db_url]
    r = run_cli([*db, "import", "bundle", str(OLDER / "aa792482_desk.zip")])
    assert r.code == 0, (r.out, r.err)
    assert "30 events" in r.out, r.out
    r = run_cli([*db, "audit", "replay"])
    assert r.code == 0 and r.out.startswith("consistent: 30 events"), (r.out, r.err)
