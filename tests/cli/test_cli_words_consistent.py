"""The CLI says the same thing the same way in every command (trial137's list).

Data on stdout, what happened (or did not) on stderr; tables headed in words; one metavar for
one kind of argument; one hint for one option.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

ARTICLE = "甲说了一句话。乙说了另一句话。\n"


def _desk(cli: Run, tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    return article


def test_doc_update_with_the_same_text_says_nothing_stored_on_stderr(
    cli: Run, tmp_path: Path
) -> None:
    """`doc update 1 a.txt` with the text already stored printed "... already has this text;
    nothing stored" on stdout, where every other command says it stored nothing on stderr."""
    article = _desk(cli, tmp_path)
    r = ok(cli("doc", "update", "1", str(article)))
    assert r.out == ""
    assert (
        r.err
        == "revision 1 of document #1 already has this text; nothing stored (recorded as checked)\n"
    )


def test_stats_by_heads_its_columns_in_words(cli: Run, tmp_path: Path) -> None:
    """`stats --by tag` headed two columns `to_check` and `in_review`, identifiers, where the
    board's by-owner table says "to check" and "in review" of the same counts (--json keeps
    its field names)."""
    _desk(cli, tmp_path)
    ok(cli("claim", "tag", "1", "money"))
    out = ok(cli("stats", "--by", "tag", env={"COLUMNS": "200"})).out
    header = [c.strip() for c in out.splitlines()[1].strip("|").split("|")]
    assert header[:4] == ["tag", "claims", "to check", "in review"], out
    board = ok(cli("stats", env={"COLUMNS": "200"})).out
    assert "to check" in board and "in review" in board
    (row,) = json.loads(ok(cli("stats", "--by", "tag", "--json")).out)
    assert row["to_check"] == 1 and row["in_review"] == 0


def test_a_number_is_n_and_an_id_is_named_by_its_kind_in_every_help(cli: Run) -> None:
    """`claim add --help` showed `--occurrence INTEGER`, `--start INTEGER`, `--end INTEGER`
    and every claim command `--if-version INTEGER`, where `--limit N`, `--offset N` and
    `--after-seq N` are N; `evidence get` took an `EID` where `note internal` takes a
    `NOTE_ID`; `note internal --note TEXT|-` where every other `--note` is `TEXT` ("- reads
    stdin")."""
    for command in (("claim", "add"), ("claim", "edit")):
        shown = ok(cli(*command, "--help")).out
        for option in ("--occurrence", "--start", "--end", "--if-version"):
            if option == "--if-version" and command[1] == "add":
                continue
            assert f"{option} N " in shown, (command, option, shown)
    for command in ("approve", "assign", "due", "priority", "reject", "status", "tag"):
        shown = ok(cli("claim", command, "--help")).out
        assert "--if-version N " in shown and "INTEGER" not in shown, shown
    assert "Usage: workbench evidence get [OPTIONS] EVIDENCE_ID" in (
        ok(cli("evidence", "get", "--help")).out
    )
    for command in ("internal", "public"):
        shown = ok(cli("note", command, "--help")).out
        assert "--note TEXT " in shown and "TEXT|-" not in shown, shown


def test_force_is_one_hint_field_for_every_command_it_lets_through(
    cli: Run, tmp_path: Path
) -> None:
    """An existing -o FILE was refused with the hint field `replace`, `doc update`'s text of
    another article with the field `force`: both say to give --force, so `force` both."""
    article = _desk(cli, tmp_path)
    target = tmp_path / "report.html"
    target.write_text("kept", encoding="utf-8")
    r = cli("report", "1", "-o", str(target), "--json")
    error = json.loads(r.err)["error"]
    assert (r.code, error["reason"]) == (1, "file_exists")
    assert error["hint"] == {"kind": "give_input", "field": "force"}
    r = cli("report", "1", "-o", str(target))
    assert r.err == f"error: {target} exists: nothing was written; give --force\n"
    article.write_text("This article has been removed at the request of the publisher.\n")
    r = cli("doc", "update", "1", str(article), "--json")
    error = json.loads(r.err)["error"]
    assert (r.code, error["reason"]) == (1, "unrelated_text")
    assert error["hint"] == {"kind": "give_input", "field": "force"}
    assert cli("doc", "update", "1", str(article)).err.endswith("; give --force\n")


