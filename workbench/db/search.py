"""The SQL of `claim list --search` that both backends share: where a search looks (claims'
text and quote, notes' bodies, evidence titles), and a LIKE pattern."""

# Statements are built from this package's own text (table and column names, keywords); every
# value is a bound parameter (workbench.db.sql.Sql.params), never spliced into the text.
# ruff: noqa: S608
from __future__ import annotations

from collections.abc import Callable

from workbench.db.sql import Sql, join
from workbench.db.tables import Column, claims, evidence, notes


def like_pattern(text: str) -> str:
    """`text` anywhere, its wildcards and the escape character taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def claim_ids_where(matches: Callable[[Column], Sql]) -> Sql:
    """The ids of claims whose text or quote, or a note's body, or an evidence title, matches."""
    c, n, e = claims.c, notes.c, evidence.c
    return join(
        " UNION ",
        [
            f"SELECT {c.id} FROM claims WHERE " + matches(c.text) + " OR " + matches(c.quote),
            f"SELECT {n.claim_id} FROM notes WHERE " + matches(n.body),
            f"SELECT {e.claim_id} FROM evidence WHERE " + matches(e.title),
        ],
    )
