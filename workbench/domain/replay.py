"""Rebuilding the state purely from the audit events, and comparing it with the tables.

Two registries say everything replay knows:

- KINDS: each kind of entity, the fields replay rebuilds and compares (named as in the events'
  payloads), and defaults for fields that older creation events predate;
- RULES: for each action, how its event changes the state. `create`, `update` and `upsert`
  cover the payload conventions (creation events carry the whole entity in `after`; update
  events the changed fields in `before` and `after`, and any note written with the change).

An event whose action has no rule is a difference, and so is an update to a field that its
kind does not track: a new kind of change cannot slip past replay unnoticed. Adding one means
a line in RULES (and, for a new field or kind, in KINDS), plus the table reader in
workbench/services/replay.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Longer strings (a document's text) are held and compared as their length and SHA-256:
# replay keeps the whole state in memory, and a text is either equal or it is not.
COMPACT_OVER = 1024
# A broken database can differ everywhere; the report keeps the first ones and counts the rest.
DIFFERENCES_KEPT = 1000


@dataclass(frozen=True, slots=True)
class Digest:
    length: int
    sha256: str

    def __repr__(self) -> str:
        return f"<{self.length:,} characters, sha256 {self.sha256[:12]}…>"


def compact(value: Any) -> Any:
    if isinstance(value, str) and len(value) > COMPACT_OVER:
        return Digest(len(value), hashlib.sha256(value.encode("utf-8")).hexdigest())
    return value


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    fields: tuple[str, ...]
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # The field holding the claim this entity belongs to: events about it must carry that
    # claim_id, or `audit export --claim` and a claim's history would miss them.
    claim_field: str | None = None

    def label(self, key: str) -> str:
        return f"{self.name} #{key}" if key.isdigit() else f"{self.name} {key!r}"


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
    ),
    claim_field="id",
)
NOTE = Kind("note", ("id", "claim_id", "author", "body", "created_at"), claim_field="claim_id")

KINDS: dict[str, Kind] = {k.name: k for k in (DOCUMENT, CLAIM, NOTE)}


@dataclass(frozen=True, slots=True)
class EventRecord:
    seq: int
    action: str
    entity_type: str
    entity_id: str
    claim_id: int | None
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Difference:
    message: str
    subject: str | None = None
    field: str | None = None
    events: Any = None
    table: Any = None
    seq: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "subject": self.subject,
            "field": self.field,
            "events": _jsonable(self.events),
            "table": _jsonable(self.table),
            "seq": self.seq,
        }


def _jsonable(value: Any) -> Any:
    return repr(value) if isinstance(value, Digest) else value


Rule = Callable[["Replay", EventRecord], None]


def create(kind: str) -> Rule:
    """The event brings a new entity, whole, in `payload.after`."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        replay.create(kind, ev, ev.entity_id, ev.payload.get("after"))

    return rule


