"""review200: `audit verify` and `audit replay` held each registration a trail records against
every person registered before it, every pair of people compared: a trail of 1,000
registrations took 13 s, 5,000 some six minutes and 20,000 over an hour and a half, a forged
trail (or a large organisation's desk) keeping the editor's verify from ever answering. The
people each registration is compared with are now only those that share a key of the rule
with it; the findings are those the rule gives against everyone (the first person alike, in
registration order)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from workbench.domain import people, trail_people
from workbench.domain.people import registration_likeness
from workbench.domain.trail_people import Registrations


@contextmanager
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the rule's pairwise comparisons (`likeness` of two names)."""
    calls = [0]
    real = people.likeness

    def counting(a: str, b: str) -> str | None:
        calls[0] += 1
        return real(a, b)

    monkeypatch.setattr(people, "likeness", counting)
    yield calls


def _feed(found: Registrations, registrations: list[tuple[str, str | None]]) -> None:
    for seq, (name, display) in enumerate(registrations, 1):
        found.feed(seq, "user.added", {"after": {"name": name, "display": display}})


def test_distinct_people_are_not_each_compared_with_every_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """600 people, none alike (user0 … shown as "User Number 0", and Chinese names): the
    comparisons grow with the people, not with their pairs (some 400,000 before)."""
    han = "王李张刘陈杨黄赵吴周"
    registrations: list[tuple[str, str | None]] = [
        (f"user{i}", f"User Number {i}") if i % 2 else (f"{han[i % 10]}{i}", None)
        for i in range(600)
    ]
    with counted(monkeypatch) as calls:
        found = Registrations()
        _feed(found, registrations)
    assert found.total == 0
    assert calls[0] < 20 * len(registrations), calls[0]


# Each kind of likeness the rule knows, among people who are not alike.
ALIKE: list[tuple[str, str | None]] = [
    ("maria", "Maria Lopez"),
    ("王芳", None),
    ("張偉", None),
    ("ben", "Ben Okafor"),
    ("lin", None),
    ("wang", "Wang Lei"),
    ("bob", "Bob Chen"),
    ("xingchuan", None),
    ("okafor ben", None),  # ben's display name in another order
    ("l1n", None),  # looks like lin
    ("张伟", None),  # 張偉 in simplified characters
    ("wang fang", None),  # 王芳 read aloud
    ("fang wang", None),  # 王芳, the given name first
    ("rosa", "Maria Lopez"),  # maria's display name
    ("sam", "bob"),  # a display name that is bob's name
    ("王雷", None),  # Wang Lei, the display name of wang, in characters
    ("行川", None),  # xingchuan, by 行's other reading
    ("wáng2 fāng1", "x"),  # marks and tone numbers
    ("chen", "Lopez Maria"),  # Maria Lopez in another order
    ("mariа", None),  # a Cyrillic а
    # Names of many readings (行: xing, hang, heng; 3^6 spellings), before and after their
    # reading in Latin letters.
    ("hangxingxinghenghangxing", None),
    ("行行行行行行", None),
    ("行行行行行重", "Hang Xing"),
    ("xinghangxinghengxingzhong", None),
]


def test_every_kind_of_look_alike_is_still_found() -> None:
    """The pairs found, and the person each is found beside, are those the rule gives when a
    registration is held against every person before it."""
    found = Registrations()
    _feed(found, ALIKE)
    expected = []
    for at, (name, display) in enumerate(ALIKE):
        clash = registration_likeness(name, display, ALIKE[:at])
        if clash is not None:
            expected.append((at + 1, name, clash.other, clash.fact))
    assert len(expected) >= 12, expected
    assert [(f.seq, f.name, f.other, f.fact) for f in found.found] == expected


def test_many_registrations_at_one_mailbox_are_not_each_compared_with_every_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A trail forged to register 3,000 people at one mailbox (ana+0@x.org, ana+1@x.org, ...):
    since feat313's merge the address index keeps every holder of a key, and each registration
    was offered all the earlier ones, sorted (8,000 took 23 s; 100,000 hours). One holder of
    each mailbox is enough to find the first pair, as finalB's index kept; each is warned of."""
    offered = [0]
    real = trail_people.email_likeness

    def counting(name: str, email: str | None, earlier: Iterable[tuple[str, str | None]]) -> Any:
        them = list(earlier)
        offered[0] += len(them)
        return real(name, email, them)

    monkeypatch.setattr(trail_people, "email_likeness", counting)
    found = Registrations()
    n = 3000
    for i in range(n):
        after = {"name": f"p{i}", "email": f"ana+{i}@x.org"}
        found.feed(i + 1, "user.added", {"after": after}, f"p{i}")
    assert found.total == n - 1
    assert {f.other for f in found.found} == {"p0"}
    assert offered[0] < 20 * n, offered[0]
