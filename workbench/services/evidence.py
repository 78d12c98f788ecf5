"""Evidence: a URL, a citation, or a file archived inside the database (it outlives the web)."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from workbench.db.models import Blob, Evidence
from workbench.defaults import MAX_EVIDENCE_MB, MAX_EVIDENCE_MB_ENV
from workbench.domain import not_a_stream
from workbench.domain.actions import EVIDENCE_ADDED
from workbench.domain.clock import EARLIEST_ACCESSED, now, past_date
from workbench.domain.desk import EVIDENCE_KINDS, STANCES
from workbench.domain.errors import Conflict, DamagedRecord, InvalidInput, give
from workbench.domain.limits import (
    MAX_NOTE,
    MAX_SHORT,
    MAX_TITLE,
    MAX_URL,
    check_characters,
    check_file_name,
    check_optional,
    citation_text,
    visible,
    visible_or_none,
)
from workbench.domain.media_types import is_recorded_type
from workbench.domain.payloads import created, evidence_payload
from workbench.domain.text import normalise
from workbench.domain.urls import check_http_url
from workbench.services.context import Tx, Workbench, mutation, transaction
from workbench.services.limits import size_limit
from workbench.services.lookup import get_claim_row, get_evidence_row
from workbench.services.views import EvidenceView


def max_evidence_bytes() -> int:
    return size_limit(MAX_EVIDENCE_MB_ENV, MAX_EVIDENCE_MB)


@dataclass(frozen=True, slots=True)
class EvidenceInput:
    stance: str
    url: str | None = None
    file: str | None = None
    citation: str | None = None
    title: str | None = None
    publisher: str | None = None
    accessed: str | None = None
    excerpt: str | None = None
    # A --file that is a symbolic link is refused unless this is set.
    follow_symlinks: bool = False

    @property
    def has_one_source(self) -> bool:
        """Evidence has exactly one source: a URL, a file or a citation (the rule `add_evidence`
        enforces, asked by the CLI before it calls, to answer with a usage error)."""
        return sum(s is not None for s in (self.url, self.file, self.citation)) == 1


def _refuse_duplicate(
    tx: Tx, claim_id: int, *, url: str | None, sha256: str | None, citation: str | None
) -> None:
    """The same source twice on one claim would inflate how well supported it looks."""
    same = (
        Evidence.url == url
        if url is not None
        else Evidence.sha256 == sha256
        if sha256 is not None
        else Evidence.citation == citation
    )
    found = tx.session.scalar(
        select(Evidence.id).where(Evidence.claim_id == claim_id, same).limit(1)
    )
    if found is not None:
        raise Conflict(f"claim #{claim_id} already has this source as evidence #{found}")


def _read_file(path: str, limit: int, *, follow_symlinks: bool) -> tuple[bytes, str, str]:
    """The file's bytes, media type and the name to record (a followed link's target's)."""
    from workbench.services.inputs import read_input

    if path == "-":
        raise InvalidInput(not_a_stream.EVIDENCE)
    found = read_input(
        path,
        limit,
        hint=f" (raise it with {MAX_EVIDENCE_MB_ENV})",
        limit_name="evidence limit",
        follow_symlinks=follow_symlinks,
        can_follow=True,
    )
    if not found.data:
        raise InvalidInput(f"{path} is empty: there is nothing to archive")
    name = recorded_name(found.name)
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return found.data, media_type, name


def recorded_name(path: str) -> str:
    """The name recorded for a file archived from `path`: its last part, a name and never a
    path, held to check_file_name. A followed link's `path` is its target's, whose name only
    the link's was checked for: a link to `bad\\x1b[31mname.txt` recorded the ESC that the
    file given itself is refused for."""
    name = Path(path).name
    if name in ("", ".", ".."):
        # (no file read has such a name: a restored row's, services.bundle)
        raise InvalidInput(f"the file name {name!r} names no file")
    check_file_name(name)
    return name


def check_stored_evidence(
    *,
    url: str | None,
    citation: str | None,
    title: str | None,
    publisher: str | None,
    excerpt: str | None,
    file_name: str | None,
    media_type: str | None,
) -> None:
    """A stored row (a restored bundle's, services.bundle) holds no character add_evidence
    refuses in its words (check_characters), its file name is one recorded_name gives (a name,
    never a path, no control or bidi character), its media type one mimetypes gives (a
    type/subtype, restore2: a forged one held an ESC sequence); its kind and stance were asked
    before it was written (check_stored_choices). A bundle edited by hand, its events made to
    match, replays consistently, and restored an ESC in a
    title or `../../.ssh/x` as a file name (review restore). Neither the limits nor the form
    add_evidence stores words in (NFC, trimmed) is asked: an older release stored an excerpt
    as typed (review52), and its desk restores (review rrestore)."""
    for value, what in ((url, "the URL"), (title, "the title"), (publisher, "the publisher")):
        if value is not None:
            check_characters(value, what, one_line=True)
    for value, what in ((citation, "the citation"), (excerpt, "the excerpt")):
        if value is not None:
            check_characters(value, what)
    if file_name is not None and recorded_name(file_name) != file_name:
        raise InvalidInput(
            f"the file name {visible(file_name, one_line=True)} is a path, not a file's name"
        )
    if media_type is not None and not is_recorded_type(media_type):
        raise InvalidInput(
            f"the media type {visible(media_type, one_line=True)} is no type/subtype "
            "evidence add records"
        )


