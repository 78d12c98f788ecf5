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


# Characters of a long text (a document's, in its events) handled at a time: hashed,
# compared and written a piece at a time rather than copied whole (see `event_hash`).
PIECE = 1 << 20


def is_canonical_of(value: Any, text: str) -> bool:
    """Whether `text` is canonical_json(value) (`value` parsed from it).

    A long text (a document's event carries its whole text) is compared a piece at a time:
    encoding it whole would make two more copies of it at once (the escaped text, and the
    encoder's output joined), each as large as the payload."""
    if len(text) <= PIECE:
        return canonical_json(value) == text
    return _matched(value, text, 0) == len(text)


def _matched(value: Any, text: str, at: int) -> int:
    """Where canonical_json(value), found in `text` at `at`, ends there; -1 if it is not."""
    if isinstance(value, dict):
        if not text.startswith("{", at):
            return -1
        at += 1
        for number, key in enumerate(sorted(value)):
            if number:
                if not text.startswith(",", at):
                    return -1
                at += 1
            at = _matched(key, text, at)
            if at < 0 or not text.startswith(":", at):
                return -1
            at = _matched(value[key], text, at + 1)
            if at < 0:
                return -1
        return at + 1 if text.startswith("}", at) else -1
    if isinstance(value, list):
        if not text.startswith("[", at):
            return -1
        at += 1
        for number, item in enumerate(value):
            if number:
                if not text.startswith(",", at):
                    return -1
                at += 1
            at = _matched(item, text, at)
            if at < 0:
                return -1
        return at + 1 if text.startswith("]", at) else -1
    if isinstance(value, str) and len(value) > PIECE:
        # JSON escapes a string character by character: its pieces escape to the pieces of
        # its escaped form (each without the quotes encode_basestring puts around it).
        if not text.startswith('"', at):
            return -1
        at += 1
        for start in range(0, len(value), PIECE):
            piece = encode_basestring(value[start : start + PIECE])
            if not text.startswith(piece[1:-1], at):
                return -1
            at += len(piece) - 2
        return at + 1 if text.startswith('"', at) else -1
    piece = canonical_json(value)
    return at + len(piece) if text.startswith(piece, at) else -1


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
    if len(payload_json) <= PIECE:
        text = (
            f'{{"action":{q(action)},"actor":{q(actor)},"at":{q(at)},"claim_id":{cid},'
            f'"entity_id":{q(entity_id)},"entity_type":{q(entity_type)},{mach}'
            f'"payload":{payload_json},"prev_hash":{q(prev_hash)},"seq":{seq:d}}}'
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    # A long payload (a document's whole text) is hashed a piece at a time, not copied whole
    # into the record and again into its UTF-8: the same bytes go through the same hash.
    digest = hashlib.sha256(
        f'{{"action":{q(action)},"actor":{q(actor)},"at":{q(at)},"claim_id":{cid},'
        f'"entity_id":{q(entity_id)},"entity_type":{q(entity_type)},{mach}"payload":'.encode()
    )
    for start in range(0, len(payload_json), PIECE):
        digest.update(payload_json[start : start + PIECE].encode("utf-8"))
    digest.update(f',"prev_hash":{q(prev_hash)},"seq":{seq:d}}}'.encode())
    return digest.hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """The same hash from a parsed record (an exported line), straight from the recipe."""
    return text_hash(record_text(record))


def record_text(record: dict[str, Any]) -> str:
    """The canonical text a parsed record (an exported line) is hashed as."""
    fields = {name: record[name] for name in HASHED_FIELDS}
    for name in OPTIONAL_HASHED_FIELDS:
        # null and absent hash alike: an event without the field (older than the field).
        if record.get(name) is not None:
            fields[name] = record[name]
    return canonical_json(fields)


def text_hash(text: str) -> str:
    """The hash of a record's canonical text (record_text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
