"""The kinds of entity the audit trail records, and the fields each kind's events carry.

One registry, read by replay (which rebuilds and compares these fields) and by the payload
builders (which write them): named as in the events' payloads, with defaults for the fields
that older creation events predate. It is its own module because the payload builders sit on
every read path (a claim's history is rendered from payloads), and replay's rules do not need
to be imported there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.shown import shown, shown_text


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    fields: tuple[str, ...]
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # The field holding the claim this entity belongs to: events about it must carry that
    # claim_id, or `audit export --claim` and a claim's history would miss them.
    claim_field: str | None = None
    # The field the event's entity_id names (a setting's key); taken from it when absent.
    key_field: str = "id"
    # Created once and never changed (notes, evidence): the most numerous entities, so replay
    # holds only a fingerprint of each and re-reads its event when the row does not match.
    immutable: bool = False
    # The fields of an immutable kind that a later event may still change in place (a note's
    # `internal`: `note internal` / `note public`). Replay holds them apart from the
    # fingerprint, with their current value where it is not the default, so the many entities
    # that never change cost no more than before. Each needs a default.
    changing: tuple[str, ...] = ()

    def label(self, key: str) -> str:
        # (A key is the event's entity_id: SQLite holds one of any length.)
        return f"{self.name} #{shown_text(key)}" if key.isdigit() else f"{self.name} {shown(key)}"


DOCUMENT = Kind(
    "document",
    (
        "id",
        "title",
        "url",
        "author",
        "published",
        "language",
        "text",
        "sha256",
        "length",
        "added_by",
        "created_at",
        "format",
        "source_sha256",
        "source",
    ),
    # Documents added before pages and revisions existed were plain text; before migration
    # 0010 where their text came from was not recorded.
    defaults={"format": "text", "source_sha256": None, "source": None},
)
REVISION = Kind(
    "revision",
    (
        "id",
        "document_id",
        "number",
        "text",
        "sha256",
        "length",
        "source",
        "format",
        "source_sha256",
        "added_by",
        "created_at",
    ),
)
CLAIM = Kind(
    "claim",
    (
        "id",
        "document_id",
        "text",
        "quote",
        "start",
        "end",
        "prefix",
        "suffix",
        "speaker",
        "type",
        "status",
        "created_by",
        "created_at",
        "updated_at",
        "version",
        "assignee",
        "tags",
        "priority",
        "due",
        "proposed_status",
        "proposed_by",
        "proposed_note",
        "revision",
        "anchor_state",
        "anchor_score",
        "verdict_revision",
    ),
    # Claims added before the workflow fields existed start with these values; a claim is
    # always created exactly anchored (its JSON carries the anchor as an object, not these).
    defaults={
        "assignee": None,
        "tags": [],
        "priority": "normal",
        "due": None,
        "proposed_status": None,
        "proposed_by": None,
        "proposed_note": None,
        "revision": 1,
        "anchor_state": "exact",
        "anchor_score": None,
        "verdict_revision": None,
    },
    claim_field="id",
)
NOTE = Kind(
    "note",
    ("id", "claim_id", "author", "body", "created_at", "internal"),
    # Notes written before migration 0015 were all published.
    defaults={"internal": False},
    claim_field="claim_id",
    immutable=True,
    # Taken back from publication, or given back (note.visibility_changed).
    changing=("internal",),
)

EVIDENCE = Kind(
    "evidence",
    (
        "id",
        "claim_id",
        "kind",
        "url",
        "citation",
        "title",
        "publisher",
        "accessed",
        "stance",
        "excerpt",
        "file_name",
        "sha256",
        "size",
        "media_type",
        "added_by",
        "created_at",
    ),
    claim_field="claim_id",
    immutable=True,
)
SETTING = Kind("setting", ("key", "value", "updated_by", "updated_at"), key_field="key")

USER = Kind(
    "user",
    ("name", "skeleton", "display", "email", "added_by", "created_at", "role"),
    key_field="name",
    defaults={"role": None},
)

KINDS: dict[str, Kind] = {
    k.name: k for k in (DOCUMENT, REVISION, CLAIM, NOTE, EVIDENCE, SETTING, USER)
}
