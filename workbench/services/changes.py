"""The stealth-edit report: what each revision of an article changed, and which checked
claims the change touched (their quote before and after, their speaker before and after when
the revision gave their line to another, and the verdict they had).

It is read from the audit trail: the re-anchoring events written with each revision say what
happened to every claim at that moment, whatever was done to the claims since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from workbench.db.models import Claim, DocumentRevision, Event
from workbench.domain.actions import DOCUMENT_REVISED, REANCHOR_ACTIONS, REANCHORED
from workbench.domain.json_fields import JsonFields, as_json
from workbench.domain.moves import with_moves
from workbench.domain.status import FINAL_VALUES, Status
from workbench.domain.textdiff import Change, diff_texts
from workbench.services.context import Workbench, transaction
from workbench.services.headlines import revision_headlines
from workbench.services.lookup import get_document
from workbench.services.revisions import revision_text


@dataclass(frozen=True, slots=True)
class TouchedClaim(JsonFields):
    claim_id: int
    # The claim's words when the revision was stored (the words its verdict then judged).
    text: str
    # How re-anchoring found it: fuzzy, orphaned or moved (a line given to another speaker), or
    # restored (an edit undone gave back the words of its flagged verdict, whose flag is gone,
    # or the words a claim with no verdict was pinned to);
    # exact or moved for a claim found again (below).
    state: str
    # None when the claim was orphaned before this revision: its quote was in no text then.
    old_quote: str | None
    new_quote: str | None
    status_before: str
    verdict_before: str | None
    # Both None unless the revision gave the claim's line to another speaker (a corrected
    # transcript): then the quotes may be the same, and this is what changed.
    old_speaker: str | None
    new_speaker: str | None
    # The claim was orphaned (its quote gone) and this revision has its quote again.
    found_again: bool = False
    # Restored (`state`) with its verdict's flag for re-review cleared: a verdict, given or
    # proposed, was flagged; else the claim had none, and got back the words it was pinned to.
    flag_cleared: bool = False
    # Found again where it was or moved (exact, moved), its words the same, but the revision
    # spells them otherwise than the quote did, in more than layout ("..." made "…", "……" set
    # as "⋯⋯"): the stored quote now has the document's characters, no longer those the
    # verdict was given on (fix284).
    respelt: bool = False


@dataclass(frozen=True, slots=True)
class RevisionChanges:
    number: int
    created_at: str
    added_by: str
    source: str | None
    sha256: str
    changes: list[Change]
    claims: list[TouchedClaim]
    # The headline its page stated, and the one the revision before's did (None: a plain text,
    # or stored before fix292 kept it); the document's title stays the desk's.
    headline: str | None = None
    headline_before: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Its fields, the number shown as the revision and the one it is compared with."""
        shown = as_json(self)
        number = shown.pop("number")
        return {"revision": number, "from_revision": number - 1, **shown}


@dataclass(frozen=True, slots=True)
class ChangesReport(JsonFields):
    document_id: int
    title: str | None
    url: str | None
    revisions: list[RevisionChanges]


def document_changes(wb: Workbench, document_id: int, since: int | None = None) -> ChangesReport:
    """Every revision after `since` (default: all), with its changes and the claims it touched."""
    from workbench.services.views import RevisionView

    with transaction(wb) as tx:
        doc = get_document(tx, document_id)
        if since is not None:
            revision_text(tx, doc, since)  # a revision that does not exist is an error
        rows = tx.session.scalars(
            select(DocumentRevision)
            .where(DocumentRevision.document_id == doc.id, DocumentRevision.number > (since or 1))
            .order_by(DocumentRevision.number)
        ).all()
        out: list[RevisionChanges] = []
        headlines = revision_headlines(tx, doc) if rows else {}
        for rev in rows:
            old = revision_text(tx, doc, rev.number - 1)[1]
            view = RevisionView.of(rev)
            out.append(
                RevisionChanges(
                    number=rev.number,
                    created_at=view.created_at,
                    added_by=rev.added_by,
                    source=rev.source,
                    sha256=rev.sha256,
                    # A paragraph moved is said moved, not deleted and inserted.
                    changes=with_moves(diff_texts(old, rev.text).changes, old, rev.text),
                    claims=_touched(tx, rev),
                    headline=headlines.get(rev.number),
                    headline_before=headlines.get(rev.number - 1),
                )
            )
        return ChangesReport(doc.id, doc.title, doc.url, out)


