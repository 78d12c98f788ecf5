"""Inspecting and upgrading the schema on request (`workbench db ...`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from workbench.db.backend import (
    guards_of,
    lacks_privilege,
    lock_event_appends,
    lock_migrations,
    missing_guards,
    missing_search_indexes,
    no_set_up_here,
    restore_guards,
    restore_search_indexes,
    schema_owner,
    tables_here,
)
from workbench.db.damage import damage_refusal
from workbench.db.engine import get_engine
from workbench.db.guards import Guard
from workbench.db.head import HEAD_REVISION
from workbench.db.lock_wait import listened
from workbench.db.pg_options import client_value
from workbench.db.revision import current_revision
from workbench.db.search_indexes import MissingIndexes
from workbench.db.url import cannot_open, safe_url, sqlite_file
from workbench.domain.actions import GUARDS_RESTORED
from workbench.domain.desk_guards import DESK, GUARDS
from workbench.domain.done import GuardsRestored, SchemaCreated, UpgradeFinished
from workbench.domain.errors import StorageError
from workbench.domain.json_fields import as_json
from workbench.services.context import EMPTY_FILE, Workbench, mutation

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Connection


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    url: str
    current: str | None
    head: str
    known: bool = True
    # Guard triggers on `events` that are missing or disabled (append-only; on PostgreSQL the
    # identity trigger too), and what their absence lets anyone do.
    missing_triggers: tuple[str, ...] = ()
    unguarded: tuple[str, ...] = ()
    # What the guards in place keep true ("events are append-only", ...).
    guarded: tuple[str, ...] = ()
    # The role to ask for `db upgrade` on a shared (PostgreSQL) database, which ordinary
    # commands do not upgrade; None for a SQLite file (anyone who can write it upgrades it).
    owner: str | None = None
    # With no tables of the workbench's: why this is no place a write or `db upgrade` simply
    # sets a desk up in, in stable words (docs/json.md): OTHER_TABLES, or why `db upgrade`
    # would set none up (PostgreSQL: NO_SCHEMA, SCHEMA_NOT_OPEN, UPGRADE_NOT_PERMITTED);
    # None when nothing is in the way (and with a desk).
    reason: str | None = None
    # The same, in the words of the text report's `empty` state.
    why: str | None = None
    # With no tables of the workbench's: the tables of another program's there (at most three
    # named), which `db upgrade` would set a desk up beside (the reads refuse the place).
    other_tables: tuple[str, ...] = ()
    # With DESK_LATER_ON_PATH_REASON or DESK_IN_ANOTHER_SCHEMA: the schemas holding the desk
    # the URL did not reach, and the `options` value reaching the first, as the text report
    # words them, so that a script reaches the desk without parsing the words (trial316).
    desk_schemas: tuple[str, ...] = ()
    desk_option: str | None = None
    # Search indexes kept outside the models that the desk lacks (PostgreSQL: the trigram
    # indexes, lost in a restore or with pg_trgm's schema; search then reads every row), why
    # in stable words (docs/json.md) and how to add them.
    missing_indexes: tuple[str, ...] = ()
    indexes_reason: str | None = None
    indexes_fix: str | None = None

    @property
    def state(self) -> str:
        if self.current is None:
            return "empty"
        if self.current == self.head:
            return "current"
        return "behind" if self.known else "newer"

    def to_json(self) -> dict[str, Any]:
        # `known` only tells "behind" from "newer", which `state` already says; `why` is the
        # text report's words for an `empty` state, which `reason` says in stable words.
        hidden = ("known", "why")
        stored = {name: value for name, value in as_json(self).items() if name not in hidden}
        return {**stored, "state": self.state, "up_to_date": self.current == self.head}


# `db status` of a database (a SQLite file, a PostgreSQL schema) that holds another program's
# tables and none of the workbench's (docs/json.md).
OTHER_TABLES = "other_tables"
# `db status` of a 0-byte SQLite file: no desk set up in it yet, or an emptied one, which the
# reads refuse with the backup hint (docs/json.md).
EMPTY_FILE_REASON = "empty_file"


def _beside(url: str, place: str, tables: list[str]) -> str:
    """The `empty` state of a place holding another program's `tables` (a SQLite file, or a
    PostgreSQL schema `place`), as the reads refuse it."""
    from workbench.services.new_database import few_tables

    path = sqlite_file(url)
    if path is not None:
        where, whose = path, "another program's database?"
    else:
        where, whose = f"schema {place}", "another program's?"
    return (
        f"{where} holds no workbench tables ({whose}: {few_tables(tables)}); "
        "`workbench db upgrade` sets a desk up beside them, if that is meant"
    )


def schema_status(wb: Workbench) -> SchemaStatus:
    """Read-only: `db status` must not create or migrate the database it reports on."""
    if (refusal := wb.not_a_file()) is not None:
        raise refusal  # not "empty: `db upgrade` creates it": it cannot (trial252)
    if wb.empty_file():
        # Not "not created yet (`db upgrade` creates it)" alone: an emptied desk reads the
        # same, and its owner is to restore it, not set up an empty one (fix311's reads).
        said = (
            f"{sqlite_file(wb.url)} {EMPTY_FILE} (restore it from a backup then); "
            "`workbench db upgrade` sets one up in it, if that is meant"
        )
        return SchemaStatus(
            url=safe_url(wb.url),
            current=None,
            head=HEAD_REVISION,
            reason=EMPTY_FILE_REASON,
            why=said,
        )
    if wb.missing_file():
        return SchemaStatus(url=wb.url, current=None, head=HEAD_REVISION)
    try:
        current = current_revision(get_engine(wb.url))
    except DBAPIError as exc:
        raise damage_refusal(wb.url, exc.orig) or StorageError(
            cannot_open(wb.url, exc.orig)
        ) from None
    # Only an unknown revision needs the migrations read (migrate imports Alembic).
    if current is None or current == HEAD_REVISION:
        known = True
    else:
        from workbench.db.migrate import is_known

        known = is_known(current)
    missing: list[Guard] = []
    guarded: list[str] = []
    owner = None
    reason = why = None
    other_tables: list[str] = []
    elsewhere = Elsewhere()
    indexes = MissingIndexes()
    with get_engine(wb.url).connect() as conn:
        if current is None:
            reason, why = no_set_up_here(conn) or (None, None)
            if reason is not None:
                elsewhere = _desk_later(conn, reason)
            if reason is None:
                # Imported here: it brings the ORM's models, which a desk's status needs not.
                from workbench.services.new_database import foreign_tables

                place, names = tables_here(conn)
                other_tables = foreign_tables(names)
                if other_tables:
                    # Said as the reads say it (workbench.db.no_desk): no desk here, and
                    # `db upgrade` is the way to ask for one beside them.
                    reason, why = OTHER_TABLES, _beside(wb.url, place, other_tables)
                elif (
                    conn.dialect.name == "postgresql"
                    and client_value("search_path", wb.url) is None
                ):
                    # Only where the URL chose no schema: one it names is where it means a desk.
                    reason, why, elsewhere = _desk_elsewhere(conn, place)
        else:
            missing = missing_guards(conn, current)
            gone = {g.name for g in missing}
            guarded = [g.promise for g in guards_of(conn, current) if g.name not in gone]
            owner = schema_owner(conn)
            indexes = missing_search_indexes(conn, owner)
    return SchemaStatus(
        url=safe_url(wb.url),
        current=current,
        head=HEAD_REVISION,
        known=known,
        missing_triggers=tuple(g.name for g in missing),
        unguarded=tuple(dict.fromkeys(g.breach for g in missing)),
        guarded=tuple(dict.fromkeys(guarded)),
        owner=owner,
        reason=reason,
        why=why,
        other_tables=tuple(other_tables[:3]),
        desk_schemas=elsewhere.schemas,
        desk_option=elsewhere.option,
        missing_indexes=indexes.names,
        indexes_reason=indexes.reason,
        indexes_fix=indexes.how,
    )


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A desk the URL did not reach: the schemas holding it, and the `options` value reaching
    the first (none: no such desk)."""

    schemas: tuple[str, ...] = ()
    option: str | None = None


