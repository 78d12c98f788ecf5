"""`doc show` reads a document's claims in a fixed number of statements, however many it has.

Each claim's tags and evidence were loaded lazily, one statement each per claim, to give its
tags and count its evidence: on a year desk a document of 200 claims took 410 statements
(and built every item of evidence as an object, only to count them). On the driver
(services/doc_show.py, docshow) the claims are read a page at a time, their tags and evidence
counted in two statements a page, as `claim list` counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from workbench.db.reader import Reader
from workbench.services.doc_show import show_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.workflow import tag


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every statement a read path's driver connection is sent meanwhile."""
    statements: list[str] = []
    execute = Reader._execute

    def record(self: Reader, sql: Any, cursor: Any = None) -> Any:
        statements.append(sql.text)
        return execute(self, sql, cursor)

    monkeypatch.setattr(Reader, "_execute", record)
    yield statements


def _document(document_with_claims: Any, wb: Any, n: int) -> tuple[int, list[int]]:
    sentences = [f"第{i}句说了{i}个数字。" for i in range(n)]
    made = document_with_claims(text="".join(sentences), claims=[s[:-1] for s in sentences])
    for i, claim_id in enumerate(made.claims):
        tag(wb, [claim_id], [f"t{i % 3}", "共同"])
        for k in range(i % 3):
            source = EvidenceInput(stance="supports", url=f"https://e.example/{k}")
            add_evidence(wb, claim_id, source)
    return made.doc, made.claims


def test_doc_show_reads_as_many_statements_for_many_claims_as_for_few(
    wb: Any, document_with_claims: Any, sent: list[str]
) -> None:
    few, _ = _document(document_with_claims, wb, 2)
    many, ids = _document(document_with_claims, wb, 12)
    sent.clear()
    show_document(wb, few)
    for_few = len(sent)
    sent.clear()
    detail = show_document(wb, many)
    assert for_few and len(sent) == for_few, sent[for_few:]
    # What the statements give is each claim's own tags and evidence count.
    assert [c.id for c in detail.claims] == ids
    assert [c.tags for c in detail.claims] == [
        tuple(sorted([f"t{i % 3}", "共同"])) for i in range(12)
    ]
    assert [c.evidence_count for c in detail.claims] == [i % 3 for i in range(12)]
