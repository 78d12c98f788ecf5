"""`doc update` of a short document (a tweet, a one-paragraph statement): another text is
refused as unrelated_text, as for a long one, and a revision of it is not."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import list_revisions, update_document
from workbench.services.sources import Content

STATEMENT = "张伟：GDP增长了5%。 李娜：失业率3%。 张伟：出口下降2%。\n"
WEATHER = "Completely different English text about weather in London today.\n"


def revise(wb: Workbench, doc: int, text: str, *, force: bool = False) -> bool:
    return update_document(wb, doc, Content(text, "text", "new.txt"), force=force).created


def test_another_text_is_refused_for_a_short_document(wb: Workbench) -> None:
    """Under 40 sampled runs of wording in the current revision nothing was judged: a
    35-character statement was replaced by an English weather report without --force, every
    claim orphaned and its verdicts flagged (trial56), where a long document's was refused."""
    doc = add_document(wb, STATEMENT.encode()).document.id
    for other in (WEATHER, "本文已被删除。\n", "This article has been removed.\n"):
        with pytest.raises(InvalidInput, match="shares 0% of its wording") as refused:
            revise(wb, doc, other)
        assert refused.value.reason == "unrelated_text"
    assert len(list_revisions(wb, doc)) == 1
    assert revise(wb, doc, WEATHER, force=True)


@pytest.mark.parametrize(
    "revised",
    [
        STATEMENT.replace("5%", "6%"),  # a figure corrected
        "张伟：GDP增长了5%。 李娜：失业率3%。\n",  # cut down
        STATEMENT + "王芳：进口增长了4%，高于预期。" * 30 + "\n",  # the full article
        STATEMENT.replace("张伟", "张 伟").replace("。", "．"),  # spacing and punctuation
    ],
)
def test_a_revision_of_a_short_document_is_stored(wb: Workbench, revised: str) -> None:
    doc = add_document(wb, STATEMENT.encode()).document.id
    assert revise(wb, doc, revised)


def test_a_text_of_a_few_letters_is_too_short_to_judge(wb: Workbench) -> None:
    """Under two letters or digits there is nothing to compare: docs/errors.md says so. (A
    text narrower than a run is judged whole since review59: 已删除 replaced by a weather
    report is refused, as the article replaced by 已删除 is.)"""
    doc = add_document(wb, "删。\n".encode()).document.id
    assert revise(wb, doc, WEATHER)
    notice = add_document(wb, "已删除。\n".encode()).document.id
    with pytest.raises(InvalidInput, match="shares 0%"):
        revise(wb, notice, WEATHER)
