"""review332: `claim show` (trial324) and `audit export --format md` cut a quote's context
200 characters each side of it, counted in code points, wherever that fell: inside a flag
(one of its two regional indicators left, so every flag after it paired with the wrong
letter: 🇫🇷🇩🇪 read as 🇷🇩 and 🇪🇫) or between a letter and its combining accent (the accent
dropped, another word shown). The cut now falls between user-perceived characters, nearer
the quote, in both, which share one way of cutting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]
pytestmark = pytest.mark.usefixtures("trail_proves_itself")

FLAGS = "🇫🇷🇩🇪" * 60
# "q" with an acute accent has no precomposed form: NFC keeps it two code points.
ACCENTED = "q\u0301" * 150
TEXT = "a" + FLAGS + "b" + "X" + "z" + ACCENTED + "。"
AT = TEXT.index("X")


def _context(line: str) -> tuple[str, str]:
    before, _, after = line.partition("X")
    return before, after


def _assert_whole(before: str, after: str) -> None:
    lead = before.rpartition("…")[2]
    # Whole flags from the cut on, each France or Germany; whole accented letters before it.
    assert lead.endswith("b") and len(lead[:-1]) % 2 == 0, lead[:8].encode("unicode_escape")
    assert lead.startswith("🇫🇷") or lead.startswith("🇩🇪"), lead[:8].encode("unicode_escape")
    trail = after.partition("…")[0]
    assert trail.endswith("\u0301"), trail[-4:].encode("unicode_escape")
    assert len(lead) <= 201 and len(trail) <= 200


def test_claim_show_cuts_the_context_between_characters(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=TEXT))
    ok(cli("claim", "add", "1", "--text", "x", "--start", str(AT), "--end", str(AT + 1)))
    out = ok(cli("claim", "show", "1")).out
    line = next(x for x in out.splitlines() if x.startswith("  quote    "))
    before, after = _context(line.removeprefix("  quote    ").replace("[[", "").replace("]]", ""))
    _assert_whole(before, after)


def test_the_markdown_timeline_cuts_the_context_between_characters(cli: Run) -> None:
    ok(cli("doc", "add", "-", input=TEXT))
    ok(cli("claim", "add", "1", "--text", "x", "--start", str(AT), "--end", str(AT + 1)))
    out = ok(cli("audit", "export", "--format", "md")).out
    line = next(x for x in out.splitlines() if "Quote in context" in x)
    before, after = _context(line.partition("**Quote in context:** ")[2].replace("**", ""))
    _assert_whole(before, after)
