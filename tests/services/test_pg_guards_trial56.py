"""trial56: the docs run as written (docs/backup.md, docs/identity.md, docs/errors.md)."""

from __future__ import annotations

import shlex
from urllib.parse import parse_qs, urlsplit

from tests.inprocess import run_cli
from workbench.services.backup import pg_dump_command


def _target(command: str) -> tuple[str, dict[str, list[str]]]:
    """The URL a printed pg_dump command connects to: (host and port as the URL names them,
    its query), read as a shell reads it: a query's `&` must be quoted, or the shell would run
    pg_dump in the background and the rest as another command."""
    url = shlex.split(command)[-1]
    parts = urlsplit(url)
    return parts.netloc, parse_qs(parts.query)


def test_pg_dump_keeps_the_host_and_port_a_url_gives_in_its_query() -> None:
    """docs/backup.md: `workbench backup FILE` "prints the command for your database". For a URL
    that names its server in the query (`postgresql://desk@/claims?host=db.internal&port=6432`,
    libpq's and psycopg's form, also the one for a Unix socket directory), the command printed
    was `pg_dump ... postgresql://desk@/claims`: the query was dropped whole, so pg_dump
    connected to the local default server and port, and backed up another database (or none)."""
    command = pg_dump_command("postgresql://desk@/claims?host=db.internal&port=6432", "c.dump")
    netloc, query = _target(command)
    assert "db.internal" in netloc or query.get("host") == ["db.internal"], command
    assert ":6432" in netloc or query.get("port") == ["6432"], command


def test_pg_dump_keeps_sslmode() -> None:
    """docs/backup.md: the command printed is the one "for your database". A desk reaching its
    server with `?sslmode=require` (or verify-full) got a pg_dump command without it: libpq's
    default (prefer) then falls back to an unencrypted connection, and the dump of the whole
    desk may cross the network in clear text."""
    command = pg_dump_command(
        "postgresql+psycopg://desk:secret@db.example/claims?sslmode=verify-full", "c.dump"
    )
    _, query = _target(command)
    assert query.get("sslmode") == ["verify-full"], command
    assert "secret" not in command


def _triggers(url: str) -> set[str]:
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    with get_engine(url).connect() as conn:
        rows = conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass "
                "AND NOT tgisinternal AND tgenabled <> 'D'"
            )
        )
        return {r[0] for r in rows}


def test_db_status_and_upgrade_see_a_dropped_event_identity_trigger(postgres_url: str) -> None:
    """docs/identity.md: on PostgreSQL the trigger `events_identity` (migration 0013) refuses an
    event whose `machine` is not the session's role, and that is why `machine` is trustworthy
    there; docs/audit-chain.md and docs/backup.md: `db status` lists a trigger missing on
    `events` (exit 1) and `db upgrade` restores it. With `events_identity` dropped (by hand,
    or lost in a restore), `db status` said "events are append-only" with exit 0, and `db
    upgrade` said "at 0013_event_identity" and left it dropped: a person's role could again
    write an event under another's role (trial56 did, by SQL), and nothing told the desk."""
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    assert "events_identity" in _triggers(postgres_url)
    with get_engine(postgres_url).begin() as conn:
        conn.execute(text("DROP TRIGGER events_identity ON events"))
    env = {"WORKBENCH_DB": postgres_url, "WORKBENCH_USER": "owner"}
    status = run_cli(["db", "status"], env=env)
    assert status.code == 1 and "events_identity" in status.out, status.out
    run_cli(["db", "upgrade"], env=env)
    assert "events_identity" in _triggers(postgres_url)
