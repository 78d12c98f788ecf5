"""`WORKBENCH_MAX_DOCUMENT_MB` raised far (100000: "no limit, in effect", or 1e300) made
`doc add -` crash on any standard input, even a line of it: the whole limit was asked of the
pipe in one read(limit + 1), which a buffered pipe allocates up front (MemoryError; past the
largest index, OverflowError). The limit bounds what is read; it is not memory to set aside.

In a subprocess: the test runner's standard input is a BytesIO, which allocates nothing for a
large read, so only a real pipe shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.mark.parametrize("megabytes", ["100000", "1e12", "1e300"])
def test_a_document_on_stdin_under_a_huge_limit_is_added(cli_process: Run, megabytes: str) -> None:
    r = cli_process(
        "doc",
        "add",
        "-",
        "--title",
        "piped",
        input="MiniMax在2021年底创业。\n",
        env={"WORKBENCH_MAX_DOCUMENT_MB": megabytes},
    )
    assert "Traceback" not in r.err, r.err
    assert r.code == 0, (r.code, r.out, r.err)
    assert "added document #1" in r.out + r.err


def test_stdin_over_a_small_limit_is_still_refused(cli_process: Run) -> None:
    r = cli_process(
        "doc",
        "add",
        "-",
        input="x" * 5000,
        env={"WORKBENCH_MAX_DOCUMENT_MB": "0.001"},
    )
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err == (
        "error: standard input is over the 1,048-byte limit "
        "(raise it with WORKBENCH_MAX_DOCUMENT_MB)\n"
    )
