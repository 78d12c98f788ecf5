"""What a candidate keeps to explain its score later (issue 14, review143). Each candidate of an
English document kept the whole reading of its sentence, every learnt word and pair with its
weight, to list the top three n-grams and the rest's sum when asked: a 5 MB English document
peaked at 134 MB where it had taken 58 MB, and a transcript of 147,000 short turns at 397 MB
where it had taken 135 MB, for an explanation that has at most five n-gram terms."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from workbench.domain import checkworthy_model
from workbench.domain.checkworthy import find_candidates
from workbench.domain.transcript import Transcript

ENGLISH = Path(__file__).resolve().parents[1] / "data" / "checkworthy" / "english.txt"


@contextmanager
def _earlier_objects_set_aside() -> Iterator[None]:
    """The objects alive before the measurement moved out of the collector's way (gc.freeze):
    in a worker of the full suite, which holds every earlier test's leftovers, each
    gc.collect() walked them all, and these two tests took 30 s each where alone they take
    under one. Untraced, those objects never counted in what is measured; only the walk goes.
    Under the suite's own freeze (tests/conftest.py, pytest_collection_finish) they stay set
    aside afterwards: unfreezing then would hand the collector back the whole import-time heap
    for the rest of the worker's tests."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def _held(text: str, explained: bool) -> tuple[int, int]:
    """Bytes the candidates of `text` hold (with what explains their scores, or without), and
    how many there are."""
    with _earlier_objects_set_aside():
        return _held_now(text, explained)


def _held_now(text: str, explained: bool) -> tuple[int, int]:
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


def _whole(text: str, transcript: bool) -> tuple[int, int]:
    """Bytes the candidates of `text` hold in all (each with its text, reasons and what
    explains its score), and how many there are."""
    from workbench.domain.transcript import read_transcript

    read = read_transcript(text, "on") if transcript else None
    with _earlier_objects_set_aside():
        return _whole_now(text, read)


def _whole_now(text: str, read: Transcript | None) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        candidates = find_candidates(text, transcript=read)
        gc.collect()
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return held, len(candidates)


def test_a_candidate_holds_its_text_once_and_its_explanation_compactly() -> None:
    """perf160: a 5 MB English document's 39,580 candidates held 1,640 bytes each (62 MB),
    and 147,000 transcript turns' 23,350 held 1,750 each: the sentence's body kept a second
    time to explain the score, a transcript candidate's text a third, the top n-grams as a
    list of pairs in a reading object inside a score object, a new tuple of named features
    and a new length reason each. What explains a score is now a few figures and the names of
    its top n-grams, shared by the document's candidates, and the text is held once."""
    checkworthy_model.load()
    sample = ENGLISH.read_text(encoding="utf-8")
    text = "\n\n".join([sample] * 20)
    _whole(text, False)  # what the first reading caches
    held, count = _whole(text, False)
    assert count > 100
    assert held / count < 1200
    sentences = [s.strip() for s in sample.replace("\n", " ").split(". ") if s.strip()]
    turns = "\n".join(
        f"{('ALICE', 'BOB')[i % 2]}: {sentences[i % len(sentences)]}." for i in range(600)
    )
    held, count = _whole(turns, True)
    assert count > 100
    assert held / count < 1200
