"""The workbench a command runs against (database + actor), and its unit of work."""

from __future__ import annotations

import errno
import getpass
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

from workbench.db.url import (
    BARE_NAME_MEANT,
    cannot_open,
    check_url,
    given_db,
    is_url,
    malformed_url,
    meant_url,
    resolve_url,
    safe_url,
    sqlite_file,
)
from workbench.domain.chain import GENESIS, canonical_json, event_hash
from workbench.domain.clock import ClockBehind, behind, format_at, now
from workbench.domain.done import (
    SEE_WHETHER_IT_STANDS,
    CommitUnknown,
    Done,
    SchemaUpgraded,
)
from workbench.domain.errors import (
    COMMIT_UNKNOWN,
    EMPTY_SETTING,
    NO_DESK,
    Conflict,
    Hint,
    InvalidInput,
    NotFound,
    StorageError,
    give,
    step,
)
from workbench.domain.identity import normalise_name
from workbench.new_file import folder_named, through_a_file, too_long_for_a_database
from workbench.services.storage_errors import (
    database_errors,
    driver_errors,
    lock_ran_out_opening,
    server_refusal,
)

if TYPE_CHECKING:
    # SQLAlchemy is imported where an engine or a session is opened: the read paths, on the
    # driver itself (`reading`), never load it.
    from sqlalchemy import Connection, Engine, Table
    from sqlalchemy.orm import Session

    from workbench.db.models import Event
    from workbench.db.reader import Reader
    from workbench.domain.lock_wait import LockWait

# One event for `Tx.record_all`: action, entity type, entity id, payload, claim id.
Entry = tuple[str, str, int | str, dict[str, Any], int | None]


def default_actor() -> str:
    """`--as` wins, then WORKBENCH_USER, then the OS account: every change has a name on it.

    WORKBENCH_USER set but empty is refused like `--as ""`: a script that meant to name
    someone and lost the value must not act as the OS account instead.
    """
    name = os.environ.get("WORKBENCH_USER")
    if name is not None:
        if not name.strip():
            raise InvalidInput(
                "WORKBENCH_USER is set but empty: set it to a name, or unset it to act as "
                "the OS account",
                reason=EMPTY_SETTING,
            )
        return normalise_name(name, "WORKBENCH_USER")
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers (OSError from 3.13)
        return "unknown"
    # Said as what it is (getuser reads LOGNAME or USER first): normalised later as `--as`, a
    # bad one was blamed on an option nobody typed (review65).
    return normalise_name(account, "the OS account's name (LOGNAME or USER; give --as NAME)")


# What a 0-byte SQLite file is, after its path: said by every read's refusal and `db status`.
EMPTY_FILE = (
    "is an empty file: no desk is set up in it yet (a first write that failed before setting "
    "it up leaves one, as `touch` does), or it was emptied"
)


