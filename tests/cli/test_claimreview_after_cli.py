"""`export claimreview --after HEAD [--after-seq N]` through the CLI (trial99 item 4).

The bug: a partner's incremental feed had only `--since LAST_PULL`, a window by each review's
date; a correction written on a clock that was behind (a laptop at 2001) is dated on or before
the last pull and never reached the partner. Now `--after` selects by position in the trail,
as `audit export --after` does (the same option types and the same refusals: a head the trail
does not hold exits 1 in one line, a malformed one 2), and stderr says the head to pull after
next time, so a script can chain its pulls.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

Run = Callable[..., Any]
ORG = ("--org", "Check Desk", "--org-url", "https://checks.example.org")
NEXT = re.compile(r"^next pull: --after ([0-9a-f]{64}) --after-seq (\d+)", re.MULTILINE)


def _clock_at(monkeypatch: pytest.MonkeyPatch, start: dt.datetime) -> None:
    """Events written from now on carry a clock reading `start`, a second later each time."""
    import workbench.services.context as context

    ticks = (start + dt.timedelta(seconds=i) for i in range(1000))
    monkeypatch.setattr(context, "now", lambda: next(ticks))


@pytest.fixture
def behind_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Events written from now on carry a clock fallen back to 2001-01-01."""
    _clock_at(monkeypatch, dt.datetime(2001, 1, 1, tzinfo=dt.UTC))
    yield


@pytest.fixture
def pulled(cli: Run, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Two verdicts given on 2026-12-03, then the partner's first pull that day (`--after-seq
    0`: everything), whose stderr names the head to pull after next."""
    _clock_at(monkeypatch, dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC))
    assert cli("doc", "add", "-", "--title", "T", input="甲说了一句话。乙说了另一句话。").code == 0
    for n, quote in ((1, "甲说了一句话"), (2, "乙说了另一句话")):
        assert cli("claim", "add", "1", "--text", f"said {n}", "--quote", quote).code == 0
        assert (
            cli(
                "evidence", "add", str(n), "--stance", "supports", "--url", "https://example.org/s"
            ).code
            == 0
        )
        assert cli("claim", "status", str(n), "verified", "--note", "checked").code == 0
    first = cli("export", "claimreview", *ORG, "--after-seq", "0")
    assert first.code == 0, first.err
    assert len(json.loads(first.out)) == 2
    found = NEXT.search(first.err)
    assert found, first.err
    head = json.loads(cli("audit", "head", "--json").out)
    assert (found.group(1), int(found.group(2))) == (head["head"], head["seq"])
    return {"head": head["head"], "seq": head["seq"], "until": first.out}


def test_the_next_pull_has_the_correction_written_on_a_clock_behind(
    cli: Run, pulled: dict[str, Any], behind_clock: None
) -> None:
    assert cli("claim", "status", "2", "in_progress", "--note", "a reader wrote").code == 0
    assert cli("claim", "status", "2", "false", "--note", "it was the other one").code == 0
    since = cli("export", "claimreview", *ORG, "--since", "2026-12-04")
    assert since.code == 0 and json.loads(since.out) == [], since.err
    r = cli("export", "claimreview", *ORG, "--after", pulled["head"])
    assert r.code == 0, r.err
    (review,) = json.loads(r.out)
    assert review["url"] == "https://checks.example.org/#claim-2"
    assert review["reviewRating"]["alternateName"] == "False"
    found = NEXT.search(r.err)
    assert found and int(found.group(2)) == pulled["seq"] + 2, r.err
    # Chained: the next pull after that head has nothing new, and names the same head.
    again = cli("export", "claimreview", *ORG, "--after", found.group(1))
    assert again.code == 0 and json.loads(again.out) == [], again.err
    chained = NEXT.search(again.err)
    assert chained and chained.groups() == found.groups()


def test_refusals(cli: Run, pulled: dict[str, Any]) -> None:
    unknown = cli("export", "claimreview", *ORG, "--after", "ab" * 32)
    assert unknown.code == 1 and unknown.out == "", unknown.err
    assert len(unknown.err.strip().splitlines()) == 1
    assert "no event in the trail has the hash" in unknown.err
    past = cli("export", "claimreview", *ORG, "--after-seq", str(pulled["seq"] + 9))
    assert past.code == 1 and "the trail ends at seq" in past.err
    for bad in (("--after", "3f2a"), ("--after-seq", "-1"), ("--after-seq", "x")):
        r = cli("export", "claimreview", *ORG, *bad)
        assert r.code == 2 and r.out == "", (bad, r.err)
        assert "Traceback" not in r.err
    with_since = cli(
        "export", "claimreview", *ORG, "--after", pulled["head"], "--since", "2026-12-01"
    )
    assert with_since.code == 2 and "--after" in with_since.err, with_since.err
    with_claim = cli("export", "claimreview", *ORG, "--after", pulled["head"], "--claim", "1")
    assert with_claim.code == 2 and "--claim" in with_claim.err, with_claim.err


def test_without_after_no_head_is_said(cli: Run, pulled: dict[str, Any]) -> None:
    r = cli("export", "claimreview", *ORG)
    assert r.code == 0 and not NEXT.search(r.err), r.err
