"""`workbench db ...`"""

from __future__ import annotations

import sys

import click

from workbench.cli.common import upgrade_is_the_change, workbench_from
from workbench.cli.errors import EXIT_REFUSED
from workbench.cli.once import Group
from workbench.cli.options import json_context
from workbench.cli.render import json_out


@click.group(cls=Group)
def db() -> None:
    """Create, upgrade and inspect the database schema."""


@db.command("upgrade")
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Create the database or bring its schema up to date.

    On SQLite every command also does this, and says so on stderr ("upgraded the database
    schema from ... to ..."), as this command does. A PostgreSQL database, shared by a desk, is
    upgraded only by this command, run by its owner (the role its tables belong to): other
    commands refuse an older schema, so nobody's newer workbench changes it unasked. An
    empty database gets its tables from the first command, this one or any other.

    It also restores what guards or serves the data and was removed: the append-only triggers
    on events, on PostgreSQL the trigram search indexes (where pg_trgm is installed; a restore
    into a database that has it in another schema loses them), and on SQLite the search index,
    rebuilt from the claims, notes and evidence titles when `audit replay` finds it out of step
    with them or SQLite finds it damaged; the rest of the file is left as it is. A trigger or
    trigram index put back is recorded in the audit trail (desk.guards_restored), by the name
    acting and the machine's identity, as every change."""
    from workbench.services.database import upgrade_database

    upgrade_is_the_change()
    done = upgrade_database(workbench_from(ctx))
    # A new schema is said (trial49: an empty database's read as if nothing had been done); an
    # upgrade is said on stderr, as every command's is.
    created = "created the schema, " if done.before is None else ""
    click.echo(f"{done.url}: {created}at {done.current}")
    if done.restored:
        click.echo(f"restored the triggers {', '.join(done.restored)} on events")
    if done.indexes:
        click.echo(f"added the trigram search indexes {', '.join(done.indexes)}")
    if done.event is not None:
        click.echo(f"recorded in the audit trail as event {done.event} (desk.guards_restored)")
    if done.rebuilt:
        why = f" (it was damaged: SQLite: {done.index_damage})" if done.index_damage else ""
        click.echo(f"rebuilt the search index from the claims, notes and evidence titles{why}")


@db.command("status")
@json_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Show the database URL, its schema revision and the newest one this version knows.

    On a shared (PostgreSQL) database it names the owner: the role that runs `db upgrade`.
    A guard trigger on events that is missing or disabled (append-only; on PostgreSQL also the
    one holding each event to its role) is named, with exit 1: `db upgrade` restores it. A
    missing trigram search index (PostgreSQL) is named with how to add it, exit 0: search
    works without it, reading every row.
    Otherwise exit 0 whatever the state, an empty one included: it reports, the commands that
    cannot go on there refuse.
    """
    from workbench.services.database import schema_status

    s = schema_status(workbench_from(ctx))
    if json_out(as_json, s):
        if s.missing_triggers:
            sys.exit(EXIT_REFUSED)
        return
    explain = {
        "empty": "empty: not created yet (`workbench db upgrade` creates it)",
        "current": "current",
        "behind": "behind: run `workbench db upgrade`",
        "newer": "newer than this workbench: upgrade the workbench, not the database",
    }
    click.echo(f"database  {s.url}")
    # (not "schema": on PostgreSQL a desk lives in a schema, which this line is not)
    click.echo(f"revision  {s.current or '-'}")
    click.echo(f"head      {s.head}")
    if s.why is not None:
        # No desk here that `db upgrade` simply sets up: said why instead (another program's
        # tables, as the reads say: workbench.db.no_desk; a schema it would set none up in).
        explain["empty"] = f"empty: {s.why}"
    if s.owner is not None:
        # A shared database is upgraded by its owner only (ordinary commands refuse it).
        explain["behind"] = f"behind: its owner (role {s.owner}) runs `workbench db upgrade`"
    click.echo(f"state     {explain[s.state]}")
    if s.owner is not None:
        click.echo(f"owner     {s.owner} (the role that upgrades the schema)")
    if s.missing_indexes:
        # Search works without them, as a scan of every row: said, not refused (exit 0).
        click.echo(
            f"indexes   MISSING {', '.join(s.missing_indexes)}: search reads every row; "
            f"{s.indexes_fix}"
        )
    if s.missing_triggers:
        who = "" if s.owner is None else f"its owner (role {s.owner}) runs "
        click.echo(
            f"triggers  MISSING {', '.join(s.missing_triggers)}: {'; '.join(s.unguarded)}; "
            f"{who}`workbench db upgrade` to restore them"
        )
        sys.exit(EXIT_REFUSED)
    if s.guarded:
        click.echo(f"triggers  {'; '.join(s.guarded)}")
