"""trial324: `import annotations` of a browser tool's annotation (its TextPositionSelector in
UTF-16 units, so past the claim's sentence by one for each emoji before it) pinned the claim
to the next sentence of a report that repeats its wording, said nothing, and `--json` gave
its anchor as exact, though the annotation's prefix and suffix named the sentence meant."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

TEXT = "".join(
    f"第{i}句：全市GDP增长5.{i}%，其中AI产业贡献了{i}0亿元🚀🤖🎉👍😀🔥。" for i in range(1, 9)
)
QUOTE = "其中AI产业贡献了"


def _utf16(at: int) -> int:
    return len(TEXT[:at].encode("utf-16-le")) // 2


def test_import_annotations_pins_the_sentence_its_prefix_and_suffix_name(
    cli: Run, tmp_path: Path
) -> None:
    ok(cli("doc", "add", "-", input=TEXT))
    at = TEXT.index(QUOTE, TEXT.index("第5句"))
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example/a1",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "check 50亿", "purpose": "commenting"}],
        "target": {
            "source": "https://news.example/report",
            "selector": [
                {"type": "TextPositionSelector", "start": _utf16(at), "end": _utf16(at + 9)},
                {
                    "type": "TextQuoteSelector",
                    "exact": QUOTE,
                    "prefix": TEXT[at - 12 : at],
                    "suffix": TEXT[at + 9 : at + 15],
                },
            ],
        },
    }
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps([annotation], ensure_ascii=False), encoding="utf-8")
    ok(cli("import", "annotations", str(path), "--doc", "1"))
    shown = json.loads(ok(cli("claim", "show", "1", "--json")).out)
    assert (shown["start"], shown["end"]) == (at, at + 9), shown["prefix"]
    assert shown["prefix"].endswith("第5句：全市GDP增长5.5%，")
