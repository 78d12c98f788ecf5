"""trial55: two people could be registered under one display name (or one that is the same by
the same-person rule), and every list then showed them alike."""

from __future__ import annotations

import pytest

from tests.conftest import Result, run_in_process


def _run(url: str, actor: str, *args: str) -> Result:
    return run_in_process(["--db", url, "--as", actor, *args])


@pytest.mark.parametrize("shown", ["Maria Lopez", "ＭＡＲＩＡ ＬＯＰＥＺ", "Lopez Maria"])
def test_two_people_are_not_shown_under_one_display_name(db_url: str, shown: str) -> None:
    """trial55: `user add ml2 --display "Maria Lopez"` beside maria shown as Maria Lopez was
    accepted: every list then showed two people alike (`did you mean ml2 (Maria Lopez) or maria
    (Maria Lopez)?`). A display name that was, looked like or read like another person's *name*
    was refused, in any word order; another person's display name was let through."""
    assert _run(db_url, "maria", "user", "add", "maria", "--display", "Maria Lopez").code == 0
    r = _run(db_url, "maria", "user", "add", "ml2", "--display", shown)
    assert r.code == 1, f"ml2 registered shown as {shown!r} beside maria (Maria Lopez): {r.out}"
    assert "display name" in r.err, r.err
