"""A PostgreSQL read still connecting to a server that does not answer: a stop (Ctrl-C,
`kill`), and the connection's own time limit (libpq's connect_timeout).

psycopg2, the read paths' driver, waits for the server in Python (workbench.db.postgresql's
wait callback), so a stop is heard at once; it cancels the statement under way. While the
connection is still being made there is no statement to cancel, and the driver refuses the
cancel itself; and libpq leaves a connection made this way to wait for as long as the
application waits, whatever connect_timeout says.
"""

from __future__ import annotations

import signal
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.inprocess import run_cli

pytest.importorskip("psycopg2")

# How long the silent server keeps a connection at most: the guard that ends a connection the
# stop did not end (the test then fails rather than hangs).
HELD_AT_MOST_S = 20.0


@contextmanager
def silent_server() -> Iterator[int]:
    """A port where a server takes connections and never says a word (a server under load, a
    firewall that swallows packets), for HELD_AT_MOST_S at most."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    accepted: list[socket.socket] = []
    done = threading.Event()

    def serve() -> None:
        server.settimeout(HELD_AT_MOST_S)
        try:
            accepted.append(server.accept()[0])
        except OSError:
            return
        done.wait(HELD_AT_MOST_S)
        for conn in accepted:
            conn.close()

    holder = threading.Thread(target=serve, daemon=True)
    holder.start()
    try:
        yield server.getsockname()[1]
    finally:
        done.set()
        holder.join(60)
        server.close()


@pytest.mark.usefixtures("ctrl_c_heard")
@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [
        (signal.SIGINT, 130, "interrupted; nothing half-written was committed"),
        (signal.SIGTERM, 143, ""),
    ],
    ids=["ctrl-c", "kill"],
)
def test_a_stop_while_connecting_to_a_silent_pg_server_ends_the_read_as_a_stop(
    signum: int, code: int, said: str
) -> None:
    """Ctrl-C on `claim list` while the server took its time to answer the connection (a
    server under load, a firewall that swallows packets) said 'error: cannot open database
    postgresql+psycopg://...: asynchronous connection attempt underway' and exited 1, a
    refusal in the stop's place that read as if the database were at fault; `kill` likewise
    exited 1 rather than 143."""
    main = threading.get_ident()

    def stop() -> None:
        time.sleep(1.0)  # into the read's wait for the server's first answer
        signal.pthread_kill(main, signum)

    with silent_server() as port:
        presser = threading.Thread(target=stop, daemon=True)
        presser.start()
        started = time.monotonic()
        outcome = run_cli(
            ["claim", "list"],
            env={"WORKBENCH_DB": f"postgresql://postgres@127.0.0.1:{port}/test"},
        )
        took = time.monotonic() - started
        presser.join(60)
    assert took < HELD_AT_MOST_S / 2, f"the stop was heard only after {took:.0f} s"
    assert outcome.crash is None, outcome.crash
    assert outcome.code == code, (outcome.code, outcome.out, outcome.err)
    assert outcome.err.strip() == said, outcome.err


@pytest.mark.parametrize("given", ["url", "environment"])
def test_a_read_gives_up_on_a_silent_pg_server_after_its_connect_timeout(given: str) -> None:
    """A URL's `?connect_timeout=2` (or PGCONNECT_TIMEOUT=2) bounded how long `claim list`
    waited for a server that does not answer: 'cannot open database ...: timeout expired'
    after 2 s, as psql and the writes (psycopg 3) give up. Once psycopg2 waited in Python, the
    read waited on for as long as the server kept the connection open (a script's health
    check on a read hung instead of failing)."""
    with silent_server() as port:
        url = f"postgresql://postgres@127.0.0.1:{port}/test"
        env = {"WORKBENCH_DB": url, "PGCONNECT_TIMEOUT": None}
        if given == "url":
            env["WORKBENCH_DB"] = url + "?connect_timeout=2"
        else:
            env["PGCONNECT_TIMEOUT"] = "2"
        started = time.monotonic()
        outcome = run_cli(["claim", "list"], env=env)
        took = time.monotonic() - started
    assert took < HELD_AT_MOST_S / 2, f"the read gave up only after {took:.0f} s"
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 1, (outcome.code, outcome.out, outcome.err)
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot open database "), outcome.err
    assert lines[0].endswith("timeout expired"), outcome.err
