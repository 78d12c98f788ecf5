"""`stats --since`: who did what in a span, counted from the audit trail by kind (trial53: the
board could not say who did the month's work; only the trail's export could)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.queries import stats

TEXT = "甲公司2024年营收增长30%。乙公司裁员200人。"


@pytest.fixture
def desk(wb: Workbench, document_with_claims: Callable[..., Any]) -> list[int]:
    claims = [("A grew 30%", "营收增长30%"), ("B cut 200 jobs", "裁员200人")]
    ids = list(document_with_claims(TEXT, claims).claims)
    maria = Workbench(url=wb.url, actor="maria")
    set_status(maria, ids[0], "in_progress")
    add_note(maria, ids[0], "年报第3页")
    add_evidence(maria, ids[0], EvidenceInput(stance="supports", citation="年报 p.3"))
    add_note(Workbench(url=wb.url, actor="tom"), ids[1], "问过公司")
    return ids


def test_each_persons_work_by_kind(wb: Workbench, desk: list[int]) -> None:
    seen = stats(wb, since="2000-01-01").activity
    assert seen is not None and seen.until is None
    by_person = {p.person: (p.counts, p.events) for p in seen.people}
    assert by_person["maria"] == (
        {"claims_added": 0, "status_changes": 1, "reviews": 0, "notes": 1, "evidence": 1},
        3,
    )
    assert by_person["tom"][0]["notes"] == 1 and by_person["tom"][1] == 1
    # whoever set the desk up added the document and both claims
    assert by_person[wb.actor][0]["claims_added"] == 2 and by_person[wb.actor][1] == 3
    # the busiest first, then by name
    assert [p.person for p in seen.people] == [*sorted([wb.actor, "maria"]), "tom"]
    assert {"person": "maria", **by_person["maria"][0], "events": 3} in seen.to_json()["people"]


def test_a_span_with_no_work_and_the_board_without_one(wb: Workbench, desk: list[int]) -> None:
    assert stats(wb).activity is None
    assert "activity" not in stats(wb).to_json()
    empty = stats(wb, since="2000-01-01", until="2000-01-31").activity
    assert empty is not None and empty.people == []
    assert empty.until == "2000-01-31T23:59:59.999999Z"  # a date is the whole day


@pytest.mark.parametrize(
    ("since", "until", "said"),
    [
        ("2026-12-09", "2026-12-01", "is later than --until"),
        ("last week", None, "not a date"),
        (None, "2026-12-01", "--until needs --since"),
    ],
)
def test_a_span_that_cannot_be(
    wb: Workbench, desk: list[int], since: str | None, until: str | None, said: str
) -> None:
    with pytest.raises(InvalidInput, match=said):
        stats(wb, since=since, until=until)


def test_the_cli_table_and_its_usage_errors(cli: Callable[..., Any], desk: list[int]) -> None:
    shown = cli("stats", "--since", "2000-01-01", "--limit", "0")
    assert shown.code == 0, shown.err
    assert "who did what from 2000-01-01" in shown.out
    row = next(line for line in shown.out.splitlines() if "maria" in line)
    assert [c.strip() for c in row.strip("|").split("|")] == ["maria", "0", "1", "0", "1", "1", "3"]
    assert "who did what" not in cli("stats", "--limit", "0").out
    for args in (["--until", "2000-01-01"], ["--since", "2000-02-01", "--until", "2000-01-01"]):
        refused = cli("stats", *args)
        assert refused.code == 2 and refused.err.count("\n") == 1, refused.err


def test_notes_are_every_note_a_person_wrote_as_the_notes_table_holds_them(
    wb: Workbench, desk: list[int]
) -> None:
    """The notes column counted only `note.added` events: the reason given with a status
    change, a proposal, an approval or a rejection is a note of the claim too (`note list`
    lists it), so on trial57's year desk dana had 255 notes by `stats` and 298 in the notes
    table, and an editor who approved ten claims with --note had none."""
    from sqlalchemy import text

    from tests.conftest import PG_URL
    from workbench.db.engine import get_engine
    from workbench.services import review
    from workbench.services.settings import set_config

    maria, tom = (Workbench(url=wb.url, actor=name) for name in ("maria", "tom"))
    set_config(wb, "review.required", "true")
    if PG_URL:
        set_config(wb, "review.distinct_roles", "false")  # the tests connect as one role
    set_status(maria, desk[0], "false", note="年报第3页写的是13%")  # a proposal
    review.approve(tom, desk[0], note="核准")
    set_status(maria, desk[1], "unverifiable", note="公司未回复")  # a proposal
    review.reject(tom, desk[1], note="再问一次")
    seen = stats(wb, since="2000-01-01").activity
    assert seen is not None
    counted = {p.person: p.counts["notes"] for p in seen.people}
    with get_engine(wb.url).connect() as conn:
        rows = conn.execute(text("SELECT author, count(*) FROM notes GROUP BY author"))
        stored = {str(author): int(n) for author, n in rows}
    assert counted == {p.person: stored.get(p.person, 0) for p in seen.people}
    assert counted["maria"] == 3 and counted["tom"] == 3
    # the span bounds notes as it bounds events
    empty = stats(wb, since="2000-01-01", until="2000-01-31").activity
    assert empty is not None and empty.people == []
