"""`-o PATH` where PATH is under /dev/fd or /proc/self/fd: only a name of ASCII digits names a
file descriptor there (as the kernel reads it); `cli.common.open_descriptor` tested the name
with `str.isdigit`, which is true of other digits too."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _claim(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("月之暗面的估值达到25亿美元。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "估值", "--quote", "月之暗面的估值达到25亿美元"))


def test_a_superscript_digit_after_dev_fd_is_no_traceback(cli: Any, tmp_path: Path) -> None:
    """`export claims -o /dev/fd/²` printed a traceback (ValueError: invalid literal for
    int() with base 10: '²'): '²'.isdigit() is true, int('²') refuses it."""
    _claim(cli, tmp_path)
    r = cli("export", "claims", "-o", "/dev/fd/\u00b2")
    assert "Traceback" not in r.err, r.err[-300:]
    assert r.code in (1, 2), (r.code, r.out, r.err)


def test_other_digits_after_dev_fd_name_no_descriptor(cli: Any, tmp_path: Path) -> None:
    """`-o /dev/fd/٣` (Arabic-Indic digits, which the kernel reads as no descriptor: a shell's
    `> /dev/fd/٣` finds no such file) wrote the export into file descriptor 3, whatever the
    process held there."""
    _claim(cli, tmp_path)
    read, write = os.pipe()
    try:
        os.set_blocking(read, False)
        r = cli("export", "claims", "-o", f"/dev/fd/{str(write).translate(ARABIC_INDIC)}")
        try:
            leaked = os.read(read, 1 << 16)
        except BlockingIOError:
            leaked = b""
    finally:
        os.close(read)
        os.close(write)
    assert leaked == b"", leaked[:80]
    assert r.code != 0, (r.code, r.out, r.err)
