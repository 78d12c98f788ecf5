"""The audit trail as a Markdown timeline per claim, for an editor or a lawyer to read.

Streamed like the other exports: events come grouped by claim (an indexed order), each claim's
heading is looked up when its first event arrives, and only one document's text is held at a
time (for the quote in context; its sentences split once). Events that concern no claim
(documents, settings) follow.
"""

from __future__ import annotations

import json
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from workbench.domain.actions import (
    DOCUMENT_CHECKED,
    DOCUMENT_REVISED,
    GUARDS_RESTORED,
    IMPORTED,
    REVIEW_REQUESTED,
    SETTING_CHANGED,
)
from workbench.domain.clock import as_read, format_at, now
from workbench.domain.graphemes import context_cut
from workbench.domain.md_escape import inline, own_line
from workbench.domain.payloads import PROPOSAL, changed_fields
from workbench.domain.plurals import plural
from workbench.domain.revision_words import revision_of
from workbench.domain.scope import ExportScope
from workbench.domain.segment import Sentences
from workbench.domain.spans import span_words
from workbench.domain.verdict_words import REVIEWS, verdict_words
from workbench.services.event_filter import EXPORT_FIELDS, TIMELINE_TITLE, EventFilter
from workbench.services.progress import EVERY, Progress

if TYPE_CHECKING:
    from workbench.services.context import Tx
    from workbench.services.timeline_heads import ClaimHead, Heads

# The columns of an event the timeline reads, in EXPORT_FIELDS order (no hashes, no machine).
FIELDS = tuple(name for name in EXPORT_FIELDS if not name.endswith("hash") and name != "machine")
# Bookkeeping every claim update carries; the reader wants what changed, not the counters.
QUIET_FIELDS = frozenset({"version", "updated_at", "updated_by"})
# The fields of an added evidence item (or revision, user...) a reader weighs first, in this
# order; the others follow in the payload's.
FIRST_FIELDS = {
    name: rank
    for rank, name in enumerate(
        ("stance", "title", "citation", "url", "file_name", "excerpt", "publisher", "accessed")
    )
}
ASCII_PUNCTUATION = frozenset(string.punctuation)


def write(tx: Tx, out: IO[str], flt: EventFilter, progress: Progress | None = None) -> int:
    """The timeline of the events `flt` keeps, read through the ORM (a filter by actor or
    action: services.audit's look-alike names); `progress` hears how many are written, of the
    scope's count. The claims and documents its headings name are read on the transaction's
    own connection, as the driver's path reads them (timeline_heads.Heads)."""
    from workbench.services.audit import export_scope
    from workbench.services.timeline_heads import Heads

    scope = export_scope(tx, flt)
    with tx.reading() as conn:
        return write_timeline(
            out,
            flt,
            scope,
            Heads(conn),
            _events(tx, flt, about_claims=True, bound=scope.trail_seq),
            lambda: _events(tx, flt, about_claims=False, bound=scope.trail_seq),
            progress,
        )


def write_timeline(
    out: IO[str],
    flt: EventFilter,
    scope: ExportScope,
    heads: Heads,
    about_claims: Iterable[tuple[Any, ...]],
    others: Callable[[], Iterable[tuple[Any, ...]]],
    progress: Progress | None = None,
) -> int:
    """The timeline of `scope`'s events: `about_claims`, those of claims in claim id order
    (each by seq), then `others` (no claim's, by seq), each row in FIELDS order; `heads` reads
    the claims and documents the headings name. Either path's reads (the ORM's or the
    driver's) give the same rows, and so the same bytes."""
    write = out.write
    write(f"{TIMELINE_TITLE}\n\n")
    write(f"Exported {as_read(format_at(now()))} UTC from the audit trail")
    criteria = _criteria(flt)
    write(f", {criteria}.\n" if criteria else ".\n")
    write(
        "Each entry: when (UTC), who, what changed (from → to), and the note given with it. "
        "The seq numbers refer to the events of `workbench audit export --format jsonl`, "
        "which `workbench audit verify --file` checks.\n"
    )
    count = 0
    write(_scope_text(scope))
    doc_cache: dict[tuple[int, int], tuple[str | None, Sentences]] = {}
    current: int | None = None
    for row in about_claims:
        claim_id = row[6]
        if claim_id != current:
            current = claim_id
            write(_claim_heading(heads, claim_id, heads.claim(claim_id), doc_cache))
        write(_entry(row))
        count += 1
        if progress is not None and count % EVERY == 0:
            progress(count, scope.count)
    first_other = True
    for row in others():
        if first_other:
            write("\n## Other events\n\n")
            first_other = False
        write(_entry(row))
        count += 1
        if progress is not None and count % EVERY == 0:
            progress(count, scope.count)
    if progress is not None:
        progress(count, scope.count)
    write(f"\n---\n{plural(count, 'event')}.\n" if count else "\nNo events match.\n")
    return count


