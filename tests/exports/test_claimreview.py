"""ClaimReview against the schema.org term list, and what fact-check aggregators require."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_desk import Desk, Run

from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

TERMS = json.loads(
    (
        Path(__file__).resolve().parents[2] / ".." / "shared/specs/schemaorg/claimreview-terms.json"
    ).read_text(encoding="utf-8")
)


def typed_nodes(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for v in value.values():
            yield from typed_nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from typed_nodes(v)


def reviews(wb: Workbench, **kw: Any) -> list[dict[str, Any]]:
    return export_claimreview(
        wb, ReviewSelection(org="Check Desk", org_url="https://checks.example.org", **kw)
    ).reviews


def test_every_property_is_defined_on_its_type(wb: Workbench, desk: Desk) -> None:
    out = reviews(wb)
    assert out
    seen = set()
    for node in typed_nodes(out):
        kind = node["@type"]
        assert kind in TERMS["types"], kind
        valid = set(TERMS["types"][kind]["properties"])
        superseded = set(TERMS["types"][kind].get("superseded", []))
        for name in node:
            if name.startswith("@"):
                continue
            assert name in valid, f"{kind}.{name} is not a schema.org property"
            assert name not in superseded, f"{kind}.{name} is superseded"
            seen.add(f"{kind}.{name}")
    assert {"Claim.appearance", "Claim.author", "Rating.ratingValue"} <= seen
    assert "CreativeWork.inLanguage" in seen


def test_aggregator_required_and_recommended_fields(wb: Workbench, desk: Desk) -> None:
    google = TERMS["google_fact_check_rich_result"]
    by_claim = {r["url"].rsplit("-", 1)[1]: r for r in reviews(wb)}
    assert set(by_claim) == {str(desk.ids[n]) for n in ("false", "verified", "unverifiable")}
    said = str(desk.ids["verified"])
    for review in by_claim.values():
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        for name in google["ClaimReview"]["required"] + google["ClaimReview"]["recommended"]:
            assert review.get(name), name
        for name in google["Rating"]["required"]:
            assert review["reviewRating"][name]
        item = review["itemReviewed"]
        # firstAppearance is recommended, but the workbench does not know it (never guessed);
        # nor is the author of a claim with no speaker (the desk's, but for "verified").
        unknown = {"firstAppearance"} | ({"author"} if review is not by_claim[said] else set())
        for name in set(google["Claim"]["recommended"]) - unknown:
            assert item.get(name), name
        assert not unknown & set(item)
        assert "firstAppearance" not in item
        assert item["appearance"]["url"] == "https://news.example.com/minimax"
        assert item["appearance"]["inLanguage"] == "zh"  # the article's, stored with it
        assert item["datePublished"] == "2025-01-20"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Check Desk",
            "url": "https://checks.example.org",
        }
        assert len(review["datePublished"]) == 10
    false = by_claim[str(desk.ids["false"])]
    assert false["claimReviewed"] == "MiniMax was founded at the end of 2021"
    assert false["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "name": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    # A claim with no speaker names no author (trial48: a quote the article gives to an
    # official was published as the reporter's); a named company is an Organization.
    assert "author" not in false["itemReviewed"]
    verified = by_claim[str(desk.ids["verified"])]
    assert verified["itemReviewed"]["author"]["@type"] == "Organization"
    unproven = by_claim[str(desk.ids["unverifiable"])]["reviewRating"]
    assert unproven == {"@type": "Rating", "alternateName": "Unproven", "name": "Unproven"}


def test_url_template_and_selection(wb: Workbench, desk: Desk) -> None:
    cid = desk.ids["false"]
    out = reviews(wb, claim_ids=[cid], url_template="https://checks.example.org/c/{id}")
    assert [r["url"] for r in out] == [f"https://checks.example.org/c/{cid}"]
    assert len(reviews(wb, document_ids=[desk.doc])) == 3


@pytest.mark.parametrize(
    ("org_url", "url"),
    [
        ("https://desk.example.org", "https://desk.example.org/#claim-{id}"),
        ("https://desk.example.org/checks/", "https://desk.example.org/checks/#claim-{id}"),
        # trial47b: the anchor went into the query's value (?lang=en/#claim-1)
        (
            "https://desk.example.org/checks?lang=en",
            "https://desk.example.org/checks?lang=en#claim-{id}",
        ),
    ],
)
def test_each_review_is_an_anchor_on_the_organisation_s_page(
    wb: Workbench, desk: Desk, org_url: str, url: str
) -> None:
    cid = desk.ids["false"]
    out = export_claimreview(wb, ReviewSelection(org="D", org_url=org_url, claim_ids=[cid])).reviews
    assert [r["url"] for r in out] == [url.format(id=cid)]


def test_an_org_url_with_an_anchor_needs_a_template(wb: Workbench, desk: Desk) -> None:
    """trial47b: `#checks/#claim-1`, two anchors, which is no URL."""
    with pytest.raises(InvalidInput, match=r"holds an anchor .* needs a page of its own"):
        export_claimreview(wb, ReviewSelection(org="D", org_url="https://desk.example.org/#checks"))
    out = export_claimreview(
        wb,
        ReviewSelection(
            org="D",
            org_url="https://desk.example.org/#checks",
            url_template="https://desk.example.org/c/{id}",
            claim_ids=[desk.ids["false"]],
        ),
    ).reviews
    assert out[0]["url"] == f"https://desk.example.org/c/{desk.ids['false']}"


@pytest.mark.parametrize(
    ("names", "refused"),
    [
        (["opinion"], "opinion: an opinion is not rated"),
        (["false", "opinion"], "opinion: an opinion is not rated"),
        (["open"], "open: no final verdict yet (status unverified)"),
        (["open", "priority", "false"], "priority: no final verdict yet (status unverified)"),
    ],
)
def test_a_named_claim_that_cannot_be_published_is_refused(
    wb: Workbench, desk: Desk, names: list[str], refused: str
) -> None:
    """A trial: `--claim` naming a flagged verdict was refused, naming an unverified claim
    printed `[]` and exited 0, the reason only on stderr. Either is refused, with the reason
    (of several, the first by id)."""
    name, reason = refused.split(": ", 1)
    ids = [desk.ids[n] for n in names]
    with pytest.raises(InvalidInput) as exc:
        export_claimreview(wb, ReviewSelection(org="D", org_url="https://d.example", claim_ids=ids))
    assert exc.value.message == (
        f"claim #{desk.ids[name]} cannot be published as a ClaimReview: {reason}"
    )
    # Unnamed, they are skipped, as ever.
    result = export_claimreview(wb, ReviewSelection(org="D", org_url="https://d.example"))
    skipped = {c for r in result.skipped.by_reason() for c in r.ids}
    assert skipped >= {desk.ids[n] for n in names if n != "false"}


UNATTRIBUTED = (
    "published naming no author of the claim (a claim's speaker, `claim edit ID --speaker "
    'NAME`, and the document\'s author that "Article author" names, `doc edit DOC --author '
    "NAME`, are set before its verdict: reopen it first, `claim status ID in_progress --note "
    "TEXT`)"
)


def test_cli_refuses_a_named_claim_that_cannot_be_published(run: Run, desk: Desk) -> None:
    org = ("--org", "Desk", "--org-url", "https://d.example")
    for name, reason in (
        ("open", "no final verdict yet (status unverified)"),
        ("opinion", "an opinion is not rated"),
    ):
        r = run("export", "claimreview", *org, "--claim", str(desk.ids[name]))
        assert (r.code, r.out) == (1, ""), r.err
        assert r.err == (
            f"error: claim #{desk.ids[name]} cannot be published as a ClaimReview: {reason}\n"
        )
    r = run("export", "claimreview", *org, "--claim", str(desk.ids["false"]))
    assert r.code == 0 and len(json.loads(r.out)) == 1
    # trial48: a claim with no speaker was published as the article's author's
    assert r.err == f"note: 1 claim (#{desk.ids['false']}) {UNATTRIBUTED}\n"
    assert run("claim", "withdraw", str(desk.ids["open"]), "--reason", "a duplicate").code == 0
    r = run("export", "claimreview", *org, "--claim", str(desk.ids["open"]))
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        f"error: claim #{desk.ids['open']} cannot be published as a ClaimReview: withdrawn "
        "(taken back, never published)\n"
    )


def test_a_named_claim_outside_the_named_documents_is_refused(wb: Workbench, desk: Desk) -> None:
    """Session 45's new user: `--claim 41 --doc 3` (claim 41 in document 2) printed `[]`, exit
    0, no word of why. Named together they must agree."""
    from workbench.services.documents import add_document

    other = add_document(wb, "另一篇文章。".encode()).document.id
    cid = desk.ids["false"]
    with pytest.raises(InvalidInput) as exc:
        export_claimreview(
            wb,
            ReviewSelection(
                org="D", org_url="https://d.example", claim_ids=[cid], document_ids=[other]
            ),
        )
    assert exc.value.message == (
        f"claim #{cid} is in document #{desk.doc}, not in the document named (#{other})"
    )
    both = export_claimreview(
        wb,
        ReviewSelection(
            org="D", org_url="https://d.example", claim_ids=[cid], document_ids=[other, desk.doc]
        ),
    )
    assert len(both.reviews) == 1


@pytest.mark.parametrize(
    ("kw", "error"),
    [
        ({"org_url": "ftp://x"}, InvalidInput),
        ({"url_template": "https://x.example/page"}, InvalidInput),
        ({"url_template": "not a url {id}"}, InvalidInput),
        # Published as written on every review: refused, naming {id}, the only placeholder.
        ({"url_template": "https://x.example/{id}/{bogus}"}, InvalidInput),
        ({"url_template": "https://x.example/{claim}"}, InvalidInput),
        ({"url_template": "https://x.example/{id}}"}, InvalidInput),
        ({"org": " "}, InvalidInput),
        ({"claim_ids": [999]}, NotFound),
        ({"document_ids": [999]}, NotFound),
    ],
)
def test_bad_input_is_refused(
    wb: Workbench, desk: Desk, kw: dict[str, Any], error: type[Exception]
) -> None:
    args: dict[str, Any] = {"org": "D", "org_url": "https://d.example", **kw}
    with pytest.raises(error):
        export_claimreview(wb, ReviewSelection(**args))


def test_cli_prints_json_ld_and_says_what_it_skipped(run: Run, desk: Desk, tmp_path: Path) -> None:
    r = run("export", "claimreview", "--org", "Desk", "--org-url", "https://d.example")
    assert r.code == 0, r.err
    assert len(json.loads(r.out)) == 3
    # One line per reason: a single claim by itself, several counted and named.
    unverified = ", ".join(f"#{desk.ids[n]}" for n in ("priority", "nested", "open"))
    unattributed = ", ".join(f"#{desk.ids[n]}" for n in ("false", "unverifiable"))
    assert r.err.splitlines() == [
        f"skipped 3 claims ({unverified}): no final verdict yet (status unverified)",
        f"skipped claim #{desk.ids['opinion']}: an opinion is not rated",
        f"note: 2 claims ({unattributed}) {UNATTRIBUTED}",
    ]
    target = tmp_path / "reviews.json"
    r = run(
        "export",
        "claimreview",
        "--org",
        "Desk",
        "--org-url",
        "https://d.example",
        "-o",
        str(target),
    )
    assert r.code == 0 and len(json.loads(target.read_text(encoding="utf-8"))) == 3
    r = run("export", "claimreview", "--org", "Desk", "--org-url", "nope")
    assert r.code == 2 and r.err.startswith("error: ") and r.err.count("\n") == 1


def test_many_skipped_claims_are_one_line_per_reason(run: Run, wb: Workbench, desk: Desk) -> None:
    """A year of open claims is not thousands of lines: the first few ids, then a count."""
    from workbench.services.claims import SpanRequest, add_claim, set_status

    more = [
        add_claim(wb, desk.doc, f"again {n}", SpanRequest(quote="一定会成功")).id for n in range(4)
    ]
    set_status(wb, more[0], "in_progress")
    r = run("export", "claimreview", "--org", "Desk", "--org-url", "https://d.example")
    assert r.code == 0, r.err
    first = [desk.ids[n] for n in ("priority", "nested", "open")] + more[1:3]
    assert r.err.splitlines() == [
        f"skipped 6 claims ({', '.join(f'#{c}' for c in first)} and 1 more): "
        "no final verdict yet (status unverified)",
        f"skipped claim #{desk.ids['opinion']}: an opinion is not rated",
        f"skipped claim #{more[0]}: no final verdict yet (status in_progress)",
        f"note: 2 claims (#{desk.ids['false']}, #{desk.ids['unverifiable']}) " + UNATTRIBUTED,
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Li Wei", "Person"),
        ("闫俊杰", "Person"),
        ("MiniMax Inc.", "Organization"),
        ("星澜科技", "Organization"),  # a Chinese firm named by its trade, without 公司
        ("招商银行", "Organization"),
        ("北京市人民政府", "Organization"),
        ("Royal Free Hospital", "Organization"),
        ("Bankside Smith", "Person"),  # a marker is a word: not inside a name
        # public bodies (trial54: an emergency headquarters was published as a Person)
        ("福建省防汛抗旱指挥部", "Organization"),
        ("宁德市应急管理局", "Organization"),
        ("外交部", "Organization"),
        ("国家统计局", "Organization"),
        ("Office for National Statistics", "Organization"),
        ("Riverton Transit Authority", "Organization"),
        ("阿部晋三", "Person"),  # 部 alone is no ministry: a Japanese surname
        ("王建华", "Person"),
    ],
)
def test_an_author_is_a_person_unless_the_name_says_organisation(name: str, kind: str) -> None:
    from workbench.exports.claimreview import agent

    assert agent(name) == {"@type": kind, "name": name}


@pytest.mark.parametrize("speaker", ["Article author", "文章作者", "作者"])
def test_the_article_s_own_author_is_the_document_s_author(wb: Workbench, speaker: str) -> None:
    """trial47b: `--speaker 文章作者` was published as a Person named "文章作者"."""
    from workbench.services.claims import SpanRequest, add_claim, set_status
    from workbench.services.documents import DocumentMeta, add_document
    from workbench.services.evidence import EvidenceInput, add_evidence

    doc = add_document(
        wb, "公司成立于2021年底。".encode(), meta=DocumentMeta(author="Li Wei")
    ).document.id
    cid = add_claim(wb, doc, "founded 2021", SpanRequest(quote="2021年底"), speaker=speaker).id
    add_evidence(wb, cid, EvidenceInput(stance="refutes", citation="filing"))
    set_status(wb, cid, "false", note="2022 per filings")
    [review] = reviews(wb, claim_ids=[cid])
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Li Wei"}
    # a document that names no author: no author, not a person named 文章作者 (review)
    other = add_document(wb, "公司成立于2020年底。".encode()).document.id
    cid = add_claim(wb, other, "founded 2020", SpanRequest(quote="2020年底"), speaker=speaker).id
    add_evidence(wb, cid, EvidenceInput(stance="refutes", citation="filing"))
    set_status(wb, cid, "false", note="2022 per filings")
    [review] = reviews(wb, claim_ids=[cid])
    assert "author" not in review["itemReviewed"]


def test_cli_says_which_reviews_give_no_address_for_the_claim(
    run: Run, desk: Desk, tmp_path: Path
) -> None:
    """Session 47 left alone: a document with no URL published reviews that say nowhere where
    the claim appeared (fact-check markup asks for one), and nothing was said of it."""
    org = ("--org", "Desk", "--org-url", "https://d.example")
    assert run("doc", "edit", str(desk.doc), "--url", "").code == 0
    target = tmp_path / "one.json"
    r = run("export", "claimreview", *org, "--claim", str(desk.ids["false"]), "-o", str(target))
    assert r.code == 0, r.err
    (review,) = json.loads(target.read_text(encoding="utf-8"))
    assert "url" not in review["itemReviewed"].get("appearance", {})
    assert r.err.splitlines()[1:] == [
        f"note: 1 claim (#{desk.ids['false']}) published with no address where the claim "
        "appeared (its document has no URL, which `doc edit DOC --url URL` sets; fact-check "
        "markup asks for one)",
        f"wrote 1 ClaimReview to {target}",
    ]
    assert run("doc", "edit", str(desk.doc), "--url", "https://news.example/a").code == 0
    r = run("export", "claimreview", *org, "-o", str(target), "--force")
    assert "no address" not in r.err and f"wrote 3 ClaimReviews to {target}" in r.err
