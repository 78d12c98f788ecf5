"""review290: an output written to a full disk said `error: No space left on device`, naming
no file: the system's error came from writing the temporary file, which has no name to give,
while a backup on the same disk said its file (`No space left on device: b.db`) and a read
said `cannot read PATH: ...`. Said as every output's refusal says its file: `cannot write
PATH: No space left on device`, one line, exit 1, nothing left behind (no file, no temporary
one). `-o /dev/full`, a device written in place, is said the same way.

The full disk is the system's ENOSPC, given by every write into a file opened for writing
(the only thing injected); tests/cli/test_hostile_machine_full_disk_open.py has a real one."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]

OUTPUTS = [
    ["export", "claims", "-o", "{}"],
    ["export", "annotations", "-o", "{}"],
    ["export", "claims", "--format", "xlsx", "-o", "{}"],
    ["export", "bundle", "{}"],
    ["audit", "export", "-o", "{}"],
    ["report", "1", "-o", "{}"],
]


class _FullDisk(io.FileIO):
    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file opened for writing through os.fdopen is on a disk with no room left."""
    fdopen = os.fdopen

    def opened(fd: int, mode: str = "r", buffering: int = -1, **kwargs: Any) -> Any:
        if "w" not in mode:
            return fdopen(fd, mode, buffering, **kwargs)
        binary = io.BufferedWriter(_FullDisk(fd, "w"), max(buffering, io.DEFAULT_BUFFER_SIZE))
        return binary if "b" in mode else io.TextIOWrapper(binary, **kwargs)

    monkeypatch.setattr(os, "fdopen", opened)


def _desk(cli: Run, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert cli("doc", "add", str(doc)).code == 0
    doc.unlink()


@pytest.mark.parametrize("args", OUTPUTS, ids=lambda a: " ".join(a[:3]))
def test_an_output_on_a_full_disk_names_its_file_and_leaves_nothing(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    _desk(cli, tmp_path)
    folder = tmp_path / "outputs"  # (the desk's file is in tmp_path)
    folder.mkdir()
    target = folder / "out"
    _full_disk(monkeypatch)
    r = cli(*[a.format(target) for a in args])
    assert (r.code, r.err) == (1, f"error: cannot write {target}: No space left on device\n")
    assert sorted(p.name for p in folder.iterdir()) == []


def test_an_output_to_dev_full_names_it(cli: Run, tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    _desk(cli, tmp_path)
    r = cli("export", "claims", "-o", "/dev/full")
    assert (r.code, r.err) == (1, "error: cannot write /dev/full: No space left on device\n")


@pytest.mark.parametrize("args", OUTPUTS, ids=lambda a: " ".join(a[:3]))
def test_an_output_on_a_full_disk_is_named_as_typed(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """review304: the refusal named the file as Path wrote it (`outputs/out` for
    `./outputs//out`), where every other refusal of the same output (a missing folder, a
    name too long) and backup's on a full disk say it as typed."""
    _desk(cli, tmp_path)
    folder = tmp_path / "outputs"
    folder.mkdir()
    typed = f"{folder}//./out"
    _full_disk(monkeypatch)
    r = cli(*[a.format(typed) for a in args])
    assert (r.code, r.err) == (1, f"error: cannot write {typed}: No space left on device\n")
    assert sorted(p.name for p in folder.iterdir()) == []


def test_a_report_site_on_a_full_disk_leaves_no_folder(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review304: `report --all -o site` on a full disk said its first page, but left the
    folder site it had made, empty (and a page written before a later one failed)."""
    _desk(cli, tmp_path)
    folder = tmp_path / "outputs"
    folder.mkdir()
    site = folder / "site"
    _full_disk(monkeypatch)
    r = cli("report", "--all", "-o", str(site))
    assert r.code == 1
    assert r.err.startswith(f"error: cannot write {site}/") and r.err.endswith(
        ": No space left on device\n"
    ), r.err
    assert sorted(p.name for p in folder.iterdir()) == []


def test_a_report_site_failing_after_a_page_takes_its_pages_back(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review304: a page written, the next one refused (the disk filled meanwhile): the
    site folder made for it is left as it was not there, not half a site."""
    _desk(cli, tmp_path)
    folder = tmp_path / "outputs"
    folder.mkdir()
    site = folder / "site"
    fdopen = os.fdopen
    opened: list[int] = []

    def second_full(fd: int, mode: str = "r", buffering: int = -1, **kwargs: Any) -> Any:
        if "w" in mode:
            opened.append(fd)
            if len(opened) == 2:
                binary = io.BufferedWriter(_FullDisk(fd, "w"), io.DEFAULT_BUFFER_SIZE)
                return io.TextIOWrapper(binary, **kwargs)
        return fdopen(fd, mode, buffering, **kwargs)

    monkeypatch.setattr(os, "fdopen", second_full)
    r = cli("report", "--all", "-o", str(site))
    assert r.code == 1, r.err
    assert r.err.endswith(": No space left on device\n"), r.err
    assert sorted(p.name for p in folder.iterdir()) == []
