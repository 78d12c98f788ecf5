"""A flagged verdict confirmed while its claim's text still gives the figures the revision
took out of its words (trial48): said, not refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.inprocess import run_cli
from workbench.domain.stale_figures import stale_figures
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.revisions import update_document
from workbench.services.sources import Content

TEXT = (
    "深圳新能源汽车产量创新高。\n\n"
    "据深圳市统计局发布的数据，2025年深圳新能源汽车产量达到280万辆，同比增长35%，占全国的四分之一。\n\n"
    "深圳市政府计划到2030年将年产量提高到500万辆。\n"
)
QUOTE = "2025年深圳新能源汽车产量达到280万辆，同比增长35%"


def test_figures_are_compared_across_languages() -> None:
    assert stale_figures(
        "Shenzhen made 2.8 million NEVs in 2025, up 35%.",
        QUOTE,
        QUOTE.replace("280", "250").replace("35%", "30%"),
    ) == ["2.8 million", "35%"]
    # the figure the text gives is still in the words: nothing said
    assert stale_figures("Up 35%.", QUOTE, QUOTE.replace("280", "250")) == []
    assert stale_figures("Made in 2025.", QUOTE, QUOTE.replace("2025", "2024")) == ["2025"]


def test_figures_are_shown_as_the_text_writes_them() -> None:
    """Session 47 left alone: 48.6万 was shown as 486,000 and a count of 2000 as a year; the
    checker looks for the words to correct, so they are shown as written."""
    assert stale_figures("产量达到48.6万辆", "产量达到48.6万辆", "产量达到40万辆") == ["48.6万"]
    assert stale_figures("It has 2000 stores.", "2000 stores", "1500 stores") == ["2000"]
    assert stale_figures("It has two thousand stores.", "2000家门店", "1500家门店") == [
        "two thousand"
    ]
    # two figures side by side are two, and a word is not cut ("2.8 m")
    assert stale_figures("2025年产量280万辆，增长百分之三十五", QUOTE, "产量250万辆，增长30%") == [
        "2025",
        "280万",
        "百分之三十五",
    ]
    assert stale_figures("US$15 million raised", "融资1500万美元", "融资1000万美元") == [
        "15 million"
    ]


def _flagged(wb: Workbench) -> tuple[int, int]:
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    cid = add_claim(
        wb, doc, "Shenzhen made 2.8 million NEVs in 2025, up 35%.", SpanRequest(quote=QUOTE)
    ).id
    set_status(wb, cid, "in_progress")
    add_evidence(wb, cid, EvidenceInput(stance="supports", url="https://stats.example.org/x"))
    set_status(wb, cid, "verified", note="the bureau's release")
    revised = TEXT.replace("280万辆", "250万辆").replace("35%", "30%")
    update_document(wb, doc, Content(revised, "text", "v2.txt"))
    return doc, cid


def test_a_flagged_verdict_confirmed_with_the_old_figures_is_said(wb: Workbench) -> None:
    _, cid = _flagged(wb)
    confirmed = set_status(wb, cid, "verified", note="still right")
    assert confirmed.claim.verdict_revision is None  # the flag is cleared, as before
    assert confirmed.stale_figures == ["2.8 million", "35%"]
    # reopening says nothing: the text is about to be corrected
    assert set_status(wb, cid, "in_progress", note="to correct").stale_figures == []


@pytest.mark.usefixtures("wb")
def test_cli_warns_of_the_stale_figures(wb: Workbench, db_url: str, tmp_path: Path) -> None:
    _, cid = _flagged(wb)
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    r = run_cli(["claim", "status", str(cid), "verified", "--note", "still right"], env=env)
    assert r.code == 0 and r.out == f"claim #{cid}: verified confirmed; no longer flagged\n"
    assert r.err.startswith(
        f"warning: claim #{cid}'s text still gives 2.8 million and 35%, which the words it was "
        "judged on had and its quote no longer has (now: “2025年深圳新能源汽车产量达到250万辆"
    )
    assert f"`workbench claim edit {cid} --text TEXT`, then decide again\n" in r.err


def test_a_verdict_confirmed_on_a_quote_gone_is_said(wb: Workbench) -> None:
    """trial50: a verdict whose sentence a revision removed was confirmed and published with
    nothing said."""
    doc, cid = _flagged(wb)
    update_document(wb, doc, Content(TEXT.replace(QUOTE, "内容已删除"), "text", "v3.txt"))
    confirmed = set_status(wb, cid, "verified", note="the release still says so")
    assert confirmed.quote_gone
    assert not set_status(wb, cid, "in_progress", note="reopened").quote_gone


def test_cli_approving_a_verdict_on_a_quote_gone_warns(wb: Workbench, db_url: str) -> None:
    """review51: the proposer was told the quote was gone, the approver (who publishes) not."""
    from workbench.services.settings import set_config

    set_config(wb, "review.required", "true")
    if PG_URL:  # one login role for both people here
        set_config(wb, "review.distinct_roles", "false")
    doc = add_document(wb, TEXT.encode(), meta=DocumentMeta(title="t")).document.id
    cid = add_claim(wb, doc, "NEV output", SpanRequest(quote=QUOTE)).id
    set_status(wb, cid, "in_progress")
    update_document(wb, doc, Content(TEXT.replace(QUOTE, "内容已删除"), "text", "v2.txt"))
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    r = run_cli(["claim", "status", str(cid), "unverifiable", "--note", "no series"], env=env)
    assert r.code == 0 and "the verdict is proposed for words the article no longer has" in r.err
    env["WORKBENCH_USER"] = "editor"
    r = run_cli(["claim", "approve", str(cid)], env=env)
    assert r.code == 0 and "the verdict is published for words the article no longer has" in r.err
