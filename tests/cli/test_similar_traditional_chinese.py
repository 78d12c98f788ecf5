"""`claim similar` between a claim in simplified Chinese and the same claim in traditional.

A desk checks mainland reports beside Hong Kong and Taiwan ones, which write the same figure
with 億 and 萬 for 亿 and 万. The figure reader (workbench/domain/similarity/figures.py,
`_ZH_BIG_UNITS` and its patterns) knows only the simplified units, so `25億美元` is read as 25,
and the claim that repeats a checked one word for word in traditional characters is scored as
one giving *another* figure ("other figures: ≈2500000000 / ≈25 (x0.50)"), below the default
threshold: the desk is not told the claim was checked before. README: figures are matched
"however written".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok


def test_traditional_figure_is_the_same_figure(cli: Any, tmp_path: Path) -> None:
    """`claim similar` scored 月之暗面估值達到25億美元 against 月之暗面估值达到25亿美元 at 0.231,
    why "other figures: ≈2500000000 / ≈25 (x0.50)", and listed nothing at the default 0.5."""
    mainland = tmp_path / "a.txt"
    mainland.write_text("融资完成后，月之暗面估值达到25亿美元。\n", encoding="utf-8")
    taiwan = tmp_path / "b.txt"
    taiwan.write_text("融資完成後，月之暗面估值達到25億美元。\n", encoding="utf-8")
    ok(cli("doc", "add", str(mainland), str(taiwan)))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "月之暗面估值达到25亿美元",
            "--quote",
            "月之暗面估值达到25亿美元",
        )
    )
    ok(
        cli(
            "claim",
            "add",
            "2",
            "--text",
            "月之暗面估值達到25億美元",
            "--quote",
            "月之暗面估值達到25億美元",
        )
    )
    found = json.loads(ok(cli("claim", "similar", "2", "--min-score", "0", "--json")).out)
    assert found and found[0]["id"] == 1, found
    assert not any("other figures" in why for why in found[0]["why"]), found[0]["why"]
    assert found[0]["similarity"] >= 0.5, found[0]