def _desk_later(conn: Connection, reason: str) -> Elsewhere:
    """With `desk_later_on_path`'s reason, the desk later on the search_path as its words name
    it: its schema, and the path from it on; none with any other reason."""
    from workbench.db.pg_desk import DESK_LATER_ON_PATH_REASON, desk_later_on_path
    from workbench.db.pg_options import search_path_option

    if reason != DESK_LATER_ON_PATH_REASON:
        return Elsewhere()
    found = desk_later_on_path(conn)
    if found is None:
        return Elsewhere()
    later, path_on = found
    return Elsewhere((later,), search_path_option(path_on))


def _desk_elsewhere(conn: Connection, place: str) -> tuple[str | None, str | None, Elsewhere]:
    """An empty schema, reached by a URL naming none, when a desk is in another schema of the
    database: that one named, with the URL option reaching it. trial308: a restore checked
    without its options was said `empty: not created yet (db upgrade creates it)`, and `db
    upgrade` then set a second, empty desk up in public, of which `audit verify` said `OK 0
    events`."""
    from workbench.db.pg_desk import DESK_IN_ANOTHER_SCHEMA, desks_elsewhere
    from workbench.db.pg_options import search_path_option

    found = desks_elsewhere(conn)
    if not found:
        return None, None, Elsewhere()
    option = search_path_option([found[0]])
    schemas = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    where = "a desk is in schema" if len(found) == 1 else "desks are in schemas"
    words = (
        f"no desk in schema {place}, and {where} {schemas} of this database, which the "
        f"search_path does not reach: ?options={option} in --db reaches "
        f"{'it' if len(found) == 1 else 'the first'} (`workbench db upgrade` here would set "
        f"another, empty desk up in {place})"
    )
    return DESK_IN_ANOTHER_SCHEMA, words, Elsewhere(tuple(found), option)


