"""The one way a claim row changes: before/after in the event, version bumped, stale refused."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import object_session
from sqlalchemy.orm.exc import StaleDataError

from workbench.db.models import Claim, ClaimTag
from workbench.domain.clock import now
from workbench.domain.errors import Conflict, InvalidInput, bad, step
from workbench.domain.limits import has_visible
from workbench.domain.payloads import changed, check_changes, event_value, note_payload
from workbench.domain.status import Status
from workbench.domain.transitions import ClaimState, Decision
from workbench.services.changes_since import changes_since, said
from workbench.services.context import Tx
from workbench.services.notes import insert_note
from workbench.services.views import NoteView


def check_version(claim: Claim, expected: int | None) -> None:
    if expected is not None and claim.version != expected:
        session = object_session(claim)
        changes = (
            changes_since(session, claim.id, expected)
            if session is not None and claim.version > expected
            else []
        )
        raise stale(claim.id, expected, claim.version, changes)


def version_problem(ids: Sequence[int], expected: int | None) -> InvalidInput | None:
    """An expected version is one claim's: given with several claims (a desk edit's IDs) it
    would say nothing of the others, which are at versions of their own. A front end asks
    before calling (bad usage); a desk edit refuses it for any other caller (workflow._named)."""
    count = len(set(ids))
    if expected is None or count <= 1:
        return None
    return InvalidInput(
        f"one expected version ({expected}) was given for {count} claims, each at a version "
        "of its own: name one claim with it",
        hint=bad("expected_version"),
    )


def stale(
    claim_id: int, expected: int, actual: int | None, changes: Sequence[str] = ()
) -> Conflict:
    """A change based on a version the claim is no longer at. With the changes made since
    (changes_since), it names them and who made them, the person refused included: one who
    changed it from another terminal is not told it was someone else."""
    now_is = f" (it is now at version {actual})" if actual is not None else ""
    if actual is not None and expected > actual:
        return Conflict(
            f"claim #{claim_id} has never been at version {expected}{now_is}",
            hint=step("reread", claim_id=claim_id),
        )
    if changes:
        return Conflict(
            f"claim #{claim_id} was changed since version {expected}{now_is}: {said(changes)}",
            hint=step("reread", claim_id=claim_id),
        )
    return Conflict(
        f"claim #{claim_id} was changed by someone else since version {expected}{now_is}",
        hint=step("reread", claim_id=claim_id),
    )


def claim_state(claim: Claim) -> ClaimState:
    """What the workflow (domain.transitions) needs to decide a move on this claim."""
    return ClaimState(
        id=claim.id,
        status=Status(claim.status),
        evidence_count=len(claim.evidence),
        proposed_status=Status(claim.proposed_status) if claim.proposed_status else None,
        proposed_by=claim.proposed_by,
        verdict_revision=claim.verdict_revision,
    )


def apply_decision(tx: Tx, claim: Claim, decision: Decision) -> NoteView | None:
    """Apply what the workflow decided: the changes and their event, with the note if any."""
    if decision.action is None:
        return None
    return update_claim(tx, claim, decision.action, dict(decision.changes), note=decision.note)


def update_claim(
    tx: Tx,
    claim: Claim,
    action: str,
    changes: dict[str, Any],
    *,
    tags: Sequence[str] | None = None,
    note: str | None = None,
) -> NoteView | None:
    """Apply `changes` (column attributes) and/or a new tag set, then write one event.

    The event's payload holds the changed fields before and after (plus version and updated_at),
    and the note written with the change, if any: enough for replay to rebuild the claim.
    """
    check_changes(action, [*changes, *(["tags"] if tags is not None else [])])
    read_version = claim.version
    if "status" in changes and claim.verdict_revision is not None:
        # A new decision is taken on the current text: the "given on an earlier revision"
        # mark of the old verdict goes with it.
        changes = {**changes, "verdict_revision": None}
    before: dict[str, Any] = {name: event_value(getattr(claim, name)) for name in changes}
    after: dict[str, Any] = {name: event_value(value) for name, value in changes.items()}
    before.update(version=read_version, updated_at=event_value(claim.updated_at))
    if tags is not None:
        old = sorted(t.tag for t in claim.tags)
        new = sorted(set(tags))
        before["tags"], after["tags"] = old, new
        keep = [t for t in claim.tags if t.tag in new]
        added = [ClaimTag(claim_id=claim.id, tag=t) for t in new if t not in old]
        claim.tags = keep + added
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.updated_at = now()
    try:
        tx.session.flush()
    except StaleDataError:
        raise stale(claim.id, read_version, None) from None
    after.update(version=claim.version, updated_at=event_value(claim.updated_at))
    written = insert_note(tx, claim, note) if has_visible(note) else None
    payload = changed(before, after, note_payload(written) if written else None)
    tx.record(action, "claim", claim.id, payload, claim_id=claim.id)
    return NoteView.of(written) if written else None
