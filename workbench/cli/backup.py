"""`workbench backup FILE`"""

from __future__ import annotations

import click

from workbench.cli.common import workbench_from
from workbench.cli.once import Command
from workbench.cli.options import BACKUP_FILE, json_context
from workbench.cli.render import emit_json, message, plural, shown_path
from workbench.domain.shell import shell_word


@click.command(cls=Command)
@click.argument("file", metavar="FILE", type=BACKUP_FILE)
@json_context
def backup(ctx: click.Context, file: str, as_json: bool) -> None:
    """Copy the database to FILE, consistently, while others keep working.

    SQLite: the online backup API writes a complete copy (never over an existing file),
    SQLite checks it whole (PRAGMA quick_check), and its audit head is printed. A damaged copy
    is refused (exit 1, kind damaged) and never left under FILE: when the database itself is
    damaged, the copy is kept as FILE.damaged (see docs/backup.md). PostgreSQL: prints the
    pg_dump command to run. Restoring and checking a copy: see docs/backup.md. --json prints
    {"path", "count", "seq", "head"}: the copy and its audit head, named as `audit head
    --json` names them (PostgreSQL: {"path": null, "command", "extension_schema"}: the schema
    to create before the restore, null when there is none to create).
    """
    from workbench.services.backup import backup as run_backup

    b = run_backup(workbench_from(ctx), file)
    if b.command is not None:
        if as_json:
            # The schema to create before pg_restore, as the warning below says it: a script
            # running the command reads it here (small325: it had only stderr's text).
            emit_json({"path": None, "command": b.command, "extension_schema": b.extension_schema})
            message("PostgreSQL is backed up by pg_dump: run its command (see docs/backup.md)")
        else:
            from workbench.domain.shell import command_line

            # Each word one a shell reads back, a name not UTF-8 or holding a bidi control as
            # $'...' (review343: the raw byte, or an override reordering the line on screen).
            click.echo(command_line(b.dump_words))
            message(
                "PostgreSQL is backed up by pg_dump: run the command above (see docs/backup.md)"
            )
        if b.extension_schema is not None:
            message(_restore_schema_first(b.extension_schema))
        return
    assert b.head is not None and b.path is not None
    if as_json:
        emit_json({"path": b.path, "count": b.head.count, "seq": b.head.seq, "head": b.head.hash})
        return
    click.echo(
        f"backed up to {shown_path(b.path)}: {plural(b.head.count, 'event')}, head {b.head.hash}"
    )
    check = " ".join(
        shell_word(w)
        for w in ("workbench", "--db", b.path, "audit", "verify", "--head", b.head.hash)
    )
    message(f"check the copy with: {check}")


def _restore_schema_first(schema: str) -> str:
    """What the restore of a desk whose pg_trgm lives in another desk's schema needs first."""
    from workbench.db.pg_options import identifier

    create = f"CREATE SCHEMA {identifier(schema)}"
    return (
        f"warning: pg_trgm, which this desk's search indexes use, is installed in schema "
        f"{schema}, which this dump leaves out: in the new database run `{create}` before "
        "pg_restore, or the four trigram indexes fail to restore and search scans every row "
        "(see docs/backup.md)"
    )
