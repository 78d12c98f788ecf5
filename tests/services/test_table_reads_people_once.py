"""The claims table reads the registered people's addresses and display names once.

The sign-off of each row reads them (an approval by the proposer's own address or display
name is none: fix259, rr270); table_facts read every such person once per page of 500 claims,
40 reads for a 20,000-claim `export claims` (review264's nit). One read serves every page.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.services.test_sign_off_emails import _as
from workbench.db.reader import Reader
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.exports import claim_rows
from workbench.services.users import add_user


def test_the_people_are_read_once_for_every_page(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_user(_as(wb, "maria"), "maria", email="maria@example.org")
    add_user(_as(wb, "maria"), "li", display="Li Wei")
    maria = _as(wb, "maria")
    doc = add_document(maria, b"One. Two. Three. Four. Five.").document.id
    for word in ("One", "Two", "Three", "Four", "Five"):
        add_claim(maria, doc, word, SpanRequest(quote=word))
    monkeypatch.setattr("workbench.services.table_facts.PAGE", 2)
    read: list[int] = []
    rows = Reader.rows

    def counted(self: Reader, query: Any) -> list[Any]:
        found = rows(self, query)
        if " users" in query.sql(self.module.NO_LIMIT).text:
            read.append(len(found))
        return found

    monkeypatch.setattr(Reader, "rows", counted)
    assert len(claim_rows(maria)) == 5
    # Three pages of claims, one read of the two people.
    assert read == [2], read
