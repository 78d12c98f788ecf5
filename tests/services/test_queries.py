"""The desk's questions: filters, full-text search (Chinese too), sorting, paging, stats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import set_status
from workbench.services.context import Workbench
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.notes import add_note
from workbench.services.queries import ClaimFilter, claims_page, list_claims, stats
from workbench.services.workflow import assign, set_due, set_priority, tag

TEXT = (
    "2025年1月,MiniMax率先发布了国内首个线性注意力架构模型。"
    "随后Meta发布的ScaleRL训练框架也采用了CISPO算法。"
    "在美国只有四家公司:OpenAI、Google、Anthropic,以及X.AI。"
    "单次高达1500万美金的算力成本 100% 打了水漂_。"
)


@pytest.fixture
def ids(document_with_claims: Callable[..., Any]) -> list[int]:
    quotes = [
        ("China's first linear-attention model", "国内首个线性注意力架构", "priority"),
        ("Meta's ScaleRL adopted CISPO", "ScaleRL训练框架也采用了CISPO算法", "attribution"),
        ("Only four US firms are at the table", "只有四家公司", "ranking"),
        ("US$15M per failed run", "1500万美金的算力成本 100% 打了水漂_", "quantity"),
    ]
    claims = [{"text": t, "quote": q, "claim_type": ct} for t, q, ct in quotes]
    return list(document_with_claims(TEXT, claims, speaker="Article author").claims)


def found(wb: Workbench, **kw: object) -> list[int]:
    return [c.id for c in list_claims(wb, ClaimFilter(**kw))]  # type: ignore[arg-type]


def test_open_assignee_mine_unassigned(wb: Workbench, ids: list[int]) -> None:
    a, b, c, d = ids
    assign(wb, [a, b], "alice")
    add_evidence(wb, c, EvidenceInput(stance="supports", citation="SEC filing"))
    set_status(wb, c, "verified", note="matches the filing")
    assert found(wb, open=True) == [a, b, d]
    assert found(wb, assignee="alice") == [a, b]
    assert found(wb, unassigned=True) == [c, d]
    assert found(wb, statuses=["verified", "unverified"]) == [a, b, c, d]
    assert found(wb, no_evidence=True) == [a, b, d]
    with pytest.raises(InvalidInput, match="contradict"):
        found(wb, assignee="alice", unassigned=True)
    # Only an open claim is open (or overdue): asked with no open status, refused, not [].
    with pytest.raises(InvalidInput, match="'open' and status verified contradict"):
        found(wb, statuses=["verified"], open=True)
    assert found(wb, statuses=["verified", "unverified"], open=True) == [a, b, d]


def test_tags_priority_overdue(wb: Workbench, ids: list[int]) -> None:
    a, b, c, d = ids
    tag(wb, [a, b], ["AI"])
    tag(wb, [b], ["money"])
    assert found(wb, tags=["ai"]) == [a, b]
    assert found(wb, tags=["ai", "money"]) == [b]
    set_priority(wb, [c], "high")
    set_priority(wb, [a], "low")
    assert found(wb, priority="high") == [c]
    assert found(wb, sort="priority") == [c, b, d, a]
    yesterday = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)).isoformat()
    set_due(wb, [d], yesterday)
    set_due(wb, [b], (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=366)).isoformat())
    assert found(wb, overdue=True) == [d]
    assert found(wb, sort="due") == [d, b, a, c]
    set_status(wb, d, "unverifiable", note="no record")
    assert found(wb, overdue=True) == []


def test_overdue_in_sql_is_the_domains_predicate(
    wb: Workbench, document_with_claims: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`claim list --overdue` (SQL) and `is_overdue` (Python, which `claim due` warns by)
    agree, claim by claim: due yesterday, today, tomorrow or never, open or with a verdict.
    Today is held at one date for both, so that midnight cannot pass between them."""
    from workbench.domain.desk import is_overdue
    from workbench.services import queries, workflow

    today = dt.date(2030, 6, 15)
    monkeypatch.setattr(queries, "today", lambda: today)
    monkeypatch.setattr(workflow, "today", lambda: today)
    days = [today - dt.timedelta(days=1), today, today + dt.timedelta(days=1), None]
    statuses = ["unverified", "in_progress", "unverifiable"]
    cases = [(due, status) for due in days for status in statuses]
    text = "".join(f"第{n}句。" for n in range(len(cases)))
    specs = [{"text": f"claim {n}", "quote": f"第{n}句"} for n in range(len(cases))]
    ids = document_with_claims(text, specs).claims
    told: set[int] = set()
    for claim, (due, status) in zip(ids, cases, strict=True):
        if status == "in_progress":
            set_status(wb, claim, status)
        elif status == "unverifiable":
            set_status(wb, claim, status, note="no record")
        if due is not None:
            told.update(set_due(wb, [claim], due.isoformat()).overdue)
    expected = [
        c for c, (due, status) in zip(ids, cases, strict=True) if is_overdue(due, status, today)
    ]
    # The predicate itself: only the open claims due yesterday.
    assert [cases[ids.index(c)] for c in expected] == [
        (days[0], "unverified"),
        (days[0], "in_progress"),
    ]
    assert found(wb, overdue=True) == expected
    assert sorted(told) == expected
    assert [x["id"] for x in stats(wb).to_json()["overdue"]] == expected


