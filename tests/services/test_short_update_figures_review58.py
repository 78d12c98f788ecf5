"""review58: `doc update` of a very short document whose figures were corrected (a breaking
news line: "死亡人数升至12人，伤者30人" then "...14人，伤者35人") was refused as another article
(unrelated_text, "shares 0% of its wording"), where the workbench before the short-document
check stored it. Runs of 8 letters or digits over a text of 13 such characters all hold one
of the changed figures, so every run was lost: the share measured the edit, not the wording."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("死亡人数升至12人，伤者30人\n", "死亡人数升至14人，伤者35人\n"),
        ("去年销量120万辆，增长15%。\n", "去年销量125万辆，增长18%。\n"),
        ("票价从2元涨到3元\n", "票价从2元涨到4元\n"),
        ("甲说了一句话。\n", "甲说了两句话。\n"),  # a figure in Chinese numerals
        ("市场份额约三成\n", "市场份额约四成\n"),
    ],
)
def test_a_short_text_with_a_figure_corrected_was_stored(wb: Workbench, old: str, new: str) -> None:
    doc = add_document(wb, old.encode()).document.id
    assert update_document(wb, doc, Content(new, "text", "new.txt")).created


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("气温39度，破纪录\n", "气温41度，破纪录\n"),
        ("死亡人数升至12人，伤者30人\n", "死亡人数上升至14人，另有35人受伤\n"),  # reworded too
        ("死亡人数升至12人，伤者30人\n", "死亡人数升至12人，伤者30人。救援仍在进行。\n"),
        ("The death toll rose to 12, with 30 injured.\n", "The death toll rose to 14.\n"),
        (
            "The death toll rose to 12, with 30 injured.\n",
            "The death toll rose to 14, with 35 injured, officials said on Monday.\n",
        ),
        ("Fares up 20% from May 1.\n", "Fares up 25% from June 1.\n"),
    ],
)
def test_a_short_text_corrected_or_grown_was_stored(wb: Workbench, old: str, new: str) -> None:
    """Figures corrected, a word changed, a sentence added or cut, in Chinese and English."""
    doc = add_document(wb, old.encode()).document.id
    assert update_document(wb, doc, Content(new, "text", "new.txt")).created


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("死亡人数升至12人，伤者30人\n", "页面不存在或已被删除\n"),
        ("去年销量120万辆，增长15%。\n", "今年销量下降，股价大跌。\n"),
        ("The death toll rose to 12, with 30 injured.\n", "This article has been removed.\n"),
        ("The death toll rose to 12, with 30 injured.\n", "Page not found. Try the search.\n"),
        ("Police: 3 dead, 12 hurt in crash.\n", "Stock markets rose in the morning trade.\n"),
    ],
)
def test_another_short_text_was_still_refused(wb: Workbench, old: str, new: str) -> None:
    """Numbers read as one digit each and Chinese runs of 4 characters: a notice or another
    story still shares nothing and is refused."""
    doc = add_document(wb, old.encode()).document.id
    with pytest.raises(InvalidInput, match="shares 0% of its wording") as refused:
        update_document(wb, doc, Content(new, "text", "new.txt"))
    assert refused.value.reason == "unrelated_text"
