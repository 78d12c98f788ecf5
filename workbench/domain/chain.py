"""The audit hash chain: the one recipe for an event's hash (docs/audit-chain.md explains it).

hash = SHA-256( UTF-8( canonical JSON of the event's fields plus prev_hash ) ), where canonical
JSON has sorted keys, no insignificant whitespace and non-ASCII characters kept as they are.
The first event's prev_hash is GENESIS. Events written since migration 0006 also carry
`machine` (who the operating system or the database says is acting); it is hashed as one more
key when present, so older events, which have none, keep their hashes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

GENESIS = "0" * 64
HASHED_FIELDS = (
    "action",
    "actor",
    "at",
    "claim_id",
    "entity_id",
    "entity_type",
    "payload",
    "prev_hash",
    "seq",
)
# Hashed when the event has it (a string); events before migration 0006 have none.
OPTIONAL_HASHED_FIELDS = ("machine",)


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _canonical_encoder() -> Callable[[Any], str]:
    """json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False), faster.

    JSONEncoder.encode builds a new C encoder on every call, which costs as much as encoding a
    small payload; verification re-encodes every stored payload. So the C encoder (the same one,
    with the same settings) is built once. Interpreters without it use the encoder as is.
    """
    try:
        from _json import make_encoder
    except ImportError:
        return _CANONICAL.encode
    c_encoder = make_encoder(
        None,  # no cycle check: values are parsed JSON or plain dicts the workbench built
        _CANONICAL.default,
        encode_basestring,
        None,
        _CANONICAL.key_separator,
        _CANONICAL.item_separator,
        True,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan, as json.dumps
    )

    def encode(value: Any) -> str:
        return "".join(c_encoder(value, 0))

    return encode


canonical_json: Callable[[Any], str] = _canonical_encoder()


def event_hash(
    *,
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    claim_id: int | None,
    payload_json: str,
    prev_hash: str,
    machine: str | None = None,
) -> str:
    """Hash of one event whose payload is already canonical JSON text.

    Equivalent to hashing canonical_json of the whole record with the payload as an object (the
    keys sort as action < ... < entity_type < payload < prev_hash < seq); splicing the stored text
    in avoids parsing and re-serialising every payload. The record is written out by hand, in
    that key order, because this runs once per event on every write and every verification:
    strings go through the escaping json.dumps itself uses (`encode_basestring`, the one for
    ensure_ascii=False), integers print as JSON prints them.
    """
    q = encode_basestring
    cid = "null" if claim_id is None else f"{claim_id:d}"
    # "machine" sorts between "entity_type" and "payload"; absent (not null) when unknown.
    mach = "" if machine is None else f'"machine":{q(machine)},'
    text = (
        f'{{"action":{q(action)},"actor":{q(actor)},"at":{q(at)},"claim_id":{cid},'
        f'"entity_id":{q(entity_id)},"entity_type":{q(entity_type)},{mach}"payload":{payload_json},'
        f'"prev_hash":{q(prev_hash)},"seq":{seq:d}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """The same hash from a parsed record (an exported line), straight from the recipe."""
    fields = {name: record[name] for name in HASHED_FIELDS}
    for name in OPTIONAL_HASHED_FIELDS:
        # null and absent hash alike: an event without the field (older than the field).
        if record.get(name) is not None:
            fields[name] = record[name]
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()