def _scope_text(scope: ExportScope) -> str:
    """The scope, stated where a reader sees it (the JSONL export carries it to be checked)."""
    what = "the whole trail" if scope.full else "the events matching the filters above"
    span = f"seq {scope.first_seq} to {scope.last_seq}" if scope.count else "no seq (none match)"
    if scope.count and scope.first_seq == scope.last_seq:
        span = f"seq {scope.first_seq}"
    return (
        f"\nScope: {what}: {plural(scope.count, 'event')}, {span}, last event's hash "
        f"`{scope.head}`; the trail then held {plural(scope.trail_count, 'event')}, head "
        f"`{scope.trail_head}`.\n"
    )


def _events(
    tx: Tx, flt: EventFilter, *, about_claims: bool, bound: int
) -> Iterator[tuple[Any, ...]]:
    from sqlalchemy import select

    from workbench.db.models import Event
    from workbench.services.audit import BATCH, apply_filter, stream_events

    query = apply_filter(flt, select(*(getattr(Event, name) for name in FIELDS)))
    if about_claims:
        query = query.where(Event.claim_id.is_not(None), Event.seq <= bound)
        ordered = query.order_by(Event.claim_id, Event.seq)
        yield from tx.session.execute(ordered.execution_options(yield_per=BATCH))
    else:
        # Documents' events are among these: their payloads carry whole texts, read a few at
        # a time (stream_events), not 5,000.
        query = query.where(Event.claim_id.is_(None))
        yield from stream_events(tx.session.connection(), query, through=bound)


def _criteria(flt: EventFilter) -> str:
    parts = []
    if flt.claim_id is not None:
        parts.append(f"claim #{flt.claim_id}")
    if flt.document_id is not None:
        parts.append(f"document #{flt.document_id}")
    if flt.actors:
        parts.append("by " + ", ".join(flt.actors))
    if flt.actions:
        parts.append("actions " + ", ".join(flt.actions))
    if flt.since:
        parts.append(f"since {flt.since}")
    if flt.until:
        parts.append(f"until {flt.until}")
    if flt.after_seq is not None:
        # The head it continues, whole: the one a reader compares with the head noted.
        head = f" (head `{flt.after_head}`)" if flt.after_head else ""
        parts.append(f"after seq {flt.after_seq}{head}")
    return "only " + "; ".join(parts) if parts else ""


def _status_now(claim: ClaimHead) -> str:
    """A claim's status as `claim list` and `claim show` tell it: a verdict (or one proposed)
    whose quote changed since is flagged for re-review (views.FLAG), which a reader of the
    trail must not miss (a trial's export said "verified" of a flagged claim, no more)."""
    from workbench.services.views import FLAG

    shown = f"{claim.status} (version {claim.version})"
    if not FLAG.holds(claim):
        return shown
    judged = (
        f"the verdict {claim.proposed_status} was proposed"
        if claim.status == "in_review"
        else "the verdict was given"
    )
    return (
        f"{shown}, flagged for re-review: {judged} on the words of revision "
        f"{claim.verdict_revision}, before its quote or speaker changed"
    )


