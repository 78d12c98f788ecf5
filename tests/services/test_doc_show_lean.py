"""docshow (session 65): `doc show` reads on the database driver (services/doc_show.py).

On the year desk it imported SQLAlchemy and built the models to show one document and its 200
claims: 0.89 s of CPU and 58 MB, 145 times the `sqlite3` shell reading the same rows. What it
shows is the ORM's to the field: each document of a desk with revisions, a changed headline,
checks of the current and of an earlier revision, tags, evidence, withdrawn and orphaned
claims is held to the detail read through the ORM's own reads (the models, get_document,
revision_view, revision_headline, ClaimView.of), and a document that does not exist is refused
in the same words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_startup import HEAVY, _probe
from workbench.defaults import INT_MAX
from workbench.domain.errors import NotFound
from workbench.services.claims import set_status
from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_from, update_from
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.views import DocumentDetail
from workbench.services.workflow import tag

PAGE = (
    "# 人口首次超过两千万\n\n全市常住人口首次超过2000万，比去年增加了35万人。\n\n"
    "分析人士指出，增长将带来新的压力。\n"
)


def _orm(wb: Workbench, document_id: int) -> DocumentDetail:
    """The detail as the ORM reads it: the models and the ORM's own helpers."""
    from sqlalchemy import select

    from workbench.db.models import Claim, Event
    from workbench.domain.actions import DOCUMENT_CHECKED
    from workbench.domain.status import STATUS_NAMES
    from workbench.services.headlines import revision_headline
    from workbench.services.lookup import get_document
    from workbench.services.revisions import latest_number, revision_view
    from workbench.services.views import ClaimView, DocumentView

    with transaction(wb) as tx:
        doc = get_document(tx, document_id)
        claims = tx.session.scalars(
            select(Claim).where(Claim.document_id == document_id).order_by(Claim.id)
        ).all()
        counts = dict.fromkeys(STATUS_NAMES, 0)
        for c in claims:
            counts[c.status] += 1
        revisions = latest_number(tx, document_id)
        check = tx.session.execute(
            select(Event.at, Event.actor, Event.payload)
            .where(
                Event.entity_type == "document",
                Event.entity_id == str(document_id),
                Event.action == DOCUMENT_CHECKED,
            )
            .order_by(Event.seq.desc())
        ).first()
        at = by = revision = None
        spacing = False
        if check is not None:
            after = json.loads(check.payload)["after"]
            if after["revision"] == revisions:
                at, by, revision = check.at, check.actor, after["revision"]
                spacing = after.get("spacing_only") is True
        return DocumentDetail(
            document=DocumentView.of(doc),
            status_counts=counts,
            claims=[ClaimView.of(c) for c in claims],
            revisions=revisions,
            current=None if revisions == 1 else revision_view(tx, doc, revisions),
            checked_at=at,
            checked_by=by,
            checked_revision=revision,
            checked_spacing_only=spacing,
            headline=revision_headline(tx, doc, revisions),
        )


