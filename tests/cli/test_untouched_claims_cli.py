"""`claim list --untouched-since WHEN` on the command line: the stale claims, each with its last
activity (--json's `last_activity`, and a table column), and a bad WHEN refused as bad usage.

Before, the option did not exist: an editor could list the open claims and their owners, but
not those nobody had worked on for a week. Now WHEN is a date, a date-time or Nd (N days ago),
and a negative, zero or huge number of days, or no date at all, is exit 2 with one line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok

Run = Callable[..., Any]


@pytest.fixture
def desk(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two claims added on 1 November 2026; a note on claim 1 on 28 November; today is 30
    November."""
    import workbench.domain.clock as clock
    import workbench.services.context as context

    moments: Iterator[dt.datetime] = iter(())

    def set_day(day: str) -> None:
        nonlocal moments
        start = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
        moments = (start + dt.timedelta(seconds=i) for i in range(10_000))

    monkeypatch.setattr(context, "now", lambda: next(moments))
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC))
    text = tmp_path / "a.txt"
    text.write_text("甲公司营收增长30%。乙公司裁员200人。\n", encoding="utf-8")
    set_day("2026-11-01T09:00:00")
    ok(cli("doc", "add", str(text)))
    for quote in ("营收增长30%", "裁员200人"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    ok(cli("claim", "assign", "2", "--to", "王芳"))
    set_day("2026-11-28T10:00:00")
    ok(cli("note", "add", "1", "年报第3页"))


def test_the_stale_claims_and_their_last_activity(cli: Run, desk: None) -> None:
    listed = json.loads(ok(cli("claim", "list", "--untouched-since", "7d", "--json")).out)
    assert [c["id"] for c in listed] == [2]
    assert listed[0]["last_activity"].startswith("2026-11-01T09:00:")
    assert listed[0]["assignee"] == "王芳"
    # a date, and the same in a Chinese text's form
    for day in ("2026-11-28", "2026年11月28日"):
        shown = json.loads(ok(cli("claim", "list", "--untouched-since", day, "--json")).out)
        assert [c["id"] for c in shown] == [2], day
    # every claim list says each claim's last activity
    everything = json.loads(ok(cli("claim", "list", "--json")).out)
    assert everything[0]["last_activity"] == "2026-11-28T10:00:00.000000Z"
    # the table shows the day of it, beside the owner
    table = ok(cli("claim", "list", "--untouched-since", "7d")).out
    assert "last activity" in table and "2026-11-01" in table and "王芳" in table
    assert "营收增长30%" not in table


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("-7d", "not a date"),
        ("0d", "at least 1 day"),
        ("99999999d", "at most 36,500 days"),
        ("1" * 5000 + "d", "at most 36,500 days"),
        ("a week", "not a date"),
        ("2026-02-30", "not a date"),
        ("", "not a date"),
        # today is 30 November 2026 here: every claim is untouched since a time to come
        ("2026-12-02", "more than a day ahead"),
        ("2062-12-01", "more than a day ahead"),
    ],
)
def test_a_bad_time_is_bad_usage(cli: Run, desk: None, value: str, said: str) -> None:
    refused = cli("claim", "list", "--untouched-since", value)
    assert refused.code == 2, (refused.code, refused.out, refused.err)
    assert said in refused.err and len(refused.err.strip().splitlines()) == 1, refused.err
    assert refused.out == ""


