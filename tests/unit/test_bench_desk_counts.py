"""bench/desk.py builds, from its command line, the desks docs/benchmarks.md measured on.

Sessions 55 and 56 measured on a desk of 20,000 claims and 200,000 events and on one of
100,000 claims and 300,000 events, "bench/desk.py's generate(path, None, 20000, 200000)": none
of its --size presets. A reviewer reproducing those figures from the docs found no command for
them (`--size` offers small, year and large only) and had to call the module from Python."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_desk import load_bench_desk


def _desk() -> ModuleType:
    return load_bench_desk("bench_desk_counts_under_test")


def test_claims_and_events_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`desk.py --claims N --events M --db PATH` builds that desk, as generate(path, None, N, M)."""
    desk = _desk()
    path = tmp_path / "desk.db"
    desk.main(["--claims", "400", "--events", "3000", "--db", str(path)])
    with sqlite3.connect(path) as conn:
        claims = conn.execute("select count(*) from claims").fetchone()[0]
        events = conn.execute("select count(*) from events").fetchone()[0]
    assert (claims, events) == (400, 3000)
    assert "400 claims" in capsys.readouterr().out


def test_counts_and_a_size_together_are_bad_usage(tmp_path: Path) -> None:
    """A preset and counts at once is refused (argparse's exit 2), not one silently dropped."""
    desk = _desk()
    with pytest.raises(SystemExit) as refused:
        desk.main(["--size", "small", "--claims", "400", "--db", str(tmp_path / "d.db")])
    assert refused.value.code == 2
    assert not (tmp_path / "d.db").exists()


@pytest.mark.parametrize("claims", ["0", "-5"])
def test_counts_below_one_are_bad_usage(tmp_path: Path, claims: str) -> None:
    """review200: `--claims 0 --events 0` ended in a ZeroDivisionError traceback after the
    schema was made, and `--claims -5 --events 10` printed '-5 claims' for an empty desk: a
    count below one is refused as bad usage (exit 2), before any database is made."""
    desk = _desk()
    with pytest.raises(SystemExit) as refused:
        desk.main(["--claims", claims, "--events", "10", "--db", str(tmp_path / "d.db")])
    assert refused.value.code == 2
    assert not (tmp_path / "d.db").exists()