def _desk(wb: Workbench, document_with_claims: Any, tmp_path: Path) -> list[int]:
    """Documents of every kind `doc show` tells apart; their ids."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    revised = add_from(wb, str(page)).document.id
    made = document_with_claims(claims=["甲说了一句话", "乙说了另一句话"])
    a, b = made.claims
    tag(wb, [a], ["人口", "Zeta", "alpha"])
    add_evidence(wb, a, EvidenceInput(stance="supports", url="https://e.example/1"))
    add_evidence(wb, a, EvidenceInput(stance="refutes", url="https://e.example/2"))
    set_status(wb, b, "in_progress")
    # The page again, its words spaced otherwise (a check of revision 1), then changed with a
    # new headline (revision 2: that check now says nothing), then checked again (revision 2).
    page.write_text(PAGE.replace("35万人。", "35万人。 "), encoding="utf-8")
    assert not update_from(wb, revised, str(page)).created
    checked_early = made.doc
    changed = PAGE.replace("人口首次超过两千万", "人口超过两千万（更正）").replace("35万", "36万")
    page.write_text(changed, encoding="utf-8")
    assert update_from(wb, revised, str(page)).created
    page.write_bytes(b"\xef\xbb\xbf" + changed.encode("utf-8"))
    assert not update_from(wb, revised, str(page)).created
    # A plain text checked at its first revision, and one whose quote a revision took out.
    plain = tmp_path / "plain.txt"
    plain.write_text("他说失业率下降了。她说物价上涨了。\n", encoding="utf-8")
    orphan = add_from(wb, str(plain)).document.id
    from workbench.services.claims import SpanRequest, add_claim

    gone = add_claim(wb, orphan, "物价上涨了", SpanRequest(quote="物价上涨了")).id
    add_claim(wb, orphan, "失业率下降了", SpanRequest(quote="失业率下降了"))
    set_status(wb, gone, "in_progress")
    plain.write_text("他说失业率下降了。\n", encoding="utf-8")
    assert update_from(wb, orphan, str(plain)).created
    empty = document_with_claims(claims=[]).doc
    return [revised, checked_early, orphan, empty]


def test_doc_show_is_the_orms_detail(
    wb: Workbench, document_with_claims: Any, tmp_path: Path
) -> None:
    from workbench.services.doc_show import show_document

    ids = _desk(wb, document_with_claims, tmp_path)
    for document_id in ids:
        want, got = _orm(wb, document_id), show_document(wb, document_id)
        assert got == want, document_id
        assert json.dumps(got.to_json()) == json.dumps(want.to_json())
    revised = show_document(wb, ids[0])
    # The desk has what the comparison is meant to cover.
    assert revised.revisions == 2 and revised.current is not None
    assert revised.checked_revision == 2 and revised.headline != revised.document.title
    assert any(c.anchor_state == "orphaned" for c in show_document(wb, ids[2]).claims)
    assert show_document(wb, ids[1]).claims[0].tags == ("alpha", "zeta", "人口")


@pytest.mark.parametrize("missing", [0, 999, INT_MAX + 1, -3])
def test_a_document_that_does_not_exist_is_refused_alike(
    wb: Workbench, document_with_claims: Any, missing: int
) -> None:
    from workbench.services.doc_show import show_document

    document_with_claims()
    with pytest.raises(NotFound) as orm:
        _orm(wb, missing)
    with pytest.raises(NotFound) as lean:
        show_document(wb, missing)
    assert (str(lean.value), lean.value.hint) == (str(orm.value), orm.value.hint)


def test_doc_show_imports_no_sqlalchemy(db_url: str, document_with_claims: Any) -> None:
    doc = document_with_claims()
    for args in (["doc", "show", str(doc.doc)], ["doc", "show", str(doc.doc), "--json"]):
        loaded, code, out = _probe(args, {"WORKBENCH_DB": db_url})
        assert code in ("0", "None"), (args, code)
        assert "甲说了一句话" in out, out
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))


def _orm_text(wb: Workbench, document_id: int, number: int | None) -> str:
    """A revision's text as the ORM reads it (services.revisions.revision_text)."""
    from workbench.services.lookup import get_document
    from workbench.services.revisions import revision_text

    with transaction(wb) as tx:
        return revision_text(tx, get_document(tx, document_id), number)[1]


def _orm_revisions(wb: Workbench, document_id: int) -> list[Any]:
    """A document's revisions as the ORM reads them: revision 1 its own row, then the rest."""
    from sqlalchemy import select

    from workbench.db.models import DocumentRevision
    from workbench.services.lookup import get_document
    from workbench.services.views import RevisionView

    with transaction(wb) as tx:
        doc = get_document(tx, document_id)
        rows = tx.session.scalars(
            select(DocumentRevision)
            .where(DocumentRevision.document_id == document_id)
            .order_by(DocumentRevision.number)
        )
        return [RevisionView.first(doc), *(RevisionView.of(r) for r in rows)]


def test_doc_text_and_revisions_are_the_orms(
    wb: Workbench, document_with_claims: Any, tmp_path: Path
) -> None:
    from workbench.services.doc_show import document_text, list_revisions

    ids = _desk(wb, document_with_claims, tmp_path)
    for document_id in ids:
        listed = list_revisions(wb, document_id)
        assert listed == _orm_revisions(wb, document_id), document_id
        for number in (None, *(r.number for r in listed)):
            assert document_text(wb, document_id, number) == _orm_text(wb, document_id, number)
    assert [r.number for r in list_revisions(wb, ids[0])] == [1, 2]
    assert "36万" in document_text(wb, ids[0]) and "35万" in document_text(wb, ids[0], 1)


@pytest.mark.parametrize(("document", "number"), [(999, None), (1, 3), (1, 0), (INT_MAX + 1, 1)])
def test_a_text_or_revisions_not_there_are_refused_alike(
    wb: Workbench, document_with_claims: Any, document: int, number: int | None
) -> None:
    from workbench.services.doc_show import document_text, list_revisions

    document_with_claims()
    with pytest.raises(NotFound) as orm:
        _orm_text(wb, document, number)
    with pytest.raises(NotFound) as lean:
        document_text(wb, document, number)
    assert (str(lean.value), lean.value.hint) == (str(orm.value), orm.value.hint)
    if number is None:
        with pytest.raises(NotFound) as orm:
            _orm_revisions(wb, document)
        with pytest.raises(NotFound) as lean:
            list_revisions(wb, document)
        assert (str(lean.value), lean.value.hint) == (str(orm.value), orm.value.hint)


def test_doc_text_and_revisions_import_no_sqlalchemy(
    db_url: str, document_with_claims: Any
) -> None:
    doc = str(document_with_claims().doc)
    for args in (
        ["doc", "text", doc],
        ["doc", "text", doc, "--revision", "1"],
        ["doc", "revisions", doc],
        ["doc", "revisions", doc, "--json"],
    ):
        loaded, code, out = _probe(args, {"WORKBENCH_DB": db_url})
        assert code in ("0", "None"), (args, code)
        assert out, args
        assert not loaded & set(HEAVY), (args, loaded & set(HEAVY))
