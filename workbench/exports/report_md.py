"""The report as CommonMark (`workbench report --format md`), for a desk's CMS that takes
Markdown (trial324: editors pasted fact-checks, and the report was HTML only).

Built from the same `DocumentRecord` as the HTML page, with the page's own rules for what is
published (`report.shown`, `publishing.withheld_notes`, `publishing.published_history`): a
verdict the page withholds is withheld here, an internal note is never written, a withdrawn
claim is not in the record. It says the page's facts: the document's title, source and
revision, and each claim with its quote, standing, owner, notes, evidence and history. The
article itself is not written: the highlights are the page's, and a CMS's fact-check quotes the
claims, not the whole of another outlet's article.

Every stored string goes through `md_escape` (inline, own_line, autolink): none of it becomes
markup. Only CommonMark is written (no GFM table: the index is a list).
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.domain.clock import as_read
from workbench.domain.md_escape import autolink, inline, own_line, paragraphs
from workbench.domain.payloads import change_note, change_note_id, changed_fields
from workbench.domain.plurals import plural
from workbench.domain.revision_words import revision_of
from workbench.domain.urls import without_credentials
from workbench.exports.report import (
    FLAGGED_MEANING,
    HIDDEN_FIELDS,
    VALUE_MAX,
    WITHHELD_FIELDS,
    IndexEntry,
    anchor_fact,
    shown,
)
from workbench.services.publishing import (
    ClaimRecord,
    DocumentRecord,
    published_history,
    withheld_notes,
)
from workbench.services.views import EventView, EvidenceView

INDEX_NAME = "index.md"


def document_page_name(document_id: int) -> str:
    return f"document-{document_id}.md"


def _url(url: str) -> str:
    """An http(s) URL as an autolink, anything else as text: the HTML page links only those
    (`report._link`: a javascript: link a hand-edited bundle brought is not followed)."""
    if url.lower().startswith(("http://", "https://")):
        # Without a user name and password an older desk stored with it (annot).
        return autolink(without_credentials(url))
    return inline(url)


def document_page(record: DocumentRecord, *, generated_at: str) -> str:
    """One document's report: a title, what it reports on, then a section for each claim."""
    doc = record.document
    title = inline(doc.title) if doc.title else f"Document #{doc.id}"
    meta = [
        f"Claims report on {revision_of(record.revision, doc.id)}",
        plural(len(record.claims), "claim"),
    ]
    if doc.author:
        meta.append(f"by {inline(doc.author)}")
    if doc.published:
        meta.append(f"published {inline(doc.published)}")
    meta.append(f"report generated {inline(generated_at)}")
    parts = [f"# {title}\n\n", " · ".join(meta), ".\n"]
    if doc.url:
        parts.append(f"\nSource: {_url(doc.url)}\n")
    if not record.claims:
        parts.append("\nNo claims.\n")
    parts.extend(claim_section(rec, record.revision) for rec in record.claims)
    return "".join(parts)


def claim_section(rec: ClaimRecord, latest: int = 1) -> str:
    """A claim's section; `latest` is the revision the report is on (as `report.claim_item`)."""
    c = rec.claim
    show = shown(c)
    status = f"{show.symbol} {show.word}"
    if c.flagged:
        # The HTML page says it in its legend, beside the symbol.
        status += f" ({FLAGGED_MEANING})"
    facts = [
        ("Status", inline(status)),
        ("Rating", inline(show.rating)),
        ("Owner", inline(c.assignee) if c.assignee else "unassigned"),
        ("Type", inline(c.type)),
        ("Speaker", inline(c.speaker) if c.speaker else "not given"),
    ]
    anchor = anchor_fact(c, latest)
    if anchor is not None:
        facts.append(("Anchor", inline(anchor)))
    if c.tags:
        facts.append(("Tags", ", ".join(inline(tag) for tag in c.tags)))
    if c.due:
        facts.append(("Due", inline(c.due)))
    hidden = withheld_notes(rec)
    notes = [
        _note(n.author, as_read(n.created_at), n.body) for n in rec.notes if n.id not in hidden
    ]
    evidence = [_evidence(item) for item in rec.evidence]
    history = [_event(ev, withheld=c.flagged, hidden_notes=hidden) for ev in published_history(rec)]
    return "".join(
        [
            f"\n## Claim #{c.id}: {inline(c.text)}\n\n",
            _quote(c.quote),
            "\n",
            *(f"- **{name}:** {value}\n" for name, value in facts),
            "\n### Notes\n\n",
            *(notes or ["None.\n"]),
            "\n### Evidence\n\n",
            *(evidence or ["None.\n"]),
            "\n### History\n\n",
            *(history or ["None.\n"]),
        ]
    )


