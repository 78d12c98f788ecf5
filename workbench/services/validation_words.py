"""A file's problems, found by its Pydantic model, in the words of the file.

Pydantic says "claims.2.type: Value error, ..." and "Input should be a valid dictionary or
instance of SeedDocument": a place counted from 0, its own prefixes and the model's class name.
A seed file's person counts claims from 1 (as "claim 2: quote not found" does) and never saw
the class (trial47).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

# Pydantic's error types for "this should have been a mapping".
_NOT_A_MAPPING = {"model_type", "dict_type", "model_attributes_type"}


def place(loc: Sequence[Any], items: Mapping[str, str]) -> str:
    """Where an error is, as the file's reader counts: a list named in `items` (its name -> the
    noun of one item) and an index after it are "claim 3", from 1; each part is said, then
    what is in it ("claim 3: type")."""
    parts: list[str] = []
    i = 0
    while i < len(loc):
        key = loc[i]
        following = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(key, str) and key in items and isinstance(following, int):
            parts.append(f"{items[key]} {following + 1}")
            i += 2
            continue
        parts.append(str(key + 1) if isinstance(key, int) else str(key))
        i += 1
    return ": ".join(parts)


def problem(error: Mapping[str, Any]) -> str:
    """What is wrong, without Pydantic's prefixes and class names."""
    kind = error.get("type")
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind in _NOT_A_MAPPING:
        return "should be keys with values (key: value), not a single value"
    return str(error.get("msg", "")).removeprefix("Value error, ")


def problems(errors: Sequence[Mapping[str, Any]], items: Mapping[str, str], shown: int = 3) -> str:
    """The first `shown` errors, each where and what, and how many more."""
    said = [f"{place(e['loc'], items) or 'the file'}: {problem(e)}" for e in errors[:shown]]
    more = len(errors) - shown
    return "; ".join(said) + (f" (and {more:,} more)" if more > 0 else "")
