"""`evidence add --accessed`: every bound of the option is bad usage, in one message style."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (
            "2999-01-01",
            "date 2999-01-01 is in the future (today is 2026-12-05 in UTC by this computer's "
            "clock, at most 2026-12-06 anywhere)",
        ),
        ("1989-12-31", "date 1989-12-31 is not a likely date: one before 1990-01-01"),
        ("1599-12-31", "date 1599-12-31 is not a likely date: one before 1990-01-01"),
    ],
)
def test_every_out_of_bound_accessed_date_is_bad_usage(
    cli: Run, tmp_path: Path, day: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The option's type checked only the general floor (1600) and today; the 1990 floor was
    the service's, so 1989-12-31 came back as invalid_input (exit 1) without the `--help`
    pointer, and 1599-12-31 named the 1600 floor, not the option's own (trial56). Nothing
    is stored either way."""
    import workbench.domain.clock as clock

    # the refusal says today's date by this computer's clock: the test's own
    moment = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "now", lambda: moment)
    doc = tmp_path / "a.txt"
    doc.write_text("The council said bus ridership rose 23 percent.\n", encoding="utf-8")
    ok(cli("doc", "add", str(doc)))
    ok(cli("claim", "add", "1", "--text", "Ridership rose", "--quote", "23 percent"))
    r = cli("evidence", "add", "1", "--citation", "c", "--stance", "context", "--accessed", day)
    assert r.code == 2, r.err
    assert r.err.strip() == (
        f"error: Invalid value for '--accessed': {said} is taken for a typo "
        "(see `workbench evidence add --help`)"
        if "likely" in said
        else f"error: Invalid value for '--accessed': {said} (see `workbench evidence add --help`)"
    )
    assert cli("evidence", "list", "1", "--json").out.strip() == "[]"
