"""An approved verdict on a figure a later revision of the page changes (35万人 -> 53万人),
end to end (fix285's item 5, left unchecked): the verdict is flagged for re-review, and no
export publishes it as current on the new words: ClaimReview leaves the claim out, the W3C
annotation highlights the new words without status, rating or reason, the report shows it
withheld. Before the page changed, each of them did publish it (so these checks can fail)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.inprocess import Outcome, run_cli

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>城市人口首次超过2000万</title></head><body><article><h1>城市人口首次超过2000万</h1>
<p>市统计局于<time datetime="2026-03-01">2026年3月1日</time>发布的数据显示，全市常住人口首次
超过2000万，比去年增加了35万人，增长率为1.8%。这一数字创下历史新高。</p>
<p>分析人士指出，人口的持续增长将对交通、教育和医疗等公共服务带来新的压力，政府需要提前规划。</p>
</article></body></html>
"""
ORG = ("--org", "Check Desk", "--org-url", "https://checks.example.org")


@pytest.fixture
def wbcli(db_url: str):  # type: ignore[no-untyped-def]
    def run(*args: str, user: str = "maria") -> Outcome:
        return run_cli(list(args), stdin=b"", env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": user})

    return run


def _annotation(wbcli) -> dict:  # type: ignore[no-untyped-def,type-arg]
    r = wbcli("export", "annotations")
    assert r.code == 0, r.err
    (item,) = json.loads(r.out)["first"]["items"]
    return item  # type: ignore[no-any-return]


def _report(wbcli, out: Path) -> str:  # type: ignore[no-untyped-def]
    r = wbcli("report", "1", "--output", str(out))
    assert r.code == 0, r.err
    return out.read_text(encoding="utf-8")


def test_an_approved_verdict_on_a_changed_figure_is_not_published_on_the_new_words(
    wbcli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "stats.html"
    page.write_text(PAGE, encoding="utf-8")
    for args in (
        ("user", "add", "maria"),
        ("user", "add", "editor"),
        ("config", "set", "review.required", "true"),
        ("doc", "add", str(page)),
        ("claim", "add", "1", "--quote", "比去年增加了35万人", "--text", "人口比去年增加35万"),
        ("claim", "status", "1", "in_progress"),
        ("evidence", "add", "1", "--url", "https://stats.example.org/2026", "--stance", "refutes"),
        ("claim", "status", "1", "false", "--note", "统计局公报为29万人"),
    ):
        assert wbcli(*args).code == 0, args
    if PG_URL:  # one database role for everyone here: the names tell the two apart
        assert wbcli("config", "set", "review.distinct_roles", "false").code == 0
    assert wbcli("claim", "approve", "1", "--note", "同意", user="editor").code == 0
    # Published while the page says 35万人.
    [review] = json.loads(wbcli("export", "claimreview", *ORG).out)
    assert review["reviewRating"]["alternateName"] == "False"
    bodies = {b.get("purpose"): b.get("value") for b in _annotation(wbcli)["body"]}
    assert "统计局公报为29万人" in json.dumps(bodies, ensure_ascii=False)
    before = _report(wbcli, tmp_path / "before.html")
    assert "False (1/5)" in before and "统计局公报为29万人" in before

    page.write_text(PAGE.replace("35万人", "53万人"), encoding="utf-8")
    updated = wbcli("doc", "update", "1", str(page))
    assert updated.code == 0, updated.err
    assert "flagged for re-review: #1" in updated.out, updated.out
    shown = json.loads(wbcli("claim", "show", "1", "--json").out)
    assert shown["quote"] == "比去年增加了53万人" and shown["flagged"] is True, shown

    cr = wbcli("export", "claimreview", *ORG)
    assert cr.code == 0 and json.loads(cr.out) == [], cr.out
    assert "flagged for re-review: #1" in cr.err, cr.err

    item = _annotation(wbcli)
    assert item["motivation"] == "highlighting"
    assert [s["exact"] for s in item["target"]["selector"] if "exact" in s] == [
        "比去年增加了53万人"
    ]
    said = json.dumps(item["body"], ensure_ascii=False)
    for withheld in ("统计局公报为29万人", "false", "False"):
        assert withheld not in said, said

    html = _report(wbcli, tmp_path / "after.html")
    assert "withheld: flagged for re-review" in html
    assert "False (1/5)" not in html and "统计局公报为29万人" not in html

    # A new decision on the new words publishes again.
    assert wbcli("claim", "status", "1", "false", "--note", "仍不符：公报为29万人").code == 0
    assert wbcli("claim", "approve", "1", "--note", "同意", user="editor").code == 0
    [again] = json.loads(wbcli("export", "claimreview", *ORG).out)
    assert again["reviewRating"]["alternateName"] == "False"
