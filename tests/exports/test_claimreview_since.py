"""`export claimreview --since DATE [--until DATE]`: only the verdicts given in a span (trial57:
publishing the week's 941 verdicts took the whole year's export, or 941 runs of --claim)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from export_desk import Run

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection
from workbench.services.workflow import tag

ORG = {"org": "Check Desk", "org_url": "https://checks.example.org"}


@pytest.fixture
def verdicts(wb: Workbench, set_day: Callable[[str], None]) -> dict[str, int]:
    """Verdicts given on 5 January and 10 February 2026; the January one tagged in February
    (an event in the span, not its verdict); one claim left open."""
    at = set_day
    at("2026-01-05T10:00:00")
    doc = add_document(
        wb,
        "甲公司估值40亿美元。乙公司成立于2021年。丙公司有500名员工。".encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="王小明"),
    ).document.id
    ids = {
        name: add_claim(wb, doc, text, SpanRequest(quote=quote), speaker="王小明").id
        for name, text, quote in (
            ("january", "A is valued at $4bn", "甲公司估值40亿美元"),
            ("february", "B was founded in 2021", "乙公司成立于2021年"),
            ("open", "C has 500 staff", "丙公司有500名员工"),
        )
    }
    for name in ("january", "february"):
        add_evidence(wb, ids[name], EvidenceInput(stance="refutes", url="https://example.org/s"))
    set_status(wb, ids["january"], "false", note="Filings say $3bn.")
    at("2026-02-10T23:59:00")
    set_status(wb, ids["february"], "verified", note="Registry.")
    tag(wb, [ids["january"], ids["open"]], ["money"])
    return ids


def _published(wb: Workbench, **span: str) -> list[str]:
    return [
        r["url"].rsplit("-", 1)[1]
        for r in export_claimreview(wb, ReviewSelection(**ORG, **span)).reviews
    ]


def test_only_the_verdicts_given_in_the_span_are_published(
    wb: Workbench, verdicts: dict[str, int]
) -> None:
    """There was no way to ask for a span's verdicts; `since`/`until` select a verdict by when
    it was given (its datePublished), not by any later event of its claim."""
    january, february = str(verdicts["january"]), str(verdicts["february"])
    assert _published(wb) == [january, february]
    assert _published(wb, since="2026-02-01") == [february]
    # A bare --until date is that whole day, as `stats --until` reads it.
    assert _published(wb, since="2026-02-10", until="2026-02-10") == [february]
    assert _published(wb, since="2026-01-01", until="2026-02-09") == [january]
    assert _published(wb, since="2026-03-01") == []
    result = export_claimreview(wb, ReviewSelection(**ORG, since="2026-02-01"))
    assert [r["datePublished"] for r in result.reviews] == ["2026-02-10"]
    # The open claim, touched in the span, is not selected: not listed as skipped either.
    assert not result.skipped and result.skipped.by_reason() == []


def test_a_span_is_refused_as_stats_refuses_it(wb: Workbench, verdicts: dict[str, int]) -> None:
    with pytest.raises(InvalidInput, match="--until needs --since"):
        export_claimreview(wb, ReviewSelection(**ORG, until="2026-02-01"))
    with pytest.raises(InvalidInput, match="later than --until"):
        export_claimreview(wb, ReviewSelection(**ORG, since="2026-02-02", until="2026-02-01"))
    with pytest.raises(InvalidInput, match="name no --claim"):
        export_claimreview(
            wb, ReviewSelection(**ORG, since="2026-02-01", claim_ids=[verdicts["february"]])
        )


def test_the_cli_takes_since_and_until(run: Run, verdicts: dict[str, int]) -> None:
    args = ("export", "claimreview", "--org", "Check Desk", "--org-url", "https://c.example.org")
    r = run(*args, "--since", "2026/2/1")
    assert r.code == 0, r.err
    assert [x["datePublished"] for x in json.loads(r.out)] == ["2026-02-10"]
    for bad, said in (
        (("--until", "2026-02-01"), "--until needs --since"),
        (("--since", "2026-02-02", "--until", "2026-02-01"), "later than --until"),
        (("--since", "2026-02"), "not a date"),
        (("--since", "2026-02-01", "--claim", "1"), "name no --claim"),
    ):
        r = run(*args, *bad)
        assert r.code == 2 and said in r.err, (bad, r.err)
