"""trial324: a fact-checker pinned two characters at the end of a 176,000-character paragraph
with no sentence end in it (a transcript typed without full stops, a PDF's text) and ran
`claim show`: its quote line printed the whole paragraph, the claim's "sentence", on one
line. `audit export --format md` clips the same context to 200 characters each side of the
quote (its "Quote in context"); `claim show` now does too, marking what it leaves out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

RUN = "据统计，2024年深圳AI产业增长25％😀，" * 2000


def test_claim_show_clips_the_context_of_a_sentence_without_end(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=RUN + "结束了" + RUN))
    at = len(RUN)
    ok(cli("claim", "add", "1", "--text", "it ended", "--start", str(at), "--end", str(at + 3)))
    out = ok(cli("claim", "show", "1")).out
    line = next(x for x in out.splitlines() if x.startswith("  quote    "))
    before, _, rest = line.removeprefix("  quote    ").partition("[[结束了]]")
    assert before.startswith("…") and rest.endswith("…"), line[:80]
    assert before[1:] == RUN[-200:] and rest[:-1] == RUN[:200]
