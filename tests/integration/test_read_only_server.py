"""A write on a PostgreSQL server that is read-only for the session (a hot standby, or a DBA's
`default_transaction_read_only = on` for the role or the database) is refused in one line
saying so, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_in_process

READ_ONLY = "%20-cdefault_transaction_read_only%3Don"


def test_a_write_on_a_read_only_server_says_the_server_is_read_only(
    postgres_url: str, tmp_path: Path
) -> None:
    """A researcher whose DBA set `default_transaction_read_only = on` on their role (a replica
    behaves so) ran `note add` and read `error: database error: cannot execute INSERT in a
    read-only transaction`: the server's words about a transaction they never opened, and
    nothing on what to do. It now says the server is read-only for this connection and where
    a change can be made; reads go on working."""
    env = {"WORKBENCH_USER": "tester"}
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。\n", encoding="utf-8")
    assert run_in_process(["--db", postgres_url, "doc", "add", str(article)], env=env).code == 0
    other = tmp_path / "b.txt"
    other.write_text("丙说了第三句话。\n", encoding="utf-8")
    read_only = postgres_url + READ_ONLY
    listed = run_in_process(["--db", read_only, "doc", "list", "--json"], env=env)
    assert listed.code == 0, listed.err
    refused = run_in_process(["--db", read_only, "doc", "add", str(other)], env=env)
    assert refused.code == 1
    assert refused.err.count("\n") == 1, refused.err
    assert "read-only" in refused.err and "server" in refused.err
    assert "cannot execute" not in refused.err, refused.err
    as_json = run_in_process(["--db", read_only, "doc", "add", str(other), "--json"], env=env)
    assert as_json.code == 1
    error = json.loads(as_json.err)["error"]
    assert error["kind"] == "storage" and error["reason"] == "read_only_server"
    docs = run_in_process(["--db", postgres_url, "doc", "list", "--json"], env=env)
    assert len(json.loads(docs.out)) == 1
