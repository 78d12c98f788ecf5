"""review200: a quote the latest revision holds twice (a doc update added a second "公司宣布裁员")
was refused, rightly, as occurring twice ("say which"), and told, wrongly, that the revision had
changed these words and to pin the claim in the current text: the words are in the current
text, only twice. The revision is named only when the words are no longer there."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

OLD = "公司宣布裁员。股价上涨了5%。"


def test_a_quote_now_twice_in_the_text_is_not_said_changed(wb: Workbench) -> None:
    doc = add_document(wb, OLD.encode()).document.id
    update_document(wb, doc, Content(OLD + "次日公司宣布裁员。", "text", "new.txt"))
    with pytest.raises(InvalidInput) as refused:
        add_claim(wb, doc, "layoffs", SpanRequest(quote="公司宣布裁员"))
    message = refused.value.message
    assert message.startswith("quote occurs 2 times in the document: say which"), message
    assert "revision" not in message, message


def test_an_occurrence_a_new_revision_removed_is_said_changed(wb: Workbench) -> None:
    """The words twice in revision 1, once in revision 2: the second is what was changed."""
    doc = add_document(wb, (OLD + "次日公司宣布裁员。").encode()).document.id
    update_document(wb, doc, Content(OLD, "text", "new.txt"))
    with pytest.raises(InvalidInput) as refused:
        add_claim(wb, doc, "layoffs", SpanRequest(quote="公司宣布裁员", occurrence=2))
    message = refused.value.message
    assert message.startswith("occurrence 2 is out of range: the quote occurs once"), message
    assert "changed these words (revision 1 has them)" in message, message


def test_words_changed_two_revisions_ago_are_said_changed(wb: Workbench) -> None:
    """A checker read revision 1; revision 2 changed her words (5% to 6%), revision 3 added a
    line: she is told revision 2 changed them, not only 'quote not found'."""
    doc = add_document(wb, OLD.encode()).document.id
    editor = Workbench(url=wb.url, actor="ed")
    update_document(editor, doc, Content(OLD.replace("5%", "6%"), "text", "r2.txt"))
    update_document(wb, doc, Content(OLD.replace("5%", "6%") + "次日复牌。", "text", "r3.txt"))
    with pytest.raises(InvalidInput) as refused:
        add_claim(wb, doc, "up 5%", SpanRequest(quote="股价上涨了5%"))
    message = refused.value.message
    assert message.startswith("quote not found in the document: "), message
    assert f"revision 2 of document #{doc}, stored by ed at " in message, message
    assert "changed these words (revision 1 has them; the document is now at revision 3)" in (
        message
    )
