"""A SQLite file found damaged: how SQLite says so, and the one refusal every command gives
one refusal every command gives for it (as workbench.db.url.cannot_open is the one for a file
that cannot be opened, full disks and read-only folders included).

SQLite finds damage only on the pages it reads, and says so with SQLITE_CORRUPT ("database
disk image is malformed") or, for a damaged first page, SQLITE_NOTADB: either is restored from
a backup, not retried, unlike a full disk or an I/O error (trial96: both were `storage`).
"""

from __future__ import annotations

import sqlite3

from workbench.domain.errors import DAMAGED_DATABASE, DamagedRecord, step

# SQLite's answers for a file whose bytes are not, or no longer, a database's.
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def is_damage(exc: object) -> bool:
    """Whether a driver's error is SQLite saying the file is damaged (SQLITE_CORRUPT, its
    extended codes, or SQLITE_NOTADB), as opposed to a full disk, an I/O error or a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _DAMAGE_CODES


def damaged(path: str | None, said: object) -> DamagedRecord:
    """The refusal of a command that met a damaged page of the SQLite file `path` (None: the
    file is not known where the error was caught), `said` being SQLite's error: restore the
    desk from a backup. SQLITE_NOTADB ("file is not a database") is also what a file that was
    never a database gets (a text file given as --db): said as either."""
    file = f" {path}" if path else ""
    if "not a database" in str(said):
        return DamagedRecord(
            f"{path or 'the file'} is not a SQLite database, or its first page is damaged "
            f"(SQLite: {said})",
            reason=DAMAGED_DATABASE,
            hint=step("restore_backup", if_desk=True),
        )
    return DamagedRecord(
        f"the database file{file} is damaged (SQLite: {said})",
        reason=DAMAGED_DATABASE,
        hint=step("restore_backup"),
    )


def damage_refusal(url: str | None, exc: object) -> DamagedRecord | None:
    """`damaged` for a driver's error on the database at `url` that is SQLite saying the file
    is damaged, or None for any other error (which stays the caller's to word)."""
    if not is_damage(exc):
        return None
    from workbench.db.url import sqlite_file

    return damaged(sqlite_file(url) if url else None, exc)
