"""A write waiting for another writer's lock, said on stderr (trial196: up to 30 s of silence,
taken for a hang). Said whether or not stderr is a terminal, once, as the one-line notices of
long work are (cli.progress.progress_or_notice): a script's log shows why it took 30 s, and a
pipe is no less likely to be taken for a hang. Not with --json (cli.common.workbench_from
does not listen): a script's refusal on stderr is the error object alone, one JSON line
(docs/json.md), and a notice before it broke `json.loads` of stderr (review205)."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.lock_wait import LockWait


def say_lock_wait(fact: LockWait) -> None:
    """The library's fact in words: a wait that began; its end needs none (the command's own
    output follows it)."""
    from workbench.cli.render import message
    from workbench.domain.lock_wait import MIGRATIONS_LOCK, WaitBegan, who

    if not isinstance(fact, WaitBegan):
        return
    if fact.holder is not None:
        # (`db upgrade` behind another's migrations' lock: no write lock, fix232)
        lock = "the migrations' lock" if fact.lock == MIGRATIONS_LOCK else "the write lock"
        whose = f" ({who(fact.holder)} holds {lock})"
    elif not fact.who_known:
        whose = " (a SQLite file does not say who holds its write lock)"
    else:
        whose = ""
    # To a tenth of a second (a bound a server's statement_timeout cut is no round figure),
    # rounded up: "up to" never says less than the wait may last, nor "0 s" (review215).
    bound = -(-fact.bound_ms // 100) / 10
    words = f"waiting for another writer to finish{whose}; up to {bound:g} s…"
    # (stderr closed or gone: the wait goes on unsaid)
    with suppress(OSError, ValueError):
        message(words)
