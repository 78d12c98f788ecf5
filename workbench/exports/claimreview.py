"""schema.org ClaimReview (JSON-LD): how verdicts reach search engines and fact-check databases.

Only properties schema.org defines on each type are written (tests check them against the
schema.org 30.0 term list), and the fields aggregators require are always present:
claimReviewed, reviewRating (with alternateName, the textual rating) and url.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from workbench.domain.article_author import stands_for_author
from workbench.domain.bylines import author_names
from workbench.domain.clock import LATEST_AHEAD
from workbench.domain.errors import InvalidInput, bad, give
from workbench.domain.identity import refuse_hidden
from workbench.domain.limits import MAX_SHORT, check_text, has_visible
from workbench.domain.speaker_kind import speaker_kind
from workbench.domain.status import RATINGS, Status
from workbench.domain.urls import as_uri, check_http_url
from workbench.exports.json_stream import list_pieces
from workbench.services.views import ClaimView, DocumentView

CONTEXT = "https://schema.org"
BEST, WORST = 5, 1
# Words that mark a speaker as an organisation rather than a person (English and Chinese).
ORGANISATION_MARKS = (
    " inc",
    " ltd",
    " llc",
    " corp",
    " gmbh",
    " group",
    " agency",
    " ministry",
    " company",
    " university",
    " institute",
    " association",
    " press",
    " news",
    " bank",
    " council",
    " department",
    " foundation",
    " hospital",
    " government",
    " police",
    # public bodies (trial54: 福建省防汛抗旱指挥部 was published as a Person)
    " office",
    " bureau",
    " commission",
    " committee",
    " authority",
    " administration",
    "公司",
    "集团",
    "大学",
    "研究院",
    "研究所",
    "委员会",
    "协会",
    "日报",
    "新闻",
    # A Chinese firm is often named without 公司: by its trade (星澜科技, 华能能源, 招商银行)
    "科技",
    "能源",
    "银行",
    "证券",
    "基金",
    "资本",
    "控股",
    "股份",
    "医院",
    "政府",
    "法院",
    "电视台",
    # public bodies: a bureau (气象局, 应急管理局), a headquarters, an office, a centre, a
    # department, a commission; not a bare 部 (阿部, 服部 are Japanese surnames), but a ministry
    "局",
    "指挥部",
    "办公室",
    "中心",
    "厅",
    "委",
    "署",
    "部门",
    "外交部",
    "商务部",
    "财政部",
    "教育部",
    "国防部",
    "公安部",
    "工业和信息化部",
    "工信部",
    "交通运输部",
    "生态环境部",
    "自然资源部",
    "农业农村部",
    "应急管理部",
    "国务院",
    "科学院",
    "学院",
    "交易所",
)


@dataclass(frozen=True, slots=True)
class Publisher:
    """The organisation publishing the reviews (`--org`, `--org-url`)."""

    name: str
    url: str


# What ends or opens markup in the <script type="application/ld+json"> a publishing site embeds
# the reviews in: the HTML parser ends that element at the first `</script`, whatever the JSON
# says (review54: a page titled `P</script><script>alert(1)</script>` would run its script
# where the desk pasted the export). As JSON escapes, each is the same character to a reader.
_MARKUP = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(reviews: list[dict[str, Any]]) -> str:
    """The reviews as JSON text that is safe inside an HTML <script> element: `<`, `>` and
    `&` are written as `\\u003c`, `\\u003e` and `\\u0026`. They occur only inside strings,
    never after a backslash of an escape (json.dumps writes a string's backslash as `\\\\`), so
    the text is the same JSON."""
    return "".join(json_ld_pieces(reviews)) + "\n"


def json_ld_pieces(reviews: Iterable[dict[str, Any]]) -> Iterator[str]:
    """`json_ld` without its last newline, a review at a time as the reviews come (a year's
    were one list and one string: 160 MB at 20,000 claims); the same bytes."""
    for piece in list_pieces(reviews, 0, _encode):
        yield piece.translate(_MARKUP)


def _encode(review: dict[str, Any]) -> str:
    return json.dumps(review, ensure_ascii=False, indent=2)


def skipped_as(claim: ClaimView, held: str | None = None) -> tuple[str, str] | None:
    """Why a claim cannot be published as a ClaimReview, or None when it can: its machine name
    (`export claimreview --json` gives both: a script matches the name, the sentence may be
    reworded) and the sentence. The names: `withdrawn`, `opinion`, `open`, each
    `..._after_verdict` (`reopened_after_verdict` for an open one) when a verdict it held may
    have been published, to take down. `held`: for a withdrawn or reopened claim, the verdict
    it held before (`sign_off.withdrawn_verdict`, `sign_off.reopened_verdict`), for an opinion
    the rated one (`rated_before_opinion`), whose review may have gone out and stays wherever
    it was loaded until the desk takes it down (or publishes the claim's next verdict over
    it)."""
    status = Status(claim.status)
    rated = RATINGS.get(Status(held)) if held is not None else None
    if status == Status.WITHDRAWN:
        if rated is not None:
            return (
                "withdrawn_after_verdict",
                f"withdrawn after its verdict ({rated[1]}) was given: no longer published; "
                "take down any review of it published before",
            )
        return "withdrawn", "withdrawn (taken back, never published)"
    if status == Status.OPINION:
        if rated is not None:
            # (`sign_off.rated_before_opinion`: an opinion replaces no review that went out)
            return (
                "opinion_after_verdict",
                f"an opinion now, after its verdict ({rated[1]}) was given: not rated, no "
                "longer published; take down any review of it published before",
            )
        return "opinion", "an opinion is not rated"
    if status not in RATINGS:
        if rated is not None:
            return (
                "reopened_after_verdict",
                f"reopened after its verdict ({rated[1]}) was given: no final verdict now "
                f"(status {claim.status}); take down any review of it published before, or "
                "publish the new verdict once given",
            )
        return "open", f"no final verdict yet (status {claim.status})"
    return None


# `ahead_reason`'s machine name, as `skipped_as` names the others.
DATED_AHEAD = "dated_ahead"


def agent(name: str, kind: str | None = None) -> dict[str, Any]:
    """A Person, or an Organization when the name says it is one: an English mark as a word
    of it ("Bankside Smith" is no bank), a Chinese one anywhere in it. `kind` (the desk's tag:
    `speaker_kind.speaker_kind`) decides instead when given: MiniMax names no mark."""
    if kind is not None:
        return {"@type": kind, "name": name}
    folded = name.casefold()
    words = set(_WORD.findall(folded))
    organisation = not words.isdisjoint(_ENGLISH_MARKS) or any(m in folded for m in _CHINESE_MARKS)
    return {"@type": "Organization" if organisation else "Person", "name": name}


def agents(author: str, kind: str | None = None) -> dict[str, Any] | list[dict[str, Any]]:
    """The agent(s) a document's stored author names: one, or a list of each when it names
    several, joined as stored (`bylines.author_names`; trial54: "林晓东; 陈雨" was published as
    one Person of that name). schema.org's author takes either. `kind` as `agent`'s."""
    names = author_names(author) or [author]
    people = [agent(name, kind) for name in names]
    return people[0] if len(people) == 1 else people


_WORD = re.compile("[a-z]+")
_ENGLISH_MARKS = frozenset(m.strip() for m in ORGANISATION_MARKS if m.isascii())
_CHINESE_MARKS = tuple(m for m in ORGANISATION_MARKS if not m.isascii())


def claim_review(
    claim: ClaimView,
    document: DocumentView,
    *,
    reviewed_at: str | None,
    publisher: Publisher,
    url: str,
    first_reviewed_at: str | None = None,
) -> dict[str, Any]:
    """One ClaimReview for a claim with a final, rated verdict (see `skipped_as`), given at
    `reviewed_at`; `first_reviewed_at`, when the claim first held a rated verdict, dates the
    review's first publication when the verdict was given again since (a correction: another
    event, later in the trail, than the first verdict's)."""
    value, label = RATINGS[Status(claim.status)]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label, "name": label}
    if value is not None:
        # Unproven has no place on the 1..5 scale: only its textual rating is given.
        rating.update(ratingValue=value, bestRating=BEST, worstRating=WORST)
    item: dict[str, Any] = {"@type": "Claim", "name": claim.text}
    speaker = claim_author(claim, document)
    if speaker:
        # The article's own author (a speaker standing for it) may be several people. The
        # desk's tag says what the speaker is; the document's author has no tag of its own.
        kind = speaker_kind(claim.tags)
        item["author"] = (
            agents(speaker, kind) if speaker == document.author else agent(speaker, kind)
        )
    if document.published:
        item["datePublished"] = document.published
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if document.url:
        # The page as a URI, as an annotation's target names it (`urls.as_uri`, the one
        # encoder): the stored URL is as typed, and may hold a host IDNA reads otherwise
        # (℡ is tel), a Unicode path or a `"` (annot).
        appearance["url"] = as_uri(document.url)
    if document.title:
        appearance["headline"] = document.title
    if document.author:
        appearance["author"] = agents(document.author)
    if document.published:
        appearance["datePublished"] = document.published
    if document.language:
        # The article's language (BCP 47, as stored); the claim's own text may be in another.
        appearance["inLanguage"] = document.language
    if len(appearance) > 1:
        item["appearance"] = appearance
    # firstAppearance is left out: the workbench knows where a claim appeared, not where it
    # appeared first, and guessing would publish something unchecked.
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
    }
    dates = review_dates(reviewed_at, first_reviewed_at)
    if dates is not None:
        published, modified = dates
        review["datePublished"] = published[:10]
        if modified is not None:
            review["dateModified"] = modified[:10]
    return review


