"""NFC has one home, canonical_order.composed: CPython's own NFC reorders a run of marks by
insertion sort (a letter under 1 MB of marks out of order took half an hour to store), so a
text the desk takes from outside (a fetched page's title, a byline, a speaker, a headline)
normalised anywhere else could hang a command. Four such places were left after composed was
made the home of the rest (finalA): this holds the tree to it."""

from __future__ import annotations

import re
from pathlib import Path

import workbench

PACKAGE = Path(workbench.__file__).resolve().parent
# unicodedata.normalize asked for NFC. (NFKC, which reorders alike, folds names and terms of a
# bounded length only.)
OWN_NFC = re.compile(r"""unicodedata\.normalize\(\s*["']NFC["']""")
HOME = PACKAGE / "domain" / "canonical_order.py"


def test_only_canonical_order_asks_unicodedata_for_nfc() -> None:
    elsewhere = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != HOME
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OWN_NFC.search(line)
    ]
    assert elsewhere == []
