"""What replay asks of an event before its rules read it: fields of the types the workbench
writes, and a payload nested no deeper than any it writes.

A PostgreSQL column holds only its own type; SQLite keeps what it is given (a BLOB in a text
column, text in `claim_id`), and an exported file holds whatever JSON can. Replay keys its state
by the entity's id as text and reads the action as a name, so an event of other types cannot be
replayed; nor one whose payload nests as deep as the parser reads, since replay keeps, compares,
prints and writes out (pickles) values recursively and would run out of stack. `audit replay`
(a database) and `audit verify --file` (an export) both hold each event to this first, and report
one that fails as a difference naming its seq, not applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# How deep a payload nests at most to be replayed: the workbench's go a few levels (payload,
# after, a claim's tags), and this is far below the depth that exhausts Python's stack.
NESTING = 64
TOO_DEEP = f"its payload is nested more than {NESTING} levels deep, as none the workbench writes is"


def unfit(fields: Mapping[str, Any], claim_id: Any, payload: Any, text: str | None) -> str | None:
    """What keeps an event from being replayed, or None. `fields`: those that must be text (the
    caller leaves out one it does not have); `payload` parsed, and `text` the JSON it was parsed
    from, or a line holding it (its brackets counted first: fast, in C, and fewer than the limit
    cannot nest deeper)."""
    wrong = [name for name, value in fields.items() if not isinstance(value, str)]
    if claim_id is not None and type(claim_id) is not int:
        wrong.append("claim_id")
    if wrong:
        them = "it" if len(wrong) == 1 else "them"
        return (
            f"{', '.join(wrong)} not as the workbench writes {them} (text; claim_id a number or "
            "null)"
        )
    if (text is None or text.count("[") + text.count("{") > NESTING) and nests_deeper(
        payload, NESTING
    ):
        return TOO_DEEP
    return None


def unapplied(seq: int, problem: str) -> str:
    """The message for an event that `unfit` refuses."""
    return f"seq {seq}: {problem}: the workflow's rules cannot be applied to the event"


def nests_deeper(value: Any, limit: int) -> bool:
    """Whether a parsed JSON value has containers nested more than `limit` deep (walked with a
    stack of its own, not by recursion, which is what such a value exhausts)."""
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return False
