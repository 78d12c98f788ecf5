"""bench/bench_extract.py's floor, the plain regex sentence split, splits at every stop.

Its regex was meant to cut at 。！？ and at ASCII stops, but its class held `。!?!?`: the
full-width ！ and ？ typed as ASCII, and no `.` at all, so every English paragraph of the mixed
text was one "sentence" (4,394 matches in the 1 MB text, where `split_sentences` finds 12,175),
and `find_candidates` was reported about twice as many times slower than a plain split as it is.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extract.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_regex_baseline_splits_at_every_stop() -> None:
    text = "营收增长了42%！真的吗？是的。Revenue rose. Did it? It did!"
    spans = _bench().baseline_split(text)
    assert [text[a:b].strip() for a, b in spans] == [
        "营收增长了42%！",
        "真的吗？",
        "是的。",
        "Revenue rose.",
        "Did it?",
        "It did!",
    ]
