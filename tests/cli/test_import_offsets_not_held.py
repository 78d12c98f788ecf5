"""rbundle: a claims row giving a quote and start/end is pinned where the quote is; the offsets
only say which occurrence (documented: `ClaimRow`). A row whose offsets hold other text
(`"start":5,"end":9` beside a quote found at 40-58) was pinned at the quote without a word: the
row's own offsets were set aside unsaid, and whoever wrote them never learnt that they point at
another passage. The import now says so of the row, in its notices, where the claim went."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.inprocess import ok

ARTICLE = "The mayor said taxes rose 5% last year. Costs fell sharply in May.\n"
QUOTE = "Costs fell sharply"


def _import(cli: Callable[..., Result], tmp_path: Path, start: int, end: int) -> Result:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))
    rows = [{"quote": QUOTE, "text": "Costs fell sharply in May.", "start": start, "end": end}]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return cli("import", "claims", "--doc", "1", str(path), "--json")


def test_offsets_holding_other_text_are_said(cli: Callable[..., Result], tmp_path: Path) -> None:
    r = _import(cli, tmp_path, 5, 9)
    assert r.code == 0, r.out + r.err
    at = ARTICLE.index(QUOTE)
    result = json.loads(r.out)
    (notice,) = result["notices"]
    assert notice.startswith("row 1: ") and "start and end hold other text" in notice, notice
    # where it went: the claim's own span
    assert (result["added"][0]["start"], result["added"][0]["end"]) == (at, at + len(QUOTE))


def test_rows_alike_are_said_in_one_line(cli: Callable[..., Result], tmp_path: Path) -> None:
    """A file made for another revision: every row's offsets are off, one line says them."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))
    rows = [
        {"quote": q, "text": q + ".", "start": 0, "end": 3}
        for q in ("Costs fell sharply", "taxes rose 5%", "in May")
    ]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    r = ok(cli("import", "claims", "--doc", "1", str(path)))
    said = [line for line in r.err.splitlines() if "start and end" in line]
    assert len(said) == 1 and said[0].startswith("rows 1-3"), r.err


def test_offsets_holding_the_quote_say_nothing(cli: Callable[..., Result], tmp_path: Path) -> None:
    at = ARTICLE.index(QUOTE)
    r = _import(cli, tmp_path, at, at + len(QUOTE))
    assert r.code == 0, r.out + r.err
    assert json.loads(r.out)["notices"] == []
