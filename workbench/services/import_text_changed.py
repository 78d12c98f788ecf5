"""Whether a claims file's row is an old copy of the claim its id names: the claim's text was
the row's, and an edit changed it since. trial196: an old export imported after an editor's
`claim edit --text` added the row's old text as a new claim, and said only that the id's claim
was not the row's; the checker took the new claim for an accident of the import."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import Event
from workbench.domain.actions import EDITED

# Claims read per query (an IN list each; every backend takes this many parameters).
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class TextChange:
    """The edit that last changed a claim's text away from a row's: who made it, when (the
    event's `at`, UTC), and its place in the trail."""

    actor: str
    at: str
    seq: int


def texts_changed(
    session: Session, wanted: Iterable[tuple[int, str]]
) -> dict[tuple[int, str], TextChange]:
    """For each (claim id, text as stored) of `wanted`, the latest `claim.edited` event that
    changed the claim's text from that text to another, if there is one. A file holding the
    text the claim had before that edit was written before it (if the claim held the text
    more than once, before its last change away from it all the more). One query a chunk of
    claims, reading their edits only (the trail's `ix_events_entity` index)."""
    by_claim: dict[int, set[str]] = {}
    for claim_id, text in wanted:
        by_claim.setdefault(claim_id, set()).add(text)
    found: dict[tuple[int, str], TextChange] = {}
    ids = sorted(by_claim)
    for start in range(0, len(ids), _CHUNK):
        chunk = [str(i) for i in ids[start : start + _CHUNK]]
        rows = session.execute(
            select(Event.entity_id, Event.seq, Event.actor, Event.at, Event.payload).where(
                Event.entity_type == "claim",
                Event.entity_id.in_(chunk),
                Event.action == EDITED,
            )
        )
        # Sorted here, not by the query, as table_facts reads verdict events: ORDER BY seq
        # could lead a planner to walk the whole trail in seq order rather than look the
        # claims up by their index.
        for entity_id, seq, actor, at, payload in sorted(rows, key=lambda r: r[1]):
            before = _text(json.loads(payload), "before")
            claim_id = int(entity_id)
            if before is None or before not in by_claim[claim_id]:
                continue
            # Oldest first: a later change away from the same text replaces an earlier one.
            found[(claim_id, before)] = TextChange(actor, at, seq)
    return found


def _text(payload: object, side: str) -> str | None:
    """The text a change event's `side` ("before", "after") records, if it changed the text."""
    part = payload.get(side) if isinstance(payload, dict) else None
    text = part.get("text") if isinstance(part, dict) else None
    return text if isinstance(text, str) else None
