"""What a publishing site takes from `export claimreview` (review54, trial54)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import export_claimreview

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
        export_claimreview(wb, org=f"Desk{RLO}X", org_url="https://d.example")
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
            export_claimreview(wb, org="Desk", org_url=url)
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
