"""`claim show` writes the names it reads from the desk as a terminal should show them.

A SQLite desk file is written by whoever can write it (docs/identity.md), not only through
`--as`, which refuses a name with a control or bidi character. A trial (trial254) wrote such
names into the file's claims and notes: `stats`, `user list`, `claim list` and `audit export`
showed them escaped (`\\u001b`), but `claim show` wrote them raw on the terminal: an owner
`evil` + ESC [2J + U+202E cleared the screen and reversed the rest of the line, a proposer
`p` + ESC ]0;t BEL set the window's title, a note's author likewise.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.inprocess import ok, run_cli

# ESC ] ... BEL sets a terminal's title (click strips only ESC [ ... letter sequences from
# output it thinks is no terminal, so the test sees these as a terminal would get them).
OSC = "\x1b]0;pwned\x07"
RLO = "\u202e"


def _desk(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "desk.db"
    env = {"WORKBENCH_DB": str(path), "WORKBENCH_USER": "editor"}
    doc = tmp_path / "a.txt"
    doc.write_text("The mayor said turnout rose to 61 percent.\n", encoding="utf-8")
    ok(run_cli(["doc", "add", str(doc)], env=env))
    ok(run_cli(["claim", "add", "1", "--text", "Turnout 61%", "--quote", "61 percent"], env=env))
    ok(run_cli(["claim", "assign", "1", "--to", "maria"], env=env))
    ok(run_cli(["note", "add", "1", "seen"], env=env))
    ok(run_cli(["claim", "status", "1", "in_progress"], env=env))
    ok(run_cli(["config", "set", "review.required", "true"], env=env))
    ok(run_cli(["claim", "status", "1", "opinion", "--note", "an opinion"], env=env))
    return path, env


def test_names_written_into_the_file_reach_the_terminal_escaped(tmp_path: Path) -> None:
    path, env = _desk(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE claims SET assignee = ?, proposed_by = ?", (f"evil{OSC}{RLO}x", f"p{OSC}")
        )
        conn.execute("UPDATE notes SET author = ?", (f"n{OSC}{RLO}",))
    out = ok(run_cli(["claim", "show", "1"], env=env)).out
    assert "\x1b" not in out and "\x07" not in out and RLO not in out, out
    # Escaped, not dropped: the editor still sees that the name holds them.
    assert "owner evil\\u001b]0;pwned\\u0007\\u202ex" in out, out
    assert "by p\\u001b]0;pwned\\u0007: awaiting a second reviewer" in out, out
    assert "n\\u001b]0;pwned\\u0007\\u202e" in out, out


def test_note_list_writes_a_notes_author_escaped(tmp_path: Path) -> None:
    """`note list` wrote a note's author raw as `claim show` did."""
    path, env = _desk(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE notes SET author = ?", (f"n{OSC}{RLO}",))
    out = ok(run_cli(["note", "list", "1"], env=env)).out
    assert "\x1b" not in out and "\x07" not in out and RLO not in out, out
    assert "n\\u001b]0;pwned\\u0007\\u202e" in out, out
