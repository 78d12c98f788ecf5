"""The hash recipe: the fast path (stored payload text spliced in) equals the plain recipe
(canonical JSON of the whole record), for any text an event can hold."""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

import workbench.domain.chain as chain
from workbench.domain.chain import GENESIS, canonical_json, event_hash, is_canonical_of, record_hash

TEXT = st.text()  # every code point, control characters, quotes and backslashes included
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
# An event's fields (machine left out: the recipe leaves it out when unknown).
EVENT: dict[str, st.SearchStrategy[Any]] = {
    "seq": st.integers(min_value=1, max_value=2**53),
    "at": TEXT,
    "actor": TEXT,
    "action": TEXT,
    "entity_type": TEXT,
    "entity_id": TEXT,
    "claim_id": st.none() | st.integers(min_value=-(2**63), max_value=2**63),
    "payload": st.dictionaries(TEXT, JSON_VALUES, max_size=5),
    "prev_hash": TEXT,
}


@given(**EVENT)
def test_event_hash_is_the_recipe(payload: dict[str, Any], **fields: Any) -> None:
    record = {**fields, "payload": payload}
    plain = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(record) == plain
    assert event_hash(payload_json=canonical_json(payload), **fields) == record_hash(record)


def test_recipe_example_from_the_docs() -> None:
    """docs/audit-chain.md works this event through by hand; keep them in step."""
    record = {
        "seq": 1,
        "at": "2026-11-29T05:31:38.123456Z",
        "actor": "alice",
        "action": "note.added",
        "entity_type": "note",
        "entity_id": "1",
        "claim_id": 3,
        "payload": {"after": {"body": "见 2025 年报", "id": 1}},
        "prev_hash": GENESIS,
    }
    text = canonical_json(record)
    assert text == (
        '{"action":"note.added","actor":"alice","at":"2026-11-29T05:31:38.123456Z",'
        '"claim_id":3,"entity_id":"1","entity_type":"note",'
        '"payload":{"after":{"body":"见 2025 年报","id":1}},'
        '"prev_hash":"0000000000000000000000000000000000000000000000000000000000000000",'
        '"seq":1}'
    )
    assert record_hash(record) == EXAMPLE_HASH


EXAMPLE_HASH = "06552722170c9c4ffc21988aaae277c8759532ed274a792109c77d28ef9af5de"


# Long payloads (a document's whole text) are hashed and compared a piece at a time; with
# pieces of a few characters every payload takes that path.
FEW = 3


@given(**EVENT, machine=st.none() | TEXT)
def test_a_long_payload_hashes_as_a_short_one(payload: dict[str, Any], **fields: Any) -> None:
    payload_json = canonical_json(payload)
    whole = event_hash(payload_json=payload_json, **fields)
    with patch.object(chain, "PIECE", FEW):
        assert event_hash(payload_json=payload_json, **fields) == whole


@given(
    value=JSON_VALUES,
    sort_keys=st.booleans(),
    separators=st.sampled_from([(",", ":"), (", ", ": "), (",", ": ")]),
    ensure_ascii=st.booleans(),
    around=st.sampled_from(["", " ", "\n"]),
)
def test_canonical_piece_by_piece_is_canonical_whole(
    value: Any, sort_keys: bool, separators: tuple[str, str], ensure_ascii: bool, around: str
) -> None:
    """Whatever JSON text a value was parsed from, comparing it a piece at a time says what
    comparing it whole says: canonical or not."""
    text = around + json.dumps(
        value, sort_keys=sort_keys, separators=separators, ensure_ascii=ensure_ascii
    )
    parsed = json.loads(text)
    whole = canonical_json(parsed) == text
    assert is_canonical_of(parsed, text) == whole
    with patch.object(chain, "PIECE", FEW):
        assert is_canonical_of(parsed, text) == whole
    if not around:
        assert is_canonical_of(parsed, canonical_json(parsed))


def test_canonical_piece_by_piece_refuses_what_whole_refuses() -> None:
    with patch.object(chain, "PIECE", FEW):
        long = {"text": 'a "quoted" \\ line\n' * 3, "id": 1}
        good = canonical_json(long)
        assert is_canonical_of(long, good)
        for bad in (
            good + " ",
            good[:-1] + " }",
            good.replace('\\"', "\\u0022", 1),  # the same string, escaped otherwise
            json.dumps(long, ensure_ascii=False, separators=(",", ":")),  # keys unsorted
            '{"id":1,"id":1,' + good[1 + len('"id":1,') :],  # a key twice
        ):
            assert not is_canonical_of(json.loads(bad), bad), bad
