"""Work a command has done that stands whatever stops it next, and a commit a stop left
unknown: facts a service tells its Workbench's `on_done` as they become true, for a front end
to word when the command is stopped (Ctrl-C, a kill) before it could say them itself. Events
committed are told apart (`on_commit`): the trail says what they are."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BackupWritten:
    """A backup's copy, checked whole, is in place under `path` (services.backup)."""

    path: str


@dataclass(frozen=True, slots=True)
class SchemaUpgraded:
    """The database's schema was upgraded from `before` to `after`, and that is committed
    (db.migrate.upgrade: on SQLite by any command's first use, on any backend by `db
    upgrade`)."""

    before: str
    after: str


@dataclass(frozen=True, slots=True)
class SchemaCreated:
    """`db upgrade` created the database's tables in an empty database, and that is committed
    (services.database.upgrade_schema): stopped before it finished, that stands."""


@dataclass(frozen=True, slots=True)
class GuardsRestored:
    """`db upgrade` saw to the guard triggers on events, restoring `names` (none: all were in
    place), and to PostgreSQL's trigram search indexes, adding `indexes`, and that is committed
    (services.database.upgrade_schema): stopped before it finished, that stands, and only the
    search index is left (review213, fix305)."""

    names: tuple[str, ...]
    indexes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UpgradeFinished:
    """`db upgrade` has done all it does: the schema, the guard triggers on events, the search
    index (services.database.upgrade_database). Stopped before it, an upgrade that committed
    stands but the command is not done."""


@dataclass(frozen=True, slots=True)
class CommitUnknown:
    """A write was stopped as its change was being committed, and stopped again while the
    database was asked whether it took it: the change may stand. It does if the trail's event
    `seq` has hash `hash` (the last event the write wrote)."""

    seq: int
    hash: str


Done = (
    BackupWritten
    | SchemaUpgraded
    | SchemaCreated
    | GuardsRestored
    | UpgradeFinished
    | CommitUnknown
)

# How to see whether a change whose commit is not known stands: the words of reason
# commit_unknown (services.context), formatted with the event's seq, its hash and the seq
# before it. The event, not the head: on a desk others write to, the next writer's event
# takes the seq this change would have had when it did not land.
SEE_WHETHER_IT_STANDS = (
    "before making it again, see whether it is there (it is if the trail's event {seq} has "
    "hash {hash}: `workbench audit export --after-seq {before}` shows that event first; "
    "another event there, or none, means it is not)"
)


def see_whether_it_stands(seq: int, hash_: str) -> str:
    return SEE_WHETHER_IT_STANDS.format(seq=seq, hash=hash_, before=seq - 1)
