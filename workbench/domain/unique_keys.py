"""JSON objects whose keys are given once.

json keeps the last of a repeated key and says nothing: a claims row written by hand as
`{"quote": "甲", ..., "quote": "乙"}` would pin the second quote while its writer reads the first
(review52). RFC 8259 leaves repeated names to the reader; every JSON a person hands the
workbench (claims files, annotation collections, seed files, a bundle's manifest) is read with
`unique_object`, and a repeated key is refused with the key named."""

from __future__ import annotations

import json
from typing import Any


class RepeatedKey(ValueError):
    """A key given twice in one object (a ValueError, which JSON readers already turn into
    a one-line refusal)."""

    def __init__(self, key: str, where: str = "") -> None:
        said = f"the key {json.dumps(key, ensure_ascii=False)} is given twice"
        super().__init__(f"{where}: {said}" if where else said)
        self.key = key


def unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json's object_pairs_hook: the object as a dict, RepeatedKey if a key repeats."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKey(key)
            seen.add(key)
    return obj


def loads(text: str) -> Any:
    """json.loads, refusing a repeated key (RepeatedKey)."""
    return json.loads(text, object_pairs_hook=unique_object)


# Python refuses to read an integer of over 4,300 digits (its int-to-text limit) with a plain
# ValueError whose words tell a programmer to call sys.set_int_max_str_digits(): no field of
# any file the workbench reads holds such a number.
LONG_NUMBER = "a number of over 4,300 digits, longer than any field holds"


def value_refused(exc: ValueError) -> str:
    """What a ValueError json raised while reading says of the text, in a desk's words."""
    said = str(exc)
    return LONG_NUMBER if "integer string conversion" in said else said
