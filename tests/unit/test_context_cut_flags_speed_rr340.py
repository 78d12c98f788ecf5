"""rr340: claim show and audit export --format md cut a quote's context between user-perceived
characters (review332's `context_cut`), segmenting from a boundary a little before the cut.
The segmenter, given a position inside a run of regional indicators, reads the run back to its
start to pair them, for each cluster: in a 176,000-character paragraph of flags a cut took
0.25 s, the Markdown timeline as much again for each claim in it. Segmented from that boundary
alone, a cut costs the window around it."""

from __future__ import annotations

import time

from workbench.domain.graphemes import at_grapheme_boundary, context_cut

FLAGS = "\U0001f1eb\U0001f1f7" * 88_000  # 🇫🇷, 176,000 code points, no break


def test_a_context_in_a_long_run_of_flags_is_cut_in_the_window_around_the_cut() -> None:
    mid = len(FLAGS) // 2
    context_cut(FLAGS, mid, mid + 2)  # the segmenter imported
    began = time.perf_counter()
    for _ in range(10):
        before, after = context_cut(FLAGS, mid, mid + 2)
    each = (time.perf_counter() - began) / 10
    assert before == "…" + FLAGS[mid - 200 : mid] and after == FLAGS[mid + 2 : mid + 202] + "…"
    assert each < 0.05, f"{each:.3f} s a cut"


def test_a_cut_inside_a_flag_is_still_seen_as_one() -> None:
    mid = len(FLAGS) // 2
    assert not at_grapheme_boundary(FLAGS, mid + 1)
    assert at_grapheme_boundary(FLAGS, mid)
