"""Audit event payloads: a stable format of their own (docs/events.md is its reference).

Every event ever written stays in the hash chain, and replay must read it for ever; so what a
payload holds is decided here, once, and never by a view's JSON:

- one field list per kind of entity: the KINDS replay rebuilds (workbench/domain/kinds.py);
- one converter of stored values to their event form (`event_value`), shared by the writers
  and by replay's table readers, so both sides of replay's comparison speak the same form;
- one builder per kind (`document_payload`, ...), giving stored facts only: never a derived or
  display value (a claim's rating, its evidence count, similar claims).

ACTIONS says, for each action, the kind it is about, the payload's shape and, for changes, the
fields it may change; docs/events.md lists the same and a test holds the two together.
Changing a payload's shape is a deliberate step: a new field (or action: named once in
domain.actions, its shape declared here), the page updated, and replay still reading events of
the old shape (KINDS' defaults cover fields older creation events lack; fields they carry beyond
the kind's list are ignored).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from workbench.domain.actions import (
    APPROVED,
    ASSIGNED,
    CLAIM_ADDED,
    DOCUMENT_ADDED,
    DOCUMENT_CHECKED,
    DOCUMENT_EDITED,
    DOCUMENT_REVISED,
    DUE_CHANGED,
    EDITED,
    EVIDENCE_ADDED,
    FLAGGED_FOR_REVIEW,
    GUARDS_RESTORED,
    IMPORTED,
    NOTE_ADDED,
    NOTE_VISIBILITY_CHANGED,
    PRIORITY_CHANGED,
    QUOTE_CHANGED,
    REANCHORED,
    REJECTED,
    REVIEW_REQUESTED,
    SETTING_CHANGED,
    STATUS_CHANGED,
    TAGGED,
    UNTAGGED,
    USER_ADDED,
    USER_BOUND,
    USER_EDITED,
)
from workbench.domain.clock import format_at
from workbench.domain.kinds import KINDS
from workbench.domain.transitions import PIN, WORDING

Shape = Literal["created", "changed", "set", "imported", "checked", "restored"]


def event_value(value: Any) -> Any:
    """A stored value as events hold it: timestamps in the fixed UTC form, dates in ISO form,
    sequences as lists; everything else (text, numbers, None) as it is."""
    if isinstance(value, dt.datetime):
        return format_at(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def entity_payload(kind: str, entity: object, **given: Any) -> dict[str, Any]:
    """Every field of `kind`, in its order, read from the entity's attributes unless given."""
    return {
        name: event_value(given[name] if name in given else getattr(entity, name))
        for name in KINDS[kind].fields
    }


def document_payload(document: object) -> dict[str, Any]:
    return entity_payload("document", document)


def revision_payload(revision: object) -> dict[str, Any]:
    return entity_payload("revision", revision)


def claim_payload(claim: object, tags: Iterable[str]) -> dict[str, Any]:
    """Tags live in a table of their own: the caller names them; events hold them sorted."""
    return entity_payload("claim", claim, tags=sorted(tags))


def note_payload(note: object) -> dict[str, Any]:
    return entity_payload("note", note)


def evidence_payload(evidence: object) -> dict[str, Any]:
    return entity_payload("evidence", evidence)


def setting_payload(setting: object, value: Any) -> dict[str, Any]:
    """The value is stored as JSON text; the event holds it parsed."""
    return entity_payload("setting", setting, value=value)


def created(entity: Mapping[str, Any]) -> dict[str, Any]:
    """A creation event's payload: the new entity, whole."""
    return {"after": dict(entity)}


