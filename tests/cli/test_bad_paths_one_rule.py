"""One rule for the exit code of a bad path, across every command that writes or reads a file
(docs/errors.md, "A file's name"): what the words alone make no file's name (empty, a NUL
byte) or `-` where the command takes no standard input or output is bad usage, exit 2; what is
found by looking at the disk (a folder, nothing, a file on the way, a name too long for the
drive, a pipe, a device) is a refusal, exit 1. Either way one line on stderr, naming the path
as given, and never a traceback; a FIFO or an endless device is never read from."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.test_unreadable_file_exit_code import run_unprivileged
from tests.inprocess import run_cli
from workbench.domain.shell import shell_word

ARTICLE = "The unemployment rate fell to 3.5 percent in 2023, the ministry said.\n"

Args = Callable[[str], list[str]]

# Every command that writes a file it is given (stdout with `-` where it takes it).
OUTPUTS: dict[str, Args] = {
    "audit export": lambda p: ["audit", "export", "-o", p],
    "backup": lambda p: ["backup", p],
    "evidence get": lambda p: ["evidence", "get", "1", "-o", p],
    "export annotations": lambda p: ["export", "annotations", "-o", p],
    "export bundle": lambda p: ["export", "bundle", p],
    "export claimreview": lambda p: [
        *("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example.org"),
        *("-o", p),
    ],
    "export claims": lambda p: ["export", "claims", "-o", p],
    "report": lambda p: ["report", "1", "-o", p],
}
# Every command that reads a file it is given.
INPUTS: dict[str, Args] = {
    "doc add": lambda p: ["doc", "add", p],
    "doc update": lambda p: ["doc", "update", "1", p],
    "import annotations": lambda p: ["import", "annotations", "--doc", "1", p],
    "import bundle": lambda p: ["import", "bundle", p],
    "import claims": lambda p: ["import", "claims", "--doc", "1", p],
    "evidence add": lambda p: ["evidence", "add", "1", "--stance", "supports", "--file", p],
    "seed load": lambda p: ["seed", "load", p],
    "audit verify": lambda p: ["audit", "verify", "--file", p],
}
# Those of them for which `-` is no standard stream: a file only.
NO_DASH = ["backup", "import bundle", "import claims", "evidence add"]

# A bad path of each kind, as typed (relative to the test's folder), and its exit code.
USAGE = {"empty": "", "nul": "a\0b"}
REFUSED = {
    "folder": "adir",
    "folder/": "newdir/",
    "no parent": "missing/x.out",
    "under a file": "file.txt/x",
    "too long": "x" * 300,
    "fifo": "fifo",
}
REFUSED_INPUT = {**REFUSED, "/dev/zero": "/dev/zero", "/dev/urandom": "/dev/urandom"}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desk with a document, a claim and an archived file, and the bad paths' neighbours."""
    root = tmp_path_factory.mktemp("bad-paths")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "file.txt").write_text("x\n", encoding="utf-8")
    (root / "adir").mkdir()
    os.mkfifo(root / "fifo")
    here = os.getcwd()
    os.chdir(root)
    try:
        for args in (
            ["doc", "add", "article.txt"],
            [
                "claim",
                "add",
                "1",
                "--text",
                "The rate fell to 3.5 percent",
                "--quote",
                "3.5 percent",
            ],
            ["evidence", "add", "1", "--stance", "supports", "--file", "file.txt"],
        ):
            r = run(root, args)
            assert r.code == 0, (args, r.err)
    finally:
        os.chdir(here)
    return root


def run(root: Path, args: list[str]) -> object:
    db = root / ("empty.db" if args[:2] == ["import", "bundle"] else "desk.db")
    return run_cli(["--db", str(db), "--as", "ann", *args])


def one_line(root: Path, args: list[str], code: int, path: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(root)
    r = run(root, args)
    assert r.crash is None, r.crash  # type: ignore[attr-defined]
    lines = r.err.strip().splitlines()  # type: ignore[attr-defined]
    assert (r.code, len(lines)) == (code, 1), (r.code, r.err)  # type: ignore[attr-defined]
    shown = path if path.isprintable() and path else shell_word(path)
    assert lines[0].startswith("error: ") and shown in lines[0], lines


def _cases(commands: dict[str, Args], kinds: dict[str, str], code: int) -> list[object]:
    return [
        pytest.param(make, path, code, id=f"{name}-{kind}")
        for name, make in commands.items()
        for kind, path in kinds.items()
    ]


@pytest.mark.parametrize(
    ("make", "path", "code"),
    _cases(OUTPUTS, USAGE, 2)
    + _cases(OUTPUTS, REFUSED, 1)
    + _cases(INPUTS, USAGE, 2)
    + _cases(INPUTS, REFUSED_INPUT, 1)
    + _cases({n: c for n, c in {**OUTPUTS, **INPUTS}.items() if n in NO_DASH}, {"-": "-"}, 2),
)
def test_a_bad_path_exits_by_the_one_rule_in_one_line(
    desk: Path, make: Args, path: str, code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_line(desk, make(path), code, path, monkeypatch)


@pytest.mark.parametrize("args", [["report", "--all", "-o"]], ids=" ".join)
@pytest.mark.parametrize(("path", "code"), [("", 2), ("a\0b", 2), ("-", 2), ("file.txt", 1)])
def test_report_all_takes_a_folder_by_the_same_rule(
    desk: Path, args: list[str], path: str, code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_line(desk, [*args, path], code, path, monkeypatch)


@pytest.mark.parametrize("name", list(INPUTS), ids=str)
def test_an_unreadable_file_is_refused(desk: Path, name: str) -> None:
    """As root (CI), run without the right to read any file (setpriv), so the mode holds: it
    was skipped there, and three of these readers were checked by no other test (rexits)."""
    secret = desk / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    secret.chmod(0)
    db = desk / ("empty.db" if name == "import bundle" else "desk.db")
    try:
        code, err = run_unprivileged(
            ["--db", str(db), "--as", "ann", *INPUTS[name]("secret.txt")], {}, desk
        )
    finally:
        secret.unlink()
    lines = err.strip().splitlines()
    assert (code, len(lines)) == (1, 1), (code, err)
    assert lines[0].startswith("error: ") and "secret.txt" in lines[0], lines


def test_the_db_option_is_judged_by_the_same_rule(desk: Path) -> None:
    for given, code in (("", 2), ("a\0b", 2), ("-", 2), (str(desk / "adir"), 1)):
        r = run_cli(["--db", given, "claim", "list"])
        lines = r.err.strip().splitlines()
        assert r.crash is None, r.crash
        assert (r.code, len(lines)) == (code, 1), (given, r.code, r.err)
