"""Audit events as JSON Lines: the verifiable export (`audit verify --file` checks it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring
from typing import IO, Any

from workbench.domain.chain import PIECE, canonical_json
from workbench.domain.scope import ExportScope
from workbench.services.context import Tx
from workbench.services.event_filter import EventFilter
from workbench.services.progress import Progress


def write(tx: Tx, out: IO[str], flt: EventFilter, progress: Progress | None = None) -> int:
    """One JSON object per line; the payload is embedded as stored, never re-serialised.

    Each line carries prev_hash and hash, so `workbench audit verify --file` can check it;
    the first line is the export's scope (workbench.domain.scope), which verify holds it to.
    """
    # (Imported here: the export after a head writes its lines on the driver's reads,
    # services/events_after.py, and imports no SQLAlchemy.)
    from workbench.services.audit import event_rows

    scoped: list[ExportScope] = []
    rows = event_rows(tx, flt, scoped, progress)  # computes the scope, in this transaction
    return write_lines(out, scoped[0], rows)


def write_lines(out: IO[str], scope: ExportScope, rows: Iterable[Sequence[Any]]) -> int:
    """The scope's line, then one line per event row (in EXPORT_FIELDS order); how many."""
    # The line is written out by hand: a JSON encoder call per event costs more than the
    # database read. `q` is the string escaping json.dumps (ensure_ascii=False) itself uses.
    q = encode_basestring
    put = out.write
    count = 0
    put(canonical_json(scope.to_json()) + "\n")
    for (
        seq,
        at,
        actor,
        action,
        etype,
        eid,
        claim_id,
        payload,
        prev,
        digest,
        mach,
    ) in rows:
        cid = "null" if claim_id is None else f"{claim_id:d}"
        # Events older than migration 0006 have no machine identity: the key is left out.
        machine = "" if mach is None else f'"machine":{q(mach)},'
        if len(payload) <= PIECE:
            put(
                f'{{"seq":{seq:d},"at":{q(at)},"actor":{q(actor)},{machine}"action":{q(action)},'
                f'"entity_type":{q(etype)},"entity_id":{q(eid)},"claim_id":{cid},'
                f'"prev_hash":{q(prev)},"hash":{q(digest)},"payload":{payload}}}\n'
            )
        else:
            # A document's whole text: written a piece at a time, not copied into one line
            # (and that line into its encoding) first. The same line as above.
            put(
                f'{{"seq":{seq:d},"at":{q(at)},"actor":{q(actor)},{machine}"action":{q(action)},'
                f'"entity_type":{q(etype)},"entity_id":{q(eid)},"claim_id":{cid},'
                f'"prev_hash":{q(prev)},"hash":{q(digest)},"payload":'
            )
            for start in range(0, len(payload), PIECE):
                put(payload[start : start + PIECE])
            put("}\n")
            del payload  # not held while the next event is read
        count += 1
    return count
