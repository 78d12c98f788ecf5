"""Document revisions: a new text is stored beside the old ones, and every claim of the
document is re-anchored to it (see workbench.domain.anchoring)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from workbench.db.models import Blob, Claim, Document, DocumentRevision, Event
from workbench.domain.actions import (
    APPROVED,
    DOCUMENT_CHECKED,
    DOCUMENT_REVISED,
    FLAGGED_FOR_REVIEW,
    QUOTE_CHANGED,
    REANCHORED,
    REVIEW_REQUESTED,
    STATUS_CHANGED,
)
from workbench.domain.anchoring import Anchored, AnchorState, Matcher, Selector
from workbench.domain.canonical_order import composed
from workbench.domain.chinese_forms import has_han, simplified_text
from workbench.domain.cjk import is_wide
from workbench.domain.clock import now
from workbench.domain.edge_edits import edited_at_edges
from workbench.domain.errors import Conflict, InvalidInput, NotFound, give, step
from workbench.domain.given_back import given_back
from workbench.domain.json_fields import JsonFields
from workbench.domain.limits import MAX_SOURCE, has_visible, visible_or_none
from workbench.domain.payloads import created, revision_payload
from workbench.domain.quote_folding import respelt
from workbench.domain.revision_words import revision_of
from workbench.domain.spacing import same_but_spacing
from workbench.domain.spans import Span
from workbench.domain.stale_figures import stale_figures
from workbench.domain.status import FINAL_VALUES, holds_verdict
from workbench.domain.text import normalise, sha256_text
from workbench.domain.textdiff import (
    SHINGLE,
    SHORT_RUNS,
    UNRELATED_BELOW,
    Diff,
    diff_texts,
    folded_wording,
    shared_wording,
)
from workbench.domain.transcript import Transcript, same_label_person, speaker_turns
from workbench.domain.urls import page_address
from workbench.services.claim_updates import update_claim
from workbench.services.context import Tx, Workbench, mutation, transaction

# (`doc revisions` reads on the driver: services.doc_show, its one home)
from workbench.services.doc_show import list_revisions as list_revisions
from workbench.services.earlier_spans import (
    MOVED,
    judged_span,
    passages_moved_from,
    spans_to_give_back,
)
from workbench.services.headlines import revision_headline, stated_headline, with_headline
from workbench.services.lookup import get_document
from workbench.services.readings_first import read_readings_first
from workbench.services.sources import Content, refuse_nul
from workbench.services.speakers import DocumentSpeakers, same_speaker
from workbench.services.views import RevisionView, replaced_bytes, stored_as_sent

if TYPE_CHECKING:
    from workbench.services.pages import Decoding


def latest_number(tx: Tx, document_id: int) -> int:
    found = tx.session.scalar(
        select(func.max(DocumentRevision.number)).where(DocumentRevision.document_id == document_id)
    )
    return int(found) if found else 1


def revision_text(tx: Tx, doc: Document, number: int | None = None) -> tuple[int, str]:
    """(number, text) of revision `number` of `doc`, the latest when None."""
    if number is None:
        number = latest_number(tx, doc.id)
    if number == 1:
        return 1, doc.text
    text = tx.session.scalar(
        select(DocumentRevision.text).where(
            DocumentRevision.document_id == doc.id, DocumentRevision.number == number
        )
    )
    if text is None:
        last = latest_number(tx, doc.id)
        raise NotFound(f"document #{doc.id} has no revision {number}: it has revisions 1..{last}")
    return number, text


def bytes_sha256(data: bytes | None) -> str | None:
    """The sha256 of bytes read, or None where the source kept none."""
    if data is None:
        return None
    import hashlib

    return hashlib.sha256(data).hexdigest()


def archive(tx: Tx, data: bytes | None) -> str | None:
    """Keep bytes in the blobs table (once per content hash); their sha256, or None."""
    digest = bytes_sha256(data)
    if data is None or digest is None:
        return None
    if tx.session.get(Blob, digest) is None:
        tx.session.add(Blob(sha256=digest, size=len(data), data=data))
    return digest


@dataclass(frozen=True, slots=True)
class AnchorOutcome(JsonFields):
    """What re-anchoring did to one claim."""

    claim_id: int
    state: str
    score: float | None
    old_quote: str
    new_quote: str | None
    old_start: int
    new_start: int | None
    status: str
    # The claim's verdict is flagged for re-review: this revision changed or removed its
    # quote, or gave its line to another speaker, so its rating is withheld from publishing
    # until a new decision.
    flagged: bool = False
    # Set when this revision gave the claim's line to another speaker: the claim's speaker
    # before, and the line's speaker the claim now has.
    old_speaker: str | None = None
    new_speaker: str | None = None
    # The claim got back the span its flagged verdict was given on (its flag is gone:
    # `flag_cleared`), or, with no verdict, the span it was pinned to before a revision changed
    # its quote (see `reanchor_claims`): its words are back.
    restored: bool = False
    flag_cleared: bool = False
    # The verdict proposed, for a claim in review (`status` is then in_review, no verdict).
    proposed_status: str | None = None
    # The claim was orphaned (its quote gone from the latest revision) and this revision has
    # its quote again: found again, as it is, moved or changed (`state`).
    found_again: bool = False
    # Found where it was or moved (exact, moved), its words the same, but spelt otherwise than
    # its quote, in more than layout ("..." made "…": `quote_folding.respelt`): the stored quote
    # now has the document's characters, as `doc changes` says too (fix284).
    respelt: bool = False
    # Orphaned, and already so before this revision: an earlier revision removed its quote,
    # this one changed nothing of it (no event written). Said apart, else each later revision
    # was said to have removed it again.
    gone_before: bool = False
    # Its quote changed: the figures the claim's text still gives that the old quote had and
    # the new one has not, as the text writes them (`stale_figures`: extract's claim says
    # 35万 where the page now says 36万). A revision changes no claim's text.
    stale_figures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RevisionAdded:
    created: bool
    revision: RevisionView
    anchors: list[AnchorOutcome] = field(default_factory=list)
    redirects: tuple[str, ...] = ()
    # Where the new text's page says it is, when that is not the document's stored URL
    # ({"url": ...}): reported, never applied (see update_document).
    not_applied: dict[str, str] = field(default_factory=dict)
    document_url: str | None = None
    document_title: str | None = None
    # The document's stored URL, fetched because no source was given: for a page, the
    # canonical URL it names, which may not be the address it was first fetched from.
    fetched_again: str | None = None
    # An earlier revision with exactly this text (an edit undone): the new revision is still
    # stored, since the trail records that the page changed back.
    same_as: int | None = None
    # When the source was read and found to hold the latest revision's text (created False):
    # its `document.checked` event's time.
    checked_at: str | None = None
    # Created False: the new text has the latest revision's words in their order, only spaced
    # otherwise (`same_but_spacing`), so nothing was stored.
    spacing_only: bool = False
    # Created False: the latest revision holds the text an earlier release's reading of this
    # source gave (its <time> words or templates read otherwise), not what this release reads.
    earlier_reading: bool = False
    # A page whose encoding was a guess (no charset it is in declared): the codec it was read
    # in, said as `doc add` says it (the revision is stored all the same).
    guessed_encoding: str | None = None
    # A page read otherwise than as it is: how (`Content.read_as`), said as `doc add` says it.
    read_as: Decoding | None = None
    # A fetched text stored as the type its server sent says (`Content.stored_as_sent`), said
    # as `doc add` says it.
    stored_as_sent: str | None = None
    # The headline the revision's page (or Markdown file) stated when it was stored, as `doc
    # show` gives the current one (workbench.services.headlines): None for a plain text.
    headline: str | None = None

    @property
    def flagged(self) -> list[AnchorOutcome]:
        """The claims whose verdict this revision left flagged for re-review."""
        return [a for a in self.anchors if a.flagged]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.revision.to_json(),
            "created": self.created,
            "anchors": [a.to_json() for a in self.anchors],
            "flagged": [a.claim_id for a in self.flagged],
            "redirects": list(self.redirects),
            "not_applied": dict(self.not_applied),
            "fetched_again": self.fetched_again,
            "same_as": self.same_as,
            "checked_at": self.checked_at,
            "earlier_reading": self.earlier_reading,
            "spacing_only": self.spacing_only,
            "headline": self.headline,
            **({"guessed_encoding": self.guessed_encoding} if self.guessed_encoding else {}),
            **replaced_bytes(self.read_as),
            **stored_as_sent(self.stored_as_sent),
        }


# The `reason` of refusing a text that shares almost no wording with the current revision.
UNRELATED = "unrelated_text"
# The `reason` of refusing a text under a third of the current revision's length (CUT_BELOW).
CUT_SHORT = "cut_short"
# A new text shorter than this share of the current revision's, of LITTLE_TEXT characters or
# more, is refused unless forced: a paywall's stub (the lead word for word, then "subscribe"),
# a login or cookie page or a page cut short, which shares all its wording with the article and
# so passed the unrelated-text rule, stored for good and every later claim orphaned (trial159).
CUT_BELOW = 1 / 3


# The `reason` of refusing a `doc update` whose document got another revision after the update
# read which revision was latest (race322): stored, its text would be the latest, though it may
# be the older reading of the page (read first, written second), the newer one silently undone.
REVISED_MEANWHILE = "revised_meanwhile"


def revised_since(tx: Tx, document_id: int, read: int, latest: int, *, asked: bool) -> Conflict:
    """The refusal of an update based on revision `read` of the document, now at `latest`:
    naming the revision stored since and who stored it. `asked`: `read` is the revision the
    caller named (`expected_revision`), not the one the update itself read before its source."""
    hint = step("update_again", document_id=document_id, revision=latest, asked=asked)
    if read > latest:
        return Conflict(
            f"document #{document_id} has never had revision {read}: its latest is revision "
            f"{latest}; nothing stored",
            hint=hint,
        )
    who = tx.session.scalar(
        select(DocumentRevision.added_by).where(
            DocumentRevision.document_id == document_id, DocumentRevision.number == latest
        )
    )
    if latest == read + 1:
        stored = f"revision {latest} (stored by {who})"
    else:
        stored = f"revisions {read + 1}..{latest} (the latest stored by {who})"
    if asked:
        said = f"is at {stored}, not revision {read}"
    else:
        said = (
            f"got {stored} while this update was reading its source (revision {read} was "
            "the latest then)"
        )
    return Conflict(
        f"document #{document_id} {said}; nothing stored",
        hint=hint,
        reason=REVISED_MEANWHILE,
    )


@mutation
def update_document(
    wb: Workbench,
    document_id: int,
    content: Content,
    *,
    fetched_url: str | None = None,
    force: bool = False,
    read_revision: int | None = None,
    expected_revision: int | None = None,
) -> RevisionAdded:
    """Store `content` as the next revision of the document and re-anchor its claims.

    The same text as the latest revision stores nothing (created False), and so does the same
    file when the latest revision holds the text an earlier reading of it stored. A text
    sharing under UNRELATED_BELOW of its wording with the latest revision is refused unless
    `force`: it is most likely another article (a wrong URL or file), and a revision can never
    be deleted; so is one under CUT_BELOW of the latest's length (a paywall's stub).
    Each claim whose span or anchor changes gets one event: claim.reanchored, or, when its
    quote changed (fuzzy) or vanished (orphaned) or its line went to another speaker,
    claim.flagged_for_review if it has a verdict (given or proposed) and claim.quote_changed
    if it has none to flag.

    The document's metadata is never changed here: a URL other than the stored one (the page's
    canonical URL, or `fetched_url`) is reported in `not_applied`. The stored URL is the
    article's public address, which exports cite; a text fetched from a mirror, an archived
    copy or a test server must not repoint it silently, and each revision keeps where it came
    from (`source`). `doc edit` changes it, audited.
    """
    text = content.text
    # As a new document's (review48: a revision stored a NUL on SQLite; PostgreSQL failed).
    refuse_nul(text, content.source)
    if not has_visible(text):
        raise InvalidInput(f"{content.source} is empty (or only whitespace): nothing to store")
    if text != normalise(text):
        # Every reader normalises; offsets are code points of NFC, LF text (insert_document).
        raise InvalidInput("a document's text must be normalised (NFC, LF)")
    digest = sha256_text(text)
    # The earlier readings read first where the latest revision does not hold this text; the
    # write below decides on the latest it reads itself (services/readings_first).
    read_readings_first(
        wb,
        [content],
        lambda tx, _: sha256_text(revision_text(tx, get_document(tx, document_id))[1]) == digest,
        unread_needs=False,
    )
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        number, latest = revision_text(tx, doc)
        # Asked under the desk's write lock: no other revision can land before this commits.
        if expected_revision is not None and number != expected_revision:
            raise revised_since(tx, doc.id, expected_revision, number, asked=True)
        # The same text, or the same file as an earlier reading of its format stored it.
        held = sha256_text(latest)
        # A page whose template respaces its text (spaces doubled, tabs, blank lines) holds the
        # words the revision holds: stored, each fetch was a revision of spaces alone, every
        # claim re-anchored to it, in `doc revisions` and `doc changes` beside the real edits.
        spacing = held != digest and same_but_spacing(latest, text)
        # The earlier readings are another extraction of a page: read only when the text as
        # read now is not the one held (fix292).
        if held == digest or spacing or held in map(sha256_text, content.earlier):
            view = revision_view(tx, doc, number)
            # Nothing new to store, but the desk is owed the check: when, by whom, and which
            # bytes were read (other markup or charset than the revision's may hold the same
            # text). Their hash only, not a copy: a page re-read hourly, its markup different
            # each time (a request id, an ad slot), would keep a copy of every fetch, for text
            # the revision already holds (review288).
            found = {
                "revision": number,
                "sha256": view.sha256,
                "source": content.source[:MAX_SOURCE],
                "source_sha256": bytes_sha256(content.original),
                # The text read is not the revision's to the character: said in the trail, or
                # it held that the source had the revision's very text (rrevs). Only when so:
                # every other check's payload as before.
                **({"spacing_only": True} if spacing else {}),
            }
            ev = tx.record(DOCUMENT_CHECKED, "document", doc.id, {"after": found})
            return RevisionAdded(
                created=False,
                revision=view,
                checked_at=ev.at,
                spacing_only=spacing,
                earlier_reading=held != digest and not spacing,
                headline=revision_headline(tx, doc, number),
            )
        if read_revision is not None and number != read_revision:
            raise revised_since(tx, doc.id, read_revision, number, asked=False)
        if not force:
            _check_related(doc, number, latest, content)
        rev = DocumentRevision(
            document_id=doc.id,
            number=number + 1,
            text=text,
            sha256=digest,
            length=len(text),
            source=content.source[:MAX_SOURCE],
            format=content.format,
            source_sha256=archive(tx, content.original),
            added_by=tx.actor,
            created_at=now(),
        )
        same_as = _earlier_with(tx, doc, digest)
        tx.session.add(rev)
        tx.session.flush()
        view = RevisionView.of(rev)
        # The page's headline beside it: the document's title stays the desk's (fix292).
        headline = stated_headline(content)
        payload = with_headline(created(revision_payload(rev)), headline)
        tx.record(DOCUMENT_REVISED, "revision", rev.id, payload)
        texts: dict[int, str] = {}
        anchors = reanchor_claims(tx, doc, rev.number, text, texts=texts)
        added = RevisionAdded(
            created=True,
            revision=view,
            anchors=anchors,
            not_applied=_not_applied(doc, content, fetched_url),
            document_url=doc.url,
            document_title=doc.title,
            same_as=same_as,
            headline=headline,
        )
    return with_stale_figures(added, texts)


def _earlier_with(tx: Tx, doc: Document, digest: str) -> int | None:
    """The latest earlier revision of `doc` whose text has sha256 `digest`, if any."""
    number = tx.session.scalar(
        select(func.max(DocumentRevision.number)).where(
            DocumentRevision.document_id == doc.id, DocumentRevision.sha256 == digest
        )
    )
    if number is not None:
        return int(number)
    return 1 if doc.sha256 == digest else None


def _check_related(doc: Document, number: int, latest: str, content: Content) -> None:
    """Refuse a new text that shares almost no wording with the latest revision, or that is
    under CUT_BELOW of its length (`_check_length`). Wording first: a text sharing none of the
    article's is another text (a takedown notice), whatever its length; cut_short is said of a
    text that is the article's, cut (review165: a takedown notice was said as a paywall's)."""
    share = _share(latest, content.text)
    if share is not None and share < UNRELATED_BELOW and has_han(content.text):
        # The same article in the other script (a Hong Kong edition, a page switched by its
        # reader's locale) shares almost no runs character for character: compared again in
        # simplified characters (OpenCC's tables, loaded only here), it is the article it is.
        share = max(share, _share(simplified_text(latest), simplified_text(content.text)) or 0)
    if share is None or share >= UNRELATED_BELOW:
        _check_length(doc, number, latest, content)
        return
    language = content.metadata.get("language")
    other = (
        f"; it is in {language}, the document in {doc.language}"
        if language and doc.language and language.split("-")[0] != doc.language.split("-")[0]
        else ""
    )
    raise InvalidInput(
        f"{content.source} shares {share:.0%} of its wording with "
        f"{revision_of(number, doc.id)} (under {UNRELATED_BELOW:.0%}){other}: another article, "
        "or this one taken down? A revision can never be deleted",
        hint=give("force"),
        reason=UNRELATED,
    )


def _check_length(doc: Document, number: int, latest: str, content: Content) -> None:
    from workbench.services.pages import LITTLE_TEXT

    if len(latest.strip()) < LITTLE_TEXT or len(content.text) >= len(latest) * CUT_BELOW:
        return
    raise InvalidInput(
        f"{content.source} is {len(content.text):,} characters, under a third of "
        f"{revision_of(number, doc.id)} ({len(latest):,}): a paywall, a login or cookie page, "
        "or a page cut short? Its claims past it would be orphaned, and a revision can never "
        "be deleted",
        hint=give("force"),
        reason=CUT_SHORT,
    )


def _share(latest: str, new: str) -> float | None:
    """The share of wording `new` keeps of `latest` (shared_wording, or for a short current
    text _short_share), or None when too little to say."""
    share = shared_wording(latest, new)
    return _short_share(latest, new) if share is None else share


# A short text's runs of wording: its wording as textdiff.shared_wording reads it
# (folded_wording: spaces and punctuation left out, width and case folded), every run of
# digits (or Chinese numerals) read as one digit, so that a corrected figure ("12人" then
# "14人", "$3" then "$4", 一句 then 两句) changes no run (review58: a 13-character casualty
# line with two figures corrected shared 0%: every run of 8 held one of them); and a run is
# SHINGLE columns wide, a Chinese or other wide character two (a phrase of 4 characters, as 8
# letters are a word and a half of English: a changed word in a line of Chinese leaves some
# runs whole). At most SHORT_RUNS of them, spread over the text.
# (CI's export test corrected 一 to 两 in a six-character line, and every run held it.)
_DIGITS = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿]+")


def _short_share(latest: str, new: str) -> float | None:
    """`shared_wording` for a current text too short for it to sample (under MIN_SHINGLES
    runs: a tweet, a one-paragraph statement), which it leaves unjudged: so any text replaced
    such a document without --force (trial56: a 35-character Chinese statement by an English
    weather report). Judged as it judges a short new text, by runs found in the other text,
    both ways, keeping the higher: the old text's runs in the new (a teaser grown into the
    article keeps them all) or the new's in the old (a statement cut down); a text narrower
    than a run is one run. None when the current text has fewer than two letters or digits (a
    figure once folded): too little to say."""
    old_text, new_text = _wording(latest), _wording(new)
    old_runs, new_runs = _runs_of(old_text), _runs_of(new_text)
    if not old_runs:
        return None
    kept = sum(run in new_text for run in old_runs) / len(old_runs)
    if not new_runs:
        return kept
    return max(kept, sum(run in old_text for run in new_runs) / len(new_runs))


def _wording(text: str) -> str:
    return _DIGITS.sub("0", folded_wording(text))


def _runs_of(wording: str) -> list[str]:
    """The runs of `wording`, or the whole of it as its one run when it is narrower than a run
    but two characters or more (review59: 降价一千五百元, its figure folded, is 降价0元, which
    had no run and so was replaced by any text unjudged)."""
    widths = [2 if is_wide(char) else 1 for char in wording]
    if sum(widths) < SHINGLE:
        return [wording] if len(wording) >= 2 else []
    runs = []
    end = total = 0
    # A window over the text: each start's run ends where SHINGLE columns are reached.
    for start in range(len(wording)):
        while end < len(wording) and total < SHINGLE:
            total += widths[end]
            end += 1
        if total < SHINGLE:
            break
        runs.append(wording[start:end])
        total -= widths[start]
    return runs[:: 1 + len(runs) // SHORT_RUNS]


def _not_applied(doc: Document, content: Content, fetched_url: str | None) -> dict[str, str]:
    """The new text's URL when it is not the document's: the page's canonical URL, else the
    one it was fetched from. A page whose canonical URL is the stored one is the same article,
    wherever it was fetched from. And the page's title when it is not the document's: kept
    (the desk often gives its own), but said, since the report and the exports cite it
    (trial68: a correction's new headline went unsaid, and the old one was published)."""
    found: dict[str, str] = {}
    url = content.metadata.get("url") or fetched_url
    # One page's address, whatever its #fragment (page_address).
    pages = {page_address(u) for u in (url, fetched_url) if u}
    if url and (doc.url is None or page_address(doc.url) not in pages):
        found["url"] = url
    title = visible_or_none(composed(content.metadata.get("title") or ""))
    if title and title != doc.title:
        found["title"] = title
    return found


def revision_view(tx: Tx, doc: Document, number: int) -> RevisionView:
    """Revision `number` of `doc` (it exists)."""
    if number == 1:
        return RevisionView.first(doc)
    rev = tx.session.scalar(
        select(DocumentRevision).where(
            DocumentRevision.document_id == doc.id, DocumentRevision.number == number
        )
    )
    assert rev is not None
    return RevisionView.of(rev)


def placed_in(old: str, new: str) -> Callable[[Span], Span | None]:
    """Where a span of `old` is in `new`, as `reanchor_claims` moves a claim pinned there
    (exact, moved or changed); None when its words are gone."""
    matcher, diff = Matcher(new), diff_texts(old, new)
    starts = [c.new_start for c in diff.changes]

    def place(span: Span) -> Span | None:
        sel = Selector(span.start, span.end, span.quote, span.prefix, span.suffix)
        # As `reanchor_claims` finds it, words added at its edge and all: a seed's claim
        # placed otherwise would not be found where `doc update` had put it.
        found = matcher.reanchor(sel, diff.map_offset(span.start))
        return edited_at_edges(diff.changes, new, found, starts).span

    return place


def reanchor_claims(
    tx: Tx,
    doc: Document,
    number: int,
    text: str,
    only: Sequence[Claim] | None = None,
    texts: dict[int, str] | None = None,
) -> list[AnchorOutcome]:
    """Re-anchor every claim of `doc` (or those of `only`) to revision `number` (text
    `text`), writing the events. `texts`, when given, gets the text of each claim whose quote
    changed, for `with_stale_figures` to read once the write has committed.

    A claim whose earlier words are back (an edit undone) gets their span back, decided by
    one rule (`given_back`) whichever way they came back: a verdict flagged by an earlier
    revision and not decided since, the span it was given on, and its flag goes; a claim with
    no verdict, the span it was pinned to before a revision changed its quote; a claim moved
    to another passage of the same words, the passage it was on."""
    if only is not None:
        claims: Sequence[Claim] = only
    else:
        claims = tx.session.scalars(
            select(Claim).where(Claim.document_id == doc.id).order_by(Claim.id)
        ).all()
    matcher = Matcher(text)
    diffs: dict[int, Diff] = {}
    turns: dict[int, Transcript] = {}
    turns_now = speaker_turns(text)
    outcomes: list[AnchorOutcome] = []
    moved_from = passages_moved_from(tx, [c.id for c in claims if c.anchor_state == MOVED])
    new_starts: dict[int, list[int]] = {}
    spellings = DocumentSpeakers(tx, doc.id)  # read once, not once per claim renamed
    for claim in claims:
        if claim.revision not in diffs:
            old = revision_text(tx, doc, claim.revision)[1]
            diffs[claim.revision] = diff_texts(old, text)
            turns[claim.revision] = speaker_turns(old)
            new_starts[claim.revision] = [c.new_start for c in diffs[claim.revision].changes]
        # Searched once, and only when needed: a span given back where it was is not.
        find = cache(
            partial(
                _reanchored, claim, matcher, text, diffs[claim.revision], new_starts[claim.revision]
            )
        )
        earlier, moved = spans_to_give_back(tx, claim, moved_from)
        back = given_back(
            earlier,
            text,
            moved=moved,
            found_at=partial(_found_at, find),
            line_kept=partial(_line_kept, claim, turns[claim.revision], turns_now),
        )
        if back is not None:
            outcomes.append(_restore(tx, claim, number, back))
            continue
        found = find()
        changes: dict[str, Any] = {"anchor_state": found.state.value, "anchor_score": found.score}
        speaker = None
        if found.span is not None:
            changes.update(found.span.columns(), revision=number)
            speaker = _line_given_to(claim, turns[claim.revision], turns_now, found.span.start)
        if speaker is not None:
            # Spelled as the document's other claims spell the new speaker (MARSH on the line,
            # Marsh on them: one speaker, as `claim add` and `claim edit` keep it).
            speaker = spellings.spelling(speaker, besides=claim)
        if speaker is not None:
            changes["speaker"] = speaker
        flagged = found.state in (AnchorState.FUZZY, AnchorState.ORPHANED) or speaker is not None
        # Still orphaned is no change: an orphaned claim keeps its old span, so each revision
        # finds its words gone again, and a verdict the desk gave again since was flagged
        # anew by every revision (review48).
        still_gone = (
            found.state == AnchorState.ORPHANED
            and claim.anchor_state == found.state.value
            and speaker is None
        )
        # A verdict, or one proposed and awaiting its second reviewer, judged the old quote.
        if (
            flagged
            and not still_gone
            and holds_verdict(claim.status)
            and claim.verdict_revision is None
        ):
            changes["verdict_revision"] = claim.revision
        old_quote, old_start, old_speaker = claim.quote, claim.start, claim.speaker
        was_orphaned = claim.anchor_state == AnchorState.ORPHANED.value
        changes = {k: v for k, v in changes.items() if getattr(claim, k) != v}
        if changes:
            marked = changes.get("verdict_revision", claim.verdict_revision)
            update_claim(tx, claim, _anchor_action(flagged, marked), changes)
            spellings.moved(claim.id, old_speaker, claim.speaker)
        outcomes.append(
            AnchorOutcome(
                claim_id=claim.id,
                state=found.state.value,
                score=found.score,
                old_quote=old_quote,
                new_quote=found.span.quote if found.span else None,
                old_start=old_start,
                new_start=found.span.start if found.span else None,
                status=claim.status,
                # set now, or still set from an earlier revision that changed the quote
                flagged=flagged and claim.verdict_revision is not None,
                old_speaker=old_speaker if speaker is not None else None,
                new_speaker=speaker,
                proposed_status=claim.proposed_status,
                found_again=was_orphaned and found.state != AnchorState.ORPHANED,
                respelt=not was_orphaned
                and found.state in (AnchorState.EXACT, AnchorState.MOVED)
                and found.span is not None
                and respelt(old_quote, found.span.quote),
                gone_before=still_gone,
            )
        )
        if texts is not None and found.span is not None and found.span.quote != old_quote:
            texts[claim.id] = claim.text
    return outcomes


def with_stale_figures(added: RevisionAdded, texts: Mapping[int, str]) -> RevisionAdded:
    """`added` with each changed quote's `stale_figures`: read after the write commits, not
    under the desk's lock (similarity's reading of figures, about 3 ms a changed claim, and
    its tables' first load, rC: a 2,000-claim document's every figure changed held the lock
    half as long again)."""
    if not texts:
        return added
    return replace(
        added,
        anchors=[
            replace(
                a,
                stale_figures=tuple(stale_figures(texts[a.claim_id], a.old_quote, a.new_quote)),
            )
            if a.claim_id in texts and a.new_quote is not None
            else a
            for a in added.anchors
        ],
    )


def _reanchored(
    claim: Claim, matcher: Matcher, text: str, diff: Diff, starts: list[int]
) -> Anchored:
    """Where re-anchoring finds `claim` in the new text (`text`, `matcher`'s), and how."""
    sel = Selector(claim.start, claim.end, claim.quote, claim.prefix, claim.suffix)
    found = matcher.reanchor(sel, diff.map_offset(claim.start))
    return edited_at_edges(diff.changes, text, found, starts)


def _found_at(find: Callable[[], Anchored]) -> int | None:
    span = find().span
    return None if span is None else span.start


def _anchor_action(changed: bool, verdict_revision: int | None) -> str:
    """The event of a claim re-anchored to a new revision: its quote found (exact, moved), or
    changed, gone or its line given to another speaker (`changed`). Then a verdict, given or
    proposed, is flagged for re-review (its mark, `verdict_revision`, set now or before); a
    claim with none to flag is only told that its quote changed: the report's legend and
    `claim list --flagged` speak of verdicts, and it had none."""
    if not changed:
        return REANCHORED
    return QUOTE_CHANGED if verdict_revision is None else FLAGGED_FOR_REVIEW


def judged_quote(tx: Tx, claim: Claim, flagged_on: int | None = None) -> str | None:
    """The words a flagged verdict was given on (before the revision that flagged it), or None
    when the claim is not flagged or they cannot be told. `flagged_on`: the revision a flag
    since cleared was set on (a proposal that confirmed the verdict cleared it), else the
    claim's flag now."""
    revision = claim.verdict_revision if flagged_on is None else flagged_on
    if revision is None:
        return None
    span = judged_span(tx, claim, revision)
    quote = None if span is None else span.get("quote")
    return quote if isinstance(quote, str) else None


def unpublished_judged_quote(tx: Tx, claim: Claim) -> str | None:
    """The words a flagged verdict was given on, while no verdict has been decided since on the
    changed words: the claim's flag now, or the one a proposal confirming the verdict cleared
    and no approval has published since (a proposal rejected and made again included:
    review53 found the approver of the second one told nothing). None otherwise."""
    if claim.verdict_revision is not None:
        return judged_quote(tx, claim)
    cleared: int | None = None
    rows = tx.session.execute(
        select(Event.action, Event.payload)
        .where(
            Event.claim_id == claim.id,
            Event.action.in_((REVIEW_REQUESTED, APPROVED, STATUS_CHANGED)),
        )
        .order_by(Event.seq)
    )
    for action, payload in rows:
        body = json.loads(payload)
        if action == REVIEW_REQUESTED:
            flag = (body.get("before") or {}).get("verdict_revision")
            cleared = flag if isinstance(flag, int) else cleared
        elif action == APPROVED or (body.get("after") or {}).get("status") in FINAL_VALUES:
            cleared = None  # a verdict decided on the changed words: published, or given
    return None if cleared is None else judged_quote(tx, claim, cleared)


def _restore(tx: Tx, claim: Claim, number: int, span: dict[str, Any]) -> AnchorOutcome:
    """Put back the span a flagged verdict was given on, or a claim with no verdict was pinned
    to (see `reanchor_claims`)."""
    old_quote, old_start = claim.quote, claim.start
    flag_cleared = claim.verdict_revision is not None
    was_orphaned = claim.anchor_state == AnchorState.ORPHANED.value
    changes: dict[str, Any] = {
        **span,
        "revision": number,
        "anchor_state": AnchorState.EXACT.value,
        "anchor_score": None,
        "verdict_revision": None,
    }
    changes = {k: v for k, v in changes.items() if getattr(claim, k) != v}
    update_claim(tx, claim, REANCHORED, changes)
    return AnchorOutcome(
        claim_id=claim.id,
        state=AnchorState.EXACT.value,
        score=None,
        old_quote=old_quote,
        new_quote=claim.quote,
        old_start=old_start,
        new_start=claim.start,
        status=claim.status,
        restored=True,
        flag_cleared=flag_cleared,
        proposed_status=claim.proposed_status,
        found_again=was_orphaned,
    )


def _line_given_to(claim: Claim, before: Transcript, after: Transcript, start: int) -> str | None:
    """The speaker of the line that holds the claim's quote now (at `start`), when the claim
    took its speaker from its line and the new revision gives that line to someone else: a
    corrected transcript. A speaker a person named for words on no line of theirs is theirs to
    change (`claim edit`), never a revision's."""
    if claim.speaker is None:
        return None
    was, is_now = before.speaker_at(claim.start), after.speaker_at(start)
    if was is None or is_now is None or not _one_voice(claim.speaker, was):
        return None
    return is_now if not _one_voice(was, is_now) else None


def _line_kept(claim: Claim, before: Transcript, after: Transcript, start: int) -> bool:
    """Whether the line at `start` of the new revision is still the claim's speaker's."""
    return _line_given_to(claim, before, after, start) is None


def _one_voice(a: str, b: str) -> bool:
    """One speaker, however spelled, or as a surname alone and the full name that ends in it:
    a claim stored as WHITFIELD before labels were read as one name (Dana Whitfield) is still
    that line's, and follows a correction of it."""
    return same_speaker(a, b) or same_label_person(a, b)


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    document_id: int
    from_revision: int
    to_revision: int
    old_text: str
    new_text: str
    diff: Diff

    def to_json(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "from": self.from_revision,
            "to": self.to_revision,
            "changes": [c.to_json() for c in self.diff.changes],
        }


def diff_revisions(
    wb: Workbench, document_id: int, from_: int | None = None, to: int | None = None
) -> RevisionDiff:
    """What changed from revision `from_` (default: the one before `to`) to `to` (latest)."""
    with transaction(wb) as tx:
        doc = get_document(tx, document_id)
        to_n, new = revision_text(tx, doc, to)
        if from_ is None and to_n == 1:
            # Revision 1 against itself would print "no changes", as if it had been checked.
            if latest_number(tx, doc.id) == 1:
                raise InvalidInput(
                    f"document #{doc.id} has one revision: nothing to compare yet",
                    hint=step("update_document", document_id=doc.id),
                )
            raise InvalidInput(
                "revision 1 is the first: nothing comes before it", hint=give("from")
            )
        from_n, old = revision_text(tx, doc, from_ if from_ is not None else max(1, to_n - 1))
        return RevisionDiff(doc.id, from_n, to_n, old, new, diff_texts(old, new))
