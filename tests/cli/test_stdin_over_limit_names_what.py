"""trial252: `workbench claim add 1 --quote ... --text - < big.txt` over the standard-input
limit said "standard input is over the 400,000-byte limit for a note": the user gave a claim's
text, no note, and was sent looking for a note option. The refusal names what was read (the
claim's text, a reason, the note), as the terminal notice does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.domain.limits import MAX_NOTE

Run = Callable[..., Any]

OVER = "x" * (4 * MAX_NOTE + 1)


def test_a_claim_text_over_the_stdin_limit_is_named_as_such(cli: Run) -> None:
    assert cli("demo").code == 0
    r = cli("claim", "add", "1", "--quote", "代价是惨重的", "--text", "-", input=OVER)
    assert r.code == 1, (r.code, r.err)
    assert r.err == (
        f"error: standard input is over the {4 * MAX_NOTE:,}-byte limit for the claim's text\n"
    )


def test_a_reason_over_the_stdin_limit_is_named_as_such(cli: Run) -> None:
    assert cli("demo").code == 0
    r = cli("claim", "withdraw", "1", "--reason", "-", input=OVER)
    assert r.code == 1, (r.code, r.err)
    assert r.err.endswith("-byte limit for the reason\n"), r.err


def test_a_note_over_the_stdin_limit_still_says_note(cli: Run) -> None:
    assert cli("demo").code == 0
    r = cli("note", "add", "1", "-", input=OVER)
    assert r.code == 1, (r.code, r.err)
    assert r.err.endswith("-byte limit for the note\n"), r.err
