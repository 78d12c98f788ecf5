"""newuser: `audit verify --file` of a file that is no export (empty, no scope line, a scope line
with its events gone) said its BROKEN line and then `  0 events before it hold` on stderr: no
event was read, so there is no "it" the count is before, and a new user read the line as a
second fault. A break at an event (`BROKEN at seq N`) still says how many held before it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

Run = Callable[..., Result]


def _export(cli: Run, tmp_path: Path) -> list[str]:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    return full.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("empty", []),
        ("no scope line", ['{"a": 1}']),
        ("scope line alone", None),
        ("not JSON first", ["garbage"]),
    ],
)
def test_a_file_level_break_with_no_event_read_says_no_count(
    cli: Run, tmp_path: Path, name: str, lines: list[str] | None
) -> None:
    exported = _export(cli, tmp_path)
    if lines is None:
        lines = exported[:1]
    elif name == "not JSON first":
        lines = [exported[0], *lines, *exported[1:]]
    path = tmp_path / "trail.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1, (r.out, r.err)
    assert r.out.startswith("BROKEN: "), r.out
    assert "before it" not in r.err, r.err
    assert json.loads(cli("audit", "verify", "--file", str(path), "--json").out)["count"] == 0


def test_a_break_after_events_still_counts_them(cli: Run, tmp_path: Path) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    full = tmp_path / "full.jsonl"
    assert cli("audit", "export", "-o", str(full)).code == 0
    lines = full.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "trail.jsonl"
    path.write_text("\n".join([*lines[:2], "garbage", *lines[2:]]) + "\n", encoding="utf-8")
    r = cli("audit", "verify", "--file", str(path))
    assert r.code == 1 and r.out.startswith("BROKEN: line 3: "), (r.out, r.err)
    assert r.err == "  1 event before it holds\n"