@dataclass(frozen=True, slots=True)
class Upgraded:
    """What `workbench db upgrade` did: the schema revision before (None: there was none) and
    after, the guard triggers it restored, the search indexes it put back (PostgreSQL's
    trigram indexes), whether it rebuilt SQLite's search index, and the damage FTS5 found in
    that index when that is why (SQLite's words)."""

    url: str
    before: str | None
    current: str | None
    restored: list[str]
    rebuilt: bool
    index_damage: str | None = None
    indexes: tuple[str, ...] = ()
    # The seq of the `desk.guards_restored` event recording the triggers and indexes put back
    # (None: nothing was).
    event: int | None = None


def upgrade_database(wb: Workbench) -> Upgraded:
    """`db upgrade`: the schema brought to the head with its guards (`upgrade_schema`), then
    the derived search index put back in step (services.search_index.rebuild: a write of its
    own, under the desk's write lock, which the schema's DDL is not)."""
    from workbench.services import search_index

    before = schema_status(wb).current
    seen: list[int] = []
    restored, indexes = upgrade_schema(wb, empty=before is None, recorded=seen.append)
    rebuilt = search_index.rebuild_index(wb)
    # All of it done: a stop from now on finds the upgrade finished (fix173, review177).
    wb.tell(UpgradeFinished())
    after = schema_status(wb)
    return Upgraded(
        after.url,
        before,
        after.current,
        restored,
        rebuilt.done,
        rebuilt.damage,
        tuple(indexes),
        seen[0] if seen else None,
    )


def _refuse_lock_wait(exc: DBAPIError, url: str) -> None:
    """A wait for the migrations' lock that ran out (PostgreSQL's lock_timeout, on every
    transaction since trial96: another `db upgrade`, a first write setting a desk up) is the
    refusal of any command behind a lock, not the driver's words; a server's bound met (its
    idle_in_transaction_session_timeout: `db upgrade` sets no idle bound of its own) is said
    as the server's (fix144)."""
    from workbench.services.storage_errors import server_refusal

    if exc.orig is not None:
        refusal = server_refusal(exc.orig, write=False, url=url, upgrade=True)
        if refusal is not None:
            raise refusal from None


