"""`workbench backup FILE`: a consistent copy of a SQLite database, taken while it is in use;
for PostgreSQL, the pg_dump command that does the same (docs/backup.md says how to restore)."""

from __future__ import annotations

import errno
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from workbench.db.damage import damage_found, damage_refusal, quick_check
from workbench.db.engine import get_engine
from workbench.db.pg_options import first_schema, schema_pattern, take_search_path
from workbench.db.url import libpq_uri, safe_url, sqlite_file, typed_file
from workbench.domain import not_a_stream
from workbench.domain.done import BackupWritten
from workbench.domain.errors import (
    DAMAGED_COPY,
    DamagedRecord,
    InvalidInput,
    StorageError,
    step,
)
from workbench.domain.file_name import no_file_name
from workbench.domain.shell import shell_word
from workbench.new_file import (
    JOURNAL,
    cannot_write,
    file_exists,
    folder_of,
    missing_folder,
    named_as_folder,
    occupied,
    onto_the_database,
    place_new,
    temporary_beside,
    too_long_for_a_database,
)
from workbench.services.chain_head import Head, chain_head
from workbench.services.context import Workbench
from workbench.services.storage_errors import database_errors


@dataclass(frozen=True, slots=True)
class Backup:
    path: str | None  # the copy written (SQLite), or None
    head: Head | None  # the copy's audit head, read back from the copy
    command: str | None  # for PostgreSQL: the pg_dump command to run
    # PostgreSQL: the schema pg_trgm is installed in, where the dump does not hold it (another
    # desk's), so the restore must make it first; else None.
    extension_schema: str | None = None
    # PostgreSQL: the pg_dump command's words, for a terminal to print them as every suggested
    # command is (workbench.domain.shell); `command` is their shlex.join, --json's.
    dump_words: tuple[str, ...] = ()


def backup(wb: Workbench, target: str) -> Backup:
    if target == "-":
        raise InvalidInput(not_a_stream.BACKUP)
    if (why := no_file_name(target)) is not None:
        # The CLI's FILE says it as bad usage; a library caller's "" was " exists" (the
        # folder .), a NUL byte a ValueError once the desk was opened (rrexits).
        raise InvalidInput(f"backup {shell_word(target)}: {why}")
    if (named := named_as_folder(target)) is not None:
        # `copy.db/` naming a file: read as copy.db, it was said to exist (trial273).
        raise NotADirectoryError(errno.ENOTDIR, named)
    if os.path.isdir(target):
        # Said as every output says a folder (cli.common.output_file), where "exists: a
        # backup never overwrites a file" named no file (exits). Asked before the pg_dump
        # command is given too, as Click's check was: that command would write there. os.path's:
        # Path.is_dir raises for a name too long.
        raise IsADirectoryError(errno.EISDIR, f"cannot write {target}: it is a directory")
    source = sqlite_file(wb.url)
    if source is None:
        words = pg_dump_words(wb.url, target)
        schema = _dump_target(wb.url)[1]
        elsewhere = None if schema is None else _extension_elsewhere(wb.url, schema)
        return Backup(None, None, shlex.join(words), elsewhere, tuple(words))
    dest = Path(target)
    if (too_long := too_long_for_a_database(target)) is not None:
        raise cannot_write(target, OSError(errno.ENAMETOOLONG, too_long))
    if (onto := onto_the_database(target, source, typed_file(wb.given))) is not None:
        # Before "exists: a backup never overwrites a file": the desk is no backup (rexits).
        # A file that cannot be written (file_error), as `export bundle` and every `-o` say
        # it: it was InvalidInput, another kind for one refusal (r3exits). EBUSY: the file
        # is in use, by this very command.
        raise OSError(errno.EBUSY, onto)
    if occupied(dest):
        raise file_exists(target, "a backup")
    problem = missing_folder(target, dest)
    if problem is not None:
        # A file that cannot be written, as a read-only folder's below and every `-o FILE`'s
        # (the CLI's file_error), not bad input (a trial's script did not retry it).
        raise FileNotFoundError(errno.ENOENT, problem)
    wb.engine()  # refuses a missing or empty database, migrates an older one
    fd, tmp = temporary_beside(dest, target, beside=len(JOURNAL))
    os.close(fd)
    try:
        _copy(wb.url, tmp, target)
        # Checked before it takes its name: a damaged copy under it is what a backup script's
        # rotation would keep as the good one (trial96: the backup API copies damage as is).
        problems = _check(tmp, target)
        if problems:
            raise _damaged(wb, tmp, dest, problems)
        # A link (or an O_EXCL copy), not a rename: it fails if the target appeared meanwhile,
        # never overwrites.
        try:
            place_new(tmp, dest)
        except FileExistsError:
            raise file_exists(target, "a backup") from None
        except BaseException as exc:
            # A stop (Ctrl-C, a kill) landing as the link returned: the copy is in place.
            if not isinstance(exc, Exception) and _same_file(tmp, dest):
                wb.tell(BackupWritten(str(dest)))
            raise
        # Whole and in place: a stop from now on leaves a backup written (fix173: it was said
        # as nothing done, and the retry a script made then met "file exists").
        wb.tell(BackupWritten(str(dest)))
    finally:
        Path(tmp).unlink(missing_ok=True)
    copy = Workbench(url="sqlite:///" + str(dest.resolve()), actor=wb.actor)
    try:
        head = chain_head(copy)
    finally:
        get_engine(copy.url).dispose()
    return Backup(str(dest), head, None)


