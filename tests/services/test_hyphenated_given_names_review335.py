"""review335: spoof331 read a name's words as parted by a hyphen, an underscore or a dot, and
the word-order rule took them in any order, so a given name of two syllables joined by a
hyphen could be turned inside out: `Wang Chien-ming` and `Wang Ming-chien` (a Taiwanese
passport's spelling of two names, 王建明 and 王明建), `Park Min-jun` and `Park Jun-min`
(박민준, 박준민), were one person, so the second was refused at `user add` and could not sign
off the first's verdict, as they could before spoof331. A word so joined within a name of
several words keeps its parts in their order (the words are still taken in any order, and a
name of one such word alone, `okafor-ben`, is still its parts in any order)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.services.test_signoff import proposed
from workbench.domain.identity import likeness
from workbench.services import review
from workbench.services.context import Workbench

Run = Callable[..., Any]

TWO = [
    ("wang chien-ming", "wang ming-chien"),
    ("chien-ming wang", "ming-chien wang"),
    ("park min-jun", "park jun-min"),
    ("min-jun park", "park jun-min"),
    ("park min-jun", "jun min park"),
    ("lee teng_hui", "lee hui_teng"),
]
ONE = [
    ("park min-jun", "min-jun park"),
    ("park min-jun", "min jun park"),
    ("park min-jun", "min-jun-park"),
    ("park min-jun", "parkminjun"),
    ("park min jun", "park jun min"),  # words in any order, as before spoof331
    ("ben okafor", "okafor-ben"),
    ("ben-okafor", "okafor.ben"),
    ("maria lopez", "lopez_maria"),
    ("chen jing", "jing_chen"),
    ("陈静", "jing-chen"),
]


@pytest.mark.parametrize(("a", "b"), TWO)
def test_a_joined_given_name_turned_inside_out_is_another_person(a: str, b: str) -> None:
    assert likeness(a, b) is None and likeness(b, a) is None, likeness(a, b)


@pytest.mark.parametrize(("a", "b"), ONE)
def test_the_same_words_in_another_order_are_still_one_person(a: str, b: str) -> None:
    assert likeness(a, b) is not None and likeness(b, a) is not None


def test_both_are_registered_and_sign_off_each_other(cli: Run, wb: Workbench) -> None:
    cid = proposed(wb, "wang chien-ming")
    assert cli("--as", "wang chien-ming", "user", "add", "wang chien-ming").code == 0
    r = cli("--as", "wang chien-ming", "user", "add", "wang ming-chien")
    assert r.code == 0, r.err
    approved = review.approve(Workbench(url=wb.url, actor="wang ming-chien"), cid)
    assert approved.status == "unverifiable"
