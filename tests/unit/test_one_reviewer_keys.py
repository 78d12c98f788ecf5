"""The one-reviewer rule compares two names by `likeness` only when their keys meet.

`reviewers._alike` asks `likeness` (tens of microseconds a pair) only of names that share a
key of the rule, each name's keys read once: a desk of hundreds of reviewers pairs more people
than the pair cache holds (review296). The keys must never leave out a pair `likeness` finds
alike, and `share_a_key` must match as `NameIndex.near` does, which registrations are found by.
"""

from __future__ import annotations

from itertools import permutations

from workbench.domain.identity import compared_form, fold, likeness, likeness_keys
from workbench.domain.name_index import NameIndex, share_a_key
from workbench.domain.reviewers import _may_be_alike

NAMES = [
    "alice",
    "Alice",
    "ａｌｉｃｅ",
    "\u0430\u04cf\u0456\u0441\u0435",  # Cyrillic, palochka as l
    "maria",
    "mar1a",
    "maria lopez",
    "lopez maria",
    "Maria Lopez",
    "maria@example.org",
    "王芳",
    "王 芳",
    "wang fang",
    "fang wang",
    "Wáng Fāng",
    "wang2 fang1",
    "WangFang",
    "wang",
    "汪芳",
    "张伟",
    "張偉",
    "wei zhang",
    "陈静",
    "陈 静",
    "chen jing",
    "林",
    "lin",
    "l1n",
    "⺩芳",
    "行",
    "hang",
    "xing",
    "bob",
    "li wei",
    "Jenny Chen",
]


def test_no_pair_likeness_finds_alike_is_left_out() -> None:
    for a, b in permutations(NAMES, 2):
        for x, y in ((compared_form(a), compared_form(b)), (compared_form(a), fold(b))):
            if likeness(x, y) is not None:
                assert _may_be_alike(x, y), (a, b)


def test_share_a_key_matches_as_the_index_does() -> None:
    index = NameIndex()
    for name in NAMES:
        index.add(compared_form(name), name)
    for a, b in permutations(NAMES, 2):
        keys = likeness_keys(compared_form(a)), likeness_keys(compared_form(b))
        assert share_a_key(*keys) == (b in index.near(compared_form(a))), (a, b)


def test_two_unrelated_names_are_not_compared() -> None:
    assert not _may_be_alike("alice", "bob")
    assert not _may_be_alike("王芳", "张伟")
    assert not _may_be_alike("wang fang", "张伟")
