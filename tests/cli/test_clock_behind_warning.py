"""A write on a clock behind the trail's newest event is warned of (trial99, proposal 6).

Every event is stamped by the writing computer's clock. A laptop whose clock had fallen back
to 2001-01-01 wrote events 25 years before those already in the trail, and nothing said so:
the fact-checker learnt it, if ever, when a window by time missed them. One command run at
2099 left the trail's newest event in everyone's future, also unsaid. Now a write whose clock
reads more than CLOCK_TOLERANCE before the trail's newest event is told as a fact
(`Workbench.clock_behind`, read with the chain's head, no query more), and the CLI warns once
on stderr; the write still happens (refusing it would lose the work). The writer at 2099
cannot see its own clock is ahead, but the next honest writer sees that event in its future.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]


@pytest.fixture
def desk(cli: Run, set_clock: Callable[[str], None], tmp_path: Path) -> int:
    """A document and a claim added on 2026-12-03 from 11:00: the trail's newest seq."""
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。乙公司裁员200人。\n", encoding="utf-8")
    set_clock("2026-12-03T11:00:00")
    ok(cli("doc", "add", str(text)))
    ok(cli("claim", "add", "1", "--text", "营收增长30%", "--quote", "营收增长30%"))
    return newest_seq(cli)


def newest_seq(cli: Run) -> int:
    return int(json.loads(ok(cli("audit", "head", "--json")).out)["seq"])


def warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if "clock" in line]


def test_the_library_tells_a_write_on_a_clock_behind(
    wb: Any, desk: int, set_clock: Callable[[str], None]
) -> None:
    from workbench.services.notes import add_note

    set_clock("2001-01-01T00:00:00")
    add_note(wb, 1, "从2001年的笔记本电脑")
    behind = wb.clock_behind
    assert behind is not None
    assert behind.at.startswith("2001-01-01T00:00:")
    assert behind.newest_at.startswith("2026-12-03T11:00:")
    assert behind.newest_seq == desk


def test_a_write_on_a_clock_behind_warns_once_and_is_written(
    cli: Run, desk: int, set_clock: Callable[[str], None], tmp_path: Path
) -> None:
    set_clock("2001-01-01T00:00:00")
    # two documents: two transactions, one warning
    for name in ("b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name}的正文。\n", encoding="utf-8")
    r = ok(cli("doc", "add", str(tmp_path / "b.txt"), str(tmp_path / "c.txt")))
    said = warnings(r.err)
    assert len(said) == 1, r.err
    assert said[0].startswith(
        "warning: this computer's clock says 2001-01-01T00:00Z, before the trail's newest "
        f"event (seq {desk}, 2026-12-03T11:00Z): the events written now are out of time order"
    )
    assert newest_seq(cli) == desk + 2
    # The next write on the same clock follows its own events, in time order: nothing said
    # (the step back is told once, and `audit verify` counts it).
    assert warnings(ok(cli("note", "add", "1", "笔记")).err) == []
    # --json: the result on stdout as ever, the warning on stderr
    set_clock("2026-12-06T09:00:00")
    ok(cli("note", "add", "1", "正确的时钟"))
    set_clock("2001-01-02T00:00:00")
    r = ok(cli("note", "add", "1", "又是2001年", "--json"))
    assert json.loads(r.out)["body"] == "又是2001年"
    assert len(warnings(r.err)) == 1


def test_the_writer_after_a_clock_far_ahead_is_warned(
    cli: Run, desk: int, set_clock: Callable[[str], None]
) -> None:
    set_clock("2099-06-01T00:00:00")
    r = ok(cli("note", "add", "1", "写于2099年"))
    assert warnings(r.err) == []  # its own clock looks right to itself
    set_clock("2026-12-05T10:11:00")
    r = ok(cli("note", "add", "1", "写于2026年"))
    said = warnings(r.err)
    assert len(said) == 1
    assert (
        f"this computer's clock says 2026-12-05T10:11Z, before the trail's newest event "
        f"(seq {desk + 1}, 2099-06-01T00:00Z)"
    ) in said[0]


def test_a_clock_a_little_behind_or_in_order_says_nothing(
    cli: Run, desk: int, set_clock: Callable[[str], None]
) -> None:
    set_clock("2026-12-03T10:58:00")  # two minutes behind: within the tolerance
    assert warnings(ok(cli("note", "add", "1", "稍慢的电脑")).err) == []
    set_clock("2026-12-04T09:00:00")
    assert warnings(ok(cli("note", "add", "1", "第二天")).err) == []
