"""A plain-text Chinese article whose headline has a main title and a subtitle.

Chinese headlines join a title and a subtitle with a full-width colon (主标题：副标题) far
more often than English ones. `plain_title` (workbench/domain/plain_title.py) refuses a first
line that `speaker_lines` reads as a transcript turn, and "月之暗面：从清华..." reads as the
speaker 月之暗面 speaking, although it is one line followed by prose; the same headline with an
ASCII colon was taken as the title.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

BODY = (
    "北京——人工智能初创公司月之暗面近日宣布完成新一轮融资，融资金额超过１０亿美元。\n"
    "据知情人士透露，本轮融资由阿里巴巴领投。\n"
)


def _title(cli: Any, path: Path, headline: str) -> str | None:
    path.write_text(f"{headline}\n\n{BODY}", encoding="utf-8")
    return json.loads(ok(cli("doc", "add", str(path), "--json")).out)["title"]


def test_headline_with_full_width_colon_is_the_title(cli: Any, tmp_path: Path) -> None:
    """`doc add` of a .txt whose first line was "月之暗面：从清华实验室走出的长文本独角兽"
    stored no title (so its ClaimReview and report named none), while "月之暗面:从..." with an
    ASCII colon was the title."""
    ascii_colon = _title(cli, tmp_path / "a.txt", "月之暗面:从清华实验室走出的长文本独角兽")
    assert ascii_colon == "月之暗面:从清华实验室走出的长文本独角兽"
    full_width = _title(cli, tmp_path / "b.txt", "月之暗面：从清华实验室走出的长文本独角兽")
    assert full_width == "月之暗面：从清华实验室走出的长文本独角兽"
