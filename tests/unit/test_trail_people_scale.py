"""perf204: `audit verify` and `audit replay` hold each registration a trail records against
every person registered before it (fix193), and did so pair by pair: a desk of 3,000 people
spent minutes in the check (1,000 people: 9.5 s of one process's CPU, growing with the square),
where the 200,000 events around them take seconds. Counted here as the name comparisons made
(`likeness`), never timed; and the pairs the rule refuses are still every one found, in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from workbench.domain import people
from workbench.domain.trail_people import Registrations


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    pairs: list[tuple[str, str]] = []
    real = people.likeness

    def counted(a: str, b: str) -> Any:
        pairs.append((a, b))
        return real(a, b)

    monkeypatch.setattr(people, "likeness", counted)
    yield pairs


_FAMILY = ["Smith", "Garcia", "Nguyen", "Okafor", "Novak", "Rossi", "Kim", "Silva", "Haddad"]
_GIVEN = ["Ana", "Ben", "Chloe", "Dev", "Emil", "Farah", "Gus", "Hana", "Ivan", "Jo"]
_HAN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def _desk(count: int) -> list[tuple[str, str | None]]:
    """`count` people no two of whom `user add` refuses: names, Latin display names and
    Chinese ones (two of each Chinese family name at most, with the person's number)."""
    found: list[tuple[str, str | None]] = []
    for i in range(count):
        if i % 3 == 0:
            display: str | None = f"{_GIVEN[i % 10]} {_FAMILY[(i // 10) % 9]} {i}"
        elif i % 3 == 1:
            display = f"{_HAN[i % 20]}{i}号"
        else:
            display = None
        found.append((f"checker{i:04d}", display))
    return found


def _fed(people_: list[tuple[str, str | None]]) -> Registrations:
    found = Registrations()
    for seq, (name, display) in enumerate(people_, 1):
        found.feed(seq, "user.added", {"after": {"name": name, "display": display}})
    return found


def test_a_desk_of_many_people_is_not_compared_pair_by_pair(
    compared: list[tuple[str, str]],
) -> None:
    """300 people, none like another: checked pair by pair this made some 125,000 name
    comparisons (up to 4 a pair); the people whom a registration could be like are found by
    what their names start with, and few are compared."""
    found = _fed(_desk(300))
    assert found.total == 0
    assert len(compared) < 300 * 30, len(compared)


def test_pairs_among_many_are_found_as_pair_by_pair(compared: list[tuple[str, str]]) -> None:
    """Among 200 people, the pairs `user add` refuses (a name's pinyin, a look-alike letter,
    a name in another order, traditional characters, a display name another's) are each named
    beside the first person they are like, as the rule read over every earlier person names
    them."""
    forged: list[tuple[str, str | None]] = [
        ("王芳", None),
        ("zhang wei", "Zhang Wei"),
        ("li.na", None),
        ("maria", "Maria Lopez"),
    ]
    late: list[tuple[str, str | None]] = [
        ("wang fang", None),  # 王芳 read aloud
        ("fang wang", None),  # and in English order
        ("張偉", None),  # zhang wei, in Chinese characters
        ("lina", None),  # li.na skimmed
        ("lopez maria", None),  # maria's display name in another order
        ("bob", "Maria Lopez"),  # shown as maria
        ("c1", "checker0007"),  # shown as another's name
        ("wangfang2", "王芳"),  # shown as 王芳's name
    ]
    desk = forged + _desk(200) + late
    indexed = _fed(desk)
    expected: list[tuple[int, int, str]] = []
    registered: list[tuple[int, str, str | None]] = []
    for seq, (name, display) in enumerate(desk, 1):
        clash = people.registration_likeness(name, display, [(n, d) for _, n, d in registered])
        if clash is not None:
            other_seq = next(s for s, n, _ in registered if n == clash.other)
            expected.append((seq, other_seq, clash.fact))
        registered.append((seq, name, display))
    assert len(expected) >= len(late)
    assert indexed.total == len(expected)
    assert [(f.seq, f.other_seq, f.fact) for f in indexed.found] == expected
