"""The audit trail's action names as a filter gives them (`audit export --action`, a scope
line's `actions`): an action (claim.status_changed) or a prefix of some, ending in `*`
(claim.*). Its own module so that the CLI reads a typed one without the filter's service."""

from __future__ import annotations

from workbench.domain.inputs import typed_lower


def names_actions(pattern: str) -> bool:
    """Whether `pattern` is an action the trail records, or a prefix (`claim.*`) of one."""
    from workbench.domain.replay import RULES

    if pattern.endswith("*"):
        return any(a.startswith(pattern[:-1]) for a in RULES)
    return pattern in RULES


def typed_action(text: str) -> str:
    """An action (or prefix) as a person types it: in any case, spaces about it aside, and
    full-width as a Chinese IME types it (ｃｌａｉｍ．ａｄｄｅｄ, ＣＬＡＩＭ．＊), as every
    word of a fixed set is read (`inputs.typed_word`); `text` as typed when it names none,
    for the refusal to quote."""
    word = typed_lower(text)
    return word if names_actions(word) else text
