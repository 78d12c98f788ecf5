"""review328, of race322's `doc update` changes.

- A document with no stored URL, updated with no FILE|URL|- and an `--if-revision` it is not
  at, was refused as a conflict whose hint said to run the update again with the latest
  revision: run so, it was then refused for its missing source. The missing source is said
  first, as without `--if-revision`: no run of that command can succeed.
- `doc update --json`'s headline of an unchanged page (the hourly re-check's usual answer) read
  the event of every revision of the document, each holding that revision's whole text, to
  give the held revision's one, under the desk's write lock: now its event alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services import doc_show
from workbench.services.context import Workbench
from workbench.services.documents import NO_SOURCE, add_from, update_from

TEXT = "The council approved the budget on Monday.\n\nSpending rises by {n} percent next year.\n"

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Budget passes ({n})</title></head><body><article><h1>Budget passes ({n})</h1>
<p>The council approved the budget on Monday after a long debate about transport.</p>
<p>Spending rises by {n} percent next year, the finance office said in a statement.</p>
</article></body></html>
"""


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_source_is_said_before_another_revision(wb: Workbench, tmp_path: Path) -> None:
    doc = add_from(wb, str(_written(tmp_path / "a.txt", TEXT.format(n=4)))).document
    assert doc.url is None
    for expected in (1, 2):
        with pytest.raises(InvalidInput) as refused:
            update_from(wb, doc.id, None, expected_revision=expected)
        assert refused.value.reason == NO_SOURCE, refused.value.message


def test_an_unchanged_page_reads_the_held_revisions_headline_alone(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    doc = add_from(wb, str(_written(page, PAGE.format(n=1)))).document
    for n in range(2, 7):
        assert update_from(wb, doc.id, str(_written(page, PAGE.format(n=n)))).created
    real = doc_show.headline_in
    read: list[Any] = []

    def counted(payload: Any) -> str | None:
        read.append(payload)
        return real(payload)

    # (read where doc_show.stored_headline, the one reading of it, calls it)
    monkeypatch.setattr(doc_show, "headline_in", counted)
    again = update_from(wb, doc.id, str(page))
    assert not again.created and again.headline == "Budget passes (6)", again
    assert len(read) == 1, f"{len(read)} events' payloads read for one revision's headline"


class _RolledBack(Exception):
    """Raised to end the test's transaction without committing what it wrote."""


def test_a_write_reads_its_own_uncommitted_revision_headline(wb: Workbench, tmp_path: Path) -> None:
    """d1628465 made services.headlines, which `doc update` and `doc changes` call inside the
    ORM's transaction, read through doc_show's driver statements (Tx.reading). They must run
    on that transaction's own connection: a second one would miss the revision the
    transaction has written and not committed (or, on a rollback-journal SQLite desk, wait on
    the writer's own lock). Here a revision and its event are written and not committed: the
    headlines see it, a second connection does not, and nothing is left behind."""
    from workbench.db.models import Document, DocumentRevision
    from workbench.domain.actions import DOCUMENT_REVISED
    from workbench.services.context import reading, transaction
    from workbench.services.headlines import revision_headline, revision_headlines

    page = tmp_path / "page.html"
    doc_id = add_from(wb, str(_written(page, PAGE.format(n=1)))).document.id
    with pytest.raises(_RolledBack), transaction(wb, write=True) as tx:
        doc = tx.session.get(Document, doc_id)
        assert doc is not None
        rev = DocumentRevision(
            document_id=doc_id,
            number=2,
            text="Uncommitted.\n",
            sha256="0" * 64,
            length=13,
            format="text",
            added_by=wb.actor,
            created_at=doc.created_at,
        )
        tx.session.add(rev)
        tx.session.flush()
        tx.record(DOCUMENT_REVISED, "revision", rev.id, {"after": {}, "headline": "Not yet"})
        assert revision_headline(tx, doc, 2) == "Not yet"
        assert revision_headlines(tx, doc) == {1: "Budget passes (1)", 2: "Not yet"}
        with reading(wb) as other:  # another connection: the revision is not there
            assert doc_show.stored_headline(other, doc_id, 2) is None
        raise _RolledBack
    with reading(wb) as conn:
        assert doc_show.stored_numbers(conn, doc_id) == [1]
