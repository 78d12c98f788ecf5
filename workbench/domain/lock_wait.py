"""A write waiting for another writer's lock: the facts the library tells as the wait goes on
(a front end words them: a wait that seemed a hang, trial196), and the refusal when it runs
out, naming the writer where the backend can tell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

# The refusal when the wait ran out; scripts retry on it (docs/backup.md), so it keeps its
# words and only adds the writer in brackets where known.
STAYED_LOCKED = "the database stayed locked by another writer{who}; try the command again"


# What the '?' of a program's name are, on a server that writes them for what it does not keep.
UNREAD_PROGRAM = "the server shows each byte outside printable ASCII as '?'"


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds the lock a write waits for, as far as the server says: the workbench name
    acting in the holder's own write (`name`), else the server's login role of its session and
    the program it says it is (`program`: its application_name), any of them None when not
    known; `program_unread`: the program's name as the server shows it, each byte it did not
    keep a '?' (`UNREAD_PROGRAM`)."""

    name: str | None
    role: str | None
    program: str | None
    program_unread: bool = False


# Which lock a wait is for: a desk's write lock (every write's), or, on PostgreSQL, the
# migrations' lock (`db upgrade`, a first write setting a desk up), which no write of the desk
# holds (fix232: its wait was said as a write's, "... holds the write lock").
LockKind = Literal["write", "migrations"]
WRITE_LOCK: Final[LockKind] = "write"
MIGRATIONS_LOCK: Final[LockKind] = "migrations"


@dataclass(frozen=True, slots=True)
class WaitBegan:
    """A write has waited a moment for another writer's lock and waits on, `bound_ms` in all
    at most; `holder`, where the backend can tell (`who_known`: it can at all; a SQLite file
    cannot, PostgreSQL can unless the holder let go as it was asked); `lock`: which lock."""

    bound_ms: int
    holder: LockHolder | None
    who_known: bool
    lock: LockKind = WRITE_LOCK


@dataclass(frozen=True, slots=True)
class WaitEnded:
    """The write that was told waiting (`WaitBegan`) has the lock and goes on."""


LockWait = WaitBegan | WaitEnded


def who(holder: LockHolder) -> str:
    """The holder in a few words: its workbench name, else its session's role and program."""
    if holder.name is not None:
        return holder.name
    program = f" ({holder.program})" if holder.program else ""
    if holder.program_unread and holder.program:
        # (PostgreSQL before 16 shows such letters as '?', one for each byte: '??????'; a '?'
        # may also be the program's own, and the rest of the name is as it named itself)
        program = f" ({holder.program}: {UNREAD_PROGRAM})"
    if holder.role is not None:
        return f"a session of role {holder.role}{program}"
    return f"a session{program}"


def stayed_locked(holder: LockHolder | None) -> str:
    """The refusal of a write whose wait for `holder`'s lock ran out (None: not known)."""
    return STAYED_LOCKED.format(who="" if holder is None else f" ({who(holder)})")
