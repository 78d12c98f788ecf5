"""bench/measure.py's peak is the measured process's own, whatever its parent holds or held.

A benchmark that had built its desk, or timed 1 MB of text, in its own process before running
a command through `measure.run` was told that the command peaked at least as high as the
benchmark itself: the child, started by vfork (or fork), inherits at exec its parent's
high-water mark (or resident set) as the start of its own ru_maxrss. `python -c pass` read
310 MB beside a parent that held 300 MB, and every raw `sqlite3` baseline read at least the
parent's own size."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

MEASURE = Path(__file__).resolve().parents[2] / "bench" / "measure.py"


def _measure() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_measure_under_test", MEASURE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks its module up
    spec.loader.exec_module(module)
    return module


def _big() -> bytearray:
    held = bytearray(300 * 2**20)
    held[::4096] = b"x" * len(range(0, len(held), 4096))  # every page resident
    return held


def test_a_child_beside_a_large_parent_is_measured_alone() -> None:
    measure = _measure()
    held = _big()
    got = measure.run([sys.executable, "-c", "pass"])
    assert held[0] == ord("x")  # still held while the child ran
    assert got.peak_mb < 100, got


def test_a_child_after_the_parent_freed_its_memory_is_measured_alone() -> None:
    measure = _measure()
    held = _big()
    del held
    got = measure.run([sys.executable, "-c", "pass"])
    assert got.peak_mb < 100, got


def test_a_child_s_own_peak_cpu_and_failure_are_still_read(tmp_path: Path) -> None:
    measure = _measure()
    touch = "x = bytearray(200 * 2**20); x[::4096] = b'x' * len(range(0, len(x), 4096))"
    got = measure.run([sys.executable, "-c", touch + "; print('ok')"], stdout=tmp_path / "out")
    assert 200 < got.peak_mb < 300, got
    assert got.out_bytes == 3 and got.cpu > 0
    failed = [sys.executable, "-c", "import sys; sys.exit('no such desk')"]
    try:
        measure.run(failed)
    except SystemExit as e:
        assert "failed (1): no such desk" in str(e)
    else:
        raise AssertionError("a failing command was not reported")
