"""What a publishing site takes from `export claimreview` (review54, trial54)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import ok
from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, edit_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

ARTICLE = "统计局称，2023年GDP增长5.2%。公司称其模型是“国内首个线性注意力架构”。\n第二段。"


def _rated(wb: Workbench, **meta: Any) -> int:
    doc = add_document(
        wb, ARTICLE.encode(), meta=DocumentMeta(url="https://news.example.com/a", **meta)
    ).document.id
    cid = add_claim(wb, doc, "GDP grew 5.2%", SpanRequest(quote="2023年GDP增长5.2%")).id
    add_evidence(wb, cid, EvidenceInput(stance="supports", url="https://stats.example.org/t"))
    set_status(wb, cid, "verified", note="Matches the NBS table.")
    return doc


def test_claimreview_json_ld_breaks_out_of_the_script_element_it_is_embedded_in(
    wb: Workbench, cli: Any
) -> None:
    """review54: ClaimReview reaches search engines embedded in a page, in
    <script type="application/ld+json">, which the HTML parser ends at the first `</script`
    whatever the JSON says. A page's title (taken from the fetched page, or typed) holding
    `</script><script>...` was written verbatim (json.dumps leaves < and / alone), so pasting
    the export into the page ran the script."""
    title = "Profile</script><script>alert(document.cookie)</script> & <!-- more"
    _rated(wb, title=title)
    r = cli("export", "claimreview", "--org", "Desk", "--org-url", "https://d.example")
    assert r.code == 0, r
    assert json.loads(r.out)[0]["itemReviewed"]["appearance"]["headline"] == title
    assert "</script" not in r.out.lower(), r.out
    assert not any(c in r.out for c in "<>&"), r.out


RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


def test_claimreview_publishes_an_organisation_name_with_control_characters(
    wb: Workbench, cli: Any
) -> None:
    """review54: every name a person types is one line of visible text (limits.check_text:
    'stops a terminal escape or a stray newline from reaching a name, a title or an export'),
    but --org was only trimmed: a BEL, a newline and an override were published as the
    reviewing organisation's name, in every review."""
    _rated(wb)
    for org in (f"Desk{RLO}X\x07\nY", f"Desk{RLO}X", "Desk\x1b[2J", "Desk\nY", "\u200b"):
        r = cli("export", "claimreview", "--org", org, "--org-url", "https://d.example")
        assert r.code == 2 and "Traceback" not in r.err, (org, r.code, r.out[:400])
        assert "--org" in r.err and len(r.err.strip().splitlines()) == 1, r.err
    with pytest.raises(InvalidInput, match="organisation's name"):
        export_claimreview(wb, ReviewSelection(org=f"Desk{RLO}X", org_url="https://d.example"))
    r = cli(
        "export",
        "claimreview",
        "--org",
        "  国家核查中心 Check Desk ",
        "--org-url",
        "https://d.example",
    )
    assert r.code == 0, r
    assert json.loads(r.out)[0]["author"]["name"] == "国家核查中心 Check Desk"


def test_claimreview_org_url_with_markup_characters_is_refused(wb: Workbench, cli: Any) -> None:
    """review54: --org-url took `"`, `<` and `>`, which no URL holds as they are (a browser
    writes them %-encoded), and every review published it."""
    _rated(wb)
    for url in ('https://d.example/"><script>', "https://d.example/<x>"):
        r = cli("export", "claimreview", "--org", "Desk", "--org-url", url)
        assert r.code == 2 and "%-encoded" in r.err, (url, r.err)
        with pytest.raises(InvalidInput, match="%-encoded"):
            export_claimreview(wb, ReviewSelection(org="Desk", org_url=url))
    template = "https://d.example/<{id}>"
    r = cli(
        "export",
        "claimreview",
        "--org",
        "Desk",
        "--org-url",
        "https://d.example",
        "--url-template",
        template,
    )
    assert r.code == 2 and template in r.err, r.err


# A live blog's head, with a byline naming two reporters (trial54's page).
LIVE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>直播｜台风登陆福建沿海</title></head><body>
<nav><a href="/">首页</a> | <a href="/live">直播</a></nav>
<article><h1>直播｜台风登陆福建沿海</h1>
<p class="byline">记者 林晓东 陈雨 报道</p>
<h2>08:30</h2>
<p>据福建省防汛抗旱指挥部介绍，全省已紧急转移群众12.6万人，关闭沿海景区87个，2300多艘渔船回港避风。</p>
<h2>10:20</h2>
<p>受台风影响，福州长乐国际机场今天共取消进出港航班214架次，福厦高铁部分列车停运。</p>
</article><footer>版权所有 © 2026 东南晚报</footer></body></html>
"""


def test_claimreview_names_each_author_of_the_page(cli: Any, tmp_path: Path) -> None:
    """trial54: the byline "记者 林晓东 陈雨 报道" is stored as the author "林晓东; 陈雨", and
    ClaimReview published it as ONE Person named "林晓东; 陈雨", in the appearance and as the
    author of a claim whose speaker is the article's author. schema.org takes a list."""
    page = tmp_path / "live.html"
    page.write_text(LIVE, encoding="utf-8")
    ok(cli("doc", "add", str(page)))
    quote = "福州长乐国际机场今天共取消进出港航班214架次"
    ok(cli("claim", "add", "1", "--text", quote, "--quote", quote, "--speaker", "Article author"))
    ok(cli("evidence", "add", "1", "--citation", "机场通告", "--stance", "supports"))
    ok(cli("claim", "status", "1", "verified", "--note", "机场通告一致。"))
    out = ok(cli("export", "claimreview", "--org", "Desk", "--org-url", "https://d.example")).out
    (review,) = json.loads(out)
    item = review["itemReviewed"]
    people = [{"@type": "Person", "name": "林晓东"}, {"@type": "Person", "name": "陈雨"}]
    assert item["appearance"]["author"] == people
    assert item["author"] == people


def test_one_author_is_still_one_agent(wb: Workbench) -> None:
    """trial54: only a stored author naming several is a list, each typed by its own name; one
    author is published as one agent, as before."""
    doc = _rated(wb, author="Jane Smith")
    [review] = export_claimreview(
        wb, ReviewSelection(org="Desk", org_url="https://d.example")
    ).reviews
    assert review["itemReviewed"]["appearance"]["author"] == {
        "@type": "Person",
        "name": "Jane Smith",
    }
    edit_document(wb, doc, author="Jane Smith; Reuters News")
    [review] = export_claimreview(
        wb, ReviewSelection(org="Desk", org_url="https://d.example")
    ).reviews
    assert review["itemReviewed"]["appearance"]["author"] == [
        {"@type": "Person", "name": "Jane Smith"},
        {"@type": "Organization", "name": "Reuters News"},
    ]