def _touched(tx: Any, rev: DocumentRevision) -> list[TouchedClaim]:
    """The claims whose quote this revision changed, removed or brought back, from its
    events."""
    conn = tx.session.connection()
    start = conn.execute(
        select(Event.seq).where(
            Event.action == DOCUMENT_REVISED,
            Event.entity_type == "revision",
            Event.entity_id == str(rev.id),
        )
    ).scalar()
    if start is None:
        return []
    flagged: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
    # The claims' events follow the revision's in the same transaction, with nothing between:
    # at most one for each claim of the document (none is ever deleted). Bounded so, as
    # PostgreSQL's driver fetches a result whole: every later event of the desk was read,
    # texts and all, for each revision (review48).
    claims_of = conn.execute(
        select(func.count()).select_from(Claim).where(Claim.document_id == rev.document_id)
    ).scalar_one()
    query = (
        select(Event.action, Event.claim_id, Event.payload)
        .where(Event.seq > start)
        .order_by(Event.seq)
        .limit(claims_of + 1)
    )
    for action, claim_id, payload in conn.execute(query):
        if action not in REANCHOR_ACTIONS:
            break
        if claim_id is None:
            continue
        body = json.loads(payload)
        before, after = body.get("before", {}), body.get("after", {})
        # A verdict's flag cleared by re-anchoring: an edit undone gave back its words; or a
        # claim with no verdict given back the words it was pinned to. Giving back a span is
        # the one re-anchoring that clears a claim's score (`revisions._restore`: the span
        # is the one pinned, not one found by a score).
        flag_cleared = (
            before.get("verdict_revision") is not None
            and after.get("verdict_revision", before["verdict_revision"]) is None
        )
        restored = flag_cleared or (action == REANCHORED and after.get("anchor_score", 0.0) is None)
        # flagged, changed with no verdict, its flag cleared, found again, or respelt
        if restored:
            after = {**after, "anchor_state": "restored", "flag_cleared": flag_cleared}
        elif action == REANCHORED and _respelt(before, after):
            after = {**after, "respelt": True}
        elif action == REANCHORED and not _found_again(before, after):
            continue
        flagged.append((claim_id, before, after))
    if not flagged:
        return []
    ids = [c for c, _, _ in flagged]
    then = _before(tx, ids, start)
    claims = {c.id: c for c in tx.session.scalars(select(Claim).where(Claim.id.in_(ids)))}
    out = []
    for claim_id, before, after in flagged:
        claim = claims[claim_id]
        # What the event did not change is as it was then, not as it is now (review48: a quote
        # a later revision changed was shown as the words this one removed).
        was_then = then.get(claim_id, {})
        state = after.get("anchor_state", was_then.get("anchor_state", claim.anchor_state))
        quote = before.get("quote", was_then.get("quote", claim.quote))
        new_quote = after.get("quote", quote) if state != "orphaned" else None
        found_again = _found_again(before, after)
        was = was_then.get("status", Status.UNVERIFIED.value)
        respoken = "speaker" in after  # the event holds only the fields it changed
        out.append(
            TouchedClaim(
                claim_id=claim_id,
                text=was_then.get("text", claim.text),
                state=state,
                old_quote=None if found_again else quote,
                new_quote=new_quote,
                status_before=was,
                verdict_before=was if was in FINAL_VALUES else None,
                old_speaker=before.get("speaker") if respoken else None,
                new_speaker=after.get("speaker") if respoken else None,
                found_again=found_again,
                flag_cleared=bool(after.get("flag_cleared")),
                respelt=bool(after.get("respelt")),
            )
        )
    return out


def _respelt(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """A re-anchoring event's claim was found again where it was or moved, with its quote in
    other characters than it had (`quote_folding.respelt`): the event holds the quote before and
    after only when it changed."""
    from workbench.domain.quote_folding import respelt

    old, new = before.get("quote"), after.get("quote")
    return (
        isinstance(old, str)
        and isinstance(new, str)
        and not _found_again(before, after)
        and respelt(old, new)
    )


def _found_again(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """A re-anchoring event's claim was orphaned and its quote is found again."""
    now = after.get("anchor_state")
    return before.get("anchor_state") == "orphaned" and now not in (None, "orphaned")


# The fields of a claim the report shows as they were when the revision was stored.
_THEN = ("status", "text", "quote", "anchor_state")


def _before(tx: Any, ids: list[int], seq: int) -> dict[int, dict[str, str]]:
    """Each claim's status, text, quote and anchor state just before event `seq`, from what
    its events recorded: the words the verdict of the time was given on (trial47b: a claim
    reworded after the revision was shown with its new words beside its old verdict)."""
    before: dict[int, dict[str, str]] = {}
    query = (
        select(Event.claim_id, Event.payload)
        .where(Event.claim_id.in_(ids), Event.seq < seq, Event.entity_type == "claim")
        .order_by(Event.seq)
    )
    for claim_id, payload in tx.session.connection().execute(query):
        after = json.loads(payload).get("after") or {}
        if isinstance(after, dict):
            fields = before.setdefault(claim_id, {})
            fields.update((k, after[k]) for k in _THEN if isinstance(after.get(k), str))
    return before
