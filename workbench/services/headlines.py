"""Each revision's headline: the title its page (or Markdown file) stated when it was stored.

The document's title is the desk's: `doc add` takes the page's unless `--title` is given, and
only `doc edit --title` changes it after, as the desk often titles a document itself
(trial68). A page's later headline (a correction's) is kept in the event that stored its text,
`document.added` for revision 1 and `document.revised` after, as `headline`, and `doc
changes` says where it changed (fix292). A plain text states no headline (its first line is
taken as its title only at `doc add`); nor did any revision stored before fix292: None."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.domain.recorded_headline import recorded_headline
from workbench.services.doc_show import stored_headline, stored_numbers

if TYPE_CHECKING:
    from workbench.db.models import Document
    from workbench.services.context import Tx
    from workbench.services.sources import Content

# Formats whose source states a title of its own: a page's <title> (or its article's), a
# Markdown file's H1 or front matter.
_TITLED = ("html", "markdown")


def stated_headline(content: Content) -> str | None:
    """The headline `content`'s source states, as `doc update` compares it with the title."""
    if content.format not in _TITLED:
        return None
    return recorded_headline(content.metadata.get("title") or "")


def with_headline(payload: dict[str, Any], headline: str | None) -> dict[str, Any]:
    """A text's creation event's payload, with its headline beside `after` where it has one
    (not a field of the revision: replay rebuilds the revision from `after` alone)."""
    return payload if headline is None else {**payload, "headline": headline}


def revision_headlines(tx: Tx, doc: Document) -> dict[int, str | None]:
    """Each revision number of `doc` and the headline recorded when it was stored: each
    revision's event read as `revision_headline` reads it (one indexed lookup a revision, as
    `doc changes` reads each revision's text)."""
    with tx.reading() as conn:
        return {n: stored_headline(conn, doc.id, n) for n in stored_numbers(conn, doc.id)}


def revision_headline(tx: Tx, doc: Document, number: int) -> str | None:
    """The headline recorded when revision `number` of `doc` was stored: its event alone read,
    not every revision's, each holding its revision's whole text (`doc update` of an unchanged
    page asks it under the desk's write lock, review328). Read as `doc show` reads it
    (doc_show.stored_headline), in this transaction: one home for which event stored it."""
    with tx.reading() as conn:
        return stored_headline(conn, doc.id, number)
