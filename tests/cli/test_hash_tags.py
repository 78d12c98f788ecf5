"""Tags that start with `#` (hashtags such as `#2024`) beside the desk commands' IDs.

`new_tag` refuses only ASCII digits alone, so `#2024` is a tag the tool adds; but
`claim_desk._split_ids` now reads `#` + digits as a claim ID (`id_or_none`), so the tag can
no longer be named first after the IDs, and one already on a claim cannot be removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.inprocess import ok


def _claim(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("月之暗面的估值达到25亿美元。\n", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--text", "估值", "--quote", "月之暗面的估值达到25亿美元"))


def test_hashtag_of_digits_is_still_a_tag(cli: Any, tmp_path: Path) -> None:
    """`claim tag 1 '#2024'` was refused with "name at least one tag after the IDs" once
    `#2024` was read as claim #2024: a hashtag the tool itself accepts (`claim tag 1 q1
    '#2024'` adds it) could not be given alone."""
    _claim(cli, tmp_path)
    r = cli("claim", "tag", "1", "#2024")
    assert r.code == 0, (r.code, r.out, r.err)
    assert "#2024" in r.out


def test_hashtag_of_digits_can_be_removed(cli: Any, tmp_path: Path) -> None:
    """A claim tagged `#2024` (added after another tag, or before `#` was read as an ID's
    mark) could not be untagged: `claim untag 1 '#2024'` read it as claim #2024."""
    _claim(cli, tmp_path)
    ok(cli("claim", "tag", "1", "q1", "#2024"))
    r = cli("claim", "untag", "1", "#2024")
    assert r.code == 0, (r.code, r.out, r.err)
    assert "tags q1" in r.out
