"""review332: a browser tool (Hypothesis's dom-anchor-text-quote and others) takes a
TextQuoteSelector's prefix and suffix as 32 JavaScript UTF-16 units before and after the
quote: where that count ends inside an emoji, the prefix starts with the second half of a
surrogate pair (the suffix ends with the first half), which JSON carries as "\\udXXX". The
prefix then matched no occurrence, and an annotation naming its sentence exactly was refused
("its context matches no occurrence"). Half a character at the outer end of a context is
what the tool cut, not what the text says: it is left out of the comparison."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.domain.pinning import QuoteHint, anchor_quote

Run = Callable[..., Any]

TEXT = "".join(f"第{i}段😀：AI产业贡献了{i}0亿元🚀，增长很快。" for i in range(1, 6))
QUOTE = "AI产业贡献了"


def _js_slice(text: str, begin: int, end: int) -> str:
    """text.slice(begin, end) as JavaScript gives it: UTF-16 units, a pair cut in half kept."""
    units = text.encode("utf-16-le", "surrogatepass")[2 * begin : 2 * end]
    return units.decode("utf-16-le", "surrogatepass")


def _hint() -> tuple[QuoteHint, int]:
    at = TEXT.index(QUOTE, TEXT.index("第3段"))
    u = len(TEXT[:at].encode("utf-16-le")) // 2
    v = u + len(QUOTE)
    prefix, suffix = _js_slice(TEXT, u - 2, u), _js_slice(TEXT, v, v + 5)
    assert prefix[0] == "\ude00" and suffix[-1] == "\ud83d"  # half of 😀 and of 🚀
    return QuoteHint(exact=QUOTE, prefix=prefix, suffix=suffix), at


def test_a_context_cut_inside_an_emoji_still_names_its_occurrence() -> None:
    hint, at = _hint()
    span = anchor_quote(TEXT, hint, carrier="an annotation")
    assert (span.start, span.end) == (at, at + len(QUOTE))


@pytest.mark.usefixtures("trail_proves_itself")
def test_import_annotations_takes_a_context_cut_inside_an_emoji(cli: Run, tmp_path: Path) -> None:
    hint, at = _hint()
    ok(cli("doc", "add", "-", input=TEXT))
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example/a2",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "check 30亿", "purpose": "commenting"}],
        "target": {
            "source": "https://news.example/report",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": QUOTE,
                    "prefix": hint.prefix,
                    "suffix": hint.suffix,
                }
            ],
        },
    }
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps([annotation]), encoding="ascii")  # "\ude00" as JSON has it
    ok(cli("import", "annotations", str(path), "--doc", "1"))
    shown = json.loads(ok(cli("claim", "show", "1", "--json")).out)
    assert (shown["start"], shown["end"]) == (at, at + len(QUOTE))
