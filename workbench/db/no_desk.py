"""The refusal of a read that found a database without the workbench's tables, and of a
write that would set a desk up in a schema its URL did not name.

A read never sets a desk up (services.context): on SQLite a missing or empty file is refused
before any connection; on PostgreSQL there is no file, and the server is asked, once the read
has found no tables, where it looked, so that the refusal names the database and the schema
(a restored desk reached without its `?options=-csearch_path=...`, a mistyped schema) instead
of reporting an empty desk there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.db import pg_desk
from workbench.db.pg_options import passed_over
from workbench.db.url import safe_url
from workbench.domain.errors import NO_DESK, NotFound, step

if TYPE_CHECKING:
    from workbench.db.reader import Reader

# Said by every refusal: what was not done, and why nothing is there now.
NOT_SET_UP = "a read does not set a desk up"
# Said by a write's (revision.ensure_current asks first where the tables would go).
NOT_ELSEWHERE = "a write sets a desk up in the search_path's first schema only: nothing was created"


def no_desk_file(path: str) -> NotFound:
    """The refusal of a read on a SQLite file that holds no workbench tables: another
    program's database (fix90 noted it: the read gave it fifteen tables of ours and reported
    an empty, intact desk)."""
    return NotFound(
        f"{path} holds no workbench tables (another program's database?): {NOT_SET_UP}; "
        "check --db, or `workbench db upgrade` sets a desk up in it, if that is meant",
        reason=NO_DESK,
    )


def no_desk(reader: Reader, url: str, *, write: bool = False) -> NotFound:
    """The refusal of a command on PostgreSQL that found no workbench tables, asked of the
    server on the command's own connection: which database, which schema, and whether this
    role may set a desk up there (a person's role under docs/identity.md's grants may not, and
    is not told to). A read is refused wherever it looked; a write only where its
    search_path's first schema is not there (or not open to it), since the server would set
    the desk up in the next schema of the path (`typo,public`: in public)."""
    database, search_path, schema, may_create = reader.raw(pg_desk.WHERE_LOOKED)[0]
    where = safe_url(url)
    done = NOT_ELSEWHERE if write else NOT_SET_UP
    named = passed_over(str(search_path), schema)
    if named is not None:
        # The search_path's first schema is not the one it resolved to: not there (a typo),
        # or not usable by this role; a write would have gone to the next one (public).
        if reader.raw(pg_desk.schema_exists(named)):
            return NotFound(
                f"the schema {named} of database {database} ({where}) is not open to this "
                f"role (no USAGE on it): {done}",
                hint=step("grant_access"),
                reason=NO_DESK,
            )
        return NotFound(
            f"no schema {named} in database {database} ({where}): {done}",
            # A write meant a desk there: the schema is created first (a server's schema is
            # not the workbench's to create), or the URL corrected.
            hint=step("create_schema", schema=named)
            if write
            else step("check_database", schema=named),
            reason=NO_DESK,
        )
    if schema is None:
        return NotFound(
            f"no schema of the search_path {search_path} in database {database} ({where}): "
            # (a write: nowhere to set a desk up; the server's own words would span lines)
            + ("nothing was created" if write else NOT_SET_UP),
            hint=step("check_database"),
            reason=NO_DESK,
        )
    found = reader.raw(pg_desk.DESK_LATER_ON_PATH)
    later = (str(found[0][0]), [str(name) for name in found[0][1]]) if found else None
    # (pg_desk.forks_a_desk: a write would set a second desk up in the role's schema, so
    # neither a write nor a read is told to set one up there)
    forks = later is not None and pg_desk.through_user(str(search_path))
    if later is not None and forks and write:
        return NotFound(
            f"no desk set up in database {database} ({where}): "
            + pg_desk.later_desk_words(schema, *later, search_path),
            hint=step("check_database", schema=schema),
            reason=NO_DESK,
        )
    # (forks: the role may create in its schema, and a URL naming it sets a desk up there, so
    # the hint does not say it may not; it only is not told to, as the write is not)
    hint = (
        step("check_database", schema=schema)
        if forks
        else step("start_database", schema=schema)
        if may_create
        else step("check_database", schema=schema, may_create=False)
    )
    return NotFound(
        f"no workbench tables in schema {schema} of database {database} ({where}): {done}"
        + ("" if later is None else pg_desk.later_desk_said(*later)),
        hint=hint,
        reason=NO_DESK,
    )
