"""What a candidate keeps to explain its score later (issue 14, review143). Each candidate of an
English document kept the whole reading of its sentence, every learnt word and pair with its
weight, to list the top three n-grams and the rest's sum when asked: a 5 MB English document
peaked at 134 MB where it had taken 58 MB, and a transcript of 147,000 short turns at 397 MB
where it had taken 135 MB, for an explanation that has at most five n-gram terms."""

from __future__ import annotations

import gc
import tracemalloc
from dataclasses import replace
from pathlib import Path

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy import find_candidates

ENGLISH = Path(__file__).resolve().parents[1] / "data" / "checkworthy" / "english.txt"


def _held(text: str, explained: bool) -> tuple[int, int]:
    """Bytes the candidates of `text` hold (with what explains their scores, or without), and
    how many there are."""
    gc.collect()
    tracemalloc.start()
    try:
        if explained:
            candidates = find_candidates(text)
        else:
            candidates = [replace(c, found=None) for c in find_candidates(text)]
        gc.collect()
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return held, len(candidates)


def test_an_english_candidate_keeps_little_to_explain_its_score() -> None:
    checkworthy_model.load()
    sample = ENGLISH.read_text(encoding="utf-8")
    text = "\n\n".join([sample] * 20)
    _held(text, True)  # what the first reading caches
    with_found, count = _held(text, True)
    without, _ = _held(text, False)
    assert count > 100
    # It kept about 1,800 bytes a candidate, most of them its sentence's every n-gram; the
    # score, its reading's few figures, the top three n-grams and the rest's sum take about 900.
    assert (with_found - without) / count < 1000
