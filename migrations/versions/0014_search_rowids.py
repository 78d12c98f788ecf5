"""search rowids: SQLite's search index finds a claim's row by its rowid

Revision ID: 0014_search_rowids
Revises: 0013_event_identity
The FTS5 table claim_fts (0003) gave each row the next free rowid, and the trigger that keeps a
claim's text and quote in step deleted the old row by `claim_id`, an UNINDEXED column: FTS5
finds a row only by rowid or by MATCH, so every change to a claim's words (`claim edit --text`,
each claim whose quote a `doc update` changed) read the whole index, claims, notes and evidence
titles of the entire desk (review61: 5.0 CPU s for a 200-claim `doc update` at 20,000 claims,
17.9 at 100,000).

Each row's rowid is now its source row's id times 4, plus 0 for a claim's text and quote, 1 for
a note, 2 for an evidence title; the claim's trigger deletes rowid 4 * id. The inserts replace
a row already at their rowid (only a row put there by hand can be), so that such a row never
fails a write. The index is rebuilt from the tables under the new rowids (derived data, nothing
an event describes). PostgreSQL has no such table: nothing changes there.

Downgrading restores 0003's triggers; the rows may keep their rowids (those triggers find a
claim's row by `claim_id` and give new rows the next free rowid).

Create Date: 2026-12-05 09:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014_search_rowids"
down_revision: str | None = "0013_event_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies (workbench/db/sqlite.py keeps the live ones): this revision's triggers, and
# 0003's, which a downgrade puts back.
TRIGGERS = {
    "claim_fts_claim_ai": "CREATE TRIGGER claim_fts_claim_ai AFTER INSERT ON claims BEGIN "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4, new.id, 'claim', new.text || char(10) || new.quote); END",
    "claim_fts_claim_au": "CREATE TRIGGER claim_fts_claim_au AFTER UPDATE OF text, quote ON claims "
    "BEGIN DELETE FROM claim_fts WHERE rowid = old.id * 4; "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4, new.id, 'claim', new.text || char(10) || new.quote); END",
    "claim_fts_note_ai": "CREATE TRIGGER claim_fts_note_ai AFTER INSERT ON notes BEGIN "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4 + 1, new.claim_id, 'note', new.body); END",
    "claim_fts_evidence_ai": "CREATE TRIGGER claim_fts_evidence_ai AFTER INSERT ON evidence "
    "WHEN new.title IS NOT NULL BEGIN "
    "INSERT OR REPLACE INTO claim_fts(rowid, claim_id, kind, body) "
    "VALUES (new.id * 4 + 2, new.claim_id, 'evidence', new.title); END",
}
OLD_TRIGGERS = {
    "claim_fts_claim_ai": "CREATE TRIGGER claim_fts_claim_ai AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.id, 'claim', new.text || char(10) || new.quote); END",
    "claim_fts_claim_au": "CREATE TRIGGER claim_fts_claim_au AFTER UPDATE OF text, quote ON claims "
    "BEGIN DELETE FROM claim_fts WHERE claim_id = old.id AND kind = 'claim'; "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.id, 'claim', new.text || char(10) || new.quote); END",
    "claim_fts_note_ai": "CREATE TRIGGER claim_fts_note_ai AFTER INSERT ON notes BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) VALUES (new.claim_id, 'note', new.body); END",
    "claim_fts_evidence_ai": "CREATE TRIGGER claim_fts_evidence_ai AFTER INSERT ON evidence "
    "WHEN new.title IS NOT NULL BEGIN "
    "INSERT INTO claim_fts(claim_id, kind, body) "
    "VALUES (new.claim_id, 'evidence', new.title); END",
}
# The index from the tables, each table in its id order (so in rising rowids: FTS5 writes its
# pending terms out whenever a rowid goes back). A table dropped by hand is made again.
REBUILD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5("
    "claim_id UNINDEXED, kind UNINDEXED, body, tokenize='trigram')",
    "DELETE FROM claim_fts",
    "INSERT INTO claim_fts(rowid, claim_id, kind, body) "
    "SELECT id * 4, id, 'claim', text || char(10) || quote FROM claims ORDER BY id",
    "INSERT INTO claim_fts(rowid, claim_id, kind, body) "
    "SELECT id * 4 + 1, claim_id, 'note', body FROM notes ORDER BY id",
    "INSERT INTO claim_fts(rowid, claim_id, kind, body) "
    "SELECT id * 4 + 2, claim_id, 'evidence', title FROM evidence "
    "WHERE title IS NOT NULL ORDER BY id",
]


def _replace_triggers(triggers: dict[str, str]) -> None:
    for name, ddl in triggers.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(ddl)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for statement in REBUILD:
        op.execute(statement)
    _replace_triggers(TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    _replace_triggers(OLD_TRIGGERS)
