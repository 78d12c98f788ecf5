"""Which document of the desk an imported annotation's target names.

An export's annotation names its document as its target's source: the document's URL, else
the sha256 URN of the text its selectors count in (`exports.annotations.document_source`), and
with a URL, that text's URN as the target's cached state. An annotation whose target names
another document of this desk and not the one imported into is said to (trial47 imported a
document's annotations into another without a word, where `import claims` refuses a row whose
document_id is another's). It is anchored all the same, by its quote: annotations carried into
another copy of the article (one with an editor's note in front) are a desk's way of moving its
work, and an annotation has no column to empty as a table row has. A source the desk does not
know (another tool's page) says nothing either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, union

from workbench.db.models import Document, DocumentRevision
from workbench.services.context import Tx

_URN = "urn:sha256:"


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
            self._own.add(doc.url)
        self._named: dict[str, int | None] = {}

    def elsewhere(self, sources: Sequence[str]) -> str | None:
        """What to say of an annotation whose target's sources name another document of the
        desk and not this one; None for one of this document or of none the desk knows."""
        if not sources or any(s in self._own for s in sources):
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
            query = select(Document.id).where(Document.url == source)
        ids = sorted(self._tx.session.scalars(query).all())
        return ids[0] if ids else None
