"""bench/bench_extract.py's peak-memory table: its transcript and its one-process measurement.

The figures of docs/benchmarks.md's Session 56 came from a scratch script; these hold the pieces
of the benchmark that replaced it (it is run on demand, never timed here)."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extract.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract_peak_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_transcript_takes_the_debates_rows_in_turn(tmp_path: Path) -> None:
    csv = tmp_path / "debates.csv"
    csv.write_text(
        'line_number,speaker,text,label,file_name\n1,HOLT,"Good evening, all.",0,a.tsv\n'
        "2,TRUMP,We lost 70000 factories.,1,a.tsv\n",
        encoding="utf-8",
    )
    assert _bench().turns(3, csv) == (
        "HOLT: Good evening, all.\nTRUMP: We lost 70000 factories.\nHOLT: Good evening, all.\n"
    )


def test_a_peak_is_measured_in_a_process_of_its_own(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("MAYOR: We cut crime by 12 percent in 2023.\nHOST: Thank you.\n" * 20)
    bench = _bench()
    args = argparse.Namespace(repeat=1, cpu=True)
    split = bench.peak_of("regex split", text, args, pure=True)
    found = bench.peak_of("find_candidates", text, args, pure=True)
    assert split["n"] == 41  # two sentences a pair of lines, and the final line break
    assert found["n"] >= 1
    for got in (split, found):
        assert 0 < got["before"] <= got["peak"] < 500
