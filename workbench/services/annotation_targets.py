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
import string
from collections.abc import Sequence

from sqlalchemy import select, union

from workbench.db.models import Document, DocumentRevision
from workbench.domain.urls import as_uri
from workbench.services.context import Tx

_URN = "urn:sha256:"
# In a URL's URI form (`as_uri`), what the stored URL may write otherwise after its host: a
# %-escape (of a Unicode letter, or of a `"`, typed as itself) and a slash, which a backslash
# before the query is read as (`urls.slashed`). Everything else after the host is in the stored
# URL as it is.
_WRITTEN_OTHERWISE = re.compile(r"(?:%[0-9A-Fa-f]{2})+|/")
_LIKE_SPECIAL = re.compile(r"[\\%_]")
# A URI's scheme and host. Each character of the host as stored may be written otherwise (IDNA
# reads 。 as a dot, ｅｘａｍｐｌｅ as example: one character for one) and an IDNA label as a
# run of them (新闻 as xn--efvy88h).
_AUTHORITY = re.compile(r"([^:/?#]+://)([^/?#]*)")
_IDNA_LABEL = re.compile(r"(?:(?<=^)|(?<=[.@]))xn--[^.:@]*", re.IGNORECASE)


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
        as stored is not: the URLs that could be (`_pattern`) are read in id order, one at a
        time, and the first whose URI form it is taken."""
        wanted = _uri_form(source)
        pattern = _pattern(wanted)
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


def _pattern(uri: str) -> str:
    """The LIKE pattern of the stored URLs whose URI form `uri` may be: its scheme; its host
    with each IDNA label any run of characters and every other character any one; then each
    %-escape any run of characters and each slash one character (a slash or a backslash), the
    rest as it is."""
    found = _AUTHORITY.match(uri)
    at = found.end() if found is not None else 0
    out = []
    if found is not None:
        host = "%".join("_" * len(piece) for piece in _IDNA_LABEL.split(found.group(2)))
        # The scheme any letters of its length: a URL stored as HTTPS:// is one (PostgreSQL's
        # LIKE tells case, SQLite's does not: `_uri_form` compares it in lower case).
        scheme = found.group(1)
        out.append("_" * (len(scheme) - 3) + "://" + host)
    for cut in _WRITTEN_OTHERWISE.finditer(uri, at):
        out += [_escaped(uri[at : cut.start()]), "_" if cut.group() == "/" else "%"]
        at = cut.end()
    return "".join([*out, _escaped(uri[at:])])


def _escaped(piece: str) -> str:
    """`piece` as itself in a LIKE pattern (escape `\\`)."""
    return _LIKE_SPECIAL.sub(lambda m: "\\" + m.group(), piece)


def _uri_form(source: str) -> str:
    """An annotation's source as a URI where it is an http(s) URL (`as_uri`, as the export
    writes a document's URL), so that a page named by its Unicode URL and by its URI is one;
    anything else (a URN, another scheme, a URL no parser reads) as it is."""
    if not source[:8].lower().startswith(("http://", "https://")):
        return source
    try:
        uri = as_uri(source)
    except ValueError:  # an unclosed IPv6 bracket, a port that is no number: as given
        return source
    # Its scheme and host in lower case, as RFC 3986 (6.2.2.1) compares them and a browser
    # names a page: as_uri keeps an ASCII host as typed (HTTPS://News.Example.COM), and
    # another tool's annotation names it https://news.example.com (annot).
    # And each %-escape's hex digits in capitals (6.2.2.1 too: %e6 is %E6, the octet as_uri
    # writes for a Unicode path), which the LIKE pattern reads as any run (annot).
    uri = _ESCAPE.sub(lambda m: m.group().upper(), uri)
    found = _AUTHORITY.match(uri)
    if found is None:
        return uri
    return found.group().translate(_ASCII_LOWER) + uri[found.end() :]


_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
