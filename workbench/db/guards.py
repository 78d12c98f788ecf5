"""The triggers on `events` that the audit trail's promises rest on (docs/audit-chain.md,
docs/identity.md): each backend lists its own (workbench.db.sqlite, workbench.db.postgresql),
`db status` reports one missing or disabled, `db upgrade` puts it back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Guard:
    name: str  # the trigger's name on events
    since: str  # the migration that installs it: an older schema has no such trigger yet
    promise: str  # what it keeps true, said while it is in place
    breach: str  # what its absence lets anyone with INSERT (or more) on events do
    restore: tuple[str, ...]  # DDL putting it back, run as is by the tables' owner


def expected(guards: tuple[Guard, ...], revision: str | None) -> list[Guard]:
    """The guards a schema at `revision` has installed (none for an empty database)."""
    if revision is None:
        return []
    return [g for g in guards if reached(revision, g.since)]


def reached(revision: str, since: str) -> bool:
    """Whether the schema at `revision` has run the migration `since`. Revisions are named
    with a zero-padded sequence number first (0013_event_identity), which orders them; one
    named otherwise is no revision of ours, so newer: it has them all."""
    number = revision.partition("_")[0]
    return not number.isdigit() or number >= since.partition("_")[0]
