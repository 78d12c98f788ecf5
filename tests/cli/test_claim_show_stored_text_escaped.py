"""`claim show` writes every value it reads from the desk escaped, not only the names.

trial254 escaped claim show's owner, proposer, sign-off, note authors and history actors, and
review256 said every name column of a desk was then shown escaped. rr260 wrote the same ESC
]0;...BEL and U+202E into a claim's speaker (a name too), its text, a tag, a note's body and an
evidence link's title and citation, in a SQLite desk file (written by whoever can write it,
docs/identity.md): `claim list` showed the speaker and text escaped, `claim show` wrote each
raw, setting the window's title and reversing the line.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.inprocess import ok, run_cli

OSC = "\x1b]0;pwned\x07"
RLO = "\u202e"
HOSTILE = f"evil{OSC}{RLO}王"
ESCAPED = "evil\\u001b]0;pwned\\u0007\\u202e王"


def test_claim_show_writes_stored_text_escaped(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    env = {"WORKBENCH_DB": str(path), "WORKBENCH_USER": "editor"}
    doc = tmp_path / "a.txt"
    doc.write_text("MAYOR: turnout rose to 61 percent.\n", encoding="utf-8")
    ok(run_cli(["doc", "add", str(doc)], env=env))
    ok(run_cli(["claim", "add", "1", "--text", "Turnout 61%", "--quote", "61 percent"], env=env))
    ok(run_cli(["claim", "tag", "1", "turnout"], env=env))
    ok(run_cli(["note", "add", "1", "line one\nline two"], env=env))
    ok(
        run_cli(
            [
                "evidence",
                "add",
                "1",
                "--citation",
                "Report",
                "--title",
                "T",
                "--stance",
                "supports",
            ],
            env=env,
        )
    )
    with sqlite3.connect(path) as db:
        db.execute("UPDATE claims SET speaker = ?, text = ?", (HOSTILE, HOSTILE))
        db.execute("UPDATE claim_tags SET tag = ?", (HOSTILE,))
        db.execute("UPDATE notes SET body = ?", (f"line one\n{HOSTILE}",))
        db.execute("UPDATE evidence SET title = ?, citation = ?", (HOSTILE, HOSTILE))
    out = ok(run_cli(["claim", "show", "1"], env=env)).out
    assert "\x1b" not in out and "\x07" not in out and RLO not in out, out
    assert f"  claim    {ESCAPED}" in out
    assert f"  speaker  {ESCAPED}" in out
    assert f"tags {ESCAPED}" in out
    # A note's own line breaks stay lines (its body is indented under its header).
    assert f"      line one\n      {ESCAPED}" in out
