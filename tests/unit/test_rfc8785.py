"""The hash recipe's canonical JSON against an independent RFC 8785 (JCS) implementation.

docs/audit-chain.md says where the two agree (every value the workbench writes: objects with
BMP keys, strings, integers within ±(2^53 - 1), booleans, null) and where they differ (keys
beyond U+FFFF sort differently; larger integers, which JCS cannot carry). Both are checked.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.chain import canonical_json

SAFE = 2**53 - 1
# Any Unicode scalar value (no lone surrogates: neither JSON text nor UTF-8 can carry them).
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
bmp_keys = st.text(st.characters(exclude_categories=("Cs",), max_codepoint=0xFFFF), max_size=8)
scalars = st.none() | st.booleans() | st.integers(-SAFE, SAFE) | text
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(bmp_keys, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(values)
def test_canonical_json_is_rfc8785_for_what_the_workbench_writes(value: Any) -> None:
    assert canonical_json(value).encode("utf-8") == rfc8785.dumps(value)


def test_the_worked_example_is_rfc8785() -> None:
    record = {
        "seq": 1,
        "at": "2026-11-29T05:31:38.123456Z",
        "actor": "alice",
        "action": "note.added",
        "entity_type": "note",
        "entity_id": "1",
        "claim_id": 3,
        "payload": {"after": {"body": "见 2025 年报\u2028\x1b/", "id": 1}},
        "prev_hash": "0" * 64,
        "machine": "alice",
    }
    assert canonical_json(record).encode("utf-8") == rfc8785.dumps(record)


def test_where_they_differ_keys_beyond_the_bmp_sort_by_code_point_here() -> None:
    """JCS sorts keys by UTF-16 code units, so U+1F600 (a surrogate pair, 0xD83D...) sorts
    before U+FF01; the recipe sorts by code point, after it. Workbench keys are ASCII."""
    value = {"\U0001f600": 1, "\uff01": 2}
    assert list(json.loads(canonical_json(value))) == ["\uff01", "\U0001f600"]
    assert rfc8785.dumps(value) != canonical_json(value).encode("utf-8")


def test_where_they_differ_integers_beyond_2_53() -> None:
    assert canonical_json(2**60) == str(2**60)
    with pytest.raises(rfc8785.IntegerDomainError):
        rfc8785.dumps(2**60)


def test_where_they_differ_anchor_scores_keep_their_fraction() -> None:
    """review83: docs/audit-chain.md said payloads hold no fractional numbers and that the
    recipe is JCS for every value the workbench writes; an auditor's verifier found
    `"anchor_score":1.0` in every `claim.reanchored` of a `doc update`. The recipe writes it
    as `1.0`, JCS as `1`, so the two hash such events differently (the docs now say so)."""
    value = {"anchor_score": 1.0, "other": 0.9728, "none": 0.0}
    assert canonical_json(value) == '{"anchor_score":1.0,"none":0.0,"other":0.9728}'
    assert rfc8785.dumps(value) == b'{"anchor_score":1,"none":0,"other":0.9728}'