def update(kind: str) -> Rule:
    """The event changes the fields in `payload.after`, which were `payload.before`; a note
    written with the change comes whole in `payload.note`."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        replay.update(kind, ev, ev.entity_id, ev.payload.get("before"), ev.payload.get("after"))
        note = ev.payload.get("note")
        if isinstance(note, dict):
            replay.create("note", ev, str(note.get("id")), note, checked_type=False)

    return rule


def upsert(kind: str) -> Rule:
    """Like update, but the first event for a key creates it (its `before` is a default that
    no earlier event recorded)."""

    def rule(replay: Replay, ev: EventRecord) -> None:
        if ev.entity_id in replay.state[kind]:
            update(kind)(replay, ev)
        else:
            replay.create(kind, ev, ev.entity_id, ev.payload.get("after"))

    return rule


RULES: dict[str, Rule] = {
    "document.added": create("document"),
    "claim.added": create("claim"),
    "note.added": create("note"),
    "claim.status_changed": update("claim"),
}


@dataclass(frozen=True, slots=True)
class ReplayReport:
    events: int
    entities: dict[str, int]
    differences: list[Difference]
    total: int

    @property
    def consistent(self) -> bool:
        return self.total == 0

    def to_json(self) -> dict[str, Any]:
        return {
            "consistent": self.consistent,
            "events": self.events,
            "entities": self.entities,
            "differences": [d.to_json() for d in self.differences],
            "difference_count": self.total,
        }


class Replay:
    """The state the events describe, built one event at a time, then held against the tables."""

    def __init__(
        self, kinds: Mapping[str, Kind] | None = None, rules: Mapping[str, Rule] | None = None
    ) -> None:
        self.kinds = dict(KINDS if kinds is None else kinds)
        self.rules = dict(RULES if rules is None else rules)
        self.state: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in self.kinds}
        self.rebuilt: dict[str, int] = dict.fromkeys(self.kinds, 0)
        self.differences: list[Difference] = []
        self.total = 0
        self.events = 0

    def differ(self, diff: Difference) -> None:
        self.total += 1
        if len(self.differences) < DIFFERENCES_KEPT:
            self.differences.append(diff)

    def _event_problem(self, ev: EventRecord, subject: str | None, problem: str) -> None:
        where = f"seq {ev.seq} ({ev.action})"
        self.differ(
            Difference(
                f"{where}: {subject + ': ' if subject else ''}{problem}", subject, seq=ev.seq
            )
        )

    def apply(
        self,
        seq: int,
        action: str,
        entity_type: str,
        entity_id: str,
        claim_id: int | None,
        payload_json: str,
    ) -> None:
        self.events += 1
        try:
            payload = json.loads(payload_json)
        except ValueError:
            payload = None
        ev = EventRecord(
            seq,
            action,
            entity_type,
            entity_id,
            claim_id,
            payload if isinstance(payload, dict) else {},
        )
        if not isinstance(payload, dict):
            self._event_problem(ev, None, "the payload is not a JSON object")
            return
        rule = self.rules.get(action)
        if rule is None:
            self._event_problem(
                ev,
                None,
                "no replay rule for this action, so the change it records cannot be checked "
                "(add one to RULES in workbench/domain/replay.py)",
            )
            return
        rule(self, ev)

    def create(
        self,
        kind_name: str,
        ev: EventRecord,
        key: str,
        after: Any,
        *,
        checked_type: bool = True,
    ) -> None:
        kind = self.kinds[kind_name]
        subject = kind.label(key)
        if checked_type and ev.entity_type != kind_name:
            self._event_problem(ev, subject, f"entity_type is {ev.entity_type!r}")
        if not isinstance(after, dict):
            self._event_problem(ev, subject, "the payload has no 'after' object")
            return
        if "id" in after and str(after["id"]) != key:
            self._event_problem(ev, subject, f"payload describes id {after['id']!r}")
        entities = self.state[kind_name]
        if key in entities:
            self._event_problem(ev, subject, "created again, but it already exists")
            return
        entity: dict[str, Any] = {}
        for name in kind.fields:
            if name in after:
                entity[name] = compact(after[name])
            elif name in kind.defaults:
                entity[name] = kind.defaults[name]
            else:
                self._event_problem(ev, subject, f"the payload lacks {name!r}")
                entity[name] = None
        entities[key] = entity
        self.rebuilt[kind_name] += 1
        self._check_claim(kind, ev, subject, entity)

    def update(self, kind_name: str, ev: EventRecord, key: str, before: Any, after: Any) -> None:
        kind = self.kinds[kind_name]
        subject = kind.label(key)
        if ev.entity_type != kind_name:
            self._event_problem(ev, subject, f"entity_type is {ev.entity_type!r}")
        if not isinstance(before, dict) or not isinstance(after, dict):
            self._event_problem(ev, subject, "the payload lacks 'before' or 'after' objects")
            return
        entity = self.state[kind_name].get(key)
        if entity is None:
            self._event_problem(ev, subject, "changed, but no earlier event creates it")
            return
        for name, value in before.items():
            if name not in kind.fields:
                continue  # reported below, with `after`
            was = entity[name]
            if compact(value) != was:
                self._event_problem(
                    ev,
                    subject,
                    f"before says {name} {compact(value)!r}, the events so far say {was!r}",
                )
        for name, value in after.items():
            if name in kind.fields:
                entity[name] = compact(value)
            else:
                self._event_problem(
                    ev,
                    subject,
                    f"changes {name!r}, which replay does not track (add it to the "
                    f"{kind_name} kind in workbench/domain/replay.py)",
                )
        self._check_claim(kind, ev, subject, entity)

    def _check_claim(
        self, kind: Kind, ev: EventRecord, subject: str, entity: dict[str, Any]
    ) -> None:
        if kind.claim_field is None:
            return
        owner = entity.get(kind.claim_field)
        if ev.claim_id != owner:
            self._event_problem(
                ev, subject, f"the event's claim_id is {ev.claim_id!r}, the {kind.name}'s {owner!r}"
            )

    def compare(self, kind_name: str, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Hold one table's rows against the rebuilt state; what is left is missing rows."""
        kind = self.kinds[kind_name]
        rebuilt = self.state[kind_name]
        for key, row in rows:
            subject = kind.label(key)
            entity = rebuilt.pop(key, None)
            if entity is None:
                self.differ(
                    Difference(
                        f"{subject}: in the table, but no event creates it", subject, table=key
                    )
                )
                continue
            for name in kind.fields:
                ours, theirs = entity.get(name), compact(row.get(name))
                if ours != theirs:
                    self.differ(
                        Difference(
                            f"{subject} {name}: events say {ours!r}, table says {theirs!r}",
                            subject,
                            name,
                            ours,
                            theirs,
                        )
                    )
        for key in rebuilt:
            subject = kind.label(key)
            self.differ(
                Difference(
                    f"{subject}: the events create it, but the table has no such row",
                    subject,
                    events=key,
                )
            )
        rebuilt.clear()

    def report(self) -> ReplayReport:
        return ReplayReport(self.events, dict(self.rebuilt), self.differences, self.total)
