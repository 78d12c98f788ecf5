"""The refusal a database driver's error becomes, wherever it is met: in a service's
transaction, on a read path's own driver connection, while a database is opened or upgraded,
or at a front end's edge having escaped every service. One home, so that a lock held too long,
a server's bound or read-only mode, a missing privilege or a damaged file reads the same from
any of them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from workbench.domain.errors import (
    DATABASE_LOCKED,
    READ_ONLY_SERVER,
    Conflict,
    StorageError,
    WorkbenchError,
    step,
)
from workbench.domain.lock_wait import stayed_locked

if TYPE_CHECKING:
    from workbench.db.reader import Reader


def _storage_error(
    driver_error: object,
    operational: bool,
    url: str | None = None,
    *,
    write: bool = False,
    lock_held: bool = False,
) -> WorkbenchError:
    """The refusal a driver's error becomes: a lock held too long is a conflict to retry, a
    privilege the role lacks is the owner's to grant (docs/identity.md), a damaged page of the
    SQLite file at `url` is restored from a backup (workbench.db.damage). `write`: met in a
    write transaction, which holds the desk's lock under bounds of its own; `lock_held`: one
    not yet rolled back (damage_refusal)."""
    from workbench.db.backend import refused_privilege
    from workbench.db.damage import damage_refusal

    if (damage := damage_refusal(url, driver_error, lock_held=lock_held)) is not None:
        return damage
    if operational and (locked := lock_ran_out_in_transaction(driver_error)) is not None:
        return locked
    if isinstance(driver_error, BaseException):
        if (refusal := server_refusal(driver_error, write=write, url=url)) is not None:
            return refusal
        if refused_privilege(driver_error):
            # psycopg2 (the read paths' driver) keeps the server's line end on its message,
            # which the one-line refusal drew as a space before its hint (trial330).
            said = str(driver_error).strip()
            return StorageError(f"database error: {said}", hint=step("grant_access"))
    return StorageError(f"database error: {str(driver_error).strip()}")


def lock_ran_out_in_transaction(driver_error: object) -> Conflict | None:
    """SQLite's busy timeout run out behind another's write lock in a transaction, as the
    refusal of any command behind a lock, to try again; else None. Read by its message
    ("database is locked", "database table is locked"), and only of an operational error
    (`_storage_error`), as another's message may quote a stored value. Never by the code:
    SQLite answers SQLITE_BUSY to a COMMIT while one of the connection's own write statements
    is still in progress too ("cannot commit transaction - SQL statements in progress"), a
    fault no retry gets past, not another's lock (review257)."""
    return _locked() if "locked" in str(driver_error).lower() else None


def lock_ran_out_opening(driver_error: object) -> Conflict | None:
    """SQLite's busy timeout run out behind another's write lock while the database is opened
    or brought to this schema (context's `_refuse_server_bound`, fix206), as the refusal of
    any command behind a lock; else None. Read by SQLITE_BUSY alone, as it always was there
    (said as "cannot open database ...: database is locked")."""
    from workbench.db.sqlite import is_busy

    busy = isinstance(driver_error, BaseException) and is_busy(driver_error)
    return _locked() if busy else None


def _locked() -> Conflict:
    return Conflict(stayed_locked(None), reason=DATABASE_LOCKED)


def server_refusal(
    driver_error: BaseException, *, write: bool, url: str | None = None, upgrade: bool = False
) -> WorkbenchError | None:
    """A PostgreSQL server's bounds and modes, said in words of their own wherever they are
    met (a lock waited for too long, a transaction idle too long, a statement past the
    server's statement_timeout, a server read-only for this session); else None. `write`: a
    write holding the append lock under its own idle bound; `upgrade`: `db upgrade`'s schema
    change, which sets none (fix144)."""
    from workbench.db.postgresql import bound_refusal, lock_refusal, read_only_refusal

    if (locked := lock_refusal(driver_error, write=write)) is not None:
        return locked
    if refusal := read_only_refusal(driver_error, url=url):
        return StorageError(refusal, reason=READ_ONLY_SERVER)
    if refusal := bound_refusal(driver_error, write=write, url=url, upgrade=upgrade):
        return StorageError(refusal)
    return None


def database_refusal(exc: Exception, url: str | None = None) -> WorkbenchError:
    """The refusal an error of SQLAlchemy's becomes, wherever it is met: in a service's
    transaction (`database_errors`) or, having escaped every service, at a front end's edge.
    One rule for both, so a lock, a missing privilege or a damaged file reads the same from
    either (`url`: the database's, to name its file)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, DBAPIError):
        return _storage_error(exc.orig, isinstance(exc, OperationalError), url)
    # Not the driver's (a URL SQLAlchemy cannot read, a dialect missing): its own words.
    return StorageError(f"database error: {exc}")


@contextmanager
def database_errors(url: str | None = None, *, write: bool = False) -> Iterator[None]:
    """The driver's errors as one line each, never a traceback (`url`: the database's, to
    name its file; `write`: of a write transaction)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    try:
        yield
    except DBAPIError as exc:
        # The cause is kept: a service may read it (settings: a role lacking a privilege).
        raise _storage_error(exc.orig, isinstance(exc, OperationalError), url, write=write) from exc


@contextmanager
def driver_errors(reader: Reader, url: str | None = None, *, write: bool = False) -> Iterator[None]:
    """`database_errors`, for statements run through a Reader on the driver itself (the same
    messages: the driver's error is what SQLAlchemy's carries). The Reader knows which driver
    its connection is (psycopg2 on the read paths, psycopg 3 on a write's own connection)."""
    try:
        yield
    except reader.error as exc:
        # Said here, inside the transaction: a write's has not yet let its lock go.
        operational = isinstance(exc, reader.operational_error)
        error = _storage_error(exc, operational, url, write=write, lock_held=write)
        raise error from None