def test_updated_since_sort_and_paging(wb: Workbench, ids: list[int]) -> None:
    _a, b, c, _d = ids
    set_status(wb, b, "in_progress")
    assert found(wb, sort="updated")[0] == b
    # A time more than a day ahead is a typo, refused as --untouched-since's is (trial116).
    with pytest.raises(InvalidInput, match="no claim has changed since then"):
        found(wb, updated_since="2999-01-01")
    assert found(wb, updated_since="2000-01-01T00:00:00Z") == ids
    assert found(wb, limit=2, offset=1) == [b, c]
    assert found(wb, limit=0) == []
    with pytest.raises(InvalidInput, match="not a date"):
        found(wb, updated_since="last week")
    with pytest.raises(InvalidInput, match="unknown sort"):
        found(wb, sort="random")


def test_a_page_comes_with_the_total_it_is_part_of(wb: Workbench, ids: list[int]) -> None:
    """`claim list --limit` prints "claims 2–3 of 4": the page and the total, read in one
    transaction, with the filter's checks run first."""
    shown, total = claims_page(wb, ClaimFilter(limit=2, offset=1))
    assert ([c.id for c in shown], total) == (ids[1:3], 4)
    shown, total = claims_page(wb, ClaimFilter(claim_type="ranking", limit=5))
    assert ([c.id for c in shown], total) == ([ids[2]], 1)
    assert claims_page(wb, ClaimFilter(offset=9)) == ([], 4)
    with pytest.raises(InvalidInput, match="limit"):
        claims_page(wb, ClaimFilter(limit=-1))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("线性注意力", [0]),  # Chinese, trigram index
        ("首个", [0]),  # two characters: shorter than a trigram, plain scan
        ("scalerl", [1]),  # case-insensitive ASCII
        ("four US", [2]),
        ("100%", [3]),  # LIKE wildcards are literal
        ("水漂_", [3]),
        ('"', []),  # FTS syntax characters are literal
        ("OR", []),
        ("nothing like this", []),
    ],
)
def test_search(wb: Workbench, ids: list[int], query: str, expected: list[int]) -> None:
    assert found(wb, search=query) == [ids[i] for i in expected]


def test_search_covers_notes_and_evidence_titles(wb: Workbench, ids: list[int]) -> None:
    add_note(wb, ids[2], "Check the xAI funding round against 路透社 reports")
    add_evidence(
        wb,
        ids[3],
        EvidenceInput(stance="context", url="https://a.example", title="算力成本报告 2025"),
    )
    assert found(wb, search="路透社") == [ids[2]]
    assert found(wb, search="funding round") == [ids[2]]
    assert found(wb, search="成本报告") == [ids[3]]
    assert found(wb, search="算力成本") == [ids[3]]
    with pytest.raises(InvalidInput, match="search text is empty"):
        found(wb, search="  ")


def test_stats(wb: Workbench, ids: list[int]) -> None:
    a, b, c, d = ids
    assign(wb, [a], "alice")
    set_due(wb, [b], "2000-01-01")
    add_evidence(wb, c, EvidenceInput(stance="supports", citation="filing"))
    set_status(wb, d, "opinion", note="judgement")
    s = stats(wb).to_json()
    assert s["total"] == 4
    assert s["by_status"]["unverified"] == 3 and s["by_status"]["opinion"] == 1
    assert s["by_assignee"] == {"(unassigned)": 3, "alice": 1}
    assert s["by_type"]["priority"] == 1
    assert [x["id"] for x in s["oldest_open"]] == [a, b, c]
    assert [x["id"] for x in s["open_without_evidence"]] == [a, b]
    assert [x["id"] for x in s["overdue"]] == [b]


