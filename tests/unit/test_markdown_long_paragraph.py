"""A Markdown paragraph of many short wrapped lines (a poem, a list typed without markers, a
file of one word a line) is read in time linear in its length: each soft break reversed the
whole paragraph read so far to find the character before it, so 100,000 lines (200 KB) took
13 s to add and 200,000 lines 60 s."""

from __future__ import annotations

import pytest

from tests.unit.linear_time import linear
from workbench.domain.markdown import read_markdown, soft_join


@pytest.mark.parametrize("line", ["a\n", "中\n", "60%.\n"])
def test_a_paragraph_of_many_short_lines_is_read_in_linear_time(line: str) -> None:
    assert linear(read_markdown, lambda n: line * n, small=10_000)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("占比约18%。", "2024年", "占比约18%。2024年"),
        ("妻子,", "他说", "妻子, 他说"),
        ('一年。"', "据介绍", '一年。"据介绍'),
        ("a", "b", "a b"),
    ],
)
def test_soft_join_reads_only_the_edge_of_the_text_before(
    left: str, right: str, joined: str
) -> None:
    assert soft_join(left, right) == joined
    assert soft_join("x" * 10 + left, right) == "x" * 10 + joined
