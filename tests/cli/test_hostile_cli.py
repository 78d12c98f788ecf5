"""The bad-input classes seen in the hostile-user probes, through the real entry point."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

Run = Callable[..., Outcome]


@pytest.fixture
def wb(db_url: str) -> Run:  # the CLI bound to this test's database
    def run(*args: str, stdin: bytes | None = b"", user: str = "tester") -> Outcome:
        return run_cli(
            list(args), stdin=stdin, env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": user}
        )

    return run


def refused(r: Outcome, code: int = 1) -> str:
    assert r.crash is None, repr(r.crash)
    assert r.code == code, (r.code, r.out, r.err)
    assert r.err.startswith("error: ") and r.err.count("\n") == 1, r.err
    return r.err


@pytest.fixture
def claim(wb: Run, tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text("MiniMax在2021年底创业。", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "a.txt")).code == 0
    assert wb("claim", "add", "1", "--text", "founded", "--quote", "2021年底").code == 0
    return "1"


def test_device_is_refused_without_reading_it(wb: Run) -> None:
    assert "not a regular file" in refused(wb("doc", "add", "/dev/zero"))


def test_writing_to_a_device_keeps_the_device(wb: Run, claim: str) -> None:
    import stat

    # The atomic write (temp file, then rename) would replace /dev/null itself with a file
    # when run as root; a device is written into, as a shell redirect does.
    for args in (["export", "bundle", "/dev/null"], ["export", "claims", "-o", "/dev/null"]):
        assert wb(*args).code == 0, args
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode), args


def test_a_fifo_nobody_reads_is_refused_not_waited_on(wb: Run, claim: str, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for args in (["export", "bundle", str(fifo)], ["export", "claims", "-o", str(fifo)]):
        assert "cannot write" in refused(wb(*args)), args


def test_stdin_is_bounded(wb: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", "0.001")
    assert "over the 1,048-byte limit" in refused(wb("doc", "add", "-", stdin=b"x" * 5000))


def test_fifo_is_refused_without_waiting(wb: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file" in refused(wb("doc", "add", str(fifo)))


def test_directory_is_refused(wb: Run, tmp_path: Path) -> None:
    assert "is a directory" in refused(wb("doc", "add", str(tmp_path)))


def test_every_input_file_is_refused_alike(wb: Run, claim: str, tmp_path: Path) -> None:
    """A directory, a pipe or nothing where a command reads a file: a refusal (exit 1) in the
    same words whichever command reads it. `import claims`, `import annotations`, `import
    bundle` and `audit verify --file` said Click's usage error (exit 2) for a directory, and
    `import bundle` "no such file" for a directory or a pipe."""
    folder = tmp_path / "in.csv"  # a claims file's suffix: the directory is what is refused
    folder.mkdir()
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    missing = tmp_path / "none.jsonl"
    readers = (
        ["doc", "add"],
        ["evidence", "add", claim, "--stance", "supports", "--file"],
        ["import", "claims", "--doc", "1"],
        ["import", "annotations", "--doc", "1"],
        ["import", "bundle"],
        ["audit", "verify", "--file"],
    )
    for command in readers:
        assert f"{folder} is a directory, not a file" in refused(wb(*command, str(folder)))
        assert f"{fifo} is not a regular file" in refused(wb(*command, str(fifo)))
        assert f"no such file: {missing}" in refused(wb(*command, str(missing)))


@pytest.mark.parametrize(
    "args",
    [
        ["doc", "add", "-"],
        ["note", "add", "1", "-"],
        ["claim", "status", "1", "false", "--note", "-"],
    ],
)
def test_closed_stdin_is_one_line(wb: Run, claim: str, args: list[str]) -> None:
    assert "standard input is closed" in refused(wb(*args, stdin=None))


def test_symlinked_evidence_needs_consent_and_records_the_target(
    wb: Run, claim: str, tmp_path: Path
) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0\n")
    link = tmp_path / "innocent.html"
    link.symlink_to(secret)
    err = refused(wb("evidence", "add", claim, "--file", str(link), "--stance", "context"))
    assert "symbolic link" in err and "--follow-symlinks" in err
    r = wb(
        "evidence", "add", claim, "--file", str(link), "--stance", "context",
        "--follow-symlinks", "--json",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert '"file_name": "passwd"' in r.out


@pytest.mark.parametrize(
    "args",
    [
        ["doc", "add", "LINK"],
        ["doc", "update", "1", "LINK"],
        ["import", "claims", "LINK", "--doc", "1"],
        ["import", "annotations", "LINK", "--doc", "1"],
        ["import", "bundle", "LINK"],
        ["audit", "verify", "--file", "LINK"],
    ],
)
def test_a_symlink_is_refused_by_every_command_that_reads_a_file(
    wb: Run, claim: str, tmp_path: Path, args: list[str]
) -> None:
    # One policy: a symlink is read only where the command offers --follow-symlinks
    # (evidence add), and the advice names that option nowhere else.
    target = tmp_path / "real.csv"
    target.write_text("quote,text\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    err = refused(wb(*[str(link) if a == "LINK" else a for a in args]))
    assert f"{link} is a symbolic link (to {target}): give the file itself" in err
    assert "--follow-symlinks" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "export", "--claim", "9223372036854775808"],
        ["claim", "list", "--limit", "99999999999999999999"],
        ["claim", "show", "2147483648"],
        ["claim", "show", "0"],
        ["claim", "add", "1", "--text", "x", "--start", "-1", "--end", "3"],
        ["claim", "add", "1", "--text", "x", "--start", "0", "--end", "99999999999999999999"],
        ["claim", "similar", "1", "--min-score", "nan"],
        ["extract", "1", "--min-score", "nan"],
        ["claim", "assign", "1", "99999999999999999999", "--to", "x"],
        ["audit", "verify", "--count", "99999999999999999999"],
    ],
)
def test_integers_are_range_checked_at_the_edge(wb: Run, args: list[str]) -> None:
    err = refused(wb(*args), code=2)
    assert "out of range" in err or "must be" in err


@pytest.mark.parametrize(
    ("db", "fragment"),
    [
        ("postgresql://u@host:abc/x", "malformed database URL"),
        ("sqlite://", "in-memory database"),
        ("mysql://x/y", "unsupported database URL"),
    ],
)
def test_bad_database_urls(db: str, fragment: str) -> None:
    r = run_cli(["claim", "list"], env={"WORKBENCH_DB": db, "WORKBENCH_USER": "t"})
    assert fragment in refused(r)


def test_empty_file_is_not_made_a_database_by_a_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    r = run_cli(["claim", "list"], env={"WORKBENCH_DB": str(empty), "WORKBENCH_USER": "t"})
    assert "is an empty file: no desk is set up in it yet" in refused(r)
    assert empty.stat().st_size == 0


@pytest.mark.parametrize(
    ("args", "fragment", "code"),
    [
        # Options that contradict each other: bad usage.
        (["audit", "export", "--since", "2026-12-01", "--until", "2026-11-01"], "later than", 2),
        # An action no event has: a value the option cannot take, bad usage like any other
        # (it was exit 1 until session 45's new user asked why).
        (["audit", "export", "--action", "claim.teleported"], "unknown action", 2),
        (["audit", "export", "--action", "nothing.*"], "unknown action", 2),
        (["audit", "export", "--claim", "777"], "no claim #777", 1),
        (["audit", "export", "--doc", "777", "--format", "csv"], "no document #777", 1),
    ],
)
def test_export_questions_that_can_only_be_mistakes(
    wb: Run, claim: str, args: list[str], fragment: str, code: int
) -> None:
    r = wb(*args)
    assert fragment in refused(r, code)
    assert r.out == ""


def test_control_characters_do_not_reach_exports(wb: Run, claim: str, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bell\x07 and escape \x1b[31m red", encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "b.txt")).code == 0
    assert wb("claim", "add", "2", "--text", "x", "--quote", "escape \x1b[31m red").code == 0
    for fmt in ("csv", "md"):
        out = wb("audit", "export", "--format", fmt).out
        assert "\x1b" not in out and "\x07" not in out
        assert "\\u001b" in out
    csv = wb("claim", "list", "--csv").out
    assert "\x1b" not in csv and "\\u001b" in csv


HOSTILE_TEXT = "Bell\x07 and \x1b[2J clear, back\x08space, \x1b[31mred\x1b[0m 文本\n"


def test_doc_text_into_a_pipe_is_the_stored_text_byte_for_byte(
    wb: Run, tmp_path: Path, db_url: str
) -> None:
    """Piped, `doc text` stripped the ANSI sequences (136 characters of 149, another sha256):
    the offsets of claims no longer lined up with what it printed."""
    import hashlib
    import json
    import subprocess
    import sys

    (tmp_path / "h.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "h.txt")).code == 0
    stored = json.loads(wb("doc", "show", "1", "--json").out)["sha256"]
    assert stored == hashlib.sha256(HOSTILE_TEXT.encode()).hexdigest()
    r = wb("doc", "text", "1")
    assert r.code == 0 and r.out == HOSTILE_TEXT
    # a real pipe, bytes and all
    piped = subprocess.run(
        [sys.executable, "-m", "workbench", "doc", "text", "1"],
        capture_output=True,
        env={**os.environ, "WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"},
        timeout=120,
        check=True,
    ).stdout
    assert hashlib.sha256(piped).hexdigest() == stored


def test_doc_text_on_a_terminal_shows_control_characters_never_runs_them(
    wb: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.cli.doc

    (tmp_path / "h.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    assert wb("doc", "add", str(tmp_path / "h.txt")).code == 0
    monkeypatch.setattr(workbench.cli.doc, "is_terminal", lambda: True)
    out = wb("doc", "text", "1").out
    assert out == (
        "Bell\\u0007 and \\u001b[2J clear, back\\u0008space, \\u001b[31mred\\u001b[0m 文本\n"
    )


@pytest.mark.parametrize(
    "sources",
    [[], ["--url", "https://example.org/a", "--citation", "Annual report 2024, p. 3"]],
)
def test_evidence_with_no_source_or_two_is_bad_usage(
    wb: Run, claim: str, sources: list[str]
) -> None:
    # exit 2, as `claim assign` with neither --to nor --unassign (the trial found 1 here)
    r = wb("evidence", "add", claim, "--stance", "supports", *sources)
    assert r.crash is None and r.code == 2, (r.code, r.err)
    assert "exactly one of --url, --file or --citation" in r.err


def test_a_followed_link_to_a_file_named_with_a_control_character_is_refused(
    wb: Run, claim: str, tmp_path: Path
) -> None:
    """The name recorded for a followed link is its target's, which is held to the checks the
    link's own name is (no control or bidi character): `--file innocent.txt --follow-symlinks`
    recorded `bad\\x1b[31mname.txt`, which `evidence add --file` of the file itself refuses."""
    target = tmp_path / "bad\x1b[31mname.txt"
    target.write_text("the minutes\n", encoding="utf-8")
    refused(wb("evidence", "add", claim, "--file", str(target), "--stance", "context"))
    link = tmp_path / "innocent.txt"
    link.symlink_to(target)
    err = refused(
        wb(
            "evidence",
            "add",
            claim,
            "--file",
            str(link),
            "--stance",
            "context",
            "--follow-symlinks",
        )
    )
    assert "the file name" in err and "U+001B" in err, err
