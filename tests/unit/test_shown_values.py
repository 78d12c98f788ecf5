"""Values as replay's and verify's messages show them (workbench.domain.shown): the repr when
short; when long, its start, an ellipsis and how much more, made at a cost that does not grow
with the value (a forged list of millions, a text of 50 MB)."""

from __future__ import annotations

import time

from workbench.domain.replay import Digest
from workbench.domain.shown import KEPT, SHOWN, Clipped, clip, shown, shown_items, shown_text


def test_a_short_value_is_its_repr() -> None:
    for value in ("甲说", "a'b\n", 3, None, 1.5, True, [], {}, (1,), ["a", {"b": [1, (2, 3)]}]):
        assert shown(value) == repr(value)
    digest = Digest(5, "abcdef0123456789")
    assert shown(digest) == repr(digest)


def test_a_long_list_shows_its_start_and_how_many_more() -> None:
    text = shown([f"t{i}" for i in range(20_000)])
    assert text.startswith("['t0', 't1', 't2', ") and text.endswith(" more]")
    shown_count = text.count("'t")
    assert f"… and {20_000 - shown_count:,} more]" in text
    assert len(text) < SHOWN + 40


def test_a_long_text_shows_its_start_and_how_many_more_characters() -> None:
    text = shown("长" * 1_000_000)
    assert text == repr("长" * SHOWN) + f"… and {1_000_000 - SHOWN:,} more characters"
    assert shown_text("x" * 300) == "x" * SHOWN + "… and 100 more characters"
    assert shown_text("甲说") == "甲说" and shown_text(5) == "5"


def test_a_long_mapping_and_a_huge_number_are_clipped() -> None:
    text = shown({f"k{i}": i for i in range(10_000)})
    assert text.startswith("{'k0': 0, 'k1': 1, ") and text.endswith(" more}")
    number = shown(10**4000)
    assert number.startswith("1000") and number.endswith(" more digits") and len(number) < 300


def test_a_deep_value_is_shown_to_a_depth() -> None:
    value: list[object] = []
    for _ in range(64):
        value = [value]
    assert shown(value) == "[" * 17 + "…" + "]" * 17


def test_the_cost_does_not_grow_with_the_value() -> None:
    """Only the part shown is turned into text: a list of two million is as quick as one of
    two thousand (a repr of it took a quarter of a second and 20 MB)."""
    huge = [f"t{i}" for i in range(2_000_000)]
    started = time.perf_counter()
    for _ in range(100):
        shown(huge)
    assert time.perf_counter() - started < 0.5


def test_clip_keeps_a_value_whole_up_to_its_limit() -> None:
    assert clip(["a", "b"], KEPT) == ["a", "b"]
    long = clip(list(range(5_000)), KEPT)
    assert isinstance(long, Clipped) and repr(long).startswith("[0, 1, 2, ")
    assert repr(long).endswith(" more]") and len(repr(long)) < KEPT + 40


def test_items_are_joined_as_text_up_to_a_length() -> None:
    assert shown_items(["maria", "lin"], ",") == "maria,lin"
    text = shown_items(["alice", *(f"reader{i}" for i in range(19_999))], ",")
    assert text.startswith("alice,reader0,reader1,") and text.endswith(" more")
    listed = text.split(",…")[0].split(",")
    assert text.endswith(f",… and {20_000 - len(listed):,} more")
    assert shown_items(["x" * 500]) == "x" * SHOWN + "… and 300 more characters"


def test_a_text_shown_as_is_shows_its_control_characters_on_one_line() -> None:
    """Was: `shown_text` and `shown_items` gave a forged text as is, so an event's action or
    time (or a scope line's actor) holding a newline wrote a line of its own into replay's and
    verify's output ("OK 32 events"), and an ESC sequence reached the terminal (one that erases
    the line above can hide the BROKEN line). Now each control or reordering character is
    written as \\uXXXX (domain.limits.visible), on one line; Chinese and plain text as is."""
    forged = "1999\nOK 32 events\x1b[2K\u202e"
    assert shown_text(forged) == "1999\\u000aOK 32 events\\u001b[2K\\u202e"
    assert shown_items(["maria", "lin\nOK"], ",") == "maria,lin\\u000aOK"
    assert shown_text("甲说\t了") == "甲说\\u0009了"
    long = shown_text("\x1b" * 1_000)
    assert long == "\\u001b" * SHOWN + f"… and {1_000 - SHOWN:,} more characters"
