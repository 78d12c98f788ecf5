"""`limits.HIDDEN`, the characters every export writes as `\\uXXXX` and a link's address
percent-encodes (timeline336).

Was: a mutable set, module-level and imported by md_escape: one caller's `.add` or `.discard`
would change what every later export escapes, for the rest of the process, with no trace.
Nothing changes it; it is fixed."""

from __future__ import annotations

from workbench.domain import limits


def test_the_hidden_characters_cannot_be_changed_by_a_caller() -> None:
    assert isinstance(limits.HIDDEN, frozenset)
    assert 0x202E in limits.HIDDEN and 0x1B in limits.HIDDEN and ord("a") not in limits.HIDDEN