def test_untouched_on_or_before_updated_lists_what_a_revision_moved(
    cli: Run, desk: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--updated-since 2026-11-29 --untouched-since 7d` was bad usage ("a change is
    activity"). A `doc update`'s re-anchoring changes every claim of the document and is no
    one's work on it: after a correction on the 29th, the pair lists the claims it moved that
    nobody has worked on for a week (2: claim 1 has a note of the 28th), in every form."""
    import workbench.services.claim_updates as claim_updates
    import workbench.services.context as context

    start = dt.datetime(2026, 11, 29, 10, tzinfo=dt.UTC)
    moments = (start + dt.timedelta(seconds=i) for i in range(10_000))
    monkeypatch.setattr(context, "now", lambda: next(moments))
    monkeypatch.setattr(claim_updates, "now", lambda: next(moments))  # the claims' updated_at
    revised = tmp_path / "b.txt"
    revised.write_text("甲公司营收增长30%。乙公司裁员200人。丙公司上市。\n", encoding="utf-8")
    ok(cli("doc", "update", "1", str(revised)))
    asked = ("claim", "list", "--updated-since", "2026-11-29", "--untouched-since", "7d")
    shown = json.loads(ok(cli(*asked, "--json")).out)
    assert [(c["id"], c["updated_at"][:10]) for c in shown] == [(2, "2026-11-29")]
    assert shown[0]["last_activity"].startswith("2026-11-01T09:00:")
    assert ok(cli(*asked, "--csv")).out.count("\n") == 2  # the header and claim 2
    # on or before the change, and nothing since: every claim the revision moved
    since = ("--updated-since", "2026-11-29", "--untouched-since", "2026-11-29", "--json")
    both = ok(cli("claim", "list", *since))
    assert [c["id"] for c in json.loads(both.out)] == [1, 2]
    kept = json.loads(
        ok(
            cli(
                "claim",
                "list",
                "--updated-since",
                "2026-11-01",
                "--untouched-since",
                "2026-11-20",
                "--json",
            )
        ).out
    )
    assert [c["id"] for c in kept] == [2]


def test_the_csv_says_each_claims_last_activity(cli: Run, desk: None, tmp_path: Path) -> None:
    """`claim list --csv` had no last_activity, though --json had it: a spreadsheet of the open
    claims could not be sorted by how long each has lain idle. Now it is the last column (the
    columns before keep their places). The file stays a to-do list: `import claims` refuses it
    as one, naming last_activity among `claim list --csv`'s own columns, even with the other
    listing-only columns removed; `export claims` writes the table to import."""
    import csv
    import io

    from workbench.exports.claims_csv import COLUMNS

    listed = ok(cli("claim", "list", "--untouched-since", "7d", "--csv")).out
    header, *rows = list(csv.reader(io.StringIO(listed)))
    assert tuple(header) == COLUMNS and header[-1] == "last_activity"
    assert [(row[0], row[-1][:16]) for row in rows] == [("2", "2026-11-01T09:00")]
    every = list(csv.DictReader(io.StringIO(ok(cli("claim", "list", "--csv")).out)))
    assert every[0]["last_activity"] == "2026-11-28T10:00:00.000000Z"
    # read back: refused once, for what the file is
    kept = ("text", "quote", "last_activity")
    trimmed = tmp_path / "todo.csv"
    trimmed.write_text(
        ",".join(kept) + "\n" + "".join(",".join(r[k] for k in kept) + "\n" for r in every),
        encoding="utf-8",
    )
    refused = cli("import", "claims", str(trimmed), "--doc", "1")
    assert refused.code != 0 and "last_activity" in refused.err
    assert "looks like `claim list --csv`" in refused.err


def test_the_board_counts_each_owners_untouched_claims(cli: Run, desk: None) -> None:
    """`stats --untouched-since 7d`: beside each owner's claims to check, how many nobody has
    worked on since (王芳's claim 2, untouched since 1 November; claim 1 had a note on the
    28th), as `claim list --open --untouched-since 7d` lists them. Bad WHEN, or with --by
    (another table, which has no owners' loads), is bad usage."""
    board = json.loads(ok(cli("stats", "--untouched-since", "7d", "--json")).out)
    assert board["untouched_since"] == "2026-11-23T12:00:00.000000Z"
    assert board["by_owner"]["王芳"]["untouched"] == 1
    assert board["by_owner"]["(unassigned)"]["untouched"] == 0
    table = ok(cli("stats", "--untouched-since", "7d")).out
    assert "untouched" in table
    for args in (("--untouched-since", "0d"), ("--untouched-since", "7d", "--by", "owner")):
        refused = cli("stats", *args)
        assert refused.code == 2, (args, refused.code, refused.out, refused.err)
        assert len(refused.err.strip().splitlines()) == 1 and refused.out == ""


def test_todays_date_east_of_greenwich_is_not_refused(cli: Run, desk: None) -> None:
    """A date is UTC's midnight; on 1 December in Beijing it is still 30 November in UTC, and
    that day's date is a few hours ahead: a day's grace, not a refusal (trial95 asked future
    dates refused)."""
    r = cli("claim", "list", "--untouched-since", "2026-12-01", "--json")
    assert r.code == 0, r.err
