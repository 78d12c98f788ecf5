"""A progress bar for long operations: on a terminal only, never in a pipe or with --json."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from workbench.cli.terminal import stdin_at_terminal

if TYPE_CHECKING:
    from workbench.services.progress import Progress


def wanted(*, as_json: bool = False, to_stdout: bool = True, reads_stdin: bool = False) -> bool:
    """A bar is drawn on stderr when a person watches: stderr is a terminal, and so is stdout
    unless the output goes to a file of its own (--output). Not while the input is typed
    (`reads_stdin`, standard input a terminal): the bar was redrawn over the line the person
    was typing or pasting (trial252); the notice that says what is awaited is enough."""
    if as_json or not sys.stderr.isatty():
        return False
    if reads_stdin and stdin_at_terminal():
        return False
    return sys.stdout.isatty() if to_stdout else True


@contextmanager
def progress_bar(label: str, *, enabled: bool) -> Iterator[Progress | None]:
    """Yields the callback to give a service (None when no bar is wanted); the bar is gone
    (transient) when the operation ends, so the result is all that stays on screen."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def progress_or_notice(label: str, *, enabled: bool, at_least: int) -> Iterator[Progress | None]:
    """A bar where a person watches (`progress_bar`); elsewhere (a pipe, a script, --json) one
    line on stderr, once, when the work turns out to be `at_least` items: a command that
    usually answers at once but may first have long work to do (the first `claim similar`
    after a restore indexes every claim, three minutes at 100,000) is not silent meanwhile
    (trial57 took a silent pipe for a hang)."""
    if enabled:
        with progress_bar(label, enabled=True) as bar:
            yield bar
        return
    told = False

    def notice(done: int, total: int | None) -> None:
        nonlocal told
        if not told and total is not None and total >= at_least:
            told = True
            print(f"{label}: {total:,} to do first, once", file=sys.stderr, flush=True)

    yield notice
