"""A write on a PostgreSQL server that is read-only for the session (a hot standby, or a DBA's
`default_transaction_read_only = on` for the role or the database) is refused in one line
saying so, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import pooled_connections_forgotten, run_in_process

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


def test_claim_similar_on_a_read_only_server_says_its_index_is_brought_up_to_date_on_the_primary(
    postgres_url: str, tmp_path: Path
) -> None:
    """`claim similar`, a read, on a server read-only for the session (a replica) while the
    similar-claims index was behind the desk's claims said 'the database server is read-only
    ..., so nothing was written; make changes through the primary server': the person had
    asked to change nothing, and docs/errors.md says reads go on working. It names the index
    the search has to bring up to date, and where that can be done."""
    env = _desk_with_index_behind(postgres_url, tmp_path)
    read_only = postgres_url + READ_ONLY
    refused = run_in_process(["--db", read_only, "claim", "similar", "1"], env=env)
    assert refused.code == 1, (refused.out, refused.err)
    assert refused.err.count("\n") == 1, refused.err
    # (read-only by the URL's own options here, which the line names, where a standby's or a
    # role's is sent to the primary: INDEX_ON_READ_ONLY_SERVER)
    assert "similar-claims index" in refused.err and "URL's options" in refused.err, refused.err
    assert "make changes" not in refused.err and "administrator" not in refused.err, refused.err
    as_json = run_in_process(["--db", read_only, "claim", "similar", "1", "--json"], env=env)
    error = json.loads(as_json.err)["error"]
    assert error["kind"] == "storage" and error["reason"] == "read_only_server"
    # Brought up to date on the primary, the replica answers.
    assert run_in_process(["--db", postgres_url, "claim", "similar", "1"], env=env).code == 0
    answered = run_in_process(["--db", read_only, "claim", "similar", "1"], env=env)
    assert answered.code == 0, answered.err


@pytest.mark.parametrize("where", ["url", "pgoptions"])
def test_a_read_only_session_the_url_or_pgoptions_asks_for_is_said_as_set_there(
    postgres_url: str,
    where: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    """An editor who opened the desk read-only on purpose, `-cdefault_transaction_read_only=on`
    in the database URL's options (or PGOPTIONS), then ran `claim withdraw 1 --note ...` with
    the same URL was told the setting was 'set for the role or database' and to 'make changes
    through the primary server, or ask its administrator': there is no primary, and no
    administrator set anything. It says the URL's options (or PGOPTIONS) set it, to remove it
    there; still one line, kind storage, reason read_only_server."""
    env = {"WORKBENCH_USER": "tester"}
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。\n", encoding="utf-8")
    assert run_in_process(["--db", postgres_url, "doc", "add", str(article)], env=env).code == 0
    added = run_in_process(
        ["--db", postgres_url, "claim", "add", "1", "--quote", "甲说了一句话", "--text", "甲"],
        env=env,
    )
    assert added.code == 0, added.err
    if where == "url":
        url, named = postgres_url + READ_ONLY, "URL"
    else:
        # (libpq sends PGOPTIONS only when the URL gives no options: the schema goes there)
        from urllib.parse import parse_qs, urlsplit

        schema = parse_qs(urlsplit(postgres_url).query)["options"][0].split("=", 1)[1]
        url, named = postgres_url.split("?", 1)[0], "PGOPTIONS"
        monkeypatch.setenv(
            "PGOPTIONS", f"-c search_path={schema} -c default_transaction_read_only=on"
        )
    withdraw = ["--db", url, "claim", "withdraw", "1", "--note", "a duplicate"]
    # PGOPTIONS reaches only connections made from now on: none pooled by an earlier test of
    # this process under the bare URL (they read another search_path), none left for a later.
    pooled_connections_forgotten(url, request)
    refused = run_in_process(withdraw, env=env)
    assert refused.code == 1
    assert refused.err.count("\n") == 1, refused.err
    assert "read-only" in refused.err and named in refused.err, refused.err
    assert "administrator" not in refused.err and "primary" not in refused.err, refused.err
    error = json.loads(run_in_process([*withdraw, "--json"], env=env).err)["error"]
    assert error["kind"] == "storage" and error["reason"] == "read_only_server"


def test_a_read_only_session_set_off_in_the_url_is_not_blamed_on_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A standby reached with default_transaction_read_only=off in the URL (or none) is the
    server's: the administrator's or the primary's, as before."""
    from workbench.db.postgresql import READ_ONLY_TRANSACTION, read_only_refusal

    class ReadOnly(Exception):
        pgcode = READ_ONLY_TRANSACTION

    monkeypatch.delenv("PGOPTIONS", raising=False)
    base = "postgresql://tester@db/desk?options=-csearch_path%3Ddesk"
    for url in (base, base + "%20-cdefault_transaction_read_only%3Doff", None):
        said = read_only_refusal(ReadOnly("cannot execute INSERT"), url=url)
        assert said is not None and "primary" in said and "URL" not in said, said


