"""Export filters (document, actor, action, until) and the Markdown timeline for editors."""

from __future__ import annotations

import json

import pytest

from workbench.domain.clock import until_bound
from workbench.domain.errors import InvalidInput
from workbench.exports.events import export_text
from workbench.services.audit import EventFilter
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document
from workbench.services.notes import add_note

ARTICLE = "He said four firms matter. She said *nothing* <b>else</b>."


@pytest.fixture
def trail(wb: Workbench) -> dict[str, int]:
    alice = Workbench(url=wb.url, actor="alice")
    d1 = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="First article")).document.id
    d2 = add_document(wb, "甲说了一句话。".encode()).document.id
    a = add_claim(wb, d1, "Four firms matter", SpanRequest(quote="four firms matter")).id
    b = add_claim(alice, d1, "She said nothing", SpanRequest(quote="*nothing*")).id
    c = add_claim(wb, d2, "A said", SpanRequest(quote="甲说了一句话")).id
    set_status(alice, a, "in_progress")
    set_status(alice, a, "unverifiable", note="Leaves out Meta\nsee [the list](http://x)")
    add_note(wb, b, "# not a heading | not a table")
    return {"d1": d1, "d2": d2, "a": a, "b": b, "c": c}


def seqs(wb: Workbench, **flt: object) -> list[int]:
    out = export_text(wb, "jsonl", EventFilter(**flt))  # type: ignore[arg-type]
    return [json.loads(line)["seq"] for line in out.splitlines()[1:]]  # after the scope line


def test_filter_by_document_takes_its_claims_and_notes(
    wb: Workbench, trail: dict[str, int]
) -> None:
    assert seqs(wb, document_id=trail["d1"]) == [1, 3, 4, 6, 7, 8]
    assert seqs(wb, document_id=trail["d2"]) == [2, 5]


def test_filter_by_actor_and_action(wb: Workbench, trail: dict[str, int]) -> None:
    assert seqs(wb, actors=["alice"]) == [4, 6, 7]
    assert seqs(wb, actors=["alice", "tester"]) == list(range(1, 9))
    assert seqs(wb, actions=["claim.status_changed"]) == [6, 7]
    assert seqs(wb, actions=["claim.*"]) == [3, 4, 5, 6, 7]
    assert seqs(wb, actions=["note.added", "document.*"]) == [1, 2, 8]
    with pytest.raises(InvalidInput, match="unknown action 'claim_\\*'"):
        seqs(wb, actions=["claim_*"])  # `_` is not a wildcard, and no action starts so
    assert seqs(wb, actors=["alice"], actions=["claim.added"]) == [4]


def test_filter_until(wb: Workbench, trail: dict[str, int]) -> None:
    assert seqs(wb, until="2000-01-01") == []
    assert seqs(wb, until="2999-12-31") == list(range(1, 9))
    assert seqs(wb, since="2000-01-01", until="2999-01-01T00:00:00Z") == list(range(1, 9))
    assert until_bound("2026-11-29") == "2026-11-29T23:59:59.999999Z"
    assert until_bound("2026-11-29T10:00:00+02:00") == "2026-11-29T08:00:00.000000Z"
    with pytest.raises(InvalidInput, match="not a date"):
        seqs(wb, until="tomorrow")


def test_csv_carries_the_hashes(wb: Workbench, trail: dict[str, int]) -> None:
    header, first, *_ = export_text(wb, "csv").splitlines()
    assert header.endswith(",prev_hash,hash,machine")
    assert first.split(",")[-3] == "0" * 64


def test_markdown_timeline_per_claim(wb: Workbench, trail: dict[str, int]) -> None:
    md = export_text(wb, "md")
    a = md.index(f"## Claim #{trail['a']}: Four firms matter")
    b = md.index(f"## Claim #{trail['b']}: She said nothing")
    other = md.index("## Other events")
    assert a < b < other
    claim_a = md[a:b]
    assert "**Quote in context:** He said **four firms matter**." in claim_a
    assert "**Status now:** unverifiable (version 3)" in claim_a
    assert "document #1 (First article)" in claim_a
    assert "· alice · **status changed**: status: unverified → in_progress" in claim_a
    assert "· alice · **status changed**: status: in_progress → unverifiable" in claim_a
    assert "  > Leaves out Meta\n  > see \\[the list\\](http://x)\n" in claim_a
    claim_b = md[b:other]
    assert "She said **\\*nothing\\*** \\<b\\>else\\</b\\>." in claim_b
    assert "  > \\# not a heading \\| not a table\n" in claim_b
    assert "**document #1 added**: First article" in md[other:]
    assert md.rstrip().endswith("8 events.")
    assert "(seq 7)" in claim_a


def test_markdown_says_a_verdict_is_flagged_as_claim_list_does(
    wb: Workbench, trail: dict[str, int]
) -> None:
    """A trial's export said "Status now: verified" of a claim `claim list` showed as
    "verified (flagged)": its quote had changed since the verdict."""
    from workbench.services.revisions import update_document
    from workbench.services.settings import set_config
    from workbench.services.sources import Content

    set_config(wb, "review.required", "true")
    set_status(wb, trail["c"], "opinion", note="a view")  # proposed: in review
    update_document(wb, trail["d1"], Content(ARTICLE.replace("four", "five"), "text", "v2"))
    update_document(wb, trail["d2"], Content("甲说了两句话。", "text", "v2"))
    md = export_text(wb, "md")
    a = md[md.index(f"## Claim #{trail['a']}") : md.index(f"## Claim #{trail['b']}")]
    assert (
        "**Status now:** unverifiable (version 4), flagged for re-review: the verdict was given "
        "on the words of revision 1, before its quote or speaker changed\n"
    ) in a
    b = md[md.index(f"## Claim #{trail['b']}") : md.index(f"## Claim #{trail['c']}")]
    assert "**Status now:** unverified (version 2)\n" in b  # moved; no verdict to flag
    c = md[md.index(f"## Claim #{trail['c']}") : md.index("## Other events")]
    assert (
        "**Status now:** in_review (version 3), flagged for re-review: the verdict opinion was "
        "proposed on the words of revision 1, before its quote or speaker changed\n"
    ) in c


def test_markdown_respects_filters(wb: Workbench, trail: dict[str, int]) -> None:
    md = export_text(wb, "md", EventFilter(actors=["alice"]))
    assert "only by alice" in md
    assert "## Other events" not in md
    assert md.count("## Claim #") == 2
    assert md.rstrip().endswith("3 events.")
    assert "No events match." in export_text(wb, "md", EventFilter(until="2000-01-01"))


def test_markdown_context_is_clipped(wb: Workbench) -> None:
    text = "x" * 1000 + "the claim" + "y" * 1000
    doc = add_document(wb, text.encode()).document.id
    add_claim(wb, doc, "a claim", SpanRequest(quote="the claim"))
    md = export_text(wb, "md")
    line = next(x for x in md.splitlines() if x.startswith("- **Quote in context:**"))
    assert line.endswith("…" + "x" * 200 + "**the claim**" + "y" * 200 + "…")