def review_dates(
    reviewed_at: str | None, first_reviewed_at: str | None
) -> tuple[str, str | None] | None:
    """When a review was published, and when it was modified (None: never), as `at` times,
    from when its verdict was given and when the claim first held one; None for no verdict.
    What `export claimreview --since` selects a review by, too (the last of the two)."""
    if not reviewed_at:
        return None
    if not first_reviewed_at or first_reviewed_at == reviewed_at:
        return reviewed_at, None
    # Corrected after publication: a partner who loaded the first review keeps its date and
    # is told it changed (schema.org's dateModified), not shown a new review. Another event's
    # time is a correction, whatever the two clocks said (the trail's order says it came
    # later): one written on a machine whose clock is behind (a few minutes slow, or fallen
    # back to 2001) is dated no earlier than the review it corrects (trial99).
    return first_reviewed_at, max(first_reviewed_at, reviewed_at)


def ahead_reason(
    reviewed_at: str | None, first_reviewed_at: str | None, moment: dt.datetime
) -> str | None:
    """Why a review would be dated after today where it is latest (UTC+14), by this computer's
    clock reading `moment`, or None: a verdict given on a clock that was ahead (2099) would
    reach a partner's feed dated then (trial99). The times given are those the claim's trail
    supports (`sign_off.trail_time`): a verdict given again on a right clock, on a claim added
    on one, shows the clock was ahead and re-dates the first verdict; a correction's date is
    the review's dateModified until the next one."""
    dates = review_dates(reviewed_at, first_reviewed_at)
    if dates is None:
        return None
    published, modified = dates
    latest = (moment + LATEST_AHEAD).date()
    today = (
        f"after today ({moment.date()} in UTC by this computer's clock, at most {latest} anywhere)"
    )
    if published[:10] > latest.isoformat():
        return (
            f"its review would be dated {published[:10]}, {today}: the clock that gave its "
            "first verdict was ahead; a verdict given again on a right clock (reopen it and "
            "judge it) re-dates it when the claim was added on a right clock, which shows the "
            "trail which clock was wrong"
        )
    if modified is not None and modified[:10] > latest.isoformat():
        return (
            f"its review would be dated {modified[:10]} (modified), {today}: the clock that "
            "gave its last verdict was ahead; a verdict given again on a right clock re-dates "
            "it"
        )
    return None


