"""Hints on the command line for likely slips: an --actor nobody recorded, an owner named by
display name, a URL typed as a file, a binary file given as a document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def test_an_actor_no_event_records_is_said_with_the_closest(cli: Run, tmp_path: Path) -> None:
    ok(cli("--as", "editor", "user", "add", "editor"))
    ok(cli("--as", "editor", "user", "add", "王芳", "--display", "Wang Fang"))
    ok(cli("--as", "王芳", "doc", "add", "-", input="甲说了一句话。"))
    out = tmp_path / "e.csv"
    r = ok(cli("audit", "export", "--actor", "wangfang", "--format", "csv", "-o", str(out)))
    assert r.err.splitlines() == [
        f"wrote 0 events to {out}",
        "--actor 'wangfang' matches no event in the trail; did you mean 王芳 (Wang Fang)? "
        "(actors recorded, most events first: editor, 王芳)",
    ]
    r = ok(
        cli("audit", "export", "--actor", "editor", "--format", "csv", "-o", str(out), "--force")
    )
    assert r.err == f"wrote 2 events to {out}\n"
    # a name as typed finds its normal form's events, as --as EDITOR acts as editor
    r = ok(
        cli("audit", "export", "--actor", "EDITOR", "--format", "csv", "-o", str(out), "--force")
    )
    assert r.err == f"wrote 2 events to {out}\n"
    r = ok(cli("audit", "export", "--actor", "nobody", "--format", "jsonl"))
    assert (
        "--actor 'nobody' matches no event in the trail "
        "(actors recorded, most events first: editor, 王芳)"
    ) in r.err


def test_the_actors_recorded_are_the_busiest_not_the_first_by_name(cli: Run) -> None:
    """The actors an unknown --actor was shown were the first five by name: every Latin name
    sorts before a Chinese one, so the desk's busiest checker, 王芳, was cut off behind five
    guests who had each acted once (trial57)."""
    ok(cli("--as", "editor", "user", "add", "editor"))
    for name in ("王芳", "amy", "bob", "cat", "dan"):
        ok(cli("--as", "editor", "user", "add", name))
    for n in "甲乙丙":
        ok(cli("--as", "王芳", "doc", "add", "-", input=f"{n}说了一句话。"))
    for name in ("amy", "bob", "cat", "dan"):
        ok(cli("--as", name, "doc", "add", "-", input=f"{name} said one thing."))
    r = ok(cli("audit", "export", "--actor", "nobody", "--format", "jsonl"))
    assert "(actors recorded, most events first: editor, 王芳, amy, bob, cat, ...)" in r.err


def test_an_owner_named_by_display_name_is_pointed_to_the_user(cli: Run) -> None:
    ok(cli("--as", "editor", "user", "add", "editor"))
    ok(cli("--as", "editor", "user", "add", "王芳", "--display", "Wang Fang"))
    ok(cli("--as", "editor", "doc", "add", "-", input="甲说了一句话。"))
    ok(cli("--as", "editor", "claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    r = cli("--as", "editor", "claim", "assign", "1", "--to", "wangfang")
    assert r.code == 1
    # The pinyin of a registered name is read as that name (docs/identity.md): pointed to it.
    assert r.err == (
        "error: --to 'wangfang' reads like the registered user '王芳', written another way; "
        "give --to 王芳\n"
    )
    r = cli("--as", "editor", "claim", "assign", "1", "--to", "Wang Fan")
    assert r.code == 1
    assert "did you mean 王芳 (Wang Fang)?" in r.err and len(r.err.splitlines()) == 1


def test_a_url_typed_as_a_file_gets_a_did_you_mean(cli: Run) -> None:
    for typed, meant in (("htp://x", "http://x"), ("127.0.0.1:8765/x", "http://127.0.0.1:8765/x")):
        r = cli("doc", "add", typed)
        assert r.code == 1
        assert r.err == f"error: no such file: {typed}; did you mean {meant}?\n"
    assert cli("doc", "add", "missing.txt").err == "error: no such file: missing.txt\n"


def test_a_binary_file_is_said_to_be_one(cli: Run, tmp_path: Path) -> None:
    data = tmp_path / "data.bin"
    data.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\x81" * 10)
    r = cli("doc", "add", str(data))
    assert (
        r.code == 1 and "looks like a binary file (it holds NUL bytes), not text or HTML" in r.err
    )
    # Bytes that happen to be UTF-8: the NUL still says binary.
    data.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    r = cli("doc", "add", str(data))
    assert r.code == 1 and "at offset 7: it looks like a binary file, not text or HTML" in r.err


def test_an_assignee_filter_naming_nobody_gets_a_did_you_mean(cli: Run) -> None:
    ok(cli("--as", "editor", "user", "add", "editor"))
    ok(cli("--as", "editor", "user", "add", "ben"))
    ok(cli("--as", "editor", "doc", "add", "-", input="甲说了一句话。"))
    ok(cli("--as", "editor", "claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    ok(cli("--as", "editor", "claim", "assign", "1", "--to", "ben"))
    r = cli("claim", "list", "--assignee", "bne")
    assert r.code == 1
    assert r.err == (
        "error: --assignee 'bne' is not a registered user of this desk; did you mean ben? "
        "(see `workbench user list`)\n"
    )
    assert "A said" in ok(cli("claim", "list", "--assignee", "BEN")).out
    for fmt in ("--json", "--csv"):
        assert cli("claim", "list", "--assignee", "bne", fmt).code == 1
    # A registered person with no claims is an empty list.
    assert ok(cli("claim", "list", "--assignee", "editor")).code == 0


def test_an_assignee_filter_on_a_desk_without_people_is_taken_as_asked(cli: Run) -> None:
    ok(cli("doc", "add", "-", input="甲说了一句话。"))
    assert ok(cli("claim", "list", "--assignee", "bne")).code == 0
