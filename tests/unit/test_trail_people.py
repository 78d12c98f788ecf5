"""The registrations a trail records, held to `user add`'s rule (workbench.domain.
trail_people), on payloads a forger writes: any length, any padding."""

from __future__ import annotations

from workbench.domain.trail_people import Registrations


def _registered(*people: tuple[str, str | None]) -> Registrations:
    found = Registrations()
    for seq, (name, display) in enumerate(people, 1):
        found.feed(seq, "user.added", {"after": {"name": name, "display": display}})
    return found


def test_a_padded_display_name_is_named_and_said_short() -> None:
    """bob forged to be shown as "Maria Lopez" and a megabyte of spaces after it: every list
    shows him as Maria Lopez. The pair is named, and the finding is a line, not a megabyte."""
    found = _registered(("maria", "Maria Lopez"), ("bob", "Maria Lopez" + " " * 1_000_000))
    assert found.total == 1
    (one,) = found.found
    assert (one.seq, one.other_seq) == (2, 1)
    assert len(one.message()) < 2000, len(one.message())
    assert len(str(one.to_json())) < 4000


def test_distinct_people_are_not_named() -> None:
    """maria, bob and 王芳 with their own display names: nothing."""
    found = _registered(("maria", "Maria Lopez"), ("bob", "Bob Chen"), ("王芳", None))
    assert found.total == 0 and found.found == []


def test_a_name_read_across_scripts_is_named() -> None:
    """`wang fang` registered after 王芳 (its pinyin): the pair is named."""
    found = _registered(("王芳", None), ("wang fang", None))
    assert [(f.seq, f.other) for f in found.found] == [(2, "王芳")]
