"""A stop (Ctrl-C, `kill`) while a PostgreSQL read is still connecting to the server.

psycopg2, the read paths' driver, waits for the server in Python (workbench.db.postgresql's
wait callback), so a stop is heard at once; it cancels the statement under way. While the
connection is still being made there is no statement to cancel, and the driver refuses the
cancel itself.
"""

from __future__ import annotations

import signal
import socket
import threading
import time

import pytest

from tests.inprocess import run_cli

pytest.importorskip("psycopg2")

# How long the silent server keeps a connection at most: the guard that ends a connection the
# stop did not end (the test then fails rather than hangs).
HELD_AT_MOST_S = 20.0


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
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    port = server.getsockname()[1]
    accepted: list[socket.socket] = []
    done = threading.Event()

    def silent_server() -> None:
        server.settimeout(HELD_AT_MOST_S)
        try:
            accepted.append(server.accept()[0])
        except OSError:
            return
        done.wait(HELD_AT_MOST_S)
        for conn in accepted:
            conn.close()

    main = threading.get_ident()

    def stop() -> None:
        time.sleep(1.0)  # into the read's wait for the server's first answer
        signal.pthread_kill(main, signum)

    holder = threading.Thread(target=silent_server, daemon=True)
    holder.start()
    presser = threading.Thread(target=stop, daemon=True)
    presser.start()
    try:
        started = time.monotonic()
        outcome = run_cli(
            ["claim", "list"],
            env={"WORKBENCH_DB": f"postgresql://postgres@127.0.0.1:{port}/test"},
        )
        took = time.monotonic() - started
    finally:
        done.set()
        holder.join(60)
        presser.join(60)
        server.close()
    assert took < HELD_AT_MOST_S / 2, f"the stop was heard only after {took:.0f} s"
    assert outcome.crash is None, outcome.crash
    assert outcome.code == code, (outcome.code, outcome.out, outcome.err)
    assert outcome.err.strip() == said, outcome.err