@mutation
def upgrade_schema(
    wb: Workbench, *, empty: bool = False, recorded: Callable[[int], object] | None = None
) -> tuple[list[str], list[str]]:
    """Bring the schema to the head, and restore any guard trigger on events that was dropped
    or disabled, and any search index kept outside the models that is missing (PostgreSQL's
    trigram indexes: a restore into a database whose pg_trgm is elsewhere loses them, and no
    migration runs again at the head); idempotent: what is in place is left alone. Returns the
    triggers and the indexes restored. The
    one way a shared (PostgreSQL) database's older schema is upgraded: ordinary commands
    refuse it (revision.ensure_current). What is committed is told to `wb` as it stands (the
    tables created, where the database was `empty`; triggers restored): the facts of
    workbench.domain.done, for a front end stopped before it finished to say. Anything restored
    is recorded in the audit trail, in the same transaction (`desk.guards_restored`, its seq
    told to `recorded`): the guards that keep the trail append-only, gone and back, are a fact
    about the trail an editor signs off."""
    engine = listened(wb.engine(write=True, upgrade=True), wb.on_lock_wait)
    if empty and wb.upgraded_from is None:
        wb.tell(SchemaCreated())
    what = "the guard triggers on events"
    try:
        with engine.begin() as conn:
            lock_migrations(conn)
            # The writers' lock too, before any DDL (in the order a first write's set-up takes
            # both): restoring a trigger locks events, and building an index then waits for a
            # writer that has inserted its row and waits in turn to append its event, which
            # PostgreSQL ended as a deadlock, refusing one of them (trial317). Behind the
            # lock, writers queue with the notice saying who holds it.
            lock_event_appends(conn, wb.actor)
            restored = restore_guards(conn, HEAD_REVISION)
            what = "the search indexes"
            indexes = restore_search_indexes(conn)
            # Appended behind the restored triggers (the identity trigger holds it to this
            # session's role) and under the write lock taken above: the chain's head stays head.
            event = _record_restore(wb, conn, restored, indexes) if restored or indexes else None
    except DBAPIError as exc:
        if not lacks_privilege(engine.dialect.name, exc):
            _refuse_lock_wait(exc, wb.url)
            raise
        from workbench.db.migrate import not_permitted

        change = f"cannot restore {what} in {safe_url(wb.url)}"
        raise not_permitted(engine, exc, change) from None
    # Told restored or not: a stop from now on finds the guards seen to (review213).
    wb.tell(GuardsRestored(tuple(restored), tuple(indexes)))
    # Not told to `on_commit` as a write's events are: a stop from here on is said by the
    # fact above ("the triggers ... were restored (that stands)"), which names what the event
    # records, and an unfinished `db upgrade` is no change made and done (exit 0).
    if event is not None and recorded is not None:
        recorded(event)
    return restored, indexes


def _record_restore(
    wb: Workbench, conn: Connection, triggers: list[str], indexes: list[str]
) -> int:
    """The `desk.guards_restored` event, chained on `conn`'s transaction (a session joining it,
    not one of its own: the restore and its record commit together or not at all), by the
    actor named and the machine's identity, as every event; returns its seq."""
    from sqlalchemy.orm import Session

    from workbench.domain.payloads import restored_payload
    from workbench.services.context import Tx
    from workbench.services.registry import check_binding

    with Session(bind=conn) as session:
        # Any name, registered or not (the repair is the tables' owner's, and must not wait on
        # a registration), but not a person's bound to another role: the trail would say they
        # restored the guards, which no other change under their name from this role may say
        # (review329). Refused here, the restore before it is rolled back with it.
        check_binding(session, wb.actor)
        tx = Tx(session, wb.actor, write=True)
        payload = restored_payload(triggers, indexes, HEAD_REVISION)
        seq = tx.record(GUARDS_RESTORED, DESK, GUARDS, payload).seq
        session.flush()
    if tx.clock_behind is not None and wb.clock_behind is None:
        wb.clock_behind = tx.clock_behind
    return int(seq)