# What a review URL template may hold: {id}, the claim's id. Anything else in braces would be
# published as written, on every review.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def claim_author(claim: ClaimView, document: DocumentView) -> str | None:
    """Who a review names as the author of the claim: its speaker, the document's author for
    a speaker that stands for the article's own (`stands_for_author`), or no one: for a placeholder
    in a document naming no author (文章作者 names no one), and for a claim with no speaker
    (trial48: a quote the article gives to an official was published as the reporter's,
    since `extract --accept` sets no speaker). The export says which reviews name no one."""
    speaker = claim.speaker
    if stands_for_author(speaker):
        speaker = document.author
    return speaker or None


def publisher_name(org: str) -> str:
    """The publishing organisation's name as published (trimmed); InvalidInput when it is
    empty, or not one line of visible text, as a display name must be (asked by the CLI too,
    so `--org ""` is bad usage, as a malformed --org-url is). Review54: a BEL, a newline and a
    right-to-left override were published as the organisation's name in every review."""
    name = org.strip()
    if not has_visible(name):
        raise InvalidInput("the publishing organisation's name is empty", hint=give("org"))
    check_text(name, "the publishing organisation's name", MAX_SHORT, one_line=True)
    refuse_hidden(name, "the publishing organisation's name")
    return name


# Characters a URL never holds as they are (RFC 3986: a browser writes them %-encoded) and
# that would end an attribute or open a tag where the review's page is written into HTML.
_NOT_IN_URL = '"<>'


