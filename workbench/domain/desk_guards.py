"""What `db upgrade` may put back on a desk and records in `desk.guards_restored`: the guard
triggers on events and the search indexes kept outside the models, by name. The domain's own
list, as replay holds a recorded restore to it without the backends (each keeps its DDL:
workbench.db.sqlite, workbench.db.postgresql, workbench.db.pg_trigram; a test holds the names
together), so that a forged event naming a trigger no workbench makes is a difference."""

from __future__ import annotations

import re

# The append-only triggers (migration 0002: SQLite's, then PostgreSQL's) and PostgreSQL's
# identity trigger (0013).
GUARD_TRIGGERS = frozenset(
    {"events_no_update", "events_no_delete", "events_no_truncate", "events_identity"}
)
# PostgreSQL's trigram search indexes (migration 0003, restored since fix305).
SEARCH_INDEXES = frozenset(
    {"ix_claims_text_trgm", "ix_claims_quote_trgm", "ix_notes_body_trgm", "ix_evidence_title_trgm"}
)
# The desk's event entity: one desk per database (or schema), so one id.
DESK = "desk"
GUARDS = "guards"
# A schema revision as the migrations are named: a zero-padded number, then words (a newer
# workbench's revision is one too, so it is read by form, not held to this release's list).
REVISION = re.compile(r"[0-9]{4}_[a-z0-9_]{1,60}")