@dataclass
class Workbench:
    """Where and as whom commands run. Cheap to build; connects on first use."""

    url: str
    actor: str
    _ready: bool = field(default=False, repr=False)
    # The --db / WORKBENCH_DB value as given (None: the default), to name it back to its author.
    given: str | None = field(default=None, repr=False)
    # A write found no SQLite file, or an empty one, and created the database there (a front
    # end says so once; a refused write takes it back: services.new_database).
    created: bool = field(default=False, repr=False)
    # The file the database was created in was there, empty (taken back, it is left empty).
    found_empty_file: bool = field(default=False, repr=False)
    # The device and inode of the file set up: a take-back touches no other file.
    created_file: tuple[int, int] | None = field(default=None, repr=False)
    # Why a refused write kept the file it set up (another process has it open...), or None.
    kept_because: str | None = field(default=None, repr=False)
    # The database was found empty, and the next write transaction sets it up in itself
    # (PostgreSQL: revision.SetUpInWrite), so that a refusal rolls the set-up back too.
    set_up_pending: bool = field(default=False, repr=False)
    # The schema revision this workbench upgraded the database from on first use (SQLite
    # upgrades on use; `db upgrade` on any backend), for a front end to say once.
    upgraded_from: str | None = field(default=None, repr=False)
    # Told of every transaction that committed events: the first event's (action, entity type,
    # entity id) and how many. A front end that then cannot print its confirmation (stdout
    # closed, a full disk) can say the change was made, so that it is not made twice.
    on_commit: Callable[[tuple[str, str, str], int], None] | None = field(
        default=None, repr=False, compare=False
    )
    # Told of work done that stands whatever stops the command next, not as events (a
    # backup's copy in place, a schema upgraded), and of a commit a stop left unknown: the
    # facts of workbench.domain.done, for a front end stopped before it said them to word.
    on_done: Callable[[Done], None] | None = field(default=None, repr=False, compare=False)
    # The first committed write of this workbench's whose clock read before the trail's newest
    # event (Tx.clock_behind), for a front end to warn of once.
    clock_behind: ClockBehind | None = field(default=None, repr=False, compare=False)
    # Told when a write has waited a moment for another writer's lock and waits on (who holds
    # it, where the backend can tell), and when that wait ends: the facts of
    # workbench.domain.lock_wait, for a front end to say (a silent wait looked like a hang).
    on_lock_wait: Callable[[LockWait], None] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Every way of building a Workbench acts under a name's normal form (domain.identity).
        self.actor = normalise_name(self.actor)

    def tell(self, fact: Done) -> None:
        """`fact` has become true: told to `on_done`, if anyone listens."""
        if self.on_done is not None:
            self.on_done(fact)

    def _upgraded(self, before: str) -> None:
        """The schema's upgrade from `before` committed (told by db.migrate.upgrade the moment
        it knows, a stop landing in its commit included)."""
        from workbench.db.head import HEAD_REVISION

        self.upgraded_from = before
        self.tell(SchemaUpgraded(before, HEAD_REVISION))

    @classmethod
    def open(cls, db: str | None = None, actor: str | None = None) -> Workbench:
        if actor is not None and not actor.strip():
            raise InvalidInput(
                "whoever acts needs a name: every change is recorded under one",
                hint=give("actor"),
                reason=EMPTY_SETTING,
            )
        name = normalise_name(actor) if actor is not None else default_actor()
        return cls(url=resolve_url(db), actor=name, given=given_db(db))

    def _check_target(self, *, write: bool) -> None:
        """Before first use: a URL we can work with, and for a read, a database to read."""
        check_url(self.url, self.given)
        if (refusal := self.not_a_file()) is not None:
            raise refusal
        if not write and (refusal := self.nothing_to_read()) is not None:
            raise refusal

    def not_a_file(self) -> NotFound | None:
        """Why the SQLite path cannot hold a database at all, or None: a folder, a device, a
        FIFO or a socket (a link to one too). Asked by every use, write or read: `db status`
        called /dev/null "empty: `db upgrade` creates it" and `db upgrade` then failed with
        "disk I/O error"; a folder gave SQLite's "unable to open database file" (trial252)."""
        path = sqlite_file(self.url)
        if path is None:
            return None
        # Asked of the path as given: the URL's realpath dropped its slash, and `--db new/`
        # made a database in a file named new, `--db notes.txt/` read notes.txt as one. A
        # sqlite:/// URL keeps its path as typed, slash and all (review290).
        given = self.given if self.given is not None and not is_url(self.given) else None
        asked = os.path.expanduser(given) if given is not None else path
        if (why := folder_named(asked, "a database is a file")) is not None:
            return NotFound(f"no database at {self.given or path}: {why}")
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            if exc.errno == errno.ENOENT and (long := too_long_for_a_database(path)):
                return NotFound(f"no database at {self.given or path}: {long}")
            if exc.errno == errno.ENOTDIR:
                # `notes.txt/desk.db`: the raw "Not a directory: PATH" (db status, a write),
                # or a read's "run `workbench demo` to start one", which cannot (review265).
                # (The general words only when that file was moved away between the two looks.)
                return NotFound(f"no database at {path}: {through_a_file(path)}")
            if exc.errno != errno.ELOOP:
                return None  # missing, a dangling link: said by the read or the open
            # A link to itself: said as the reads say it, not "Too many levels of symbolic
            # links" (db status) or "unable to open database file" (a write).
            try:
                leads = f"it is a symbolic link to {os.readlink(path)}, which loops"
            except OSError:  # a folder on the way is the loop: in review261's words, which
                # the reads and every output through one say (new_file.looping)
                leads = f"a symbolic link on the way to it loops ({exc.strerror})"
            return NotFound(f"no database at {path}: {leads}")
        if stat.S_ISREG(mode):
            return None
        if stat.S_ISDIR(mode):
            return NotFound(f"no database at {path}: it is a directory, not a file")
        return NotFound(
            f"no database at {path}: it is not a regular file (a device, pipe or socket); "
            "a SQLite database is a file"
        )

    def empty_file(self) -> bool:
        """Whether the SQLite path is a 0-byte file (a link to one too): no desk set up in it
        yet, or an emptied one (EMPTY_FILE). Read by the reads' refusal and `db status`."""
        path = sqlite_file(self.url)
        return path is not None and os.path.isfile(path) and os.path.getsize(path) == 0

    def nothing_to_read(self) -> NotFound | None:
        """Why a read cannot start here, or None: a SQLite file that is not there or is empty
        (a server database is always there to ask). A read refuses; a command that would start
        the database instead (the demo) takes its write path."""
        path = sqlite_file(self.url)
        if path is None:
            return None
        if self.empty_file():
            # Most often a desk never set up: a first write refused before its set-up (a full
            # disk) leaves the file SQLite made, kept (removing it could race another command
            # starting the same desk, review304), or a `touch`. An emptied desk (a stray `>`)
            # reads the same, so the backup hint stays and no read shows it as an empty desk
            # (trial88). Told from a missing file by its reason and its hint.
            return NotFound(
                f"{path} {EMPTY_FILE}; a read does not set one up (a write or "
                "`workbench db upgrade` does)",
                hint=step("restore_backup", if_desk=True),
                reason=NO_DESK,
            )
        if not os.path.exists(path):
            meant = meant_url(self.given) if self.given else None
            if meant is not None and not meant.startswith(BARE_NAME_MEANT):
                # host:port/db, or a mistyped scheme: not a file anyone meant to start.
                from workbench.domain.shell import shell_word

                return NotFound(
                    f"no database at {path}; a PostgreSQL URL starts with postgresql://: "
                    f"--db {shell_word(meant)}"
                )
            if os.path.islink(path):
                # A link to a missing file: said as one, or "no database" sends the user
                # looking for a file that the link hides (trial252). (A link that loops, here
                # or on the way, is said by not_a_file, asked first.)
                return NotFound(
                    f"no database at {path}: it is a symbolic link to {os.readlink(path)}, "
                    "which leads to no file"
                )
            # A read in the wrong folder would otherwise create an empty database and show an
            # empty board, which looks like lost work.
            return NotFound(f"no database at {path}", hint=step("start_database"))
        return None

    def engine(self, *, write: bool = False, upgrade: bool = False) -> Engine:
        """The engine, once the database is at this workbench's schema (revision.ensure_current:
        an empty one is set up by a write, in the write's own transaction where a refusal can
        roll it back (`set_up_pending`: PostgreSQL, a SQLite file that was there, not empty),
        and refused to a read on PostgreSQL, an older one migrated on SQLite and
        refused on PostgreSQL unless `upgrade`, the explicit `workbench db upgrade`, asks for
        it; a newer one refused)."""
        from sqlalchemy.exc import ArgumentError, DBAPIError

        from workbench.db.engine import get_engine, write_engine
        from workbench.db.revision import NoTables, SetUpInWrite, ensure_current

        if not self._ready:
            self._check_target(write=write)
            new_file = self.missing_file()
            try:
                with self._new_file_set_up(new_file) as begun:
                    self.upgraded_from = ensure_current(
                        get_engine(self.url),
                        upgrade=upgrade,
                        create=write,
                        # A write's transaction follows, which sets an empty database up
                        # (where the backend can: PostgreSQL, a SQLite file that was there)
                        # with its change; `db upgrade` (`upgrade`) sets up here, setting up
                        # being all it is asked to do, and so does a write on a new file,
                        # which is taken back.
                        in_write=write and not upgrade and not new_file,
                        created=begun,
                        upgraded=self._upgraded,
                        on_lock_wait=self.on_lock_wait,
                    )
            except NoTables:
                raise self._no_desk(write=write) from None
            except SetUpInWrite:
                # Not ready: until a write sets the desk up and commits, every use asks again.
                self.set_up_pending = True
                return write_engine(self.url)
            except (ValueError, ArgumentError) as exc:
                # A URL that parses as a URL but not as a database address (a port "abc").
                raise InvalidInput(malformed_url(self.url, exc)) from None
            except DBAPIError as exc:
                self._refuse_missing_database(exc)
                self._refuse_damaged(exc.orig)
                # `db upgrade` (`upgrade`) sets no idle bound: a write's words would be untrue.
                self._refuse_server_bound(exc.orig, write=write and not upgrade, upgrade=upgrade)
                meant = meant_url(self.given) if new_file and self.given else None
                # A mistyped PostgreSQL URL is read as a file path in folders that do not exist.
                also = f" (a PostgreSQL URL is written {meant})" if meant else ""
                path = sqlite_file(self.url)
                folder = os.path.dirname(path) if path else ""
                if not also and new_file and folder and not os.path.isdir(folder):
                    # SQLite says only "unable to open database file" (trial48).
                    also = f" (the folder {folder} does not exist)"
                raise StorageError(
                    cannot_open(self.url, f"{exc.orig}{also}"),
                    hint=self._grant_hint(exc),
                ) from None
            self._ready = True
        return write_engine(self.url) if write else get_engine(self.url)

    @contextmanager
    def _new_file_set_up(self, new_file: bool) -> Iterator[Callable[[], None]]:
        """Around the set-up of a database (revision.ensure_current, told `created` by what
        this yields when it begins setting the tables up under the lock): the one rule of a
        new SQLite file's set-up (`new_file`: no file, or an empty one). Finished, the file is
        this command's creation (`created`, said once by a front end). Ended by anything (a
        database refusing it part way: a disk that filled up, review136; Ctrl-C or SIGTERM,
        trial122), it is taken back (new_database.take_back), not left to be read as another
        program's database. Only a set-up begun here: another command started on the same
        new file may set it up while this one waits for the lock, and its desk is not this
        one's to say it created, or to take back, whatever ends the wait (review136, fix144).
        A file kept on a database's refusal (another process has it open: one setting it up,
        whose lock this refusal may be) is not said as this command's creation either.
        Ended before the set-up began (a full disk refusing SQLite's first page), the empty
        file SQLite made as it opened it stays: `nothing_to_read` says what it is."""
        from sqlalchemy.exc import DBAPIError

        from workbench.new_file import file_identity
        from workbench.services.new_database import take_back

        path = sqlite_file(self.url)
        found_empty = new_file and path is not None and os.path.exists(path)
        begun: list[bool] = []
        try:
            yield lambda: begun.append(True)
        except BaseException as exc:
            if new_file and path is not None and begun:
                self.created, self.found_empty_file = True, found_empty
                self.created_file = file_identity(path)
                take_back(self)
                if isinstance(exc, DBAPIError) and self.kept_because is not None:
                    self.created, self.kept_because = False, None
            raise
        self.created = new_file and bool(begun)
        self.found_empty_file = found_empty
        if self.created and path is not None:
            self.created_file = file_identity(path)

    def _no_desk(self, *, write: bool = False) -> NotFound:
        """The refusal of a read that found no tables, or of a write that would set them up
        where the URL did not name (revision.NoTables), asked on a connection of the engine's
        (the driver's own, as a Reader: the same question as on the read paths)."""
        from workbench.db.backend import module_for_url
        from workbench.db.engine import get_engine
        from workbench.db.no_desk import no_desk, no_desk_file
        from workbench.db.reader import Reader

        path = sqlite_file(self.url)
        if path is not None:
            return no_desk_file(path)
        with get_engine(self.url).connect() as conn:
            reader = Reader(conn.connection.dbapi_connection, module_for_url(self.url))
            with driver_errors(reader, self.url):
                return no_desk(reader, self.url, write=write)

    def _grant_hint(self, exc: BaseException) -> Hint | None:
        """A role without the grants of docs/identity.md (no SELECT on alembic_version): the
        owner's to grant, named when the server says who it is."""
        from sqlalchemy.exc import DBAPIError

        from workbench.db.backend import refused_privilege, schema_owner
        from workbench.db.engine import get_engine

        if not refused_privilege(exc):
            return None
        try:
            with get_engine(self.url).connect() as conn:
                owner = schema_owner(conn)
        except DBAPIError:  # the refusal stands without the owner's name
            owner = None
        return step("grant_access", **({"owner": owner} if owner else {}))

    def reader(self) -> Reader:
        """A read transaction on the driver itself, at the current schema (the caller closes
        it: workbench.db.reader.close). A database that is not current goes the way every
        command's does (`engine`: migrated if older on SQLite, refused if older on PostgreSQL
        or newer anywhere), then is read; one without the workbench's tables is refused on
        PostgreSQL and SQLite alike (`_no_desk`)."""
        from workbench.db.backend import module_for_url
        from workbench.db.head import is_current
        from workbench.db.reader import close, open_reader
        from workbench.db.revision import reader_revision

        if not self._ready:
            self._check_target(write=False)
        module = module_for_url(self.url)
        driver_error = module.dbapi().Error
        try:
            reader = open_reader(self.url, module)
            try:
                revision = None if self._ready else reader_revision(reader)
                current = self._ready or is_current(revision, module.NAME)
                if not current and revision is None:
                    from workbench.db.no_desk import no_desk, no_desk_file

                    path = sqlite_file(self.url)
                    if path is not None:
                        raise no_desk_file(path)
                    # Asked on this connection before it closes: the refusal's one round trip.
                    raise no_desk(reader, self.url)
            except BaseException:
                close(reader)
                raise
        except ValueError as exc:
            raise InvalidInput(malformed_url(self.url, exc)) from None
        except driver_error as exc:
            self._refuse_missing_database(exc)
            self._refuse_damaged(exc)
            self._refuse_server_bound(exc, write=False)
            raise StorageError(cannot_open(self.url, exc), hint=self._grant_hint(exc)) from None
        if current:
            self._ready = True
            return reader
        close(reader)
        self.engine()
        return self.reader()

    def _refuse_missing_database(self, exc: BaseException) -> None:
        """A server's database that is not there is not found, as a missing SQLite file is
        (docs/errors.md), not a storage failure: someone has to create it first."""
        from workbench.db.backend import module_for_url

        name = module_for_url(self.url).missing_database(exc)
        if name is not None:
            where = f" on the server at {safe_url(self.url)}"
            raise NotFound(
                f"no database {name!r}{where}" if name else f"no database at {safe_url(self.url)}",
                hint=step("start_database", database=name),
            ) from None

    def _refuse_damaged(self, exc: BaseException | None) -> None:
        """A SQLite file whose pages SQLite finds damaged (its first page, when opening) is
        restored from a backup: no storage failure to try again (workbench.db.damage)."""
        from workbench.db.damage import damage_refusal

        refusal = damage_refusal(self.url, exc)
        if refusal is not None:
            raise refusal from None

    def _refuse_server_bound(
        self, exc: BaseException | None, *, write: bool, upgrade: bool = False
    ) -> None:
        """A server's bound met while the database was opened or brought to this schema is
        refused in its own words, as in any transaction (`server_refusal`): a wait for a lock
        that ran out (the migrations' lock behind another `db upgrade` or a first write
        setting a desk up, within PostgreSQL's lock_timeout) is a conflict to try again; a
        DBA's statement_timeout is no database that cannot be opened (trial121)."""
        if (
            exc is not None
            and (refusal := server_refusal(exc, write=write, url=self.url, upgrade=upgrade))
            is not None
        ):
            raise refusal from None
        # SQLite's first-use upgrade behind another's write lock, its wait run out: said as
        # "cannot open database ...: database is locked" (fix206), a database to mend, where
        # a write behind the same lock is told to try again. By SQLite's code alone here.
        if exc is not None and (locked := lock_ran_out_opening(exc)) is not None:
            raise locked from None

    def missing_file(self) -> bool:
        """A SQLite database not there yet: no file, or an empty one (which SQLite sets up as
        a new database: a truncated desk file, or one made by `touch`)."""
        path = sqlite_file(self.url)
        if path is None:
            return False
        try:
            return os.path.getsize(path) == 0
        except FileNotFoundError:
            return True
        except OSError:
            # A link that loops, a file on the way (ELOOP, ENOTDIR): no file to start either,
            # said by `not_a_file` when the command opens the database. Raised here, before
            # it (the index's catch-up asks first), claim add said the raw "Too many levels of
            # symbolic links: PATH" (rr275).
            return False


