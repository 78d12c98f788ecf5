"""Adding, listing and showing documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from workbench.db.models import Claim, Document, DocumentRevision
from workbench.defaults import MAX_ADD_INPUTS, MAX_ADD_TOTAL_TIMES, MAX_DOCUMENT_MB_ENV
from workbench.domain.actions import DOCUMENT_ADDED, DOCUMENT_EDITED
from workbench.domain.canonical_order import composed
from workbench.domain.clock import now, past_date
from workbench.domain.errors import InvalidInput, WorkbenchError, bad, give
from workbench.domain.language import read_language
from workbench.domain.limits import (
    MAX_LANGUAGE,
    MAX_SHORT,
    MAX_SOURCE,
    MAX_TITLE,
    MAX_URL,
    check_characters,
    check_file_name,
    check_language,
    check_optional,
    has_visible,
    visible_or_none,
)
from workbench.domain.payloads import changed, check_changes, created, document_payload, event_value
from workbench.domain.text import normalise, sha256_text
from workbench.domain.urls import check_http_url, page_address, with_fragment_asked
from workbench.services.context import Tx, Workbench, mutation, transaction

# (`doc text` reads on the driver: services.doc_show, its one home)
from workbench.services.doc_show import document_text as document_text
from workbench.services.headlines import stated_headline, with_headline
from workbench.services.inputs import max_document_bytes as max_document_bytes
from workbench.services.inputs import read_source as read_source
from workbench.services.lookup import get_document
from workbench.services.pages import LITTLE_TEXT
from workbench.services.progress import Progress, Tally
from workbench.services.readings_first import read_readings_first
from workbench.services.revisions import (
    RevisionAdded,
    archive,
    latest_number,
    revised_since,
    revision_view,
    update_document,
)
from workbench.services.sources import Content, read_content, refuse_nul
from workbench.services.views import (
    Added,
    DocumentView,
    Edited,
)


@mutation
def add_document(
    wb: Workbench,
    data: bytes | str,
    *,
    source: str = "input",
    meta: DocumentMeta | None = None,
    fmt: str | None = None,
    fetched_url: str | None = None,
) -> Added:
    """Store a document once: the same text added again returns the existing row.

    Bytes are read as `fmt` (text, markdown, html; detected when None): a page's main text is
    extracted and its bytes archived. Metadata given here wins over what the page says; the
    URL a page was fetched from is the document's URL when the page names no canonical one.
    """
    ready = _readied(data, source, meta or NO_META, fmt=fmt, fetched_url=fetched_url)
    _read_readings_first(wb, [ready])
    with transaction(wb, write=True) as tx:
        return _stored(tx, ready)


def _canonical(named: str | None, fetched_url: str | None) -> str | None:
    # The page's own address keeps the #fragment of the one typed (a section): one page's.
    if named is None or fetched_url is None:
        return named
    return with_fragment_asked(named, fetched_url)


def _read_readings_first(wb: Workbench, ready: list[_Ready]) -> None:
    """Each new page's earlier readings, read before the write (services/readings_first)."""
    read_readings_first(
        wb,
        (r.content for r in ready),
        lambda tx, content: stored_text(tx, content.text) is not None,
        unread_needs=True,
    )


@dataclass(frozen=True, slots=True)
class _Ready:
    """An input read and checked, to be stored: all the checks that need no database are made
    before the transaction, so several inputs are refused (or stored) together."""

    content: Content
    # The metadata the person gave, and what is stored: that, else what the page says.
    given: DocumentMeta
    meta: DocumentMeta
    columns: dict[str, str | dt.date | None]
    redirects: tuple[str, ...] = ()
    # The language was read from the text's script, neither given nor the page's own.
    language_guessed: bool = False
    # None was read, as these languages share the text in like measure (`read_language`).
    language_mixed: tuple[str, ...] = ()
    # The text was fetched from a URL the person gave: that URL (or the canonical one the page
    # names) is given as the document's, as --url would be.
    fetched: bool = False


