"""Trial 57 (a researcher's retrospective of a year desk, and its editor's Monday morning): the
wrong results it found at 100,000 claims, each shown here on a desk of a few claims."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import err_line, ok

Run = Callable[..., Any]

ARTICLE_A = "OpenAI was valued at 156 billion USD in 2025, Reuters reported.\n"
ARTICLE_B = (
    "Tencent was valued at 156 billion USD in 2025, Reuters reported.\n"
    "智谱的估值在2020年达到2770亿美元。\n"
    "字节跳动的估值在2020年达到2770亿美元。\n"
)


def desk(cli: Run, tmp_path: Path) -> None:
    """Document 1 (ARTICLE_A, by 王小明) with claim 1 (OpenAI's valuation), document 2
    (ARTICLE_B) with claims 2 (Tencent's, the same figure and year), 3 (智谱's) and 4 (字节跳动's,
    the same figure and year as 3)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    ok(cli("doc", "add", str(a), "--author", "王小明"))
    ok(cli("doc", "add", str(b)))
    for doc, quote in (
        ("1", "OpenAI was valued at 156 billion USD in 2025"),
        ("2", "Tencent was valued at 156 billion USD in 2025"),
        ("2", "智谱的估值在2020年达到2770亿美元。"),
        ("2", "字节跳动的估值在2020年达到2770亿美元。"),
    ):
        ok(cli("claim", "add", doc, "--text", quote, "--quote", quote))


def similarity(cli: Run, claim: str) -> dict[int, float]:
    r = ok(cli("claim", "similar", claim, "--min-score", "0", "--json"))
    return {c["id"]: c["similarity"] for c in json.loads(r.out)}


def test_a_claim_about_another_latin_named_company_is_not_checked_before(
    cli: Run, tmp_path: Path
) -> None:
    """`claim similar` scored Tencent's valuation 0.88 against OpenAI's (the same figure and
    year, "shares 2025, 156000000000, valuation, usd"): the two company names counted for
    nothing, so "checked before?" said a claim about another company had been checked. The
    same pair about 智谱 and 字节跳动 was kept under 0.5 ("other names: 智谱 / 字节 (x0.50)"). On
    the year desk, MiniMax's $207bn against 智谱's scored 0.977."""
    desk(cli, tmp_path)
    chinese = similarity(cli, "3")
    assert chinese[4] < 0.5, chinese  # as it was: other names
    latin = similarity(cli, "1")
    assert latin[2] < 0.5, latin


def test_a_batch_approval_refused_for_the_approvers_own_verdict_names_the_claim(
    cli: Run, tmp_path: Path
) -> None:
    """`claim approve` documents that when one of several IDs is refused "the error names it";
    refused because the approver had proposed one of them, the error said only "tom proposed
    this verdict; a different reviewer must approve it", so an editor approving twenty claims
    could not tell which one to leave out."""
    desk(cli, tmp_path)
    ok(cli("config", "set", "review.required", "true"))
    ok(cli("config", "set", "review.distinct_roles", "false"))  # one test role on PostgreSQL
    ok(cli("--as", "maria", "claim", "status", "1", "unverifiable", "--note", "no record"))
    ok(cli("--as", "maria", "claim", "status", "2", "unverifiable", "--note", "no record"))
    ok(cli("--as", "tom", "claim", "status", "3", "unverifiable", "--note", "查无记录"))
    err_line(cli("--as", "tom", "claim", "approve", "1", "2", "3"), 1, "claim #3")
    r = cli("--as", "tom", "claim", "approve", "1", "2", "3", "--json")
    assert r.code == 1
    assert "#3" in json.loads(r.err)["error"]["message"], r.err


def test_who_did_what_counts_the_note_given_with_a_verdict(cli: Run, tmp_path: Path) -> None:
    """`stats --since` counted only `note add`'s notes: the note a verdict is given with is a
    note of the claim (`note list` lists it, stored with its author), but the activity table
    left it out, so on the year desk dana had 255 notes in two days by `stats` and 298 by the
    notes she wrote."""
    desk(cli, tmp_path)
    ok(cli("evidence", "add", "1", "--citation", "Reuters, 2025", "--stance", "refutes"))
    ok(cli("note", "add", "1", "查了路透社"))
    ok(cli("claim", "status", "1", "false", "--note", "估值是1500亿美元"))
    notes = json.loads(ok(cli("note", "list", "1", "--json")).out)
    assert len(notes) == 2
    act = json.loads(ok(cli("stats", "--since", "2000-01-01", "--json")).out)["activity"]
    [tester] = [p for p in act["people"] if p["person"] == "tester"]
    assert tester["notes"] == len(notes), tester


def test_speaker_filter_finds_the_article_authors_claims_by_the_authors_name(
    cli: Run, tmp_path: Path
) -> None:
    """A claim whose speaker is "Article author" is published in ClaimReview as said by the
    document's author (王小明), but `claim list --speaker 王小明` found none of them: a
    researcher counting a speaker's false claims missed every one the article's own author
    made (on the year desk 2,190 false claims were "Article author")."""
    desk(cli, tmp_path)
    ok(cli("claim", "edit", "1", "--speaker", "Article author"))
    ok(cli("evidence", "add", "1", "--citation", "Reuters, 2025", "--stance", "refutes"))
    ok(cli("claim", "status", "1", "false", "--note", "估值是1500亿美元"))
    r = ok(cli("export", "claimreview", "--org", "Desk", "--org-url", "https://d.example.org"))
    [review] = json.loads(r.out)
    assert review["itemReviewed"]["author"]["name"] == "王小明"
    ids = [
        c["id"] for c in json.loads(ok(cli("claim", "list", "--speaker", "王小明", "--json")).out)
    ]
    assert ids == [1]
