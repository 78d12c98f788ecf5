"""Stored names that reached the terminal raw after trial254 escaped `claim show`'s.

A SQLite desk file is written by whoever can write it (docs/identity.md), so a name in it may
hold what `--as` refuses: ESC ]0;...BEL sets the window's title, U+202E reverses the line.
review256 wrote such names into every name column of a desk and ran each command that shows
one: `claim show`, `claim list`, `note list`, `evidence list`, `doc revisions`, `stats` wrote
them escaped (\\u001b), but `doc show` wrote the document's author and who added it raw,
`doc changes` (text and Markdown) who stored each revision, and `claim approve` refused with
"...: <actor> approved it at ..." on stderr, the actor raw.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.inprocess import ok, run_cli

OSC = "\x1b]0;pwned\x07"
RLO = "\u202e"
HOSTILE = f"evil{OSC}{RLO}王"
ESCAPED = "evil\\u001b]0;pwned\\u0007\\u202e王"


def _desk(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "desk.db"
    env = {"WORKBENCH_DB": str(path), "WORKBENCH_USER": "editor"}
    doc = tmp_path / "a.txt"
    doc.write_text("The mayor said turnout rose to 61 percent.\n", encoding="utf-8")
    ok(run_cli(["doc", "add", str(doc)], env=env))
    ok(run_cli(["claim", "add", "1", "--text", "Turnout 61%", "--quote", "61 percent"], env=env))
    doc.write_text("The mayor said turnout rose to 62 percent.\n", encoding="utf-8")
    ok(run_cli(["doc", "update", "1", str(doc)], env=env))
    return path, env


def _raw(text: str) -> bool:
    return "\x1b" in text or "\x07" in text or RLO in text


def test_doc_show_writes_the_author_and_who_added_it_escaped(tmp_path: Path) -> None:
    path, env = _desk(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE documents SET author = ?, added_by = ?", (HOSTILE, HOSTILE))
    out = ok(run_cli(["doc", "show", "1"], env=env)).out
    assert not _raw(out), out
    assert f"author  {ESCAPED}" in out, out
    assert f"by {ESCAPED}" in out, out


def test_doc_changes_writes_who_stored_a_revision_escaped(tmp_path: Path) -> None:
    path, env = _desk(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE document_revisions SET added_by = ?", (HOSTILE,))
    for args in (["doc", "changes", "1"], ["doc", "changes", "1", "--format", "md"]):
        out = ok(run_cli(args, env=env)).out
        assert not _raw(out), (args, out)
        assert ESCAPED in out, (args, out)


def test_doc_changes_json_keeps_the_name_as_stored(tmp_path: Path) -> None:
    import json

    path, env = _desk(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE document_revisions SET added_by = ?", (HOSTILE,))
    out = ok(run_cli(["doc", "changes", "1", "--json"], env=env)).out
    assert json.loads(out)["revisions"][0]["added_by"] == HOSTILE, out


def test_a_refusal_naming_a_stored_actor_writes_it_escaped(tmp_path: Path) -> None:
    from sqlalchemy import text

    from workbench.db.backend import drop_append_only_triggers
    from workbench.db.engine import get_engine

    path, env = _desk(tmp_path)
    ok(run_cli(["claim", "status", "1", "in_progress"], env=env))
    ok(run_cli(["config", "set", "review.required", "true"], env=env))
    ok(run_cli(["--as", "maria", "claim", "status", "1", "opinion", "--note", "x"], env=env))
    ok(run_cli(["claim", "approve", "1"], env=env))
    with get_engine(f"sqlite:///{path}").begin() as conn:
        drop_append_only_triggers(conn)
        conn.execute(
            text("UPDATE events SET actor = :a WHERE action = 'claim.approved'"), {"a": HOSTILE}
        )
    r = run_cli(["claim", "approve", "1"], env=env)
    assert r.code == 1, (r.out, r.err)
    assert not _raw(r.err), r.err
    assert f"{ESCAPED} approved it at" in r.err, r.err
