"""workflow: evidence, blobs, tags, settings, assignment, priority, due, review

Revision ID: 0003_workflow
Revises: 0002_audit_chain
Full-text search over claims, notes and evidence titles is backend-specific (SQLite FTS5
with the trigram tokenizer; PostgreSQL pg_trgm indexes). Frozen history: this revision carries
its own copy of that DDL as it was when it was written (workbench/db/*.py may move on).

Create Date: 2026-11-29 05:32:52.131564
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_workflow"
down_revision: str | None = "0002_audit_chain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# One FTS5 row per searchable piece of a claim (its text and quote, each note, each evidence
# title); the trigram tokenizer matches any 3+ character substring, which CJK text needs.
SQLITE_SEARCH_DDL = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5("
    "claim_id UNINDEXED, kind UNINDEXED, body, tokenize='trigram')",
    "CREATE TRIGGER claim_fts_claim_ai AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.id, 'claim', new.text || char(10) || new.quote); END",
    "CREATE TRIGGER claim_fts_claim_au AFTER UPDATE OF text, quote ON claims BEGIN "
    "DELETE FROM claim_fts WHERE claim_id = old.id AND kind = 'claim'; "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.id, 'claim', new.text || char(10) || new.quote); END",
    "CREATE TRIGGER claim_fts_note_ai AFTER INSERT ON notes BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) VALUES (new.claim_id, 'note', new.body); END",
    "CREATE TRIGGER claim_fts_evidence_ai AFTER INSERT ON evidence "
    "WHEN new.title IS NOT NULL BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.claim_id, 'evidence', new.title); END",
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "SELECT id, 'claim', text || char(10) || quote FROM claims",
    "INSERT INTO claim_fts(claim_id, kind, body) SELECT claim_id, 'note', body FROM notes",
]
SQLITE_DROP_SEARCH_DDL = [
    "DROP TRIGGER IF EXISTS claim_fts_claim_ai",
    "DROP TRIGGER IF EXISTS claim_fts_claim_au",
    "DROP TRIGGER IF EXISTS claim_fts_note_ai",
    "DROP TRIGGER IF EXISTS claim_fts_evidence_ai",
    "DROP TABLE IF EXISTS claim_fts",
]
# pg_trgm GIN indexes make ILIKE '%...%' an index scan for 3+ characters.
PG_TRGM_INDEXES = {
    "ix_claims_text_trgm": ("claims", "text"),
    "ix_claims_quote_trgm": ("claims", "quote"),
    "ix_notes_body_trgm": ("notes", "body"),
    "ix_evidence_title_trgm": ("evidence", "title"),
}


def create_search_index(conn: sa.Connection) -> None:
    if conn.dialect.name != "postgresql":
        for statement in SQLITE_SEARCH_DDL:
            conn.exec_driver_sql(statement)
        return
    # Without the extension (no privilege to create it, or not installed) search still works,
    # as a plain scan: the database's refusal is expected, anything else is not.
    savepoint = conn.begin_nested()
    try:
        conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        for name, (table, column) in PG_TRGM_INDEXES.items():
            conn.execute(
                sa.text(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")
            )
    except sa.exc.DBAPIError:
        savepoint.rollback()
    else:
        savepoint.commit()


def drop_search_index(conn: sa.Connection) -> None:
    if conn.dialect.name != "postgresql":
        for statement in SQLITE_DROP_SEARCH_DDL:
            conn.exec_driver_sql(statement)
        return
    for name in PG_TRGM_INDEXES:
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "claim_tags",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_tags_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("claim_id", "tag", name=op.f("pk_claim_tags")),
    )
    with op.batch_alter_table("claim_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_tags_tag"), ["tag"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("accessed", sa.Date(), nullable=True),
        sa.Column("stance", sa.String(length=10), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(length=500), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("media_type", sa.String(length=200), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('url', 'file', 'citation')", name=op.f("ck_evidence_kind")),
        sa.CheckConstraint(
            "stance IN ('supports', 'refutes', 'context')", name=op.f("ck_evidence_stance")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_evidence_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["blobs.sha256"], name=op.f("fk_evidence_sha256_blobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_claim_id"), ["claim_id"], unique=False)

    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assignee", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("priority", sa.String(length=10), server_default="normal", nullable=False)
        )
        batch_op.add_column(sa.Column("due", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("proposed_status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("proposed_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("proposed_note", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_claims_assignee"), ["assignee"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_due"), ["due"], unique=False)

    create_search_index(op.get_bind())


def downgrade() -> None:
    drop_search_index(op.get_bind())
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_due"))
        batch_op.drop_index(batch_op.f("ix_claims_assignee"))
        batch_op.drop_column("proposed_note")
        batch_op.drop_column("proposed_by")
        batch_op.drop_column("proposed_status")
        batch_op.drop_column("due")
        batch_op.drop_column("priority")
        batch_op.drop_column("assignee")

    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_claim_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("claim_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_tags_tag"))

    op.drop_table("claim_tags")
    op.drop_table("settings")
    op.drop_table("blobs")
