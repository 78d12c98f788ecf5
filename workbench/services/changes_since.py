"""Who changed a claim since the version a refused change was based on, and what they changed:
the refusal of a stale `--if-version` names them, so that the person refused knows what to
re-read without opening the claim's history."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import Event
from workbench.domain.payloads import changed_fields

# Each change of a claim row records these; they say nothing a person changed.
_BOOKKEEPING = ("version", "updated_at")
# More than this many changes are counted, not listed: the line stays one line.
_LISTED = 3


def changes_since(session: Session, claim_id: int, version: int) -> list[str]:
    """Each change of the claim after `version`, oldest first, as 'FIELDS by ACTOR'.

    Read newest first from the claim's own events (one indexed lookup) until the change that
    made `version`: a claim's version moves only with an event that records it."""
    rows = session.execute(
        select(Event.actor, Event.action, Event.payload)
        .where(Event.entity_type == "claim", Event.entity_id == str(claim_id))
        .order_by(Event.seq.desc())
    )
    found: list[str] = []
    for actor, action, text in rows:
        payload = json.loads(text)
        after = payload.get("after") if isinstance(payload, dict) else None
        reached = after.get("version") if isinstance(after, dict) else None
        if not isinstance(reached, int) or reached <= version:
            break
        fields = [name for name, _, _ in changed_fields(payload, _BOOKKEEPING)]
        what = " and ".join(fields) if fields else action.removeprefix("claim.")
        found.append(f"{what} by {actor}")
    return found[::-1]


def said(changes: Sequence[str]) -> str:
    """The changes on one line: the first few, then how many more."""
    shown = ", ".join(changes[:_LISTED])
    rest = len(changes) - _LISTED
    return f"{shown} and {rest} more changes" if rest > 0 else shown
