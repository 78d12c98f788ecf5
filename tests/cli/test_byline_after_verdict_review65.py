"""A document's author, once a verdict judged a claim it is the speaker of (review65)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.inprocess import Outcome, run_cli


@pytest.fixture
def wbcli(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str, user: str = "wang") -> Outcome:
        return run_cli(list(args), stdin=b"", env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": user})

    article = tmp_path / "a.txt"
    article.write_text("全年国内生产总值比上年增长5.2%。\n", encoding="utf-8")
    for args in (
        ["doc", "add", str(article), "--title", "公报", "--author", "国家统计局"],
        ["claim", "add", "1", "--quote", "比上年增长5.2%", "--text", "GDP增长5.2%"],
        ["claim", "edit", "1", "--speaker", "Article author"],
        ["evidence", "add", "1", "--url", "https://stats.gov.cn/x", "--stance", "supports"],
        ["config", "set", "review.required", "true"],
        ["claim", "status", "1", "verified", "--note", "与公报一致"],
    ):
        assert run(*args).code == 0, args
    if PG_URL:  # one database role for everyone here: the names tell the two apart
        assert run("config", "set", "review.distinct_roles", "false").code == 0
    return run


def _claim_author(wbcli) -> dict[str, str]:  # type: ignore[no-untyped-def]
    r = wbcli("export", "claimreview", "--org", "Desk", "--org-url", "https://desk.example")
    author: dict[str, str] = json.loads(r.out)[0]["itemReviewed"]["author"]
    return author


@pytest.mark.parametrize("approved", [True, False])
def test_an_approved_claim_was_given_to_another_speaker_by_doc_edit(wbcli, approved: bool) -> None:  # type: ignore[no-untyped-def]
    """`claim edit --speaker` is refused for a judged claim, but `doc edit --author` changed
    who said a claim whose speaker is "Article author": after ben approved "国家统计局 said
    GDP grew 5.2%: True", the ClaimReview said 某自媒体 said it, no one reviewing that."""
    if approved:
        assert wbcli("claim", "approve", "1", "--note", "ok", user="ben").code == 0
    r = wbcli("doc", "edit", "1", "--author", "某自媒体")
    assert r.code == 1 and r.crash is None and r.err.count("\n") == 1, r.err
    # A verdict is reopened; a proposal is rejected (`claim status` is refused in review).
    step = "claim status 1 in_progress" if approved else "claim reject 1"
    assert "claim #1" in r.err and step in r.err, r.err
    if approved:
        assert _claim_author(wbcli)["name"] == "国家统计局"


def test_the_author_of_a_document_with_open_claims_is_edited_freely(wbcli) -> None:  # type: ignore[no-untyped-def]
    """(Guard) Only a verdict, given or proposed, holds the byline: reopened, it changes."""
    assert wbcli("claim", "reject", "1", "--note", "再查", user="ben").code == 0
    assert wbcli("doc", "edit", "1", "--author", "国家统计局新闻处").code == 0
    assert wbcli("doc", "edit", "1", "--title", "公报（修订）").code == 0
