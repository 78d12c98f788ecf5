"""Which document of the desk an imported annotation's target names.

An export's annotation names its document as its target's source: the document's URL as a URI
(compared so, whichever form an annotation names it by), else the sha256 URN of the text its
selectors count in (`exports.annotations.document_source`), and with a URL, that text's URN as
the target's cached state. An annotation whose target names another document of this desk and
not the one imported into is said to (trial47 imported a document's annotations into another
without a word, where `import claims` refuses a row whose document_id is another's). It is
anchored all the same, by its quote: annotations carried into another copy of the article (one
with an editor's note in front) are a desk's way of moving its work, and an annotation has no
column to empty as a table row has. A source the desk does not know (another tool's page) says
nothing either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select, union

from workbench.db.models import Document, DocumentRevision
from workbench.domain.urls import as_uri
from workbench.services.context import Tx

_URN = "urn:sha256:"
# In a URL's URI form (`as_uri`), what the stored URL may write otherwise: a %-escape (of a
# Unicode letter, or of a `"`, typed as itself), an IDNA label of its host (新闻 as
# xn--efvy88h), a dot of its host, which IDNA reads 。 ． ｡ as (a Chinese keyboard types 。),
# and a slash after the host, which a backslash before the query is read as (`urls.slashed`).
# Everything else in the URI form is in the stored URL as it is.
_WRITTEN_OTHERWISE = re.compile(
    r"(?:%[0-9A-Fa-f]{2})+|(?<=[/.@])xn--[^./:?#@]*|[./]", re.IGNORECASE
)
# Where a URI's path starts: after its scheme and authority.
_PATH_START = re.compile(r"[^:/?#]+://[^/?#]*")
_LIKE_SPECIAL = re.compile(r"[\\%_]")


class DocumentSources:
    """The sources that name the document imported into, and a memo of those that name
    another (each looked up once, however many annotations give it)."""

    def __init__(self, tx: Tx, doc: Document) -> None:
        self._tx, self._doc = tx, doc
        hashes = tx.session.scalars(
            select(DocumentRevision.sha256).where(DocumentRevision.document_id == doc.id)
        )
        self._own = {_URN + doc.sha256, *(_URN + h for h in hashes)}
        if doc.url:
            # Compared as URIs: the export writes the stored URL as one (`as_uri`), and
            # another tool may name the page by either form (rpub).
            self._own.add(_uri_form(doc.url))
        self._named: dict[str, int | None] = {}

    def elsewhere(self, sources: Sequence[str]) -> str | None:
        """What to say of an annotation whose target's sources name another document of the
        desk and not this one; None for one of this document or of none the desk knows."""
        if not sources or any(_uri_form(s) in self._own for s in sources):
            return None
        for source in sources:
            if source not in self._named:
                self._named[source] = self._other(source)
            other = self._named[source]
            if other is not None:
                return (
                    f"its target is document #{other}, not #{self._doc.id}: anchored in "
                    f"#{self._doc.id} by its quote"
                )
        return None

    def _other(self, source: str) -> int | None:
        """The lowest id of another document that `source` names, or None."""
        if source.startswith(_URN):
            digest = source.removeprefix(_URN)
            named = union(
                select(Document.id).where(Document.sha256 == digest),
                select(DocumentRevision.document_id).where(DocumentRevision.sha256 == digest),
            ).subquery()
            query = select(named.c[0])
        else:
            return self._by_url(source)
        ids = sorted(self._tx.session.scalars(query).all())
        return ids[0] if ids else None

    def _by_url(self, source: str) -> int | None:
        """The lowest id of a document whose URL is `source` as a URI (`_uri_form`). Its URL
        as stored is not: the URLs that could be (the URI form with each %-escape and IDNA
        label a wildcard, each dot of the host and slash after it one character, the rest as
        it is) are read in id order, one at a time, and the first whose URI form it is
        taken."""
        wanted = _uri_form(source)
        pattern = "".join(_like(piece, i % 2 == 1) for i, piece in enumerate(_pieces(wanted)))
        query = (
            select(Document.id, Document.url)
            .where(Document.url.like(pattern, escape="\\"))
            .order_by(Document.id)
            .execution_options(yield_per=100)
        )
        for doc_id, url in self._tx.session.execute(query):
            if url is not None and _uri_form(url) == wanted:
                return int(doc_id)
        return None


def _pieces(uri: str) -> list[str]:
    """`uri` cut at what its stored URL may write otherwise (`_WRITTEN_OTHERWISE`): the pieces
    as they are at the even places, what is cut out at the odd ones. A dot is cut out only in
    the host, a slash only after it: the `//` before it is written so."""
    path = found.end() if (found := _PATH_START.match(uri)) is not None else 0
    out: list[str] = []
    at = 0
    for found in _WRITTEN_OTHERWISE.finditer(uri):
        cut = found.group()
        if (cut == "/" and found.start() < path) or (cut == "." and found.start() >= path):
            continue
        out += [uri[at : found.start()], found.group()]
        at = found.end()
    return [*out, uri[at:]]


def _like(piece: str, otherwise: bool) -> str:
    """A piece of a LIKE pattern: a piece written as it is, its wildcards escaped; one the
    stored URL may write otherwise, any run of characters, or one for a slash (`/` or `\\`)
    or a dot of the host."""
    if not otherwise:
        return _LIKE_SPECIAL.sub(lambda m: "\\" + m.group(), piece)
    return "_" if piece in ("/", ".") else "%"


def _uri_form(source: str) -> str:
    """An annotation's source as a URI where it is an http(s) URL (`as_uri`, as the export
    writes a document's URL), so that a page named by its Unicode URL and by its URI is one;
    anything else (a URN, another scheme, a URL no parser reads) as it is."""
    if not source[:8].lower().startswith(("http://", "https://")):
        return source
    try:
        return as_uri(source)
    except ValueError:  # an unclosed IPv6 bracket, a port that is no number: as given
        return source
