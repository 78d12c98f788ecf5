"""Which edit an old copy of a claim is said to predate (`OtherId.text_changed`).

A row whose id names a claim, with a text the claim had before an edit, is an old copy of it
(trial196: an old export imported after `claim edit --text`). The edit named is the last that
changed the claim's text away from the row's: a claim whose text went A, B, back to A, then C,
held A last before the change to C, which the copy predates whenever it was made.
"""

from __future__ import annotations

from pathlib import Path

from workbench.services.claim_edits import edit_claim
from workbench.services.claims import SpanRequest, add_claim
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.imports import import_claims

ARTICLE = "甲说了一句话。乙说了另一句话。"
QUOTE = "甲说了一句话"


def _as(wb: Workbench, name: str) -> Workbench:
    return Workbench(url=wb.url, actor=name)


def _row(tmp_path: Path, claim_id: int, text: str) -> str:
    path = tmp_path / "old.csv"
    path.write_text(f"id,quote,text\n{claim_id},{QUOTE},{text}\n", encoding="utf-8")
    return str(path)


def test_the_last_change_away_from_the_rows_text_is_named(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    claim = add_claim(wb, doc, "甲的说法", SpanRequest(quote=QUOTE)).id
    edit_claim(_as(wb, "ann"), claim, text="甲的第二种说法")
    edit_claim(_as(wb, "bo"), claim, text="甲的说法")
    edit_claim(_as(wb, "cy"), claim, text="甲的第三种说法")
    done = import_claims(wb, _row(tmp_path, claim, "甲的说法"), doc, dry_run=True)
    (other,) = done.other_ids
    assert other.text_changed is not None and other.text_changed.actor == "cy", other


def test_a_text_the_claim_never_had_names_no_edit(wb: Workbench, tmp_path: Path) -> None:
    doc = add_document(wb, ARTICLE.encode()).document.id
    claim = add_claim(wb, doc, "甲的说法", SpanRequest(quote=QUOTE)).id
    edit_claim(_as(wb, "ann"), claim, text="甲的第二种说法")
    done = import_claims(wb, _row(tmp_path, claim, "别人的说法"), doc, dry_run=True)
    (other,) = done.other_ids
    assert other.text_changed is None and other.added, other
