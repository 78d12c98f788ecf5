"""A trial (five checkers on one desk): a checker copied a sentence from `doc text` and ran
`claim add --quote` while an editor's `doc update` changed those words; she was told only
"quote not found in the document", the words she had just read, and not that the article had
a new revision a moment before. The refusal says which revision changed them, and who."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

OLD = "MiniMax在2021年底就踏上了AI创业的征程。它的模型很大。"
NEW = OLD.replace("2021年底", "2021年年底")


def test_a_quote_a_new_revision_changed_says_so(wb: Workbench) -> None:
    doc = add_document(wb, OLD.encode()).document.id
    update_document(Workbench(url=wb.url, actor="ed"), doc, Content(NEW, "text", "new.txt"))
    with pytest.raises(InvalidInput) as refused:
        add_claim(wb, doc, "began late 2021", SpanRequest(quote="在2021年底就踏上了AI创业的征程"))
    message = refused.value.message
    assert message.startswith("quote not found in the document: ")
    assert f"revision 2 of document #{doc}, stored by ed at " in message
    assert message.endswith(
        "changed these words (revision 1 has them): pin the claim in the current text"
    )


def test_a_quote_no_revision_had_is_refused_as_before(wb: Workbench) -> None:
    doc = add_document(wb, OLD.encode()).document.id
    update_document(wb, doc, Content(NEW, "text", "new.txt"))
    with pytest.raises(InvalidInput) as refused:
        add_claim(wb, doc, "x", SpanRequest(quote="完全不在文中的一句话"))
    assert "revision" not in refused.value.message
