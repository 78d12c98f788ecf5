"""rr306: review299 held a `document.checked` event's sha256 to the latest revision's by the
first 28 bits of each only ("to keep memory bounded"): a check naming another text whose hash
shares its first seven hex digits passed. A check an editor signs off on is held to the whole
hash: 32 bytes a document, 160 KB for the large size's 5,000 documents."""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.services.context import Workbench, transaction
from workbench.services.documents import add_from
from workbench.services.replay import replay

TEXT = "城市人口首次超过2000万，比去年增加了35万人。分析人士指出，公共服务面临新的压力。\n"


def test_a_hash_differing_after_its_first_seven_digits_is_a_difference(
    wb: Workbench, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    add_from(wb, str(article))
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    other = digest[:7] + ("0" if digest[7] != "0" else "1") + digest[8:]
    with transaction(wb, write=True) as tx:
        tx.record("document.checked", "document", "1", {"after": {"revision": 1, "sha256": other}})
    report = replay(wb)
    found = [d.message for d in report.differences]
    assert any("sha256" in m and "checked" in m for m in found), found
