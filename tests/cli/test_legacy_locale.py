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
