"""A desk registers its people; then every change names one, and no look-alike gets in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.domain.errors import Conflict, InvalidInput
from workbench.services.context import Workbench
from workbench.services.notes import add_note
from workbench.services.replay import replay
from workbench.services.users import add_user, list_users
from workbench.services.verify import verify_database


def _claim(wb: Workbench) -> int:
    from workbench.services.claims import SpanRequest, add_claim
    from workbench.services.documents import add_document

    doc = add_document(wb, "MiniMax在2021年底创业。".encode()).document.id
    return add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底")).id


def as_(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def test_no_users_means_anyone(wb: Workbench) -> None:
    assert list_users(wb) == []
    cid = _claim(wb)
    add_note(as_(wb, "whoever"), cid, "fine")


def test_registered_users_are_listed_in_normal_form(wb: Workbench) -> None:
    add_user(wb, "  Maria ", display="Maria Lopez", email="maria@example.org")
    add_user(as_(wb, "maria"), "ＥＤＩＴＯＲ")
    assert [(u.name, u.display, u.added_by) for u in list_users(wb)] == [
        ("editor", None, "maria"),
        ("maria", "Maria Lopez", "tester"),
    ]


def test_once_registered_every_change_names_one(
    wb: Workbench, counts: Callable[[], dict[str, int]]
) -> None:
    cid = _claim(wb)
    add_user(wb, "maria")
    before = counts()
    with pytest.raises(InvalidInput, match="'tester' is not a registered user"):
        add_note(wb, cid, "no")
    with pytest.raises(InvalidInput, match="not a registered user"):
        add_user(wb, "tester")
    assert counts() == before
    add_note(as_(wb, "MARIA"), cid, "yes")


@pytest.mark.parametrize(
    ("twin", "fragment"),
    [
        ("\u0455\u0430\u0455\u04bb\u0430", "looks like the registered user 'sasha'"),
        ("SASHA", "already registered"),
        ("s\u0430sha", "mixes scripts"),
    ],
)
def test_look_alike_of_a_registered_name_is_refused(
    wb: Workbench, twin: str, fragment: str
) -> None:
    add_user(wb, "sasha")
    with pytest.raises((InvalidInput, Conflict), match=fragment):
        add_user(as_(wb, "sasha"), twin)


def test_same_name_twice_is_a_conflict(wb: Workbench) -> None:
    add_user(wb, "alice")
    with pytest.raises(Conflict, match="already registered"):
        add_user(as_(wb, "alice"), "ALICE")


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"email": "not-an-address"}, "not an address"),
        ({"email": "a@b\nc"}, "control character"),
        ({"display": "x" * 201}, "limit is 200"),
        ({"display": "Mal\x1b[31mlory"}, "control character"),
    ],
)
def test_bad_details_are_refused(
    wb: Workbench, kwargs: dict[str, str], fragment: str, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    with pytest.raises(InvalidInput, match=fragment):
        add_user(wb, "alice", **kwargs)
    assert counts() == before


def test_users_replay_and_verify(wb: Workbench) -> None:
    add_user(wb, "alice", display="Alice", email="alice@example.org")
    add_user(as_(wb, "alice"), "bob")
    assert verify_database(wb).ok
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]
    assert report.entities["user"] == 2


def test_a_read_that_refreshes_the_similar_index_needs_no_registered_name(wb: Workbench) -> None:
    """`claim similar` re-indexes changed claims (derived data) in a write transaction of its
    own; a researcher who is not a registered user may still read."""
    from workbench.services.claims import set_status
    from workbench.services.similar import similar_claims

    add_user(wb, "alice")
    alice = as_(wb, "alice")
    cid = _claim(alice)
    set_status(alice, cid, "in_progress")  # the claim's version moves: the index is stale
    assert similar_claims(as_(wb, "mallory"), cid) == []
    with pytest.raises(InvalidInput, match="not a registered user"):
        add_note(as_(wb, "mallory"), cid, "a note is a change: refused")
