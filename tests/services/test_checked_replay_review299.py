"""review299: replay holds a `document.checked` event to the revision the trail had stored.

`doc update` of a text the latest revision holds records the revision it found and that
revision's sha256. Replay took any revision number of 1 or more and never read the hash: a
check naming a revision no event created, one the document had moved past, or another text's
hash, passed as consistent, and `doc show` says "revision N of document #M unchanged" from it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_from, update_from
from workbench.services.replay import replay

FIRST = "城市人口首次超过2000万，比去年增加了35万人。分析人士指出，公共服务面临新的压力。\n"
SECOND = FIRST + "政府表示将提前规划交通和教育设施。\n"


def _two_revisions(wb: Workbench, tmp_path: Path) -> str:
    """A document at revision 2, then checked (its text read again): the latest's sha256."""
    text = tmp_path / "a.txt"
    text.write_text(FIRST, encoding="utf-8")
    add_from(wb, str(text))
    text.write_text(SECOND, encoding="utf-8")
    assert update_from(wb, 1, str(text)).created
    assert not update_from(wb, 1, str(text)).created
    return hashlib.sha256(SECOND.encode()).hexdigest()


def test_a_real_check_is_consistent(wb: Workbench, tmp_path: Path) -> None:
    _two_revisions(wb, tmp_path)
    report = replay(wb)
    assert report.consistent, report.differences


@pytest.mark.parametrize(
    ("after", "said"),
    [
        ({"revision": 3}, "revision 3"),
        ({"revision": 1}, "revision 1"),
        ({"revision": 2, "sha256": "0" * 64}, "sha256"),
        ({"revision": 2}, "sha256"),
    ],
)
def test_a_check_of_a_revision_the_trail_did_not_have_latest_is_a_difference(
    wb: Workbench, tmp_path: Path, after: dict[str, Any], said: str
) -> None:
    digest = _two_revisions(wb, tmp_path)
    first = hashlib.sha256(FIRST.encode()).hexdigest()
    forged = {"sha256": first if after["revision"] == 1 else digest, **after}
    if after == {"revision": 2}:
        forged.pop("sha256")
    with transaction(wb, write=True) as tx:
        tx.record("document.checked", "document", "1", {"after": forged})
    report = replay(wb)
    assert not report.consistent
    found = [d.message for d in report.differences]
    assert any(said in m and "checked" in m for m in found), found
