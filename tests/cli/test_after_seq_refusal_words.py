"""`audit export --after HEAD --after-seq N` with a seq that is not the head's says its advice
once (review106).

The bug: the library's refusal carried the advice in its own words ("...: check --after-seq")
and the hint that the CLI turns into the same words, so the line read "error: the head given is
the hash of event 3, not 0: check --after-seq; check --after-seq". Now the library says the
fact, and the CLI adds the advice, once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_a_seq_not_the_heads_is_refused_with_its_advice_once(cli: Run) -> None:
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    assert cli("claim", "add", "1", "--text", "A said", "--quote", "甲说了一句话").code == 0
    assert cli("note", "add", "1", "first").code == 0
    head = json.loads(cli("audit", "head", "--json").out)["head"]
    r = cli("audit", "export", "--after", head, "--after-seq", "1")
    assert r.code == 1 and r.out == "", (r.code, r.out, r.err)
    [line] = r.err.strip().splitlines()
    assert line == "error: the head given is the hash of event 3, not 1; check --after-seq", line
