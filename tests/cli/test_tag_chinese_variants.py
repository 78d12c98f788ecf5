"""A tag written in traditional characters beside the same tag in simplified ones.

A desk with checkers from Hong Kong or Taiwan types 融資 (traditional) for the 融资 (simplified)
its claims already have. A tag is "stored folded, as a name is", and a name written in
traditional and in simplified characters is one name (docs/identity.md: `張偉` is `张伟`); a
tag that looks like one claims already have is refused, naming it. `TagTwins`
(workbench/domain/desk.py) compares skeletons only, so 融資 became a second tag: `claim list
--tag 融资` misses its claims and `stats --by tag` counts the word twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = "月之暗面完成新一轮融资，融资金额超过１０亿美元。\n融资完成后，估值达到２５亿美元。\n"


def test_traditional_tag_is_not_a_second_tag_beside_the_simplified_one(
    cli: Any, tmp_path: Path
) -> None:
    """`claim tag 2 融資` beside claim 1's 融资 was accepted as a new tag: claim 2 was then not
    found by `claim list --tag 融资`, and `stats --by tag` had a row for each spelling."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(
        cli(
            "claim", "add", "1", "--text", "融资超过１０亿美元", "--quote", "融资金额超过１０亿美元"
        )
    )
    ok(cli("claim", "add", "1", "--text", "估值２５亿美元", "--quote", "估值达到２５亿美元"))
    ok(cli("claim", "tag", "1", "融资"))
    r = cli("claim", "tag", "2", "融資")
    if r.code != 0:
        # Refused as a look-alike of the tag in use: that is one of the two right answers.
        assert "融资" in r.err, r.err
        return
    found = [c["id"] for c in json.loads(ok(cli("claim", "list", "--tag", "融资", "--json")).out)]
    rows = json.loads(ok(cli("stats", "--by", "tag", "--json")).out)
    assert found == [1, 2], (found, r.out)
    assert [row["tag"] for row in rows] == ["融资"], rows
