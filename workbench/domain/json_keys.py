"""A key named twice in one JSON object: text the recipe of docs/audit-chain.md cannot hash.

JSON parsers disagree on such an object (Python's keeps the last value, others the first or
refuse it), so a line that holds one can show a reader another value than the one hashed. The
workbench never writes one; an exported line that holds one was written by someone else.
"""

from __future__ import annotations

import json

from workbench.domain.unique_keys import RepeatedKey, unique_object

# `,"hash":"<64 hex>"`: what an exported line holds beyond its canonical fields.
HASH_ITEM = len(',"hash":""') + 64


# The readers' own hook (unique_keys): one rule for a repeated key, whoever reads it.
_decoder = json.JSONDecoder(object_pairs_hook=unique_object)


def repeated_key(text: str) -> str | None:
    """The first key some object of `text` names twice, or None (also for text that does not
    parse: that is said where it is parsed)."""
    try:
        _decoder.decode(text)
    except RepeatedKey as found:
        return found.key
    except (ValueError, RecursionError):
        return None
    return None


def may_repeat_a_key(line: str, canonical: str) -> bool:
    """Whether an exported line may name a key twice, told from its length: the canonical text
    of what it parsed to is the shortest writing of those values, so a line as long as it plus
    its hash item (every line the workbench writes) repeats nothing, and the slower parse that
    finds a repeated key is only needed for a longer one (re-spaced, escaped, or repeating)."""
    return len(line.strip()) != len(canonical) + HASH_ITEM