def _same_file(tmp: str, dest: Path) -> bool:
    """Whether `dest` is the copy at `tmp`, linked (a copy made by place_new's fallback is
    removed when it is stopped)."""
    try:
        return os.path.samefile(tmp, dest)
    except OSError:
        return False


def _copy(url: str, tmp: str, target: str) -> None:
    """SQLite's online backup API: pages copied under a read lock, consistent as of one moment
    even while other processes write (WAL), and the result is a complete database file.

    SQLite's errors are its own, not OSError: a full disk under the copy ("database or disk is
    full") is said as the system says it of any file written, naming `target` (trial96: it was
    a traceback)."""
    import sqlite3

    raw = get_engine(url).raw_connection()
    try:
        src = raw.driver_connection
        assert isinstance(src, sqlite3.Connection)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # The copy is a standalone file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL:
            full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            raise cannot_write(target, full) from None
        raise damage_refusal(url, exc) or StorageError(f"database error: {exc}") from None
    finally:
        raw.close()


def _check(path: str, target: str) -> tuple[str, ...]:
    """SQLite's first problems with the copy at `path`, read whole (workbench.db.damage: 0.26 s
    on a 220 MB desk, whose copy takes 0.33 s). Another error of SQLite's while reading it (a
    failing disk's I/O error) is a storage error naming `target`, the file asked for: it was
    a traceback (review105)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return quick_check(conn)
    except sqlite3.Error as exc:
        raise StorageError(f"checking the copy written for {target}: {exc}") from None
    finally:
        conn.close()


# What a damaged copy of a damaged desk is kept as, beside the name asked for: not that name,
# which a script's rotation counts as a good backup, nor one its `*.db` takes.
DAMAGED_SUFFIX = ".damaged"


def _damaged(wb: Workbench, tmp: str, dest: Path, problems: tuple[str, ...]) -> DamagedRecord:
    """The refusal of a backup whose copy SQLite finds damaged. The database is checked too
    (only now: a second read of it): damaged itself, it is restored from a backup, and the copy
    is the data there is (the desk may fare worse before anyone salvages it), kept under
    DAMAGED_SUFFIX when that name is free; intact, the copy was damaged as it was written and
    is worth nothing: removed, and the desk needs no restore."""
    source = sqlite_file(wb.url)
    assert source is not None
    raw = get_engine(wb.url).raw_connection()
    try:
        own = quick_check(raw.driver_connection)
    finally:
        raw.close()
    if not own:
        return DamagedRecord(
            f"the copy written for {dest} is damaged (SQLite's check finds "
            f"{'; '.join(problems)}), but the database itself checks intact: nothing was kept; "
            f"check the disk under {folder_of(dest)} and try again",
            reason=DAMAGED_COPY,
        )
    aside = dest.with_name(dest.name + DAMAGED_SUFFIX)
    try:
        place_new(tmp, aside)
        kept = f"the copy, as damaged, is kept as {aside}"
    except FileExistsError:
        kept = f"the copy is not kept: {aside} exists"
    return damage_found(source, own, f"; no backup was written to {dest}: {kept}")


def _unreadable_search_path(search_path: str) -> InvalidInput:
    """The refusal of a URL whose search_path the server cannot read as a list of schemas (it
    refuses the connection), so no pg_dump command names the desk's schema: one without
    --schema would dump every schema of the database. A space in `options` splits it into
    words, the cause met (review58: `"Desk 2024"` cut to `"Desk`)."""
    return InvalidInput(
        f"the URL's search_path {search_path!r} names no schema as the server reads it, so "
        "no pg_dump command can name the desk's schema (one without --schema would dump every "
        "schema of the database): the server splits options at each space, so a space in a "
        "schema's name is written \\ before it (%5C%20 in a URL: "
        '-csearch_path%3D%22Desk%5C%202024%22 for "Desk 2024")',
        hint=step("check_database"),
    )


def _extension_elsewhere(url: str, schema: str) -> str | None:
    """The schema pg_trgm is installed in, when a dump of `schema` alone does not hold it and
    a new database has it not: neither the desk's own schema nor public. A database has the
    extension once, in the schema that installed it: a second desk set up beside the first
    (trial308: `other` beside `desk`) has its trigram indexes on `desk.gin_trgm_ops` (0016),
    and `--extension=pg_trgm` dumps `CREATE EXTENSION pg_trgm WITH SCHEMA desk`, which
    pg_restore cannot run where `desk` does not exist: the four indexes failed with it and
    search went on as a scan of every row, unsaid."""
    from sqlalchemy import text

    with database_errors(url), get_engine(url).connect() as conn:
        where = conn.execute(
            text(
                "SELECT n.nspname FROM pg_extension e"
                " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
            )
        ).scalar()
    if where is None or where in (schema, "public"):
        return None
    return str(where)


def _dump_target(url: str) -> tuple[str, str | None, list[str]]:
    """The URL's address without its secrets, the schema of its search_path (None: none
    named), and the rest of its query, as pg_dump_command gives them."""
    address, _, query = safe_url(libpq_uri(url)).partition("?")
    schema = None
    kept = []
    for pair in query.split("&") if query else []:
        key, _, value = pair.partition("=")
        if unquote(key) != "options":
            kept.append(pair)
            continue
        # Read as the server reads it: a quoted "Desk 2024" was cut at its space (review58).
        search_path, rest = take_search_path(unquote(value))
        if search_path is not None:
            schema = first_schema(search_path)
            if schema is None:
                raise _unreadable_search_path(search_path)
        if rest:
            kept.append("options=" + quote(rest, safe=""))
    return address, schema, kept


def pg_dump_command(url: str, target: str) -> str:
    """`pg_dump_words` as one command line (shlex.join)."""
    return shlex.join(pg_dump_words(url, target))


def pg_dump_words(url: str, target: str) -> list[str]:
    """The pg_dump invocation for this database: the URL's server, database and query (host,
    port, sslmode... as given: trial56's `?host=db.internal&port=6432` dumped the local server's
    database, and a dropped `sslmode=require` let the dump travel unencrypted), the schema of
    its search_path as --schema (with pg_trgm, which --schema leaves out), the secrets left out
    as everywhere a URL is shown (safe_url: the password to ~/.pgpass or PGPASSWORD;
    docs/backup.md says how to give the others)."""
    address, schema, kept = _dump_target(url)
    # --no-comments: the desk's objects have none, and the one a dump would hold, pg_trgm's
    # COMMENT ON EXTENSION, is refused to a restore by anyone but the extension's owner (an
    # administrator who installed it in the new database): pg_restore exited 1 though the desk
    # was restored whole (trial330).
    words = ["pg_dump", "--format=custom", "--no-comments", f"--file={target}"]
    if schema:
        # --schema alone leaves every extension out, and pg_trgm with it (in the desk's schema,
        # where migration 0003 put it when the database had none, or in public): the four
        # trigram indexes then failed to restore ("errors ignored on restore: 4") and search
        # went on as a scan, unsaid (review297). --extension (pg_dump 14 and later) adds it
        # back; a dump of the whole database has every extension already.
        words.append(f"--schema={schema_pattern(schema)}")
        words.append("--extension=pg_trgm")
    words.append(f"{address}?{'&'.join(kept)}" if kept else address)
    return words
