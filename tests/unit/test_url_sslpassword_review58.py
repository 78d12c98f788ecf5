"""review58: a database URL's `sslpassword` (the passphrase of the client's SSL key, a libpq
keyword carrying a secret, as `password` does) was shown as typed: in `db status` (text and
--json), in every "cannot open database" message and in the pg_dump command `backup` prints.
safe_url took out `password` alone."""

from __future__ import annotations

from workbench.db.url import safe_url
from workbench.services.backup import pg_dump_command

URL = "postgresql+psycopg://ana@db.example/desk?sslmode=verify-full&sslpassword=k3yPhrase"


def test_the_ssl_key_passphrase_in_a_url_was_not_shown() -> None:
    assert "k3yPhrase" not in safe_url(URL)
    assert "sslmode=verify-full" in safe_url(URL)


def test_the_pg_dump_command_left_out_the_ssl_key_passphrase() -> None:
    assert "k3yPhrase" not in pg_dump_command(URL, "/tmp/desk.dump")


def test_every_secret_libpq_keyword_was_left_out_and_the_key_path_kept() -> None:
    """libpq marks password, sslpassword and (libpq 18) oauth_client_secret as secrets; a
    path to the key (sslkey) is none, and pg_dump needs it."""
    url = (
        "postgresql+psycopg://ana:pw1@h/d?password=pw2&sslkey=%2Fhome%2Fana%2Fk.pem"
        "&oauth_client_secret=pw3&sslpassword=pw4&sslmode=require"
    )
    for shown in (safe_url(url), pg_dump_command(url, "x.dump")):
        assert not any(f"pw{n}" in shown for n in range(1, 5)), shown
        assert "sslkey=%2Fhome%2Fana%2Fk.pem" in shown and "sslmode=require" in shown
