"""Who changed a claim since the version a refused change was based on, and what they changed:
the refusal of a stale `--if-version` names them, so that the person refused knows what to
re-read without opening the claim's history."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.db.models import Event
from workbench.domain.actions import (
    APPROVED,
    QUOTE_CHANGED,
    REANCHORED,
    REJECTED,
    REVIEW_REQUESTED,
)
from workbench.domain.payloads import ANCHOR, CLAIM_BOOKKEEPING, PROPOSAL, changed_fields
from workbench.domain.plurals import plural
from workbench.domain.verdict_words import verdict_words

# Each change of a claim row records its version and time; they say nothing a person changed.
# Nor do a span's own columns and a proposal's (review200: 'anchor_score and anchor_state and
# end and ...', 'proposed_by and proposed_note and ...'): those changes are named by what was
# done (`_what`), the quote a change of the words alone.
_BOOKKEEPING = (*CLAIM_BOOKKEEPING, *PROPOSAL, *(name for name in ANCHOR if name != "quote"))
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
        found.append(f"{_what(action, payload)} by {actor}")
    return found[::-1]


def said(changes: Sequence[str]) -> str:
    """The changes on one line: the first few, then how many more."""
    shown = ", ".join(changes[:_LISTED])
    rest = len(changes) - _LISTED
    return f"{shown} and {plural(rest, 'more change')}" if rest > 0 else shown


def _what(action: str, payload: dict[str, Any]) -> str:
    """What one change did, as the person did it: a verdict proposed or reviewed, a span moved
    to a document's new revision, else the fields it changed."""
    after = payload["after"]
    if action == REVIEW_REQUESTED:
        proposed = after.get("proposed_status")
        return str(verdict_words(action, proposed if isinstance(proposed, str) else None))
    if action in (APPROVED, REJECTED):
        # The line is short (a refusal's): the verdict reviewed is not repeated.
        return str(verdict_words(action, None))
    if action == REANCHORED:
        revision = after.get("revision")
        return f"span moved to revision {revision}" if isinstance(revision, int) else "span moved"
    fields = [name for name, _, _ in changed_fields(payload, _BOOKKEEPING)]
    if action == QUOTE_CHANGED:
        # A document's new revision can change a quote, as `claim edit --quote` does.
        moved = after.get("revision") != payload["before"].get("revision")
        return f"quote (in revision {after.get('revision')})" if moved else "quote"
    return " and ".join(fields) if fields else action.removeprefix("claim.").replace("_", " ")
