"""A fact-checker's UTF-8 terminal on a machine whose locale is not UTF-8 (LC_ALL=C or a
Latin-1 locale with PYTHONUTF8=0: an ssh session carrying the server's locale, a cron job, an old
Docker image). Output was UTF-8 whatever the locale, but the arguments were read in the locale's
encoding: `claim add --text 测试` was refused as "not valid UTF-8" (C) or as holding "the control
character U+008B" (Latin-1), `claim list --speaker 闫俊杰` silently matched nothing, a file named
in Chinese was refused as "not valid UTF-8" although it was there, and an error quoting Chinese
came out on a Latin-1 stderr as `\\u4e0d\\u5b58...`. Needs the real process: the locale decides
how Python decodes argv before any of the tool's code runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import workbench

CLONE = str(Path(workbench.__file__).resolve().parent.parent)
ARTICLE = "2020年，当他第一次读到CLIP论文时，那种震撼感让他连续两三天无法入眠。\n"


def _run(
    db_url: str, cwd: Path, env: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "WORKBENCH_DB": db_url,
        "WORKBENCH_USER": "tester",
        "PYTHONPATH": CLONE,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=full,
        cwd=cwd,
        timeout=120,
    )


C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}


def test_chinese_arguments_in_a_c_locale_are_read_as_typed(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "闫俊杰.txt").write_text(ARTICLE, encoding="utf-8")
    r = _run(db_url, tmp_path, C_LOCALE, "doc", "add", "闫俊杰.txt")
    assert r.returncode == 0, r.stderr
    r = _run(
        db_url,
        tmp_path,
        {**C_LOCALE, "WORKBENCH_USER": "张三"},
        "claim",
        "add",
        "1",
        "--quote",
        "第一次读到CLIP论文",
        "--text",
        "闫俊杰2020年读到CLIP论文",
        "--speaker",
        "闫俊杰",
    )
    assert r.returncode == 0, r.stderr
    r = _run(db_url, tmp_path, C_LOCALE, "claim", "list", "--speaker", "闫俊杰", "--json")
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)
    assert [c["text"] for c in claims] == ["闫俊杰2020年读到CLIP论文"]
    r = _run(db_url, tmp_path, C_LOCALE, "claim", "show", "1")
    assert "张三" in r.stdout


def test_an_error_quoting_chinese_on_a_latin1_stderr_is_readable(
    db_url: str, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert _run(db_url, tmp_path, {}, "doc", "add", "a.txt").returncode == 0
    r = _run(
        db_url,
        tmp_path,
        {"PYTHONIOENCODING": "latin-1"},
        "claim",
        "add",
        "1",
        "--quote",
        "不存在的引文",
        "--text",
        "x",
    )
    assert r.returncode == 1
    assert r.stderr == "error: quote not found in the document: '不存在的引文'\n"


def _misread_locale(monkeypatch: Any, argv: list[str], orig: list[str]) -> list[list[str]]:
    """This process as one in a non-UTF-8 locale would be, with a Chinese argument the locale
    misread (its UTF-8 bytes as surrogates); the execs `_utf8_arguments` asks for."""
    import types

    from workbench import cli as cli_module

    execs: list[list[str]] = []

    def execv(path: str, args: list[str]) -> None:  # as os.execv takes its path
        execs.append([os.fspath(path), *args[1:]])

    misread = "闫俊杰".encode().decode("ascii", "surrogateescape")
    flags = {n: getattr(sys.flags, n) for n in dir(sys.flags) if not n.startswith(("_", "n_"))}
    flags = {n: v for n, v in flags.items() if not callable(v)}
    monkeypatch.setattr(cli_module.sys, "flags", types.SimpleNamespace(**{**flags, "utf8_mode": 0}))
    monkeypatch.setattr(cli_module.sys, "getfilesystemencoding", lambda: "ascii")
    monkeypatch.setattr(cli_module.sys, "argv", [a.replace("闫俊杰", misread) for a in argv])
    monkeypatch.setattr(cli_module.sys, "orig_argv", [a.replace("闫俊杰", misread) for a in orig])
    monkeypatch.setattr(os, "execv", execv)
    return execs


def test_the_restart_is_asked_of_the_interpreter_that_reads_x_utf8(monkeypatch: Any) -> None:
    from workbench.cli import _utf8_arguments

    execs = _misread_locale(
        monkeypatch,
        ["/venv/bin/workbench", "claim", "list", "--speaker", "闫俊杰"],
        ["/venv/bin/python", "/venv/bin/workbench", "claim", "list", "--speaker", "闫俊杰"],
    )
    monkeypatch.setattr(sys, "executable", "/venv/bin/python")
    _utf8_arguments()
    assert [e[:4] for e in execs] == [["/venv/bin/python", "-X", "utf8", "/venv/bin/workbench"]]


@pytest.mark.parametrize("how", ["frozen", "embedded", "restarted"])
def test_a_misread_argument_restarts_no_interpreter_that_cannot_take_x_utf8(
    monkeypatch: Any, how: str
) -> None:
    """review165: a workbench built into one executable (PyInstaller, sys.frozen: sys.executable
    is the tool itself, which reads `-X utf8` as its own arguments) started itself again with
    `-X utf8` before the arguments, which still held the misread one: it did so again, for
    ever, each time two arguments longer. An interpreter embedded in another program may have
    sys.executable None (a TypeError's traceback); and a restart that came back still
    not in UTF-8 mode must not restart again."""
    from workbench.cli import _utf8_arguments

    argv = ["workbench", "claim", "list", "--speaker", "闫俊杰"]
    orig = ["/opt/workbench/workbench", *argv[1:]]
    if how == "restarted":
        orig = ["/usr/bin/python3", "-X", "utf8", "-m", "workbench", *argv[1:]]
    execs = _misread_locale(monkeypatch, argv, orig)
    if how == "frozen":
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", "/opt/workbench/workbench")
    else:
        monkeypatch.setattr(sys, "executable", None if how == "embedded" else "/usr/bin/python3")
    _utf8_arguments()
    assert execs == []