def changed(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    note: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A change event's payload: the changed fields before and after, and the note written with
    the change (a note payload), or None."""
    return {
        "before": dict(before),
        "after": dict(after),
        "note": None if note is None else dict(note),
    }


def imported(
    entity: Mapping[str, Any], note: Mapping[str, Any] | None, source: Mapping[str, Any]
) -> dict[str, Any]:
    """An imported entity's payload: the entity whole, the note that came with it (a note
    payload) or None, and where it came from (file name and row)."""
    return {
        "after": dict(entity),
        "note": None if note is None else dict(note),
        "source": dict(source),
    }


def set_payload(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """A setting's payload: its value before (the default when first set), and the whole
    setting after."""
    return {"before": dict(before), "after": dict(after)}


def restored_payload(
    triggers: Iterable[str], indexes: Iterable[str], revision: str
) -> dict[str, Any]:
    """What `db upgrade` put back (`desk.guards_restored`): the guard triggers on events and the
    search indexes, each as the upgrade named them, and the schema revision it left the desk
    at (the guards a revision has differ: an older one has no identity trigger)."""
    return {"triggers": list(triggers), "indexes": list(indexes), "revision": revision}


def changed_fields(
    payload: Mapping[str, Any], hidden: Iterable[str] = ()
) -> list[tuple[str, Any, Any]]:
    """What a change event changed, as (field, before, after) in the payload's order: the
    fields whose value differs, less those `hidden` (each view hides its own bookkeeping).
    Empty for any other shape (a creation, an import). The one reading of a change that
    `claim show`, the audit timeline and the report share."""
    before, after = payload.get("before"), payload.get("after")
    if not isinstance(before, dict) or not isinstance(after, dict):
        return []
    skip = frozenset(hidden)
    return [
        (name, before.get(name), value)
        for name, value in after.items()
        if name not in skip and before.get(name) != value
    ]


def change_note(payload: Mapping[str, Any]) -> str | None:
    """The body of the note written with a change (a verdict's reason), if there was one."""
    note = payload.get("note")
    if isinstance(note, dict) and isinstance(note.get("body"), str):
        return str(note["body"])
    return None


def change_note_id(payload: Mapping[str, Any]) -> int | None:
    """The id of the note written with a change, if there was one."""
    note = payload.get("note")
    if isinstance(note, dict) and isinstance(note.get("id"), int):
        return int(note["id"])
    return None


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    kind: str
    shape: Shape
    # For "changed": the fields the action may change (besides version and updated_at, which
    # every change to a claim moves).
    changes: tuple[str, ...] = ()


# Every change to a claim bumps these two, and its payload says so in before and after.
CLAIM_BOOKKEEPING = ("version", "updated_at")
PROPOSAL = ("proposed_status", "proposed_by", "proposed_note")
# A new status on a claim whose quote changed under its verdict clears that mark.
VERDICT_MARK = ("verdict_revision",)
# Re-anchoring to a new revision: the span, where and how it was found.
ANCHOR = (
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "revision",
    "anchor_state",
    "anchor_score",
    "verdict_revision",
)


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(DOCUMENT_ADDED, "document", "created"),
        Action(CLAIM_ADDED, "claim", "created"),
        Action(NOTE_ADDED, "note", "created"),
        Action(NOTE_VISIBILITY_CHANGED, "note", "changed", ("internal",)),
        Action(EVIDENCE_ADDED, "evidence", "created"),
        Action(IMPORTED, "claim", "imported"),
        Action(STATUS_CHANGED, "claim", "changed", ("status", *VERDICT_MARK)),
        Action(REVIEW_REQUESTED, "claim", "changed", ("status", *PROPOSAL, *VERDICT_MARK)),
        Action(APPROVED, "claim", "changed", ("status", *PROPOSAL, *VERDICT_MARK)),
        Action(REJECTED, "claim", "changed", ("status", *PROPOSAL, *VERDICT_MARK)),
        Action(DOCUMENT_REVISED, "revision", "created"),
        Action(DOCUMENT_CHECKED, "document", "checked"),
        Action(REANCHORED, "claim", "changed", ANCHOR),
        # A corrected transcript that gives the claim's line to another speaker changes it.
        Action(FLAGGED_FOR_REVIEW, "claim", "changed", (*ANCHOR, "speaker")),
        # The same, for a claim with no verdict (given or proposed) to flag: its mark is
        # never set, so it is not among the fields.
        Action(
            QUOTE_CHANGED,
            "claim",
            "changed",
            (*(f for f in ANCHOR if f not in VERDICT_MARK), "speaker"),
        ),
        Action(ASSIGNED, "claim", "changed", ("assignee",)),
        Action(TAGGED, "claim", "changed", ("tags",)),
        Action(UNTAGGED, "claim", "changed", ("tags",)),
        Action(PRIORITY_CHANGED, "claim", "changed", ("priority",)),
        Action(DUE_CHANGED, "claim", "changed", ("due",)),
        Action(EDITED, "claim", "changed", (*WORDING, *PIN)),
        Action(SETTING_CHANGED, "setting", "set", ("value",)),
        Action(
            DOCUMENT_EDITED,
            "document",
            "changed",
            ("title", "url", "author", "published", "language"),
        ),
        Action(USER_ADDED, "user", "created"),
        Action(USER_BOUND, "user", "changed", ("role",)),
        Action(USER_EDITED, "user", "changed", ("display", "email")),
        # No entity of KINDS: the desk's own guards, which replay holds to what the workbench
        # restores and rebuilds nothing from.
        Action(GUARDS_RESTORED, "desk", "restored"),
    )
}


def check_changes(action: str, fields: Iterable[str]) -> None:
    """A writer about to record `action` with these changed fields: a field the action does
    not declare is a programming error (the format would change unannounced)."""
    known = ACTIONS.get(action)
    undeclared = set(fields) - set(known.changes if known else ()) - set(CLAIM_BOOKKEEPING)
    if known is None or undeclared:
        what = f"{action} changing {sorted(undeclared)}" if known else f"action {action}"
        raise ValueError(
            f"{what} is not a declared event shape "
            "(name it in workbench/domain/actions.py, declare it in ACTIONS in "
            "workbench/domain/payloads.py and in docs/events.md)"
        )
