"""A word of thousands of digits among a desk command's IDs (`claim tag|untag|priority|due`).
`_split_ids` reads each leading word that `id_or_none` takes as an ID with int(), which
refuses more than 4,300 digits with a ValueError nobody catches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.inprocess import ok


def _claim(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("月之暗面的估值达到25亿美元。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "估值", "--quote", "月之暗面的估值达到25亿美元"))


def test_thousands_of_digits_after_a_hash_are_refused_in_one_line(cli: Any, tmp_path: Path) -> None:
    """`claim tag 1 '#999…9' x` (5,000 digits) printed a traceback ("Exceeds the limit (4300
    digits) for integer string conversion"); before `#` marked an ID it was a tag, refused in
    one line as too long. Full-width digits (９９…９) did the same."""
    _claim(cli, tmp_path)
    for word in ("#" + "9" * 5000, "\uff19" * 5000):
        r = cli("claim", "tag", "1", word, "x")
        assert "Traceback" not in r.err, r.err[-300:]
        assert r.code in (1, 2), (r.code, r.err[:200])