def _claim_heading(
    heads: Heads,
    claim_id: int,
    claim: ClaimHead | None,
    doc_cache: dict[tuple[int, int], tuple[str | None, Sentences]],
) -> str:
    if claim is None:
        return f"\n## Claim #{claim_id}\n\n(No such claim in the database now.)\n\n"
    # A claim's offsets count in the text of its revision (a document updated since has its
    # later text in document_revisions; an orphaned claim keeps the revision it was found in).
    key = (claim.document_id, claim.revision)
    cached = doc_cache.get(key)
    if cached is None:
        # One document at a time: claims come in id order, which mostly follows documents.
        doc_cache.clear()
        found = heads.source(claim.document_id, claim.revision)
        if found is not None:
            # Split once for all its claims: a transcript is one paragraph, and re-splitting
            # it for each claim's sentence was quadratic in its claims (review61).
            title, text = found
            cached = doc_cache[key] = (title, Sentences(text))
    found_doc = cached is not None
    title, sentences = cached if cached is not None else (None, Sentences(""))
    text = sentences.text
    lines = [f"\n## Claim #{claim.id}: {inline(claim.text)}\n"]
    source = f"document #{claim.document_id}"
    if title:
        source += f" ({inline(title)})"
    where = span_words(claim.start, claim.end)
    if claim.revision > 1:
        where += f" of revision {claim.revision}"
    lines.append(f"- **Source:** {source}, {where}")
    if claim.speaker:
        lines.append(f"- **Speaker:** {inline(claim.speaker)}")
    lines.append(f"- **Status now:** {_status_now(claim)}")
    if found_doc:
        sentence = sentences.around(claim.start, claim.end)
        left, right = min(sentence.start, claim.start), max(sentence.end, claim.end)
        # A text without sentence ends would make its whole self the "sentence": clip it.
        before, after = context_cut(text, claim.start, claim.end, left=left, right=right)
        quote = text[claim.start : claim.end]
        before, quote, after = inline(before), inline(quote), inline(after)
        lines.append(f"- **Quote in context:** {before}{_bold(before, quote, after)}{after}")
    else:
        lines.append(f"- **Quote:** {_bold(' ', inline(claim.quote), '')}")
    return "\n".join(lines) + "\n\n"


def _entry(row: tuple[Any, ...]) -> str:
    seq, at, actor, action, etype, eid, _claim_id, payload_text = row
    try:
        payload = json.loads(payload_text)
    except ValueError:
        payload = {}
    summary, quoted = event_summary(
        action, etype, eid, payload if isinstance(payload, dict) else {}
    )
    text = f"- **{as_read(at)}** · {inline(actor)} · {summary} _(seq {seq})_\n"
    for label, body in quoted:
        text += f"  > {label}\n" if label else ""
        text += "".join(f"  > {own_line(line)}\n" for line in body.splitlines() or [""])
    return text


