"""race322: two people run `doc update` on one document at about the same time. A read the
page first (the text revision 1 holds), B read it after it changed and stored revision 2;
A's write then landed as revision 3, the old text again: the newer reading silently undone.
An update now stores only against the revision it read before reading its source; one stored
meanwhile refuses it, naming the revision and who stored it, and nothing is written. A script
may name the revision it expects (`expected_revision`, `--if-revision`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import Conflict
from workbench.services import documents
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_from, update_from
from workbench.services.revisions import revision_text

OLD = "The council approved the budget on Monday.\n\nSpending rises by 4 percent next year.\n"
NEW = "The council approved the budget on Monday.\n\nSpending rises by 6 percent next year.\n"
OTHER = "The council approved the budget on Monday.\n\nSpending rises by 9 percent next year.\n"


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _latest(wb: Workbench, document_id: int) -> tuple[int, str]:
    with transaction(wb) as tx:
        return revision_text(tx, documents.get_document(tx, document_id))


def _events(wb: Workbench) -> int:
    from sqlalchemy import func, select

    from workbench.db.models import Event

    with transaction(wb) as tx:
        return int(tx.session.scalar(select(func.count()).select_from(Event)) or 0)


def _meanwhile(monkeypatch: pytest.MonkeyPatch, between: Callable[[], object]) -> None:
    """`between` run once, while the update reads its source (after it read the document's
    latest revision, before its write): another person's `doc update` landing then."""
    real = documents.load
    state = {"ran": False}

    def load(location: str, **kw: Any) -> Any:
        got = real(location, **kw)
        if not state["ran"]:
            state["ran"] = True
            between()
        return got

    monkeypatch.setattr(documents, "load", load)


def test_an_older_reading_landing_after_a_newer_one_is_refused(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reads the page as revision 1 has it; B stores the changed page meanwhile: A is
    refused, naming the document, revision 2 and B, and revision 2 stays the latest."""
    doc = add_from(wb, str(_written(tmp_path / "old.txt", OLD))).document
    new = _written(tmp_path / "new.txt", NEW)
    bea = Workbench(url=wb.url, actor="bea")
    after_b: list[int] = []

    def b_updates() -> None:
        update_from(bea, doc.id, str(new))
        # Counted once B's revision is in: A's refusal must write nothing after it.
        after_b.append(_events(wb))

    _meanwhile(monkeypatch, b_updates)
    with pytest.raises(Conflict) as refused:
        update_from(wb, doc.id, str(tmp_path / "old.txt"))
    message = refused.value.message
    assert f"document #{doc.id}" in message and "revision 2" in message, message
    assert "bea" in message and "revision 1" in message, message
    assert refused.value.reason == "revised_meanwhile"
    assert refused.value.hint is not None and refused.value.hint.facts["document_id"] == doc.id
    assert _latest(wb, doc.id) == (2, NEW)
    assert _events(wb) == after_b[0]


def test_another_text_landing_meanwhile_is_refused(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither reading is the one revision 1 holds: which is newer cannot be told, so the
    later write is refused rather than stored over the other."""
    doc = add_from(wb, str(_written(tmp_path / "old.txt", OLD))).document
    other = _written(tmp_path / "other.txt", OTHER)
    _meanwhile(
        monkeypatch, lambda: update_from(Workbench(url=wb.url, actor="bea"), doc.id, str(other))
    )
    with pytest.raises(Conflict):
        update_from(wb, doc.id, str(_written(tmp_path / "new.txt", NEW)))
    assert _latest(wb, doc.id) == (2, OTHER)


def test_if_revision_refuses_before_reading_the_source(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script names the revision it saw (`expected_revision`): another latest refuses it
    before the page is fetched, and one the document never had says so."""
    doc = add_from(wb, str(_written(tmp_path / "old.txt", OLD))).document
    update_from(Workbench(url=wb.url, actor="bea"), doc.id, str(_written(tmp_path / "n", NEW)))
    other = _written(tmp_path / "other.txt", OTHER)
    fetched: list[str] = []
    real = documents.load
    monkeypatch.setattr(
        documents, "load", lambda location, **kw: fetched.append(location) or real(location, **kw)
    )
    with pytest.raises(Conflict) as refused:
        update_from(wb, doc.id, str(other), expected_revision=1)
    assert "revision 2" in refused.value.message and "bea" in refused.value.message
    with pytest.raises(Conflict) as never:
        update_from(wb, doc.id, str(other), expected_revision=5)
    assert "revision 5" in never.value.message, never.value.message
    assert fetched == [] and _latest(wb, doc.id) == (2, NEW)
    assert update_from(wb, doc.id, str(other), expected_revision=2).revision.number == 3


def test_if_revision_refuses_one_landing_during_the_fetch(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`expected_revision` is checked again in the write: a revision stored while the page
    was read refuses it, even one holding the very text read (the script asked for N)."""
    doc = add_from(wb, str(_written(tmp_path / "old.txt", OLD))).document
    new = _written(tmp_path / "new.txt", NEW)
    _meanwhile(
        monkeypatch, lambda: update_from(Workbench(url=wb.url, actor="bea"), doc.id, str(new))
    )
    with pytest.raises(Conflict):
        update_from(wb, doc.id, str(new), expected_revision=1)
    assert _latest(wb, doc.id) == (2, NEW)
