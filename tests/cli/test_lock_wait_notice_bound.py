"""review215: the lock wait's notice says its bound to a tenth of a second (fix206), which a
PostgreSQL statement_timeout shorter than the wait cuts to no round figure. Rounded to the
nearest tenth, "up to" said less than the wait could last: under a statement_timeout of 2.5 s
the bound is 1 s + 2.25 s and the notice said "up to 3.2 s"; under a URL's
`-cstatement_timeout=25` (the two waits 22 ms and 22 ms) it said "up to 0 s…", then waited.
The bound is rounded up: never less than the wait, never nought."""

from __future__ import annotations

import pytest

from workbench.cli.lock_wait import say_lock_wait
from workbench.domain.lock_wait import LockHolder, WaitBegan


@pytest.mark.parametrize(
    ("bound_ms", "said"),
    [
        (30_000, "up to 30 s…"),  # the workbench's own bound, as docs/backup.md shows it
        (5_500, "up to 5.5 s…"),  # a statement_timeout of 5 s (docs/backup.md)
        (3_250, "up to 3.3 s…"),  # of 2.5 s: 3.2 s was less than the wait
        (44, "up to 0.1 s…"),  # of 25 ms: "up to 0 s"
        (1, "up to 0.1 s…"),
    ],
)
def test_the_notice_never_says_less_than_the_wait_may_last(
    bound_ms: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wait for 张三's write of `bound_ms` at most is said with a bound it cannot outlast."""
    say_lock_wait(WaitBegan(bound_ms, LockHolder("张三", "postgres", None), who_known=True))
    err = capsys.readouterr().err
    assert err == f"waiting for another writer to finish (张三 holds the write lock); {said}\n"


def test_a_wait_for_the_migrations_lock_names_that_lock(capsys: pytest.CaptureFixture[str]) -> None:
    """fix232: `db upgrade` behind another's migrations' lock said '... holds the write lock',
    a write's words; the library's fact says which lock, and the notice names it."""
    from workbench.domain.lock_wait import MIGRATIONS_LOCK

    holder = LockHolder(None, "postgres", "psql")
    say_lock_wait(WaitBegan(30_000, holder, who_known=True, lock=MIGRATIONS_LOCK))
    err = capsys.readouterr().err
    assert err == (
        "waiting for another writer to finish (a session of role postgres (psql) holds the "
        "migrations' lock); up to 30 s…\n"
    )
