"""A small desk with claims in every state (shared by the export tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.exports import ReviewExport
from workbench.services.notes import add_note
from workbench.services.revisions import update_document
from workbench.services.sources import Content
from workbench.services.workflow import assign, tag

# Chinese with mixed punctuation, a repeated word, and markup-like text that must stay text.
ARTICLE = (
    "MiniMax在2021年底创业,比ChatGPT早一年。公司称其模型是“国内首个线性注意力架构”。\n"
    "创始人表示:<script>alert(1)</script>不是问题。MiniMax的估值超过40亿美元。"
    "我觉得这家公司一定会成功。"
)


@dataclass
class Desk:
    doc: int
    ids: dict[str, int]


def _cite(wb: Workbench, cid: int) -> None:
    add_evidence(wb, cid, EvidenceInput(stance="refutes", url="https://example.org/source"))


def make_desk(wb: Workbench) -> Desk:
    doc = add_document(
        wb,
        ARTICLE.encode(),
        meta=DocumentMeta(
            title="MiniMax profile",
            url="https://news.example.com/minimax",
            author="Li Wei",
            published="2025-01-20",
            language="zh",
        ),
    ).document.id

    def claim(name: str, text: str, quote: str, **kw: object) -> int:
        return add_claim(wb, doc, text, SpanRequest(quote=quote), **kw).id  # type: ignore[arg-type]

    ids = {
        "false": claim("false", "MiniMax was founded at the end of 2021", "2021年底创业"),
        "verified": claim(
            "verified", "Founded a year before ChatGPT", "比ChatGPT早一年", speaker="MiniMax公司"
        ),
        # nested inside the quote of "priority": overlapping spans
        "priority": claim(
            "priority", "China's first linear-attention architecture", "国内首个线性注意力架构"
        ),
        "nested": claim("nested", "A linear-attention architecture", "线性注意力架构"),
        "unverifiable": claim("unverifiable", "Valued over $4bn", "估值超过40亿美元"),
        "opinion": claim(
            "opinion", "The company will succeed", "一定会成功", claim_type="prediction"
        ),
        "open": claim("open", "The script is not a problem", "<script>alert(1)</script>不是问题"),
    }
    for name in ("false", "verified"):
        _cite(wb, ids[name])
    set_status(wb, ids["false"], "false", note="Founded in early 2022 per filings.")
    set_status(wb, ids["verified"], "verified", note="Matches the company's filings.")
    set_status(wb, ids["unverifiable"], "unverifiable", note="No public valuation.")
    set_status(wb, ids["opinion"], "opinion", note="A forecast.")
    add_note(wb, ids["open"], "<script>document.title='pwned'</script> & <b>bold</b>")
    assign(wb, [ids["open"]], "maria")
    tag(wb, [ids["open"], ids["false"]], ["money", "dates"])
    return Desk(doc, ids)


# A document revised once: a line is added above (two claims move) and a sentence is cut
# (its claim is orphaned and stays pinned in revision 1).
FIRST_TEXT = "甲公司称，营收增长了12%。\n乙说，利润翻了一番。\n丙认为，明年会更好。\n"
SECOND_TEXT = "编者按：本文已更新。\n甲公司称，营收增长了12%。\n丙认为，明年会更好。\n"


def make_revised(wb: Workbench) -> Desk:
    """A document with two revisions: claims `revenue` and `outlook` re-anchored onto revision
    2, claim `profit` orphaned on revision 1."""
    doc = add_document(wb, FIRST_TEXT.encode(), meta=DocumentMeta(title="Revised")).document.id
    quotes = {"revenue": "营收增长了12%", "profit": "利润翻了一番", "outlook": "明年会更好"}
    ids = {k: add_claim(wb, doc, k, SpanRequest(quote=q)).id for k, q in quotes.items()}
    update_document(wb, doc, Content(SECOND_TEXT, "text", "revised.txt"))
    return Desk(doc, ids)


@dataclass
class Out:
    code: int
    out: str
    err: str


Run = Callable[..., Out]


# A claim published as False and then moved again (withdrawn, reopened), beside a claim that
# never held a verdict: what a review taken back after publication is tested on.
PUBLISHED_TEXT = "闫俊杰在2020年读到CLIP论文。乙公司成立于2021年。"


def published_then(wb: Workbench) -> tuple[int, int, int]:
    """A document and two claims: `judged`, whose verdict False (with evidence) may have gone
    out, and `never`, with none. Returns (document, judged, never); the caller moves them."""
    doc = add_document(
        wb,
        PUBLISHED_TEXT.encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="王小明"),
    ).document.id
    judged = add_claim(wb, doc, "He read CLIP in 2020", SpanRequest(quote="在2020年读到CLIP论文"))
    add_evidence(wb, judged.id, EvidenceInput(stance="refutes", url="https://example.org/c"))
    set_status(wb, judged.id, "false", note="CLIP came out in 2021.")
    never = add_claim(wb, doc, "B was founded in 2021", SpanRequest(quote="乙公司成立于2021年"))
    return doc, judged.id, never.id


def skip_reasons(export: ReviewExport) -> dict[int, str]:
    """A ClaimReview export's skipped claims (those it names: the first few of each reason),
    by id."""
    return {c: r.reason for r in export.skipped.by_reason() for c in r.ids}


def seven_years(wb: Workbench) -> int:
    """A document (title, URL and author, as ClaimReview needs) and one claim of it with
    supporting evidence, ready for a factual verdict; returns the claim's id."""
    doc = add_document(
        wb,
        "闫俊杰在商汤科技工作了7年。".encode(),
        meta=DocumentMeta(title="t", url="https://news.example.com/a", author="王小明"),
    ).document.id
    claim = add_claim(
        wb, doc, "He worked at SenseTime for 7 years", SpanRequest(quote="在商汤科技工作了7年")
    ).id
    add_evidence(wb, claim, EvidenceInput(stance="supports", url="https://example.org/s"))
    return claim
