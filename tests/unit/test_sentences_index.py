"""`segment.Sentences`: one text split once for many spans, answering as `sentence_around`
does for each."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.domain import segment
from workbench.domain.segment import Segment, Sentences, sentence_around

REPO = Path(__file__).resolve().parents[2]
# Pieces that matter to the splitter: blank lines of every kind, stops, quotes, wraps, spaces
# a line may hold (a full-width space, a carriage return), list items and a stage direction.
PIECES = (
    "\n", "\n\n", "\n \n", "\n\t\n\n", " ", "\u3000", "\r", "\u200b", "a", "Dr.", "U.S.", "The",
    "word", "3.5", ". ", "。", "？", "!", '"', "'", "“", "”", "……。”他说。", "- ", "1. ",
    "2:05 p.m.", "[laughs] ", "ALICE: ", "中文", "x,", "\u0301",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    draw = random.Random(seed)
    return ["".join(draw.choices(PIECES, k=draw.randint(0, 30))) for _ in range(count)]


def test_every_span_of_many_small_texts_is_answered_as_sentence_around_answers() -> None:
    """The Markdown timeline re-split a claim's whole paragraph for every claim
    (`sentence_around`): quadratic in a transcript's claims, which are one paragraph. The
    index it now keeps per document gives the same sentence for every span, blank lines and
    spans in them included."""
    for text in _texts(120, 61):
        index = Sentences(text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert index.around(start, end) == sentence_around(text, start, end), (
                    text,
                    start,
                    end,
                )


# Whether segment runs from its source: compiled, a call from one of its functions to another
# does not go through the module's attribute, so a patched `_emit` is never called.
PURE = segment.__file__ is not None and segment.__file__.endswith(".py")


def _emitted(monkeypatch: pytest.MonkeyPatch, work: Callable[[], object]) -> int:
    """How many times `work` has the splitter emit a sentence (or try to)."""
    count = [0]
    emit = segment._emit

    def counting(*args: object) -> None:
        count[0] += 1
        emit(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(segment, "_emit", counting)
    try:
        work()
    finally:
        monkeypatch.setattr(segment, "_emit", emit)
    return count[0]


def _text(kind: str) -> str:
    if kind == "article":
        return (REPO / "seeds" / "minimax-profile.zh.txt").read_text(encoding="utf-8")
    return "".join(f"BOB: Revenue grew {n} percent. It did.\n" for n in range(120))


@pytest.mark.parametrize("kind", ["article", "transcript"])
def test_claims_spans_split_each_block_once(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _text(kind)
    draw = random.Random(5)
    index = Sentences(text)
    sentences = segment.split_sentences(text)
    # Claims' spans: words of a sentence, a whole sentence, two sentences running on.
    spans = [sorted(draw.choices(range(s.start, s.end + 1), k=2)) for s in sentences]
    spans += [(s.start, s.end) for s in sentences]
    spans += [(a.start, b.end) for a, b in itertools.pairwise(sentences)]
    expected = [sentence_around(text, a, b) for a, b in spans]
    found: list[Segment] = []
    used = _emitted(monkeypatch, lambda: found.extend(index.around(a, b) for a, b in spans))
    assert found == expected
    if not PURE:
        return  # compiled (mypyc): calls inside the module are not seen, so none are counted
    # Each block split once: no more work than splitting the whole text once.
    assert 0 < used <= _emitted(monkeypatch, lambda: segment.split_sentences(text))


def test_a_span_outside_the_text_is_refused_alike() -> None:
    index = Sentences("One. Two.")
    for start, end in ((5, 2), (0, 10), (-1, 3)):
        with pytest.raises(ValueError, match="outside a text of length 9"):
            index.around(start, end)
        with pytest.raises(ValueError, match="outside a text of length 9"):
            sentence_around("One. Two.", start, end)
