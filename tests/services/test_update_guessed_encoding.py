"""`update_from` (doc update) reports the encoding a page was read in when that was a guess, as
`add_document` does (a trial: doc update dropped it, so a guessed GBK revision came in unsaid).
"""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Workbench
from workbench.services.documents import add_document, update_from

PAGE = Path(__file__).parent.parent / "data" / "pages" / "gbk-no-charset.html"


def test_a_revision_read_by_a_guess_names_the_encoding(wb: Workbench, tmp_path: Path) -> None:
    data = PAGE.read_bytes()
    doc = add_document(wb, data, source="p.html").document.id
    newer = tmp_path / "newer.html"
    newer.write_bytes(data.replace("一百二十亿元".encode("gbk"), "一百三十亿元".encode("gbk")))
    added = update_from(wb, doc, str(newer))
    assert added.created and added.guessed_encoding == "gb18030"
    assert added.to_json()["guessed_encoding"] == "gb18030"
    declared = tmp_path / "declared.html"
    declared.write_bytes(data.replace(b"<head>", b'<head><meta charset="gbk">'))
    added = update_from(wb, doc, str(declared))
    assert added.guessed_encoding is None and "guessed_encoding" not in added.to_json()
