"""review59: a very short document made mostly of a figure in Chinese numerals (降价一千五百元,
a headline of 7 characters) was replaced by an unrelated English weather report without
--force. _wording folds every run of digits and Chinese numerals to one '0' before the text is
measured, so 降价一千五百元 became 降价0元 (7 columns, under SHINGLE): "too short to judge",
and any text was stored over it. Before 7a47280 (Arabic digits only) it was judged and shared
0%, as it does."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.revisions import update_document
from workbench.services.sources import Content

WEATHER = "Sunny, high of 25C in Shanghai tomorrow with light winds.\n"


@pytest.mark.parametrize("old", ["降价一千五百元\n", "一千五百万元\n"])
def test_a_short_figure_line_was_replaced_by_another_article(wb: Workbench, old: str) -> None:
    doc = add_document(wb, old.encode()).document.id
    with pytest.raises(InvalidInput, match="shares"):
        update_document(wb, doc, Content(WEATHER, "text", "new.txt"))