class Tx:
    """One transaction. Mutations call `record`; commit refuses a change that has no event."""

    def __init__(self, session: Session, actor: str, *, write: bool = False) -> None:
        self.write = write  # a write transaction: it holds the desk's lock (lock_event_appends)
        self.session = session
        self.actor = actor
        # Counted, not kept: a bulk edit of a year's claims writes 40,000 events, and the
        # session lets go of each once it is flushed.
        self.events = 0
        # Events written by `record_all`, which keeps no objects: they count as recorded too.
        self.bulk_recorded = 0
        self.changed = False
        self._head: tuple[int, str] | None = None
        self._machine: str | None = None
        # The first event written: (action, entity type, entity id).
        self.first: tuple[str, str, str] | None = None
        # Set when this computer's clock read before the trail's newest event (beyond the
        # tolerance) as the first event was stamped: the events written are out of time order.
        self.clock_behind: ClockBehind | None = None
        # The database committed this transaction (SQLAlchemy's after_commit, the moment the
        # driver's commit returned); `told`: the workbench has heard of it (`_committed`).
        self.committed = False
        self.told = False

    @property
    def recorded(self) -> int:
        return self.events + self.bulk_recorded

    def took_trail(self, conn: Connection, count: int) -> None:
        """The `count` events this transaction wrote as rows (a bundle's restored trail, not
        `record`ed) count as its own: the first and the last are read back, as `record` would
        have kept them, for the front end to be told of and for `last_event`."""
        from sqlalchemy import select

        from workbench.db.models import Event

        self.bulk_recorded += count
        first = conn.execute(
            select(Event.action, Event.entity_type, Event.entity_id).order_by(Event.seq).limit(1)
        ).first()
        last = conn.execute(
            select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1)
        ).first()
        if first is None or last is None:
            return
        self.first = self.first or (first[0], first[1], first[2])
        self._head = (last[0], last[1])

    @property
    def last_event(self) -> tuple[int, str] | None:
        """The seq and hash of the last event this transaction wrote, or None."""
        return self._head if self.first is not None else None

    @property
    def machine(self) -> str:
        """Who the machine says is acting (backend-specific; see docs/identity.md)."""
        if self._machine is None:
            from workbench.db.backend import machine_identity

            self._machine = machine_identity(self.session.connection())
        return self._machine

    def one_snapshot(self) -> None:
        """This transaction reads as of one moment (a bundle, a replay: a writer committing
        meanwhile must not tear what is read), as every read command's does (the backend's
        ONE_SNAPSHOT; called before its first statement)."""
        from workbench.db.backend import module_for

        statement = module_for(self.session.get_bind().dialect.name).ONE_SNAPSHOT
        if statement is not None:
            from sqlalchemy import text

            self.session.execute(text(statement))

    @contextmanager
    def reading(self) -> Iterator[Reader]:
        """This transaction's own connection as a driver Reader, for a read path's statements
        (workbench.db.sql) inside a write: they see what it has written, in its snapshot, so
        a command that writes and then shows (the demo's load, then its board) needs no second
        transaction."""
        from workbench.db.backend import module_for
        from workbench.db.reader import Reader

        self.session.flush()
        conn = self.session.connection()
        reader = Reader(conn.connection.dbapi_connection, module_for(conn.dialect.name))
        with driver_errors(reader, conn.engine.url.render_as_string(), write=self.write):
            yield reader

    def record(
        self,
        action: str,
        entity_type: str,
        entity_id: int | str,
        payload: dict[str, Any],
        *,
        claim_id: int | None = None,
    ) -> Event:
        from workbench.db.models import Event

        ev = Event(**self._chained(action, entity_type, entity_id, payload, claim_id))
        self.session.add(ev)
        self.events += 1
        return ev

    def record_all(self, entries: Iterable[Entry]) -> int:
        """Many events in one INSERT (a bulk import's, one per row), chained as `record` chains
        them; no ORM object per event. Returns how many were written."""
        from sqlalchemy import insert

        from workbench.db.models import Event

        rows = [self._chained(*entry) for entry in entries]
        if rows:
            # The table, not the mapped class: no ORM bulk machinery for plain rows.
            self.session.connection().execute(insert(cast("Table", Event.__table__)), rows)
        self.bulk_recorded += len(rows)
        return len(rows)

    def _chained(
        self,
        action: str,
        entity_type: str,
        entity_id: int | str,
        payload: dict[str, Any],
        claim_id: int | None,
    ) -> dict[str, Any]:
        """The next event's columns, hashed onto the chain's head (which it then becomes)."""
        from sqlalchemy import select

        from workbench.db.models import Event

        at = format_at(now())
        if self._head is None:
            # Write transactions hold the append lock (see `transaction`): this head stays head.
            # Its stamp comes with it, at no query more: a clock behind it is told once.
            last = self.session.execute(
                select(Event.seq, Event.hash, Event.at).order_by(Event.seq.desc()).limit(1)
            ).first()
            self._head = (last[0], last[1]) if last else (0, GENESIS)
            if last is not None and behind(at, last[2]):
                self.clock_behind = ClockBehind(at=at, newest_at=last[2], newest_seq=last[0])
        seq, prev_hash = self._head[0] + 1, self._head[1]
        row: dict[str, Any] = {
            "seq": seq,
            "at": at,
            "actor": self.actor,
            "action": action,
            "entity_type": entity_type,
            "entity_id": str(entity_id),
            "claim_id": claim_id,
            "payload": canonical_json(payload),
            "prev_hash": prev_hash,
            "machine": self.machine,
        }
        row["hash"] = event_hash(
            seq=seq,
            at=row["at"],
            actor=row["actor"],
            action=action,
            entity_type=entity_type,
            entity_id=row["entity_id"],
            claim_id=claim_id,
            payload_json=row["payload"],
            prev_hash=prev_hash,
            machine=row["machine"],
        )
        self._head = (seq, row["hash"])
        if self.first is None:
            self.first = (action, entity_type, row["entity_id"])
        return row