def test_clear_removes_a_value_in_every_command_that_sets_one(cli: Run, tmp_path: Path) -> None:
    """Removing a value was spelled four ways: `claim due --clear`, `claim assign --unassign`,
    `claim edit --no-speaker` and `doc edit --author ''`; `doc edit --clear author` and
    `claim assign --clear` were no such option. `--clear` (naming the field where a command
    sets several) now removes it everywhere; the old spellings still work, for scripts."""
    _desk(cli, tmp_path)
    ok(cli("claim", "assign", "1", "--to", "ana"))
    assert ok(cli("claim", "assign", "1", "--clear")).out == "claim #1: unassigned\n"
    ok(cli("claim", "assign", "1", "--to", "ana"))
    assert ok(cli("claim", "assign", "1", "--unassign")).out == "claim #1: unassigned\n"

    ok(cli("claim", "edit", "1", "--speaker", "Ana"))
    ok(cli("claim", "edit", "1", "--clear", "speaker"))
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["speaker"] is None
    ok(cli("claim", "edit", "1", "--speaker", "Ana"))
    ok(cli("claim", "edit", "1", "--no-speaker"))
    assert json.loads(ok(cli("claim", "show", "1", "--json")).out)["speaker"] is None

    ok(cli("doc", "edit", "1", "--author", "王芳", "--lang", "zh"))
    r = ok(cli("doc", "edit", "1", "--clear", "author", "--clear", "lang"))
    assert r.out == "document #1: changed author, language\n"
    shown = json.loads(ok(cli("doc", "show", "1", "--json")).out)
    assert (shown["author"], shown["language"]) == (None, None)
    ok(cli("doc", "edit", "1", "--author", "王芳"))
    ok(cli("doc", "edit", "1", "--author", ""))  # as documented before: still clears
    assert json.loads(ok(cli("doc", "show", "1", "--json")).out)["author"] is None


def test_clear_is_the_one_spelling_the_help_and_refusals_give(cli: Run, tmp_path: Path) -> None:
    """The help of each command said its own spelling (--unassign, --no-speaker, '' clears
    it), and `claim edit --speaker ''` was told to use --no-speaker."""
    for args in (("claim", "due"), ("claim", "assign"), ("claim", "edit"), ("doc", "edit")):
        shown = ok(cli(*args, "--help")).out
        assert "--clear" in shown, args
        assert "--unassign" not in shown and "--no-speaker" not in shown, shown
        assert "'' clears" not in shown, shown
    _desk(cli, tmp_path)
    r = cli("claim", "edit", "1", "--speaker", "")
    assert r.code == 2 and "--clear speaker removes the speaker" in r.err, r.err
    r = cli("claim", "edit", "1", "--speaker", "Ana", "--clear", "speaker")
    assert r.code == 2 and "choose one" in r.err, r.err
    r = cli("doc", "edit", "1", "--author", "Ana", "--clear", "author")
    assert r.code == 2 and "choose one" in r.err, r.err
    r = cli("claim", "assign", "1", "--to", "ana", "--clear")
    assert r.code == 2 and "give either --to NAME or --clear" in r.err, r.err


def test_a_value_meaning_none_is_refused_naming_clear(cli: Run, tmp_path: Path) -> None:
    """`claim assign 1 --to ''` was refused "a person's name is needed, and this one is
    empty", and `claim due 1 none` "due date 'none' is not a date; use YYYY-MM-DD": both
    people meant to remove the value, and neither refusal said how (`claim edit --speaker ''`
    names --clear). A due date typed wrong (digits in it) is still told only the date's form."""
    _desk(cli, tmp_path)
    for to in ("", "  "):
        r = cli("claim", "assign", "1", "--to", to)
        assert r.code == 2 and "empty; use --clear to remove the owner" in r.err, r.err
    for value in ("none", "", "无", "N/A", "-", "没有"):
        r = cli("claim", "due", "1", value)
        assert r.code == 2 and "use YYYY-MM-DD, or --clear to remove the due date" in r.err, r.err
    # A date typed wrong (digits in it) or in words (明天, next week: review190, who meant a
    # date, were told how to remove one) is told only the date's form.
    for value in ("2030-13-01", "明天", "下周一", "tomorrow"):
        r = cli("claim", "due", "1", value)
        assert r.code == 2 and "--clear" not in r.err, (value, r.err)
    r = cli("claim", "assign", "1", "--from", "")  # (no owner to remove: --from finds one)
    assert r.code == 2 and "--clear" not in r.err, r.err