def _desk_with_index_behind(postgres_url: str, tmp_path: Path) -> dict[str, str]:
    """Two claims on the desk at `postgres_url`, its similar-claims index emptied (as after a
    restore): a search must bring it up to date first."""
    env = {"WORKBENCH_USER": "tester"}
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。\n", encoding="utf-8")
    assert run_in_process(["--db", postgres_url, "doc", "add", str(article)], env=env).code == 0
    for quote in ("甲说了一句话", "乙说了另一句话"):
        added = run_in_process(
            ["--db", postgres_url, "claim", "add", "1", "--quote", quote, "--text", quote],
            env=env,
        )
        assert added.code == 0, added.err
    from sqlalchemy import text

    from workbench.db.engine import get_engine

    with get_engine(postgres_url).begin() as conn:
        conn.execute(text("DELETE FROM similar_indexed"))
    return env


def test_the_index_catch_up_of_a_search_refuses_in_its_own_words_before_writing(
    postgres_url: str, tmp_path: Path
) -> None:
    """The index's refusal on a read-only session was the search's rewrite of the shared
    'nothing was written; make changes' refusal (services.similar caught it and said it
    again), so a caller of `catch_up` met the write's words about a change it never asked
    for. The catch-up of a search now finds out before writing that it cannot write, and says
    so in the index's words itself; the catch-up before a write leaves the refusal to the
    write's own transaction, whose words stay the shared ones."""
    from workbench.domain.errors import READ_ONLY_SERVER, StorageError
    from workbench.services import similar
    from workbench.services.context import Workbench

    env = _desk_with_index_behind(postgres_url, tmp_path)
    read_only = Workbench(url=postgres_url + READ_ONLY, actor="tester")
    with pytest.raises(StorageError) as refused:
        similar.catch_up(read_only, searching=True)
    assert refused.value.reason == READ_ONLY_SERVER
    said = str(refused.value)
    assert said.startswith("the similar-claims index is behind"), said
    assert "URL's options" in said and "make changes" not in said, said
    # Before a write: nothing indexed, nothing refused here; the write's transaction refuses.
    assert similar.catch_up(read_only) == 0
    add = ["--db", postgres_url + READ_ONLY, "claim", "add", "1", "--quote", "甲说了一句话"]
    written = run_in_process([*add, "--text", "甲"], env=env)
    assert written.code == 1 and written.err.count("\n") == 1, written.err
    assert "nothing was written" in written.err and "similar-claims" not in written.err
    # Brought up to date on the primary, the catch-up of a search has nothing to write.
    assert similar.catch_up(Workbench(url=postgres_url, actor="tester")) == 2
    assert similar.catch_up(read_only, searching=True) == 0


def test_a_write_on_a_read_only_server_behind_a_held_lock_is_refused_at_once(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix206: on a server read-only for the session, a write behind a session holding the
    desk's write lock (a standby's `psql`, a long `doc update` computing before it meets the
    refusal) said it was waiting, waited out the whole bound (30 s), then was refused as
    "stayed locked by another writer; try the command again", which no retry gets past. It
    is refused at once, in the read-only words and reason, and says no wait."""
    from sqlalchemy import create_engine, text

    import workbench.db.lock_wait as lock_wait
    import workbench.db.sqlite as sqlite_backend
    from tests.inprocess import run_cli
    from workbench.db.engine import get_engine
    from workbench.db.pg_locks import APPEND_LOCK_SQL, DESK_LOCK_CLASS

    env = {"WORKBENCH_USER": "tester"}
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。乙说了另一句话。\n", encoding="utf-8")
    assert run_cli(["--db", postgres_url, "doc", "add", str(article)], env=env).code == 0
    other = tmp_path / "b.txt"
    other.write_text("丙说了第三句话。\n", encoding="utf-8")
    # A bound long enough to be met only by a write that waits (none is timed here).
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 2000)
    monkeypatch.setattr(lock_wait, "WAIT_NOTICE_MS", 0)
    read_only = postgres_url + READ_ONLY
    get_engine(read_only).dispose()
    holder = create_engine(postgres_url)
    try:
        with holder.connect() as conn, conn.begin():
            conn.execute(text(APPEND_LOCK_SQL), {"desk_lock": DESK_LOCK_CLASS})
            refused = run_cli(["--db", read_only, "doc", "add", str(other)], env=env)
            as_json = run_cli(["--db", read_only, "doc", "add", str(other), "--json"], env=env)
    finally:
        holder.dispose()
    assert refused.code == 1, refused.err
    assert refused.err.count("\n") == 1 and "read-only" in refused.err, refused.err
    assert "waiting" not in refused.err and "stayed locked" not in refused.err, refused.err
    error = json.loads(as_json.err)["error"]
    assert (error["kind"], error.get("reason")) == ("storage", "read_only_server"), error
