"""`-o ff`, ff a named pipe (FIFO) that no program is reading: the output is refused at once
rather than hang (opened without waiting), but in the system's words, "cannot write ff: No
such device or address", which names neither a pipe nor what to do. Said as what it is, in
one line, exit 1, for each output that writes into a pipe: start the reader first."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "-o", "{}"],
        ["export", "annotations", "-o", "{}"],
        ["export", "bundle", "{}"],
        ["audit", "export", "-o", "{}"],
        ["report", "1", "-o", "{}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_pipe_nobody_reads_is_said_as_one(cli: Run, tmp_path: Path, args: list[str]) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    pipe = tmp_path / "ff"
    os.mkfifo(pipe)
    r = cli(*[a.format(pipe) for a in args])
    assert (r.code, r.err) == (
        1,
        f"error: cannot write {pipe}: it is a pipe (FIFO) that nothing is reading; start the "
        "program that reads it first\n",
    )


def test_a_socket_is_said_as_one(cli: Run, tmp_path: Path) -> None:
    """`-o sock`, sock a Unix socket's file: opening it for writing fails as a FIFO with no
    reader does (ENXIO), and was said in the same raw words, "No such device or address"."""
    import socket

    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    sock = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock))
        r = cli("export", "claims", "-o", str(sock))
    assert (r.code, r.err) == (
        1,
        f"error: cannot write {sock}: it is a socket, not a file (a program's address for "
        "connections): give a file's name\n",
    )
