"""`claim show`'s history line for an evidence item writes its stored stance escaped, as every
other stored string of the line (review339: a forged payload's escape sequence or right-to-left
override in `stance` reached the terminal raw)."""

from __future__ import annotations

from workbench.cli.claim import _change


def test_a_forged_stance_is_shown_escaped() -> None:
    line = _change({"after": {"stance": "\x1b[31m\u202esupports", "url": "https://a.example"}})
    assert "\x1b" not in line and "\u202e" not in line, repr(line)
    assert "supports" in line and "https://a.example" in line, line