def event_summary(
    action: str, entity_type: str, entity_id: str, payload: dict[str, Any]
) -> tuple[str, list[tuple[str, str]]]:
    """One line saying what happened, and the texts (notes) to quote beneath it."""
    verb = action.split(".", 1)[-1].replace("_", " ")
    before, after = payload.get("before"), payload.get("after")
    quoted: list[tuple[str, str]] = []
    if action == GUARDS_RESTORED:
        # No entity's fields: what was put back is the fact an editor signs off (review329:
        # the generic line named none of it).
        summary = (
            f"**guards restored** by `db upgrade`: triggers {_value(payload.get('triggers'))}; "
            f"indexes {_value(payload.get('indexes'))}; at revision "
            f"{_value(payload.get('revision'))}"
        )
    elif action == DOCUMENT_CHECKED and isinstance(after, dict):
        # `after` alone, as a creation's payload is, but nothing was added (review329: it read
        # "document #1 added: untitled, None characters").
        revision = revision_of(_value(after.get("revision")), inline(entity_id))
        # A source the same but for its spacing is no longer the revision to the character.
        spacing = " but for its spacing" if after.get("spacing_only") is True else ""
        summary = f"**checked**: {revision}, still what its source holds{spacing}"
    elif action == DOCUMENT_REVISED and isinstance(after, dict):
        summary = _revised(after)
    elif action == IMPORTED and isinstance(after, dict):
        summary = _imported(after, payload.get("source"))
    elif isinstance(after, dict) and not isinstance(before, dict):
        summary = _created(entity_type, entity_id, after, quoted)
    elif isinstance(after, dict) and isinstance(before, dict):
        if action == SETTING_CHANGED:
            # `before` holds the value alone, `after` the setting whole (set_payload): the key
            # is no change (rr334: it read "key: (none) → review.required").
            hidden = QUIET_FIELDS | (after.keys() - before.keys() - {"value"})
        elif action in REVIEWS:
            # Said in words first (`_review`): the proposal's fields are not listed raw.
            hidden = QUIET_FIELDS | set(PROPOSAL)
        else:
            hidden = QUIET_FIELDS
        changes = [
            f"{name}: {_value(old)} → {_value(new)}"
            for name, old, new in changed_fields(payload, hidden)
        ]
        if action in REVIEWS:
            changes.insert(0, _review(action, before, after))
        subject = "" if entity_type == "claim" else f"{_subject(entity_type, entity_id)} "
        summary = f"{subject}**{verb}**" + (": " + "; ".join(changes) if changes else "")
    else:
        summary = f"**{inline(action)}** on {_subject(entity_type, entity_id)}"
    note = payload.get("note")
    if isinstance(note, dict) and isinstance(note.get("body"), str):
        # The label is written as it stands (the body line by line, escaped): a stored id is
        # escaped as any stored value, and one missing is no "note #None" (review339).
        note_id = note.get("id")
        label = f"note #{inline(str(note_id))}:" if note_id is not None else "note:"
        quoted.append((label, note["body"]))
    return summary, quoted


def _revised(after: dict[str, Any]) -> str:
    """A document's new revision, by its document and number as the desk names it: the event's
    entity id is the revision row's, counted across every document (rr334: revision 2 of
    document #1 read "revision #1 added"), and its text is for `doc changes` to show."""
    revision = revision_of(_value(after.get("number")), _value(after.get("document_id")))
    return (
        f"**revised**: {revision}, {_size(after.get('length'))}, "
        f"sha256 {_digest(after.get('sha256'))}"
    )


def _subject(entity_type: str, entity_id: str) -> str:
    """What an event is about, as the CLI names it: a numbered thing by "#N" ("document #1",
    "note #3"), a person or a setting by name (review339: "document 1 edited" beside
    "document #1 added")."""
    if entity_type in ("user", "setting"):
        return f"{entity_type} {inline(entity_id)}"
    return f"{entity_type} #{inline(entity_id)}"


