"""trigram indexes: the search indexes 0003 could not make in a desk's own schema

Revision ID: 0016_trigram_indexes
Revises: 0015_internal_notes
On PostgreSQL a database has pg_trgm once, in the schema that installed it. A desk whose
search_path names only its own schema (the README's `-csearch_path=desk`), set up after
another desk or the DBA installed the extension elsewhere, met 0003's `CREATE EXTENSION IF NOT
EXISTS` doing nothing and its `gin_trgm_ops` not on the path: the savepoint rolled back the
four indexes and search went on as a scan of every row, unsaid (fix303). This revision makes
each of 0003's indexes the desk lacks, naming the operator class in the extension's schema.
Without the extension, or without the right to use its schema, search works without them, as
after 0003. SQLite: nothing (its FTS5 index is 0003's and 0014's). Frozen history: its own copy
of 0003's list, as 0003 had.

Create Date: 2026-12-06 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_trigram_indexes"
down_revision: str | None = "0015_internal_notes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# 0003's PG_TRGM_INDEXES, as it names them.
PG_TRGM_INDEXES = {
    "ix_claims_text_trgm": ("claims", "text"),
    "ix_claims_quote_trgm": ("claims", "quote"),
    "ix_notes_body_trgm": ("notes", "body"),
    "ix_evidence_title_trgm": ("evidence", "title"),
}


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    # The extension's schema, where this role may use it (a schema of another desk's owner
    # may be closed to it; public is open by default).
    where = conn.execute(
        sa.text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
            " WHERE e.extname = 'pg_trgm' AND has_schema_privilege(n.oid, 'USAGE')"
        )
    ).scalar()
    if where is None:
        return
    # The desk's own schema, where its tables are (current_schema(): the first of the path
    # that exists), not an index of the same name in a later schema of the path.
    have = set(
        conn.execute(
            sa.text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        ).scalars()
    )
    opclass = f"{conn.dialect.identifier_preparer.quote_schema(where)}.gin_trgm_ops"
    for name, (table, column) in PG_TRGM_INDEXES.items():
        if name not in have:
            conn.execute(sa.text(f"CREATE INDEX {name} ON {table} USING gin ({column} {opclass})"))


def downgrade() -> None:
    # The indexes made here are 0003's own, which 0003's downgrade drops by name.
    pass