# The table a writing statement writes to; and the tables that hold no fact the trail describes:
# the trail itself, the similar-claims index and SQLite's search index (derived from the claims,
# rebuilt at will: services.search_index).
_WRITE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)
_UNAUDITED = frozenset(
    {"events", "similar_indexed", "similar_terms", "similar_df", "similar_meta", "claim_fts"}
    # (the search index's own tables, written to when a damaged index is rebuilt)
    | {f"claim_fts_{shadow}" for shadow in ("data", "idx", "content", "docsize", "config")}
)


@contextmanager
def transaction(
    wb: Workbench,
    *,
    write: bool = False,
    derived: bool = False,
    before_identity: Callable[[Tx], None] | None = None,
    admits: Callable[[Tx], bool] | None = None,
) -> Iterator[Tx]:
    """The transaction boundary of every service function: all of it commits, or none of it.

    `derived` marks a write of derived data only (the similar-claims index, rebuilt during a
    read): it records nothing anybody did, so it needs no registered name, and any change to
    the audited tables in it is still refused for want of an event. `before_identity` checks,
    in the transaction, what refuses the command whoever runs it, before a write checks that
    the actor is registered: so that the refusal the person can act on comes first. `admits`
    lets a write by an actor who is not registered through when it says so (the desk's owner's
    role registering a name for itself: services.users)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from workbench.db.backend import lock_event_appends
    from workbench.db.lock_wait import listened

    engine = wb.engine(write=write)
    # (only a write is given an engine on an empty database: a read is refused there)
    set_up = write and wb.set_up_pending
    # A write that has waited the silent moment for another writer asks what would refuse it
    # at the wait's end anyway (a desk being set up has nobody registered to ask about).
    first = None
    if write and not derived and not set_up:
        first = partial(_refused_before_the_wait, wb, before_identity, admits)
    bind = listened(engine, wb.on_lock_wait if write else None, first)
    session = Session(bind=bind, expire_on_commit=False, autoflush=True)
    tx = Tx(session, wb.actor, write=write)

    def _track(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        # Every statement the driver runs, ORM flush and Core batch alike: a write to a table
        # the trail describes is a change that needs its event, whichever way it was made.
        written = _WRITE.match(statement)
        if written and written[1] not in _UNAUDITED:
            tx.changed = True

    # Told the moment the driver's commit returns, not after the session lets go of its
    # connection: a Ctrl-C or a kill that lands in between finds the change said (fix135).
    event.listen(session, "after_commit", lambda _session: _committed(wb, tx, set_up))
    committing = False
    try:
        with database_errors(wb.url, write=write), session.begin():
            if set_up:
                # The desk's tables, in this transaction: committed with its change or rolled
                # back with its refusal (fix98). Before the tracking: the set-up is no change
                # the trail describes (alembic_version's row is not the command's).
                from workbench.db.migrate import set_up_in

                set_up_in(session.connection())
            event.listen(session.connection(), "before_cursor_execute", _track)
            if write:
                # Writers take the chain's append lock first (SQLite: BEGIN IMMEDIATE already
                # did; PostgreSQL: an advisory lock to commit). Taking it before any row lock
                # means two writers can never deadlock over it.
                lock_event_appends(session.connection(), tx.actor)
                if before_identity is not None:
                    before_identity(tx)
                if not derived and not (admits is not None and admits(tx)):
                    check_registered(session, tx.actor)
            yield tx
            session.flush()
            if tx.changed and not tx.recorded:
                raise RuntimeError("a change without an audit event would be committed")
            if not write and (tx.changed or tx.recorded):
                raise RuntimeError("a read-only transaction tried to write")
            committing = True
    except BaseException as exc:
        # A Ctrl-C or a kill (not an error: the driver's own are Exceptions) that lands as the
        # commit is made may land after the database took it: then the change stands, is said,
        # and a database this write created is its own, kept (fix135).
        stopped = committing and not isinstance(exc, Exception)
        # So may the driver's error as the commit is made (a connection lost, a server shut
        # down): "refused" (exit 1) had a script make again a change that stood.
        failed = committing and isinstance(exc, StorageError)
        session.close()
        try:
            landed = (tx.committed or _landed(wb, tx)) if stopped or failed else False
        except BaseException as asking:
            # Stopped again while the database was asked (a second Ctrl-C, a kill): whether
            # the change stands is not known, and is told so, with the event to look for;
            # "nothing was committed" may be untrue.
            if not isinstance(asking, Exception) and tx.last_event is not None:
                wb.tell(CommitUnknown(*tx.last_event))
            raise
        if landed and stopped:
            _committed(wb, tx, set_up)
            raise
        if landed is None and stopped and tx.last_event is not None:
            # The database could not be asked (a server gone): not known either, and a file
            # this write created is kept, as the change in it may stand.
            wb.tell(CommitUnknown(*tx.last_event))
            raise
        if landed is None and failed and tx.last_event is not None:
            seq, hash_ = tx.last_event
            raise StorageError(
                COMMIT_UNKNOWN_SAID.format(error=exc, seq=seq, hash=hash_, before=seq - 1),
                reason=COMMIT_UNKNOWN,
            ) from exc
        if not landed:
            if wb.created:
                from workbench.services.new_database import take_back

                take_back(wb)
            raise
    finally:
        session.close()
    _committed(wb, tx, set_up)


def _refused_before_the_wait(
    wb: Workbench,
    before_identity: Callable[[Tx], None] | None,
    admits: Callable[[Tx], bool] | None,
) -> None:
    """`transaction`'s refusals of a write by who runs it (and, first, what refuses it whoever
    does), asked in a read of their own when the write has waited the silent moment for the
    desk's lock (lock_wait.WAIT_NOTICE_MS), before it waits on: a person who forgot `--as` on a
    busy desk was refused for the name only once the other writer let go, up to the lock's whole
    bound (trial330). Not sooner: this read cannot see what the holder has not committed, and
    the owner's `user add tim`, which tim's write a moment early waits for, ends within it
    (review345). The write asks them all again under the lock, as before: a registration or a
    binding may change in between, and what this read lets through it decides nothing about."""
    from sqlalchemy.orm import Session

    # The read engine: it waits for no writer (SQLite's WAL reads beside one; a PostgreSQL read
    # takes no advisory lock).
    session = Session(bind=wb.engine())
    with database_errors(wb.url, write=True), session, session.begin():
        tx = Tx(session, wb.actor)
        if before_identity is not None:
            before_identity(tx)
        if not (admits is not None and admits(tx)):
            check_registered(session, tx.actor)


# The event, not the head: on a desk others write to, the next writer's event takes the seq
# this change would have had when it did not land, and a head at that seq proves nothing.
COMMIT_UNKNOWN_SAID = (
    "{error}; this came as the change was being committed, and the database could not be "
    "asked whether it took it: " + SEE_WHETHER_IT_STANDS
)


def _committed(wb: Workbench, tx: Tx, set_up: bool) -> None:
    """What the workbench learns of a transaction that committed, once: the database set up
    (if it was set up in it), a clock behind the trail, the events to tell `on_commit`."""
    tx.committed = True
    if tx.told:
        return
    tx.told = True
    if set_up:
        wb.set_up_pending = False
        wb._ready = True
    if tx.clock_behind is not None and wb.clock_behind is None:
        wb.clock_behind = tx.clock_behind
    if wb.on_commit is not None and tx.first is not None:
        wb.on_commit(tx.first, tx.recorded)


def _landed(wb: Workbench, tx: Tx) -> bool | None:
    """Whether the trail holds the last event this transaction wrote: asked, on a connection of
    its own, when a stop or the driver's error landed inside the commit, before the database
    could say it took it (SQLite's and PostgreSQL's commit both return only once it is made).
    A transaction that wrote no event reads as not committed, and so does a database with no
    trail at all: a first write that set the desk up in its transaction (an empty PostgreSQL
    schema, an empty SQLite file) and did not land left none, and the answer is as plain as a
    trail without the event; None: a database that cannot be asked now (not known)."""
    last = tx.last_event
    if last is None:
        return False
    from sqlalchemy import inspect, select
    from sqlalchemy.exc import SQLAlchemyError

    from workbench.db.backend import lock_event_appends, version_schema
    from workbench.db.engine import get_engine
    from workbench.db.models import Event

    try:
        with get_engine(wb.url).connect() as conn:
            # Asked first: a statement on a missing table would read as "cannot be asked". In
            # the desk's own schema (PostgreSQL: a first write that set a desk up in an empty
            # desk2025 of `desk2025,public` and did not land left none there, and public's
            # trail, found through the path, was read as this transaction's).
            if not inspect(conn).has_table(Event.__tablename__, schema=version_schema(conn)):
                return False
            # Under the desk's append lock, which the transaction asked about holds to its
            # end: a COMMIT the server received and is still making (a synchronous standby
            # awaited, a slow flush) is not yet seen by another session, and read at once it
            # was said as not taken, then stood. The wait is a writer's (lock_timeout): one
            # that runs out is a database that cannot be asked now. (SQLite: nothing to wait
            # for; its commit is this process's own and has returned.)
            lock_event_appends(conn)
            found = conn.execute(select(Event.hash).where(Event.seq == last[0])).scalar()
    except (SQLAlchemyError, Conflict):  # (Conflict: the lock's wait ran out)
        return None
    return found == last[1]


@contextmanager
def reading(wb: Workbench) -> Iterator[Reader]:
    """One read-only transaction on the database driver itself, for the read paths that need
    neither the ORM nor SQLAlchemy (claim list and show, stats, the board): one consistent
    snapshot, nothing written, and none of SQLAlchemy's import time."""
    from workbench.db.reader import close

    reader = wb.reader()
    with driver_errors(reader, wb.url):
        try:
            yield reader
        finally:
            close(reader)


def check_registered(session: Session, actor: str) -> None:
    """Once a desk registers its people, every change must be made under one of their names."""
    # Imported here: most commands change nothing, and a read needs no registry.
    from workbench.services.registry import check_actor

    check_actor(session, actor)


MUTATIONS: dict[str, Callable[..., Any]] = {}


F = TypeVar("F", bound=Callable[..., Any])


def mutation(fn: F) -> F:
    """Mark a service function that changes data, so the guard test can prove it is audited."""
    MUTATIONS[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return fn
