"""An action filter as typed (`domain.action_names`): an action or a prefix of some, in any
case and full-width, is the one it names; anything else stays as typed (rr266)."""

from __future__ import annotations

import pytest

from workbench.domain.action_names import names_actions, typed_action


@pytest.mark.parametrize(
    ("typed", "action"),
    [
        ("ｃｌａｉｍ．ａｄｄｅｄ", "claim.added"),
        ("CLAIM.STATUS_CHANGED", "claim.status_changed"),
        ("ＣＬＡＩＭ．＊", "claim.*"),
        (" note.* ", "note.*"),
    ],
)
def test_a_typed_action_is_the_one_it_names(typed: str, action: str) -> None:
    assert typed_action(typed) == action
    assert names_actions(action)


@pytest.mark.parametrize("typed", ["ｃｌａｉｍ．ａｄｄ", "CLAIM.ADD", "nothing.*", ""])
def test_a_typed_word_naming_none_stays_as_typed(typed: str) -> None:
    assert typed_action(typed) == typed
    assert not names_actions(typed)
