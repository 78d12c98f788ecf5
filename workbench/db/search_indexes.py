"""What `db status` says of a desk's search indexes a backend keeps outside the models (each
backend its own: workbench.db.pg_trigram; SQLite's FTS5 index is held against the tables by
`audit replay`, services.search_index, and says nothing here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MissingIndexes:
    """The desk's missing search indexes (sorted), and, when some are, why in stable words
    (`reason`, docs/json.md) and in a person's (`how`: how to add them)."""

    names: tuple[str, ...] = ()
    reason: str | None = None
    how: str | None = None
