"""`doc show` said a page was checked and found unchanged after it had changed.

trial308 met: `doc update 2` found the page unchanged (`checked ... by maria: revision 2 of
document #2 unchanged`); the page then changed and `doc update 2` stored revision 3; `doc
show 2` still said `checked ... by maria: revision 2 of document #2 unchanged` beside
`current  revision 3`. A check says the page held the current text (docs/json.md:
`checked_at`, "found to hold its current text"); one of an earlier revision says nothing of
the current one, and is not shown as the last check."""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Workbench
from workbench.services.doc_show import show_document
from workbench.services.documents import add_from, update_from

TEXT = (
    "全市常住人口首次超过2000万，比去年增加了35万人，增长率为1.8%。\n"
    "分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力。\n"
)


def test_a_check_of_an_earlier_revision_is_not_the_current_one_s(
    wb: Workbench, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    doc = add_from(wb, str(page)).document
    page.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))  # the same text, other bytes
    assert not update_from(wb, doc.id, str(page)).created
    assert show_document(wb, doc.id).checked_revision == 1
    page.write_text(TEXT.replace("35万", "36万"), encoding="utf-8")
    assert update_from(wb, doc.id, str(page)).created
    shown = show_document(wb, doc.id)
    assert shown.revisions == 2
    assert (shown.checked_at, shown.checked_by, shown.checked_revision) == (None, None, None)
