"""Audit events as JSON Lines: the verifiable export (`audit verify --file` checks it)."""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import IO

from workbench.services.audit import EventFilter, event_rows
from workbench.services.context import Workbench


def write(wb: Workbench, out: IO[str], flt: EventFilter) -> int:
    """One JSON object per line; the payload is embedded as stored, never re-serialised.

    Each line carries prev_hash and hash, so `workbench audit verify --file` can check it.
    """
    # The line is written out by hand: a JSON encoder call per event costs more than the
    # database read. `q` is the string escaping json.dumps (ensure_ascii=False) itself uses.
    q = encode_basestring
    put = out.write
    count = 0
    for seq, at, actor, action, etype, eid, claim_id, payload, prev, digest in event_rows(wb, flt):
        cid = "null" if claim_id is None else f"{claim_id:d}"
        put(
            f'{{"seq":{seq:d},"at":{q(at)},"actor":{q(actor)},"action":{q(action)},'
            f'"entity_type":{q(etype)},"entity_id":{q(eid)},"claim_id":{cid},'
            f'"prev_hash":{q(prev)},"hash":{q(digest)},"payload":{payload}}}\n'
        )
        count += 1
    return count