def _review(action: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    """A review in words (domain.verdict_words): the verdict proposed and by whom; for an
    approval or a rejection, the proposal reviewed and the note it was proposed with (the
    reviewer's own note is quoted beneath, as any change's)."""
    proposal = after if action == REVIEW_REQUESTED else before
    status, by = proposal.get("proposed_status"), proposal.get("proposed_by")
    words = str(verdict_words(action, None if status is None else _value(status)))
    if action == REVIEW_REQUESTED:
        # (its note is the change's, quoted beneath)
        return words + (f" by {_value(by)}" if by is not None else "")
    if by is not None:
        words += f", proposed by {_value(by)}"
    note = proposal.get("proposed_note")
    return words + (f": “{_value(note)}”" if note is not None else "")


def _imported(after: dict[str, Any], source: Any) -> str:
    """A claim brought in from a file, said as such, with the file and row it came from and
    the status it came in with (timeline336: it read "claim added", as one picked by hand)."""
    where = ""
    if isinstance(source, dict):
        where = f" from {_value(source.get('file'))}, row {_value(source.get('row'))}"
    said = f"**claim imported**{where}: {_claim_said(after)}, status {_value(after.get('status'))}"
    if after.get("proposed_status") is not None:
        # Under review.required it comes in awaiting review: the verdict it proposes is said.
        said += ", " + _review(REVIEW_REQUESTED, {}, after)
    return said


def _claim_said(after: dict[str, Any]) -> str:
    """A new claim's words, and its type and speaker where the payload holds them."""
    extra = ", ".join(_value(after[k]) for k in ("type", "speaker") if after.get(k) is not None)
    text = after.get("text")
    words = f"“{inline(text)}”" if isinstance(text, str) else _value(text)
    return words + (f" ({extra})" if extra else "")


def _size(length: Any) -> str:
    """A text's length in characters (a payload is read as stored: a length that is no count
    is shown as it is, escaped, and none as none)."""
    return plural(length, "character") if type(length) is int else f"{_value(length)} characters"


def _digest(sha256: Any) -> str:
    """A stored hash's first 12 characters, escaped as any stored value (timeline336: a forged
    payload's `**` or `<script>` in it was printed as markup; a missing one as "None…")."""
    return f"{inline(sha256[:12])}…" if isinstance(sha256, str) else _value(sha256)


def _created(entity_type: str, entity_id: str, after: dict[str, Any], quoted: list[Any]) -> str:
    if entity_type == "claim":
        return f"**claim added**: {_claim_said(after)}"
    if entity_type == "note":
        body = after.get("body")
        quoted.append(("", body if isinstance(body, str) else _value(body)))
        # The flag as the trail holds it (an internal note is never published).
        internal = " (internal)" if after.get("internal") is True else ""
        return f"**{_subject(entity_type, entity_id)} added**{internal}:"
    if entity_type == "document":
        title = inline(str(after.get("title") or "untitled"))
        return (
            f"**{_subject(entity_type, entity_id)} added**: {title}, "
            f"{_size(after.get('length'))}, sha256 {_digest(after.get('sha256'))}"
        )
    # (a person is named, not numbered: "#tester" read as a count)
    label = _subject(entity_type, entity_id)
    names = [
        name
        for name, value in after.items()
        if value not in (None, "", [])
        and name not in {"id", "claim_id", "created_at", "added_by", *QUIET_FIELDS}
    ]
    # Every field set, what a reader weighs first leading (an evidence item's stance, title,
    # citation, URL...), the rest in the payload's order; none left out (a trial: six kept in
    # alphabetical order dropped an evidence item's stance and title).
    names.sort(key=lambda name: FIRST_FIELDS.get(name, len(FIRST_FIELDS)))
    shown = [f"{name}: {_value(after[name])}" for name in names]
    return f"**{label} added**" + (": " + "; ".join(shown) if shown else "")


def _value(value: Any) -> str:
    if value is None or value == []:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(inline(str(v)) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = inline(str(value))
    return text if len(text) <= 120 else text[:119] + "…"


def _bold(before: str, text: str, after: str) -> str:
    """Markdown text `text` in bold between `before` and `after` (all three already escaped).

    `**` opens only where CommonMark's flanking rules let it: not before punctuation unless it
    follows a space or punctuation, and likewise for the closing `**`; so `是**“国内首个”**`
    was shown with literal asterisks (review54). There `<strong>` says it. What counts as
    punctuation differs by CommonMark version (0.31 adds symbols), so `**` is kept only where
    it holds under both."""
    first, last = text[:1], text[-1:]
    prior, following = before[-1:], after[:1]
    opens = bool(first) and not first.isspace()
    opens = opens and (not _symbolic(first) or not prior or _separates(prior))
    closes = bool(last) and not last.isspace()
    closes = closes and (not _symbolic(last) or not following or _separates(following))
    return f"**{text}**" if opens and closes else f"<strong>{text}</strong>"


def _symbolic(char: str) -> bool:
    """Punctuation to any CommonMark: ASCII punctuation, or a Unicode punctuation or symbol."""
    return char in ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


def _separates(char: str) -> bool:
    """Whitespace or punctuation to every CommonMark (a symbol is not, before 0.31)."""
    return char.isspace() or unicodedata.category(char)[0] == "P" or char in ASCII_PUNCTUATION