def _readied(
    data: bytes | str,
    source: str,
    given: DocumentMeta,
    *,
    fmt: str | None = None,
    fetched_url: str | None = None,
    redirects: tuple[str, ...] = (),
    content_type: str | None = None,
) -> _Ready:
    if isinstance(data, str):
        content = Content(normalise(data), "text", source)
    else:
        content = read_content(
            data,
            source,
            fmt,
            url=given.url or fetched_url,
            charset=content_type,
            fetched=fetched_url,
        )
    text = content.text
    refuse_nul(text, source)
    given.checked()  # refuse bad metadata even when the text is already stored
    if not has_visible(text):
        raise InvalidInput(f"{source} is empty (or only whitespace): nothing to check")
    page = content.metadata
    language = given.language or page.get("language")
    read = None if language else read_language(text)
    guessed = None if read is None else read.language
    meta = DocumentMeta(
        given.title or page.get("title"),
        given.url or _canonical(page.get("url"), fetched_url) or fetched_url,
        given.author or page.get("author"),
        given.published or _own_date(page.get("published")),
        language or guessed,
    )
    return _Ready(
        content,
        given,
        meta,
        meta.checked(),
        redirects,
        language_guessed=guessed is not None,
        language_mixed=() if read is None else read.mixed,
        fetched=fetched_url is not None,
    )


def _own_date(value: str | None) -> str | None:
    """The date a page gives itself, left out (not refusing the page) when the rules of
    `DocumentMeta.checked` refuse it: a date to come, most often a page's typo or an event's."""
    if value is None:
        return None
    try:
        DocumentMeta(published=value).checked()
    except InvalidInput:
        return None
    return value


def _stored(tx: Tx, ready: _Ready) -> Added:
    """Store a checked input, or find the document that already holds its text (one stored
    earlier in the same transaction included: the same file given twice is added once)."""
    content = ready.content
    found = stored_text(tx, content.text)
    # the same file, stored by an earlier reading of its format (Content.earlier): read only
    # when its text as read now is not stored, as each is another extraction of a page (fix292)
    for earlier in () if found is not None else content.earlier:
        found = found or stored_text(tx, earlier)
    if found is not None:
        existing, number = found
        view = DocumentView.of(existing)
        stored = view.to_json()
        # Only what the person gave is reported as not applied, not what a page says; a URL
        # typed to fetch the text is given (a trial's text from another address was told
        # only "already stored as document #9 (same text)").
        named = [
            n
            for n in EDITABLE
            if getattr(ready.given, n) is not None or (n == "url" and ready.fetched)
        ]
        columns = ready.columns
        differs = {
            n: event_value(columns[n]) for n in named if event_value(columns[n]) != stored[n]
        }
        return Added(
            created=False,
            document=view,
            not_applied=differs,
            redirects=ready.redirects,
            revision=number,
            revisions=latest_number(tx, existing.id),
            stored=None if number == 1 else revision_view(tx, existing, number),
        )
    doc = insert_document(
        tx,
        content.text,
        ready.meta,
        format=content.format,
        source_sha256=archive(tx, content.original),
        source=content.source,
        headline=stated_headline(content),
    )
    return Added(
        created=True,
        document=DocumentView.of(doc),
        redirects=ready.redirects,
        same_url_as=_same_url(tx, doc),
        language_guessed=ready.language_guessed,
        language_mixed=ready.language_mixed,
        guessed_encoding=content.guessed_encoding,
        read_as=content.read_as,
        stored_as_sent=content.stored_as_sent,
        little_text=content.format == "html" and len(content.text.strip()) < LITTLE_TEXT,
    )


def nfc(value: str | None) -> str | None:
    """A value typed by a person, in the NFC form its text is stored in (None stays None)."""
    return None if value is None else composed(value)


