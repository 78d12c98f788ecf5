"""trial56: the docs run as written; what the CLI prints of a database URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok, run_cli

Run = Callable[..., Any]


def test_db_status_hides_a_password_given_in_the_urls_query(postgres_url: str) -> None:
    """docs/backup.md and docs/identity.md keep the password out of what is printed (`user:pw@`
    is shown as `user@` in every message). libpq and psycopg also take it as a query parameter
    (`?password=...`, the form a URL builder or a .env file often writes); given so, `db
    status`, `db upgrade` and the "cannot open database" error printed it whole, onto the
    terminal and into whatever log keeps the desk's output."""
    sep = "&" if "?" in postgres_url else "?"
    url = f"{postgres_url}{sep}password=hunter2"
    env = {"WORKBENCH_DB": url, "WORKBENCH_USER": "owner"}
    status = run_cli(["db", "status"], env=env)
    assert status.code == 0, status.err
    assert "hunter2" not in status.out + status.err, status.out
    upgrade = run_cli(["db", "upgrade"], env=env)
    assert "hunter2" not in upgrade.out + upgrade.err, upgrade.out + upgrade.err


def test_an_accessed_date_before_1990_is_bad_usage_like_the_others(
    cli: Run, tmp_path: Path
) -> None:
    """`evidence add --help` (docs/cli.md): "--accessed YYYY-MM-DD  When it was read (not after
    today, nor before 1990)"; docs/errors.md: a wrong option value is `usage`, exit 2. A date
    after today (`--accessed 2999-01-01`) and one before 1600 were bad usage (exit 2, "see
    `workbench evidence add --help`"), and so is `--published 1599-12-31`; but `--accessed
    1989-12-31`, the same option's other bound, was `invalid_input`, exit 1: only the option's
    check at 1600 ran in the CLI, the 1990 bound in the service."""
    doc = tmp_path / "a.txt"
    doc.write_text("The council said bus ridership rose 23 percent last year.\n", encoding="utf-8")
    ok(cli("doc", "add", str(doc)))
    ok(cli("claim", "add", "1", "--text", "Ridership rose 23 percent", "--quote", "23 percent"))
    base = ("evidence", "add", "1", "--citation", "Transit data", "--stance", "refutes")
    future = cli(*base, "--accessed", "2999-01-01")
    assert future.code == 2, future.err
    too_old = cli(*base, "--accessed", "1989-12-31")
    assert too_old.code == 2, too_old.err
