"""The names of the actions the audit trail records, each written once: the ACTIONS table
(domain.payloads) declares each one's shape, the workflow (domain.transitions) decides which a
request records, the writers record them and replay reads them. A leaf, importing nothing:
those modules import one another, and each needs the names."""

from __future__ import annotations

# A claim's status moved, for each outcome of the workflow (`transitions.decide`).
STATUS_CHANGED = "claim.status_changed"
REVIEW_REQUESTED = "claim.review_requested"
APPROVED = "claim.approved"
REJECTED = "claim.rejected"
# The events that add to a claim's record without changing the claim row (or its version).
EVIDENCE_ADDED = "evidence.added"
NOTE_ADDED = "note.added"
# A claim brought in by `import claims` (one added by hand or by extraction is CLAIM_ADDED).
IMPORTED = "claim.imported"
# What a claim says or where it is pinned, changed by `claim edit` (transitions.WORDING, PIN).
EDITED = "claim.edited"
# The events re-anchoring a claim to a new revision writes (`doc update`): its quote found
# (exact or moved); changed, gone or its line given to another speaker under a verdict, which
# is then flagged; or the same with no verdict to flag.
REANCHORED = "claim.reanchored"
FLAGGED_FOR_REVIEW = "claim.flagged_for_review"
QUOTE_CHANGED = "claim.quote_changed"
REANCHOR_ACTIONS = (REANCHORED, FLAGGED_FOR_REVIEW, QUOTE_CHANGED)
# A document's new revision (`doc update`), which the re-anchoring events follow.
DOCUMENT_REVISED = "document.revised"
# A document's source read again and found to hold its current text (`doc update` storing
# nothing): no state changes, but an editor is owed when the page was last checked (fix285).
DOCUMENT_CHECKED = "document.checked"
# A claim added by hand or by extraction (an import's is IMPORTED).
CLAIM_ADDED = "claim.added"
# The workflow's fields of a claim, each changed by its own command (services.workflow).
ASSIGNED = "claim.assigned"
TAGGED = "claim.tagged"
UNTAGGED = "claim.untagged"
PRIORITY_CHANGED = "claim.priority_changed"
DUE_CHANGED = "claim.due_changed"
# The document's own record: added, and its metadata edited (`doc edit`).
DOCUMENT_ADDED = "document.added"
DOCUMENT_EDITED = "document.edited"
# `note internal` / `note public`: a note taken back from publication, or given back.
NOTE_VISIBILITY_CHANGED = "note.visibility_changed"
SETTING_CHANGED = "setting.changed"
# A user added (domain.trail_people reads the trail's registrations from it), a user's role
# bound to a database login (`user bind`), and a user's display name or address corrected
# (`user edit`: trail_people follows it, so later approvals are judged by the registration then).
USER_ADDED = "user.added"
USER_BOUND = "user.bound"
USER_EDITED = "user.edited"
# `db upgrade` put back guard triggers on events (or PostgreSQL's trigram search indexes) that
# were dropped or disabled: a fact about the desk itself, no entity's, written with the restore
# (repair326: the triggers keeping the trail append-only were gone and back without a trace).
GUARDS_RESTORED = "desk.guards_restored"
