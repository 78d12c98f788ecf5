"""`claim due` names --clear for a "none" typed in full-width letters, as for the ASCII one.

A checker whose Chinese IME was in full-width mode typed `claim due 1 ｎｏｎｅ` (or `Ｎ/Ａ`,
`N／A`) to remove a due date. Before review190's word list every value without a digit was
told "or --clear to remove the due date"; the list compared the value as typed, so the
full-width "none" lost the hint the ASCII one keeps (a date is read in either width).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]


def test_none_in_full_width_letters_names_clear(cli: Run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("甲说了一句话。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话"))
    for value in ("ｎｏｎｅ", "Ｎ/Ａ", "N／A", "ＮＵＬＬ"):
        r = cli("claim", "due", "1", value)
        assert r.code == 2, (value, r.err)
        assert "use YYYY-MM-DD, or --clear to remove the due date" in r.err, (value, r.err)
    # A date in words stays told only the date's form, in either width.
    for value in ("明天", "ｔｏｍｏｒｒｏｗ"):
        r = cli("claim", "due", "1", value)
        assert r.code == 2 and "--clear" not in r.err, (value, r.err)
