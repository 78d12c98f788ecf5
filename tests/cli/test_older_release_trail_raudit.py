"""A trail and a bundle written by an older release (commit aa792482, schema 0008; how:
tests/data/older_releases/README.md) still verify, restore and replay: every check replay and
verify have gained since (each payload held to its action's format, payload_format) must take
what that release wrote, or an editor's desk would read as tampered after an upgrade."""

from __future__ import annotations

import json
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


def test_an_older_releases_bundle_restores_what_a_later_rule_refuses(empty_db_url: str) -> None:
    """aa792482_later_rules.zip holds what that release's `user add` and `doc add` stored and
    a later rule refuses: display names mixing scripts (`Bobа` with a Cyrillic а), holding a
    zero-width space or empty, an email address with a Cyrillic і or a variation selector, a
    language that is no tag (`Chinese`). None is a control or bidi character: the desk moves
    as stored, as `db upgrade` keeps it (review rrestore)."""
    db = ["--db", empty_db_url]
    r = run_cli([*db, "import", "bundle", str(OLDER / "aa792482_later_rules.zip")])
    assert r.code == 0, (r.out, r.err)
    assert "5 events" in r.out, r.out
    r = run_cli([*db, "user", "list", "--json"])
    assert r.code == 0, (r.out, r.err)
    shown = json.loads(r.out)
    people = {u["name"]: (u["display"], u["email"]) for u in shown}
    assert people["bob"] == ("Bob\u0430 Smith", "chen.j\u0456ng@gmail.com"), people
    assert people["cj"] == ("C\u200bJ", "cj@example.org\ufe0f"), people
    assert people["dee"] == ("", None), people
    r = run_cli([*db, "doc", "show", "1", "--json"])
    assert r.code == 0, (r.out, r.err)
    assert json.loads(r.out)["language"] == "Chinese", r.out