def _quote(quote: str) -> str:
    """The quote as a blockquote, its lines and paragraphs as the article has them
    (`paragraphs`: a line break a hard one, a paragraph one of the blockquote's)."""
    return "".join(f"> {line}\n" if line else ">\n" for line in paragraphs(quote) or [""])


def _note(author: str, at: str, body: str) -> str:
    """A note as a list item: who and when, then its lines and paragraphs (`paragraphs`), the
    lines after its first indented into the item."""
    first, *rest = paragraphs(body) or [""]
    more = "".join(f"  {line}\n" if line else "\n" for line in rest)
    return f"- {own_line(author)}, {at}: {first}\n{more}"


def _evidence(item: EvidenceView) -> str:
    """An evidence item as the page lists it: its stance, title, link (or file's hash) and
    citation (a URL with no title is its link alone, as on the page)."""
    title = item.title or (
        None if item.url else item.file_name or item.citation or f"evidence #{item.id}"
    )
    words = [f"- {inline(item.stance)}:"]
    if title:
        words.append(inline(title))
    if item.url:
        words.append(_url(item.url))
    elif item.sha256:
        # Escaped as every stored string, not set in a code span on the word that it is hex:
        # a hand-edited desk's row holds what it holds, and a backtick in it closed the span,
        # the rest markup (finalD). As the audit timeline writes a stored hash.
        words.append(f"sha256 {inline(item.sha256[:16])}…")
    line = " ".join(words)
    if item.citation and item.citation != title:
        line += f" — {inline(item.citation)}"
    return line + "\n"


def _event(
    ev: EventView, *, withheld: bool = False, hidden_notes: frozenset[int] = frozenset()
) -> str:
    """A history entry as the page writes it (`report._event`): when, who, the action, what it
    changed (a withheld verdict's status left out) and the note given with it."""
    hidden = WITHHELD_FIELDS if withheld else HIDDEN_FIELDS
    changes = "; ".join(
        f"{inline(name)}: {_value(old)} → {_value(new)}"
        for name, old, new in changed_fields(ev.payload, hidden)
    )
    note = None if change_note_id(ev.payload) in hidden_notes else change_note(ev.payload)
    line = f"1. {as_read(ev.at)} {inline(ev.actor)} {inline(ev.action)}"
    if changes:
        line += f": {changes}"
    if note is not None:
        line += f" — “{inline(note)}”"
    return line + "\n"


def _value(value: object) -> str:
    if value is None or value == []:
        return "(none)"
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return inline(text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…")


def index_page(entries: Sequence[IndexEntry], *, generated_at: str) -> str:
    """The index of `report --all --format md`: each document, its claims by status, its page
    (a list: a table is GFM's, which a CommonMark CMS shows as its pipes)."""
    lines = [
        "# Claims reports\n\n",
        f"{plural(len(entries), 'document')} · generated {inline(generated_at)}.\n\n",
    ]
    for entry in entries:
        title = inline(entry.title) if entry.title else f"Document #{entry.document_id}"
        summary = ", ".join(f"{n} {inline(s)}" for s, n in entry.by_status) or "no claims"
        lines.append(
            f"- [{title}]({entry.filename}) (document #{entry.document_id}): "
            f"{plural(entry.claims, 'claim')}: {summary}\n"
        )
    if not entries:
        lines.append("No documents.\n")
    return "".join(lines)
