"""A command that changes nothing says so one way in every command: on stderr (stdout holds
the results a pipe wants), as "...; nothing changed" (or the command's own verb: `doc add`'s
"nothing added", `doc update`'s "nothing stored"), with and without --json (fix184)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PG_URL
from tests.inprocess import ok

Run = Callable[..., Any]


@pytest.mark.skipif(not PG_URL, reason="a SQLite file has no roles to bind a name to")
def test_user_bind_of_the_role_already_bound_says_it_as_every_command_does(cli: Run) -> None:
    """`user bind maria --role postgres` of the role maria already had said "maria already
    acts from role postgres: nothing changed", with a colon, where every other command says
    "...; nothing changed"."""
    ok(cli("--as", "owner", "user", "add", "owner"))
    ok(cli("--as", "owner", "user", "add", "maria"))
    ok(cli("--as", "owner", "user", "bind", "maria", "--role", "postgres"))
    r = ok(cli("--as", "owner", "user", "bind", "maria", "--role", "postgres"))
    assert (r.out, r.err) == ("", "maria already acts from role postgres; nothing changed\n")
    r = ok(cli("--as", "owner", "user", "bind", "maria", "--role", "postgres", "--json"))
    assert json.loads(r.out)["changed"] is False
    # (with --json too, as every command says it: test_with_json_every_command_...)
    assert r.err == "maria already acts from role postgres; nothing changed\n"


ARTICLE = "甲说了一句话。乙说了另一句话。\n"


def _desk(cli: Run, tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    return article


def _unchanged_alike(cli: Run, *args: str) -> str:
    """`args` (a command that changes nothing) run without and with --json: the same word on
    stderr both times, nothing on stdout without --json, and that word."""
    plain = ok(cli(*args))
    as_json = ok(cli(*args, "--json"))
    assert plain.out == "", plain.out
    json.loads(as_json.out)  # (the result, for scripts, as before)
    assert as_json.err == plain.err, (args, plain.err, as_json.err)
    return str(plain.err)


def test_with_json_every_command_that_changes_nothing_still_says_so(
    cli: Run, tmp_path: Path
) -> None:
    """With --json, `claim status` and `claim edit` (and `config set`) said "nothing changed"
    on stderr, where `claim assign|due|priority|tag|untag`, `doc edit` and `doc update` said
    nothing: a script could not tell a claim already so from one changed (their JSON has no
    `changed`), and a person watching the run saw the note from some commands only. One rule:
    the word is said on stderr, --json or not (docs/json.md: notes go to stderr)."""
    article = _desk(cli, tmp_path)
    ok(cli("claim", "assign", "1", "--to", "ana"))
    ok(cli("claim", "tag", "1", "money"))
    ok(cli("claim", "due", "1", "2030-01-01"))
    ok(cli("doc", "edit", "1", "--author", "王芳"))
    said = {
        ("claim", "status", "1", "unverified"): (
            "claim #1 is already unverified; nothing changed\n"
        ),
        ("claim", "edit", "1", "--text", "A said"): "claim #1 already says this; nothing changed\n",
        ("config", "set", "review.required", "false"): (
            "review.required is already false; nothing changed\n"
        ),
        ("claim", "assign", "1", "--to", "ana"): (
            "claim #1: already assigned to ana; nothing changed\n"
        ),
        ("claim", "priority", "1", "normal"): (
            "claim #1: priority already normal; nothing changed\n"
        ),
        ("claim", "tag", "1", "money"): "claim #1: tags already money; nothing changed\n",
        ("claim", "untag", "1", "other"): (
            "claim #1: tags still money; nothing changed\n"
            "claim #1 had no tag 'other'; nothing to remove\n"
        ),
        ("claim", "due", "1", "2030-01-01"): "claim #1: due already 2030-01-01; nothing changed\n",
        ("doc", "edit", "1", "--author", "王芳"): (
            "document #1 already has these values; nothing changed\n"
        ),
        ("doc", "update", "1", str(article)): (
            "revision 1 of document #1 already has this text; nothing stored "
            "(recorded as checked)\n"
        ),
    }
    for args, words in said.items():
        assert _unchanged_alike(cli, *args) == words, args
    ok(cli("claim", "due", "1", "--clear"))
    assert _unchanged_alike(cli, "claim", "due", "1", "--clear") == (
        "claim #1: already has no due date; nothing changed\n"
    )


def test_doc_add_of_a_stored_text_says_nothing_added_on_stderr(cli: Run, tmp_path: Path) -> None:
    """`doc add a.txt` of a text already stored printed "already stored as document #1 (same
    text); nothing added" on stdout, where every command says it changed nothing on stderr:
    `workbench doc add a.txt > added.txt` kept the notice as if it were a result."""
    article = _desk(cli, tmp_path)
    r = ok(cli("doc", "add", str(article)))
    assert (r.out, r.err) == ("", "already stored as document #1 (same text); nothing added\n")
    r = ok(cli("doc", "add", str(article), "--json"))
    assert json.loads(r.out)["created"] is False
    assert r.err == "already stored as document #1 (same text); nothing added\n"


def test_doc_add_of_several_prints_the_documents_added_on_stdout_only(
    cli: Run, tmp_path: Path
) -> None:
    """`doc add new.txt a.txt new.txt` printed a line per input on stdout, those that added
    nothing among them, then "added 1 document; 2 inputs already stored": a script reading
    stdout for the documents added (`| grep -o '#[0-9]*'`) took #1, already there, as added,
    and the total as one more result. Now stdout has a line per document added, in order;
    an input already stored is said on stderr (as every command says it changed nothing),
    and so is the total (as `import annotations` says its own)."""
    article = _desk(cli, tmp_path)
    new = tmp_path / "new.txt"
    new.write_text("丙说了第三句话。\n", encoding="utf-8")
    r = ok(cli("doc", "add", str(new), str(article), str(new)))
    (line,) = r.out.splitlines()
    assert line.startswith(f"{new}: added document #2: "), r.out
    assert r.err.splitlines()[-3:] == [
        f"{article}: already stored as document #1 (same text); nothing added",
        f"{new}: same text as {new} above (document #2); nothing added",
        "added 1 document; 2 inputs already stored",
    ], r.err
    r = ok(cli("doc", "add", str(new), str(article)))
    assert r.out == ""
    assert r.err.splitlines() == [
        f"{new}: already stored as document #2 (same text); nothing added",
        f"{article}: already stored as document #1 (same text); nothing added",
        "2 inputs already stored; nothing added",
    ], r.err
    other = tmp_path / "other.txt"
    other.write_text("丁说了第四句话。\n", encoding="utf-8")
    third = tmp_path / "third.txt"
    third.write_text("戊说了第五句话。\n", encoding="utf-8")
    r = ok(cli("doc", "add", str(other), str(third)))
    # (none already stored: "added 2 documents; 0 inputs already stored" said a zero: fix212)
    assert len(r.out.splitlines()) == 2 and r.err == "added 2 documents\n", r.err
    r = ok(cli("doc", "add", str(new), str(article), "--json"))
    assert [d["created"] for d in json.loads(r.out)] == [False, False]
    assert r.err.splitlines() == [
        f"{new}: already stored as document #2 (same text); nothing added",
        f"{article}: already stored as document #1 (same text); nothing added",
    ], r.err