def test_stats_orders_owners_alike_on_every_backend(
    wb: Workbench, document_with_claims: Callable[..., Any]
) -> None:
    """A trial: `stats --json` listed "(unassigned)" first on SQLite and last on PostgreSQL
    (NULL sorts differently), and PostgreSQL's collation orders names its own way. The order
    is the service's: by name in code point order, the unassigned last, as `stats` shows it."""
    claims = [{"text": f"claim {n}", "quote": f"第{n}句"} for n in range(6)]
    text = "".join(f"第{n}句。" for n in range(6))
    a, b, c, d, e, _ = document_with_claims(text, claims).claims
    for claim, owner in ((a, "zed"), (b, "élodie"), (c, "ab"), (d, "a_b"), (e, "zed")):
        assign(wb, [claim], owner)
    s = stats(wb).to_json()
    order = ["a_b", "ab", "zed", "élodie", "(unassigned)"]
    assert list(s["by_assignee"]) == order
    assert list(s["by_owner"]) == order
    assert s["by_assignee"] == {"a_b": 1, "ab": 1, "zed": 2, "élodie": 1, "(unassigned)": 1}
    assert list(s["by_type"]) == sorted(s["by_type"])


def test_stats_lists_are_bounded_and_counted(wb: Workbench, ids: list[int]) -> None:
    a, b, c, _ = ids
    set_due(wb, [a, b, c], "2000-01-01")
    s = stats(wb, limit=2).to_json()
    assert [x["id"] for x in s["oldest_open"]] == [a, b] and s["open"] == 4
    assert [x["id"] for x in s["overdue"]] == [a, b] and s["overdue_total"] == 3
    assert len(s["open_without_evidence"]) == 2 and s["open_without_evidence_total"] == 4
    assert stats(wb, limit=0).to_json()["oldest_open"] == []
    with pytest.raises(InvalidInput, match="limit must be 0 or more"):
        stats(wb, limit=-1)


def test_board_counts_everything_and_lists_a_few(wb: Workbench, ids: list[int]) -> None:
    from workbench.services.board import board

    a, b, c, d = ids
    set_status(wb, d, "opinion", note="judgement")
    set_due(wb, [c], "2000-01-01")
    shown = board(wb, limit=2).to_json()
    assert shown["counts"]["unverified"] == 3 and shown["total"] == 4
    assert [x["id"] for x in shown["unverified"]] == [a, b] and shown["unverified_total"] == 3
    assert [x["id"] for x in shown["overdue"]] == [c] and shown["overdue_total"] == 1


def test_a_list_read_a_page_at_a_time_is_the_list(
    wb: Workbench, ids: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of the claims query (a server-side cursor on PostgreSQL) with each page's own tag
    and evidence queries in between give what one page gives."""
    from workbench.services import queries

    a, b, c, d = ids
    tag(wb, [a, d], ["AI"])
    add_evidence(wb, d, EvidenceInput(stance="supports", citation="SEC filing"))
    whole = [v.to_json() for v in list_claims(wb, ClaimFilter(sort="priority"))]
    monkeypatch.setattr(queries, "PAGE", 1)
    paged = [v.to_json() for v in list_claims(wb, ClaimFilter(sort="priority"))]
    assert paged == whole
    assert [v["tags"] for v in paged if v["id"] in (a, d)] == [["ai"], ["ai"]]  # normalised
    assert [v["evidence_count"] for v in paged if v["id"] == d] == [1]
    assert [v.id for v in list_claims(wb, ClaimFilter(offset=1, limit=2))] == [b, c]


def test_search_is_a_substring_in_any_case(wb: Workbench, ids: list[int]) -> None:
    """What `claim list --search` says it is: a substring of the claim's text, quote, notes or
    evidence titles, in any case (beyond ASCII too), on either path (index or scan)."""
    add_note(wb, ids[1], "Die École normale")
    for query in ("ÉCOLE", "école", "Éc", "cole norm"):
        assert found(wb, search=query) == [ids[1]], query


def test_the_search_help_says_substring() -> None:
    from click.testing import CliRunner

    from workbench.cli import cli

    out = CliRunner().invoke(cli, ["claim", "list", "--help"]).output
    assert "Full text" not in out
    assert "substring" in out
