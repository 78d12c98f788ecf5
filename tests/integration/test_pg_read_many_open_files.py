"""A PostgreSQL read in a process that holds many files open (a service that calls the
workbench's library, a job runner that leaks descriptors to its children).

psycopg2, the read paths' driver, waits for the server in Python (workbench.db.postgresql's
wait callback); libpq's own wait, in C, had no limit on the descriptor's number.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Iterator

import pytest

from tests.inprocess import run_cli

# Past select()'s FD_SETSIZE (1024 on Linux and macOS).
HELD = 1100


@pytest.fixture
def many_open_files() -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = HELD + 256
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the process may open {hard} files at most")
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(HELD)]
    try:
        yield
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.usefixtures("many_open_files")
def test_a_pg_read_works_in_a_process_holding_over_a_thousand_files_open(
    postgres_url: str,
) -> None:
    """With more than 1,024 files open, every read of a PostgreSQL desk (claim list, claim
    show, stats) said 'error: malformed database URL postgresql+psycopg://...: filedescriptor
    out of range in select()': the wait for the server used select(), which takes no
    descriptor past 1,023, and its error was read as the URL's."""
    outcome = run_cli(["claim", "list", "--json"], env={"WORKBENCH_DB": postgres_url})
    assert outcome.crash is None, outcome.crash
    assert outcome.code == 0, (outcome.code, outcome.out, outcome.err)
    assert outcome.out.strip() == "[]", outcome.out