def _check_words(item: EvidenceInput) -> None:
    """The limits and characters of the words given with evidence."""
    check_optional(item.url, "the URL", MAX_URL)
    check_optional(item.title, "the title", MAX_TITLE)
    check_optional(item.publisher, "the publisher", MAX_SHORT)
    check_optional(item.citation, "the citation", MAX_NOTE, one_line=False)
    check_optional(item.excerpt, "the excerpt", MAX_NOTE, one_line=False)


def check_stored_choices(*, kind: object, stance: object) -> None:
    """A stored row's kind and stance (a restored bundle's, asked before it is written) are
    ones evidence add gives: the table's check constraint refused a forged one first, said as
    a database error naming no row and worded by the backend (restore2)."""
    if kind not in EVIDENCE_KINDS:
        raise InvalidInput(f"unknown evidence kind {kind!r}; valid: {', '.join(EVIDENCE_KINDS)}")
    _check_stance(stance)


def _check_stance(stance: object) -> None:
    if stance not in STANCES:
        raise InvalidInput(f"unknown stance {stance!r}; valid: {', '.join(STANCES)}")


def _typed(value: str | None) -> str | None:
    return None if value is None else normalise(value)


@mutation
def add_evidence(wb: Workbench, claim_id: int, item: EvidenceInput) -> EvidenceView:
    """Attach one evidence item; adding evidence commutes with other changes, so no version."""
    # Its words are stored as a note's are, NFC with LF line ends: an excerpt pasted with CRLF
    # was refused ('the control character U+000D'), a decomposed one stored so (review52).
    item = replace(
        item,
        title=_typed(item.title),
        publisher=_typed(item.publisher),
        citation=_typed(item.citation),
        excerpt=_typed(item.excerpt),
    )
    _check_words(item)
    if item.file is not None:
        check_file_name(item.file)
    check_optional(item.file, "the file name", 4096)
    if not item.has_one_source:
        raise InvalidInput(
            "evidence has exactly one source: a URL, a file or a citation",
            hint=give("evidence_source"),
        )
    _check_stance(item.stance)
    accessed = (
        past_date(item.accessed, "accessed date", "accessed", EARLIEST_ACCESSED)
        if item.accessed
        else None
    )
    data: bytes | None = None
    media_type = file_name = url = citation = None
    if item.url is not None:
        kind, url = "url", check_http_url(item.url)
    elif item.file is not None:
        kind = "file"
        data, media_type, file_name = _read_file(
            item.file, max_evidence_bytes(), follow_symlinks=item.follow_symlinks
        )
    else:
        kind, citation = "citation", citation_text(item.citation)
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    with transaction(wb, write=True) as tx:
        claim = get_claim_row(tx, claim_id)
        _refuse_duplicate(tx, claim.id, url=url, sha256=digest, citation=citation)
        if data is not None and digest is not None and tx.session.get(Blob, digest) is None:
            tx.session.add(Blob(sha256=digest, size=len(data), data=data))
        ev = Evidence(
            claim_id=claim.id,
            kind=kind,
            url=url,
            citation=citation,
            title=visible_or_none(item.title),
            publisher=visible_or_none(item.publisher),
            accessed=accessed,
            stance=item.stance,
            excerpt=visible_or_none(item.excerpt),
            file_name=file_name,
            sha256=digest,
            size=len(data) if data is not None else None,
            media_type=media_type,
            added_by=tx.actor,
            created_at=now(),
        )
        tx.session.add(ev)
        tx.session.flush()
        tx.record(
            EVIDENCE_ADDED, "evidence", ev.id, created(evidence_payload(ev)), claim_id=claim.id
        )
        return EvidenceView.of(ev)


def get_evidence_file(wb: Workbench, evidence_id: int) -> tuple[EvidenceView, bytes]:
    """The archived bytes, checked against the recorded hash before anyone relies on them."""
    with transaction(wb) as tx:
        ev = get_evidence_row(tx, evidence_id)
        if ev.kind != "file" or ev.sha256 is None:
            raise InvalidInput(f"evidence #{evidence_id} is a {ev.kind}, not an archived file")
        blob = tx.session.get(Blob, ev.sha256)
        if blob is None:
            raise DamagedRecord(f"evidence #{evidence_id}: the archived file is missing")
        data = bytes(blob.data)
        if hashlib.sha256(data).hexdigest() != ev.sha256:
            raise DamagedRecord(
                f"evidence #{evidence_id}: archived bytes do not match sha256 {ev.sha256}"
            )
        return EvidenceView.of(ev), data
