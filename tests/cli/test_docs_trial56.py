"""trial56: the docs run as written; what the CLI prints of a database URL."""

from __future__ import annotations

from tests.inprocess import run_cli


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
