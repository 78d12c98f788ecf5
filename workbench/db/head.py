"""The schema revision this code is written for, and the older ones it works with as they are:
a module of its own, so that migrate (which sets a desk up) and revision (which asks whether it
must) both read it without importing each other."""

from __future__ import annotations

# The newest migration in migrations/versions. A test checks it against Alembic's own head, so
# adding a migration without updating this line fails the suite.
HEAD_REVISION = "0016_trigram_indexes"
# Older revisions this code works with as they are on a backend: the migrations after them
# change nothing there that this code reads. A shared desk then need not stop for its owner's
# `db upgrade` (review62: every command, reads too, was refused until it ran), which still
# brings it to HEAD_REVISION. 0016 only adds trigram search indexes a PostgreSQL desk may lack
# (search works without them, as a scan), so a desk at 0015 works on; `db status` says it is
# behind, and its owner's `db upgrade` gives the indexes. SQLite upgrades on use.
CURRENT_ON: dict[str, frozenset[str]] = {"postgresql": frozenset({"0015_internal_notes"})}


def is_current(revision: str | None, dialect: str) -> bool:
    """Whether this code works with a database at `revision` on `dialect` as it is."""
    return revision == HEAD_REVISION or revision in CURRENT_ON.get(dialect, frozenset())