def published_url(url: str, *, typed: str | None = None) -> str:
    """`url` when it is an http(s) URL (`check_http_url`) holding no `"`, `<` or `>`; else
    InvalidInput, naming it as `typed` when given (a template, before {id} is filled). For
    what every review publishes: the organisation's site, its review pages."""
    checked = check_http_url(url)
    for char in _NOT_IN_URL:
        if char in checked:
            raise InvalidInput(
                f"{typed or repr(url)} holds {char}, which a URL holds only %-encoded "
                f"(%{ord(char):02X})"
            )
    return checked


def check_url_template(template: str) -> str:
    """`template`, unchanged, when filling {id} makes each review its own http(s) page; else
    InvalidInput saying what is wrong."""
    rest = template.replace("{id}", "")
    if "{" in rest or "}" in rest:
        found = _PLACEHOLDER.search(rest)
        what = f"the placeholder {found.group()}" if found else "an unpaired brace"
        raise InvalidInput(
            f"the review URL template has {what}, which would be published as written: "
            "the only placeholder is {id}, the claim id",
            hint=bad("url_template"),
        )
    if "{id}" not in template:
        raise InvalidInput(
            "the review URL template has no {id} where the claim id goes, so every review "
            "would get the same page (e.g. 'https://example.org/checks/{id}')",
            hint=bad("url_template"),
        )
    published_url(template.replace("{id}", "1"), typed=f"the review URL template {template!r}")
    return template


def review_url_problem(org_url: str, template: str | None) -> InvalidInput | None:
    """Why no review can have a page of its own: with no template, each is an anchor on the
    organisation's page, which an `--org-url` holding an anchor already cannot take (trial47b:
    `https://desk.example.org/#checks/#claim-1`, two anchors, which is no URL)."""
    if template is None and "#" in org_url:
        return InvalidInput(
            f"--org-url {org_url!r} holds an anchor (#), so each review's page cannot be an "
            "anchor on it: each needs a page of its own (a template such as "
            "'https://example.org/checks/{id}')",
            hint=give("url_template"),
        )
    return None


def review_url(template: str | None, publisher: Publisher, claim_id: int) -> str:
    """The page of the review: the template with {id} filled, else an anchor on the org's site
    (after its query, if it has one: `?lang=en#claim-1`, not `?lang=en/#claim-1`)."""
    if template:
        return template.replace("{id}", str(claim_id))
    if "?" in publisher.url:  # the page is the one the query names: the anchor goes last
        return f"{publisher.url}#claim-{claim_id}"
    return f"{publisher.url.rstrip('/')}/#claim-{claim_id}"