def _same_url(tx: Tx, doc: Document) -> int | None:
    """The earliest other document with `doc`'s URL, if any. Not refused: two documents may
    cite one address (a page that was replaced by another article), but most often the new
    one is a newer copy of the article (a page saved again), which belongs in its revisions."""
    if doc.url is None:
        return None
    # Its address with any #fragment, or none (page_address): substr, as LIKE is ASCII
    # case-blind on SQLite only, and a URL may hold its % and _.
    page = page_address(doc.url)
    same_page = or_(Document.url == page, func.substr(Document.url, 1, len(page) + 1) == page + "#")
    return tx.session.scalar(select(func.min(Document.id)).where(same_page, Document.id != doc.id))


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """A document's metadata as given (command line, seed file, import): checked on insert.
    What is not given is None (a page's own metadata may fill it)."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None

    def checked(self) -> dict[str, str | dt.date | None]:
        """The columns to store, or InvalidInput: the rules every route into the table obeys
        (doc add, doc edit, seed files, imports), so they are written once, here."""
        check_optional(self.title, "the title", MAX_TITLE)
        check_optional(self.url, "the URL", MAX_URL)
        check_optional(self.author, "the author", MAX_SHORT)
        check_optional(self.published, "the published date", MAX_SHORT)
        check_optional(self.language, "the language", MAX_LANGUAGE)
        published = (
            past_date(self.published, "published date", "published") if self.published else None
        )
        # Stored in NFC as the text is: a title typed decomposed (macOS, some keyboards) was
        # stored so, and adding the text again under the same title read composed said the
        # titles differ (review52).
        return {
            "title": visible_or_none(nfc(self.title)),
            "url": check_http_url(self.url) if self.url and self.url.strip() else None,
            "author": visible_or_none(nfc(self.author)),
            "published": published,
            "language": check_language(language)
            if (language := visible_or_none(self.language))
            else None,
        }


NO_META = DocumentMeta()


def check_stored_document(
    *, title: str | None, author: str | None, language: str | None, source: str | None
) -> None:
    """A stored document (a restored bundle's, services.bundle) holds no character
    DocumentMeta refuses in its title, author and language (check_characters; its URL is asked
    by the restore with every other URL) and source. A bundle edited by hand, its events made
    to match, replays consistently, and restored an ESC in a title (review restore). Neither
    the limits, the language tag's shape (2ddcefc5: `Chinese` was stored before) nor the form
    stored (NFC, trimmed) is asked: an older release's desk restores (review rrestore). Nor a
    bidi control in the source: check_file_name refuses one where a name is recorded since
    fix282, never where one is read back, and a desk that recorded one before restores, the
    name shown escaped (review290's test, which check_file_name here broke)."""
    for value, what in (
        (title, "the title"),
        (author, "the author"),
        (language, "the language"),
        (source, "the source"),
    ):
        if value is not None:
            check_characters(value, what, one_line=True)


def stored_document(tx: Tx, text: str) -> Document | None:
    """The document added with exactly this (normalised) text (its revision 1), if any. A seed
    file's claims pin into the text it names, so `seed load` looks for that text only here."""
    return tx.session.scalar(select(Document).where(Document.sha256 == sha256_text(text)))


def stored_text(tx: Tx, text: str) -> tuple[Document, int] | None:
    """A document holding exactly this (normalised) text, and which revision of it does.

    Found by hash, both columns indexed (documents.sha256 for revision 1, document_revisions
    .sha256 for later ones), not by reading texts. Several may hold it (a document that went
    back to an earlier text; two documents that came to the same one): a document whose current
    text it is comes first, else the oldest; within a document, its latest revision holding it.
    """
    digest = sha256_text(text)
    firsts = tx.session.scalars(select(Document.id).where(Document.sha256 == digest))
    later = tx.session.execute(
        select(DocumentRevision.document_id, DocumentRevision.number).where(
            DocumentRevision.sha256 == digest
        )
    )
    holding: dict[int, int] = {doc_id: 1 for doc_id in firsts}
    for doc_id, number in later:
        holding[doc_id] = max(number, holding.get(doc_id, 1))
    if not holding:
        return None
    doc_id = min(holding, key=lambda d: (holding[d] != latest_number(tx, d), d))
    return tx.session.get_one(Document, doc_id), holding[doc_id]


# Document metadata a person can set when adding and change later; the text never changes.
EDITABLE = ("title", "url", "author", "published", "language")


@mutation
def edit_document(wb: Workbench, document_id: int, **changes: str) -> Edited:
    """Change a document's metadata (EDITABLE fields; "" clears one): one audited event
    holding the fields before and after. The same values change nothing and record nothing."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInput(f"a document has no editable field {unknown[0]!r}")
    if not changes:
        raise InvalidInput(f"nothing to change: give one of {', '.join(EDITABLE)}")
    columns = DocumentMeta(**{n: changes.get(n) for n in EDITABLE}).checked()
    with transaction(wb, write=True) as tx:
        doc = get_document(tx, document_id)
        stored = document_payload(doc)
        edited = [n for n in EDITABLE if n in changes and event_value(columns[n]) != stored[n]]
        if "author" in edited and (refusal := _byline_held(tx, doc.id)) is not None:
            raise refusal
        if edited:
            check_changes(DOCUMENT_EDITED, edited)
            for name in edited:
                setattr(doc, name, columns[name])
            tx.session.flush()
            after = document_payload(doc)
            tx.record(
                DOCUMENT_EDITED,
                "document",
                doc.id,
                changed({n: stored[n] for n in edited}, {n: after[n] for n in edited}),
            )
        return Edited(document=DocumentView.of(doc), changed=tuple(edited))


def _byline_held(tx: Tx, document_id: int) -> WorkbenchError | None:
    """article_author.byline_refusal for the document's claims as they stand."""
    from workbench.domain.article_author import byline_refusal, stands_for_author
    from workbench.domain.status import holds_verdict

    rows = tx.session.execute(
        select(Claim.id, Claim.status, Claim.speaker)
        .where(Claim.document_id == document_id, Claim.speaker.is_not(None))
        .order_by(Claim.id)
    )
    judged = [
        (int(i), str(status))
        for i, status, speaker in rows
        if holds_verdict(str(status)) and stands_for_author(speaker)
    ]
    return byline_refusal(document_id, judged)


def insert_document(
    tx: Tx,
    text: str,
    meta: DocumentMeta,
    *,
    format: str = "text",
    source_sha256: str | None = None,
    source: str | None = None,
    headline: str | None = None,
) -> Document:
    """Insert one document and its event; shared by every route a document can come in by,
    so each obeys the same rules (normalised text, an http(s) URL, a real date...).
    `headline`: the one its page states, kept in the event (workbench.services.headlines)."""
    if text != normalise(text) or not text.strip():
        raise InvalidInput("a document's text must be normalised (NFC, LF) and not empty")
    doc = Document(
        text=text,
        sha256=sha256_text(text),
        length=len(text),
        added_by=tx.actor,
        created_at=now(),
        format=format,
        source_sha256=source_sha256,
        source=None if source is None else source[:MAX_SOURCE],
        **meta.checked(),
    )
    tx.session.add(doc)
    tx.session.flush()
    payload = with_headline(created(document_payload(doc)), headline)
    tx.record(DOCUMENT_ADDED, "document", doc.id, payload)
    return doc


@dataclass(frozen=True, slots=True)
class Loaded:
    """The bytes of a file, standard input or a fetched page, and where they came from."""

    data: bytes
    source: str
    url: str | None = None
    redirects: tuple[str, ...] = ()
    # The Content-Type a server sent with a fetched page (it may name its charset).
    content_type: str | None = None


def _fetched(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def load_problem(location: str, *, user_agent: str | None = None) -> InvalidInput | None:
    """What is wrong with the way a document is asked for, before anything is read (refused by
    `load`; asked by the CLI before it calls, to answer with a usage error)."""
    if (problem := user_agent_problem(user_agent)) is not None:
        return problem
    if user_agent is not None and not _fetched(location):
        return InvalidInput("a user agent goes with a URL to fetch", hint=bad("user_agent"))
    return _url_problem(location)


def _url_problem(location: str) -> InvalidInput | None:
    """A URL to fetch that no fetch can take (a password in it, a host no look-up can take):
    bad usage, in `check_http_url`'s words, as the same address given as --url is (review
    rfetch: exit 1 here, 2 there)."""
    if not _fetched(location):
        return None
    try:
        # Its length and characters too, before it is fetched (review r3fetch: one over the
        # limit was fetched, then refused at storing, exit 1).
        check_http_url(location)
    except InvalidInput as problem:
        return problem
    return None


def user_agent_problem(user_agent: str | None) -> InvalidInput | None:
    """A user agent a User-Agent header cannot hold: a line break (http.client refused it with a
    traceback; it would start another header), another control character, or a character
    outside ASCII (one outside Latin-1 could not be sent, and was said to be the terminal's)."""
    if user_agent is None or (user_agent.isascii() and user_agent.isprintable()):
        return None
    # repr: its control characters written as escapes (\r, \x1b), not acted on.
    shown = user_agent if len(user_agent) <= 100 else user_agent[:99] + "…"
    return InvalidInput(
        f"the user agent {shown!r} holds a character a User-Agent header cannot: give "
        "printable ASCII only",
        hint=bad("user_agent"),
    )


def load(location: str, *, user_agent: str | None = None) -> Loaded:
    """Read FILE, `-` (stdin) or fetch an http(s) URL, within the document size limit."""
    if (problem := load_problem(location, user_agent=user_agent)) is not None:
        raise problem
    if _fetched(location):
        from workbench.services.fetch import fetch

        got = fetch(location, max_bytes=max_document_bytes(), user_agent=user_agent)
        return Loaded(
            got.data, got.final_url, got.final_url, tuple(got.redirects), got.content_type
        )
    if location != "-" and not os.path.lexists(location):
        if meant := meant_url(location):
            # `htp://x` or `127.0.0.1:8765/x` is read as a file name: say what was meant.
            raise InvalidInput(f"no such file: {location}; did you mean {meant}?")
        if problem := _other_scheme(location):
            raise problem
    source = "standard input" if location == "-" else location
    data = read_source(location)
    check_file_name(source)
    return Loaded(data, source)


def _other_scheme(location: str) -> InvalidInput | None:
    """A URL of another scheme than http(s), which names no file: said so (trial47: `doc add
    ftp://host/x` and `file:///tmp/x.txt` said "no such file"); a file: URL is its path."""
    import re
    from urllib.parse import unquote, urlsplit

    if not re.match(r"[a-z][a-z0-9+.-]*://", location, re.I):
        return None
    parts = urlsplit(location)
    if parts.scheme.lower() == "file":
        return InvalidInput(
            f"only http(s) URLs are fetched: give the file's path ({unquote(parts.path)})"
        )
    return InvalidInput(f"only http(s) URLs are fetched, not {parts.scheme}:// ones")


def meant_url(location: str) -> str | None:
    """The http(s) URL a FILE argument that names no file may have meant, or None: a scheme
    mistyped (htp://, http:/, https//) or left out before an address with a port, an IP
    address, localhost or www."""
    import difflib
    import re

    typo = re.fullmatch(r"([a-z]+)(?::/*|//+)(\S+)", location, re.I)
    if typo:
        scheme = typo[1].lower()
        if (
            scheme in ("http", "https")
            or difflib.SequenceMatcher(None, scheme, "http").ratio() >= 0.6
        ):
            return ("https" if scheme.endswith("s") else "http") + "://" + typo[2]
    bare = r"(localhost|\d{1,3}(?:\.\d{1,3}){3}|www\.[\w.-]+|[\w.-]+:\d+)(?:[:/]\S*)?"
    return "http://" + location if re.fullmatch(bare, location, re.I) else None


def add_from(
    wb: Workbench,
    location: str,
    *,
    meta: DocumentMeta | None = None,
    fmt: str | None = None,
    user_agent: str | None = None,
) -> Added:
    """`doc add` of one input: load FILE, - or URL and store it as a document (see
    add_document; add_documents takes several)."""
    (added,) = add_documents(wb, [location], meta=meta, fmt=fmt, user_agent=user_agent)
    return added


def adding_problem(
    locations: Sequence[str],
    *,
    meta: DocumentMeta | None = None,
    user_agent: str | None = None,
) -> InvalidInput | None:
    """What is wrong with the way documents are asked for, before anything is read (refused
    by `add_documents`; asked by the CLI before it calls, to answer with a usage error)."""
    if not locations:
        return InvalidInput("nothing to add: give a file, a URL or standard input")
    if (problem := user_agent_problem(user_agent)) is not None:
        return problem
    if len(locations) > MAX_ADD_INPUTS:
        return InvalidInput(
            f"{len(locations):,} inputs given: at most {MAX_ADD_INPUTS:,} are added in one "
            "command (add the rest in another)"
        )
    if len(locations) == 1:
        return load_problem(locations[0], user_agent=user_agent)
    if (times := locations.count("-")) > 1:
        return InvalidInput(
            f"standard input (-) is given {times} times: it can be read only once",
            hint=bad("source"),
        )
    # A title, or the URL exports cite, names one document: given with several inputs it would
    # be wrong for all but one. Author, date and language can be shared by a folder of one
    # writer's or one language's texts, and are applied to each.
    given = meta or NO_META
    for name, what, value in (("title", "a title", given.title), ("url", "a URL", given.url)):
        if value is not None:
            return InvalidInput(
                f"{what} describes one document, and {len(locations)} inputs are given: add "
                "them without it, then give each document its own by editing it",
                hint=bad(name),
            )
    if user_agent is not None and not any(_fetched(x) for x in locations):
        return InvalidInput("a user agent goes with a URL to fetch", hint=bad("user_agent"))
    return next(filter(None, map(_url_problem, locations)), None)


@mutation
def add_documents(
    wb: Workbench,
    locations: Sequence[str],
    *,
    meta: DocumentMeta | None = None,
    fmt: str | None = None,
    user_agent: str | None = None,
    progress: Progress | None = None,
) -> list[Added]:
    """`doc add FILE...`: load each FILE, - or URL and store it (see add_document), all in one
    transaction, in the order given: one result for each input.

    Every input is read and checked before anything is stored, so one that cannot be read,
    decoded or stored refuses them all, its refusal naming it; the size limit applies to each
    input and MAX_ADD_TOTAL_TIMES it to all together. A text already stored, or given twice,
    is found as `add_document` finds it and stored once. `progress` hears each input read,
    then each stored (2 per input). Metadata is applied to every input; a title or a URL
    is given only with one (`adding_problem`).
    """
    given = meta or NO_META
    problem = adding_problem(locations, meta=given, user_agent=user_agent)
    if problem is not None:
        raise problem
    given.checked()  # once, before any input is read: it is not any one input's fault
    several = len(locations) > 1
    budget = MAX_ADD_TOTAL_TIMES * max_document_bytes()
    tally = Tally(progress, 2 * len(locations), every=1)
    tally.start()
    ready: list[_Ready] = []
    read = 0
    for location in locations:
        with _naming(location if several else None):
            # A user agent given with files and URLs is the URLs' (adding_problem).
            got = load(location, user_agent=user_agent if _fetched(location) else None)
            read += len(got.data)
            if several and read > budget:
                raise InvalidInput(
                    f"the inputs up to {got.source} come to {read:,} bytes in all, over the "
                    f"{budget:,}-byte limit of one command ({MAX_ADD_TOTAL_TIMES} times "
                    f"{MAX_DOCUMENT_MB_ENV}'s): add them in several commands"
                )
            ready.append(
                _readied(
                    got.data,
                    got.source,
                    given,
                    fmt=fmt,
                    fetched_url=got.url,
                    redirects=got.redirects,
                    content_type=got.content_type,
                )
            )
        tally.add()
    _read_readings_first(wb, ready)
    with transaction(wb, write=True) as tx:
        added: list[Added] = []
        # Document -> the input (from 1) that added it in this command: a later input with
        # the same text is that input's document, not one stored before the command.
        adder: dict[int, int] = {}
        for position, item in enumerate(ready, start=1):
            result = _stored(tx, item)
            if result.created:
                adder[result.document.id] = position
            elif result.document.id in adder:
                result = dataclasses.replace(result, same_as_input=adder[result.document.id])
            added.append(result)
            tally.add()
    tally.end()
    return added


@contextmanager
def _naming(location: str | None) -> Iterator[None]:
    """A refusal of one of several inputs names it (most already do: `no such file: X`);
    one that does not gets its name first, in the same kind of error."""
    try:
        yield
    except WorkbenchError as exc:
        if location is None:
            raise
        name = "standard input" if location == "-" else location
        if name in exc.message:
            raise
        raise type(exc)(f"{name}: {exc.message}", hint=exc.hint, reason=exc.reason) from None


# The `reason` of refusing to fetch a document again when it has no URL: nothing names the
# text to store. A refusal (exit 1), not bad usage: the same command line is right for a
# document that has a URL.
NO_SOURCE = "no_source"


def update_from(
    wb: Workbench,
    document_id: int,
    location: str | None,
    *,
    fmt: str | None = None,
    user_agent: str | None = None,
    force: bool = False,
    expected_revision: int | None = None,
) -> RevisionAdded:
    """`doc update`: load FILE, - or URL and store it as the document's next revision; with no
    location, fetch the document's stored URL again (the usual case: a page that changed).
    The latest revision is read before the source is: the write stores the text only if it is
    still the latest (race322). `expected_revision`: refuse unless it is the latest, asked
    before the source is read and again in the write. See update_document for `force` and
    what is reported of the page's metadata."""
    again = None
    with transaction(wb) as tx:
        doc = get_document(tx, document_id)
        if location is None:
            location = again = doc.url
        # Said before another revision: no run of this command can store a text, and the
        # conflict's hint (run it again with --if-revision, the latest) would not (review328).
        if location is None:
            raise InvalidInput(
                f"document #{document_id} has no stored URL to fetch again",
                hint=give("source"),
                reason=NO_SOURCE,
            )
        read = latest_number(tx, doc.id)
        if expected_revision is not None and read != expected_revision:
            # Before the fetch: a script told no without a request to the page's server.
            raise revised_since(tx, doc.id, expected_revision, read, asked=True)
    got = load(location, user_agent=user_agent)
    content = read_content(
        got.data,
        got.source,
        fmt,
        url=got.url,
        charset=got.content_type,
        fetched=got.url,
        update=document_id,
    )
    added = update_document(
        wb,
        document_id,
        content,
        fetched_url=got.url,
        force=force,
        read_revision=read,
        expected_revision=expected_revision,
    )
    return dataclasses.replace(
        added,
        redirects=got.redirects,
        fetched_again=again,
        guessed_encoding=content.guessed_encoding if added.created else None,
        read_as=content.read_as if added.created else None,
        stored_as_sent=content.stored_as_sent if added.created else None,
    )
