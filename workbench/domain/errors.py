"""Typed errors raised by the library. The CLI maps each to one line on stderr and exit 1.

The library states facts ("status 'verified' is a verdict and needs a reason"); what the user can
do about it, in the words of one front end (a CLI flag, a command to run), is a `Hint`: a kind
and the facts it needs, which the front end turns into words (`workbench.cli.hints`). So the
library never names a flag, and a script reading `--json` errors gets the facts, not English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Hint:
    """What would get past a refusal, as facts. `kind` names the remedy, for example:

    - "give_input": supply the input named `field` (CLI: an option such as --note);
    - "bad_input": the input named `field` is wrong as given (message says how);
    - "run": perform `step` (e.g. "add_evidence", "add_note", "review", "list", "reread",
      "start_database", "check_database", "upgrade_schema") on the claim/document named in
      the facts.
    """

    kind: str
    facts: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.facts}


def give(field_name: str, **facts: Any) -> Hint:
    """Supply the input `field_name`; `low`/`high` facts bound the values that would do."""
    return Hint("give_input", {"field": field_name, **facts})


def bad(field_name: str) -> Hint:
    return Hint("bad_input", {"field": field_name})


def step(name: str, **facts: Any) -> Hint:
    return Hint("run", {"step": name, **facts})


# The `reason` of a setting given empty (`--as ""`, WORKBENCH_DB=): a value lost on the way (an
# unset shell variable) must not act as the default instead, and a front end may call it bad
# usage rather than a refusal.
EMPTY_SETTING = "empty_setting"
# The `reason` of a --db / WORKBENCH_DB value that can name no database (`-`, standard input
# everywhere else): bad usage where it was typed, as an empty one is.
NOT_A_DATABASE = "not_a_database"
# The `reason` of a person's name refused for what it holds by itself (an invisible character,
# letters of two scripts imitating each other, too long), whatever the desk has stored: a
# front end may call it bad usage where it was typed. A name refused for looking like a
# registered one depends on the desk, and has no such reason.
INVALID_NAME = "invalid_name"

# The `reason` of a SchemaError for a shared (PostgreSQL) database whose schema is older than
# this workbench: only `db upgrade` changes a shared schema, and a script may tell its owner.
SCHEMA_BEHIND = "schema_behind"
# The `reason` of a NotFound for a read that found a database without the workbench's tables
# (on PostgreSQL, a schema that has none, or none at all): a read sets no desk up, so that a
# wrong schema or search_path is not read as an empty desk; a command that would start one
# anyway (the demo) takes its write path instead.
NO_DESK = "no_desk"
# The `reason` of a StorageError for an upgrade the connecting role has no right to make (the
# tables belong to another role, or it may not create tables in the schema).
UPGRADE_NOT_PERMITTED = "upgrade_not_permitted"
# A person's role may not change the desk's settings (docs/identity.md: they are the owner's).
SETTING_NOT_PERMITTED = "setting_not_permitted"
# A write on a PostgreSQL server that is read-only for the session (a hot standby, or
# default_transaction_read_only set by its administrator for the role or the database).
READ_ONLY_SERVER = "read_only_server"
# The `reason` of a Conflict for a write (or `db upgrade`) whose wait for another writer's lock
# ran out: the one refusal a script retries as it is (docs/backup.md), told by this name rather
# than by the message's English, which names the writer where known.
DATABASE_LOCKED = "database_locked"
# The `reason` of a DamagedRecord for a database file whose pages SQLite finds damaged (or that
# is no database at all): restored from a backup, not retried, unlike a storage failure.
DAMAGED_DATABASE = "damaged_database"
# ... and for a backup's copy that is damaged while the database it copies checks intact (the
# disk under the copy): nothing to restore, the backup to take again.
DAMAGED_COPY = "damaged_copy"
# ... and for SQLite's search index (FTS5's claim_fts) found damaged while the file's pages are
# sound: derived from the tables, it is rebuilt (`db upgrade`), not restored with the file.
DAMAGED_SEARCH_INDEX = "damaged_search_index"
# The `reason` of a StorageError for a write whose connection failed as it committed, when the
# database could not then be asked whether it took the change: neither "refused" nor "done"
# is known, and a script retrying it blindly may make it twice.
COMMIT_UNKNOWN = "commit_unknown"


class WorkbenchError(Exception):
    """A refused operation: the user can read the message and act on it.

    `kind` is the stable, machine-readable name of the error's type (`--json` errors carry it).
    """

    kind: ClassVar[str] = "refused"

    def __init__(
        self, message: str, *, hint: Hint | None = None, reason: str | None = None
    ) -> None:
        super().__init__(message)
        self.hint = hint
        # Which rule refused, where a type covers several (e.g. TransitionRefused's Refusal).
        self.reason = reason

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class NotFound(WorkbenchError):
    """The named document, claim, note or other record does not exist."""

    kind = "not_found"


class InvalidInput(WorkbenchError):
    """The input breaks a rule (bad span, empty text, missing note, file too large...)."""

    kind = "invalid_input"


class TransitionRefused(InvalidInput):
    """The workflow does not allow this move (yet); `reason` names the rule (see
    `workbench.domain.transitions.Refusal`)."""

    kind = "transition_refused"


class Conflict(WorkbenchError):
    """The change was based on stale data or collides with another change."""

    kind = "conflict"


class SchemaError(WorkbenchError):
    """The database schema is not one this version of the workbench can use."""

    kind = "schema_mismatch"


class StorageError(WorkbenchError):
    """The database could not be opened or answered with an error of its own."""

    kind = "storage"


class DamagedRecord(WorkbenchError):
    """Stored data fails its own check (an archived file missing or not matching its hash, a
    database page SQLite finds damaged: reason DAMAGED_DATABASE)."""

    kind = "damaged"


# Every kind a script can meet, for documentation and tests. The CLI adds its own for failures
# that never reach the library (usage, unreadable files...): see workbench.cli.errors.
ERROR_TYPES: tuple[type[WorkbenchError], ...] = (
    WorkbenchError,
    NotFound,
    InvalidInput,
    TransitionRefused,
    Conflict,
    SchemaError,
    StorageError,
    DamagedRecord,
)
