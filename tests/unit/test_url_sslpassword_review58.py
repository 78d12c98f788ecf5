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
