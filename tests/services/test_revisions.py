"""Revisions: a new text is stored beside the old, every claim is re-anchored to it, and the
audit trail still verifies and replays."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.domain.errors import InvalidInput, NotFound, give, step
from workbench.services.changes import document_changes
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, document_text
from workbench.services.exports import export_annotations
from workbench.services.queries import ClaimFilter, list_claims, show_claim
from workbench.services.replay import replay
from workbench.services.revisions import diff_revisions, list_revisions, update_document
from workbench.services.sources import Content
from workbench.services.verify import verify_database
from workbench.services.views import Added

P1 = "MiniMax成立于2021年底，创始人闫俊杰曾任商汤科技副总裁。"
P2 = "2025年1月，MiniMax发布了国内首个线性注意力模型MiniMax-Text-01，参数量达到4560亿。"
P3 = "公司表示，其海螺AI在全球拥有超过一亿用户。"
P4 = "The company said revenue rose 12 percent last year, and profits doubled."
OLD = "\n".join([P1, P2, P3, P4]) + "\n"

Counts = Callable[[], dict[str, int]]


def revise(wb: Workbench, doc: int, text: str, *, force: bool = False) -> object:
    return update_document(wb, doc, Content(text, "text", "revised.txt"), force=force)


@pytest.fixture
def desk(wb: Workbench) -> tuple[Workbench, int, dict[str, int]]:
    doc = add_document(wb, OLD.encode(), meta=DocumentMeta(title="MiniMax")).document.id
    quotes = {
        "founded": "创始人闫俊杰曾任商汤科技副总裁",
        "params": "参数量达到4560亿",
        "users": "海螺AI在全球拥有超过一亿用户",
        "model": "国内首个线性注意力模型",
        "revenue": "revenue rose 12 percent last year, and profits doubled",
    }
    ids = {k: add_claim(wb, doc, k, SpanRequest(quote=q)).id for k, q in quotes.items()}
    return wb, doc, ids


def assert_invariant(wb: Workbench, doc: int) -> None:
    """Every claim's quote is the text at its offsets in the revision it points into, and the
    trail verifies and replays."""
    for c in list_claims(wb, ClaimFilter(document_id=doc)):
        text = document_text(wb, doc, c.revision)
        assert text[c.start : c.end] == c.quote, c
    assert verify_database(wb).ok
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]


def states(wb: Workbench, ids: dict[str, int]) -> dict[str, str]:
    return {k: get_claim(wb, i).anchor_state for k, i in ids.items()}


def test_paragraph_inserted_above(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    revise(wb, doc, "编者按：本文于1月16日更新。\n" + OLD)
    assert set(states(wb, ids).values()) == {"moved"}
    assert all(get_claim(wb, i).revision == 2 for i in ids.values())
    assert_invariant(wb, doc)


def test_paragraph_moved(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    revise(wb, doc, "\n".join([P3, P1, P2, P4]) + "\n")
    assert states(wb, ids)["founded"] == "moved"
    assert states(wb, ids)["users"] == "moved"
    # The paragraphs before P4 kept their total length: P4 did not move.
    assert states(wb, ids)["revenue"] == "exact"
    assert_invariant(wb, doc)


def test_quote_edited_number_changed(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    set_status(wb, ids["params"], "in_progress")
    set_status(wb, ids["params"], "unverifiable", note="no filing says 456B")
    added = update_document(wb, doc, Content(OLD.replace("4560亿", "4650亿"), "text", "r.txt"))
    # The result says which verdicts it flagged (an unverified claim whose quote changed has
    # no verdict to flag).
    assert [a.claim_id for a in added.flagged] == [ids["params"]]
    assert added.to_json()["flagged"] == [ids["params"]]
    c = get_claim(wb, ids["params"])
    assert c.anchor_state == "fuzzy" and c.quote == "参数量达到4650亿"
    assert c.anchor_score is not None and 0.5 < c.anchor_score < 1
    # The verdict was given on revision 1, before the quote changed.
    assert c.status == "unverifiable" and c.verdict_revision == 1 and c.revision == 2
    detail = show_claim(wb, ids["params"])
    assert detail.previous_quote == "参数量达到4560亿"
    assert [e.action for e in detail.events][-1] == "claim.flagged_for_review"
    assert {x.id for x in list_claims(wb, ClaimFilter(anchor="changed"))} == {ids["params"]}
    assert {x.id for x in list_claims(wb, ClaimFilter(anchor="fuzzy"))} == {ids["params"]}
    # A new decision on the current text clears the mark.
    set_status(wb, ids["params"], "in_progress", note="re-checking revision 2")
    assert get_claim(wb, ids["params"]).verdict_revision is None
    assert_invariant(wb, doc)


STATS = (
    "2024年，全市实现地区生产总值1.2万亿元，同比增长6.1%。其中，规模以上工业增加值增长8.3%，"
    "全市工业总产值位居全省第一，战略性新兴产业占比提升至42%。市统计局表示，今年将继续推进产业"
    "升级，力争在高端制造领域形成新的增长极。\n"
    "\n"
    'He said: "Output in the province ranked first." Other text followed the quote.\n'
)


@pytest.mark.parametrize(
    ("old", "new", "quote", "expected"),
    [
        # a new-user trial: the new quote was cut inside the new word ("...ranked s")
        (
            "ranked first",
            "ranked second",
            "Output in the province ranked first",
            "Output in the province ranked second",
        ),
        # ... and lost 前列, so `doc changes` showed it deleted and the export's exact lacked it
        (
            "位居全省第一",
            "位居全省前列",
            "规模以上工业增加值增长8.3%，全市工业总产值位居全省第一",
            "规模以上工业增加值增长8.3%，全市工业总产值位居全省前列",
        ),
        ("Output in", "Industrial production in", "Output in the province", None),
        ("the province", "the northern province", "Output in the province ranked first", None),
        (" ranked first", "", "Output in the province ranked first", "Output in the province"),
    ],
)
def test_an_edit_at_the_quotes_edge_or_inside_is_in_the_new_quote_whole(
    wb: Workbench, old: str, new: str, quote: str, expected: str | None
) -> None:
    doc = add_document(wb, STATS.encode(), meta=DocumentMeta(title="统计公报")).document.id
    claim = add_claim(wb, doc, "the claim", SpanRequest(quote=quote)).id
    set_status(wb, claim, "in_progress")
    set_status(wb, claim, "unverifiable", note="judged on revision 1")
    revised = STATS.replace(old, new)
    added = update_document(wb, doc, Content(revised, "text", "r.txt"))
    expected = expected or quote.replace(old, new)
    c = get_claim(wb, claim)
    assert c.anchor_state == "fuzzy" and c.quote == expected and c.revision == 2
    assert revised[c.start : c.end] == expected
    assert [a.claim_id for a in added.flagged] == [claim] and c.verdict_revision == 1
    # The withheld verdict's annotation highlights the new quote whole; published anyway, the
    # verdict names the words it was given on (trial54: not the words that replaced them).
    exported = export_annotations(wb, document_ids=[doc]).collection
    selectors = exported["first"]["items"][0]["target"]["selector"]
    assert {s.get("exact") for s in selectors} >= {expected}
    exported = export_annotations(wb, document_ids=[doc], include_flagged=True).collection
    selectors = exported["first"]["items"][0]["target"]["selector"]
    assert {s.get("exact") for s in selectors} >= {quote}
    assert_invariant(wb, doc)


def test_quote_deleted_is_orphaned(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    revise(wb, doc, "\n".join([P1, P3, P4]) + "\n")
    c = get_claim(wb, ids["model"])
    assert c.anchor_state == "orphaned"
    # It keeps the span of the revision that had its quote.
    assert c.revision == 1 and c.quote == "国内首个线性注意力模型"
    assert ids["model"] in {x.id for x in list_claims(wb, ClaimFilter(anchor="orphaned"))}
    # It had no verdict to flag (a trial's report showed `claim.flagged_for_review` beside a
    # legend saying flagged means "its quote changed after the verdict was given").
    assert show_claim(wb, ids["model"]).events[-1].action == "claim.quote_changed"
    assert c.verdict_revision is None and not c.flagged
    assert ids["model"] not in {x.id for x in list_claims(wb, ClaimFilter(flagged=True))}
    assert_invariant(wb, doc)


@pytest.mark.parametrize(
    ("moves", "action"),
    [
        ([], "claim.quote_changed"),
        (["in_progress"], "claim.quote_changed"),
        (["in_progress", "unverifiable"], "claim.flagged_for_review"),
        (["in_progress", "opinion"], "claim.flagged_for_review"),
    ],
)
def test_a_quote_gone_flags_a_verdict_and_only_says_so_of_a_claim_without_one(
    desk: tuple[Workbench, int, dict[str, int]], moves: list[str], action: str
) -> None:
    """`claim.flagged_for_review` is written only where there is a verdict to flag: its mark is
    set, `claim list --flagged` lists it and the stealth-edit report names its verdict. A
    claim still open gets `claim.quote_changed`: the same fields, no mark."""
    wb, doc, ids = desk
    for status in moves:
        set_status(wb, ids["model"], status, note="judged" if status != "in_progress" else None)
    added = revise(wb, doc, "\n".join([P1, P3, P4]) + "\n")
    event = show_claim(wb, ids["model"]).events[-1]
    assert event.action == action
    assert event.payload["after"]["anchor_state"] == "orphaned"
    judged = action == "claim.flagged_for_review"
    assert ("verdict_revision" in event.payload["after"]) is judged
    assert get_claim(wb, ids["model"]).flagged is judged
    assert (ids["model"] in [a.claim_id for a in added.flagged]) is judged
    flagged = {x.id for x in list_claims(wb, ClaimFilter(flagged=True))}
    assert (ids["model"] in flagged) is judged
    # Both are claims the revision touched, for the stealth-edit report.
    [rev] = document_changes(wb, doc).revisions
    touched = {t.claim_id: t for t in rev.claims}
    assert touched[ids["model"]].state == "orphaned"
    assert touched[ids["model"]].verdict_before == (moves[-1] if judged else None)
    assert_invariant(wb, doc)


def test_sentence_split_in_two(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    revise(wb, doc, OLD.replace("last year, and profits doubled", "last year. Profits doubled"))
    c = get_claim(wb, ids["revenue"])
    assert c.anchor_state == "fuzzy"
    assert c.quote.startswith("revenue rose 12 percent") and c.quote.endswith("doubled")
    assert_invariant(wb, doc)


def test_crlf_and_punctuation_changes(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    crlf = OLD.replace("\n", "\r\n").replace("，", ", ").replace("。", ". ")
    update_document(wb, doc, Content(crlf.replace("\r\n", "\n"), "text", "crlf.txt"))
    got = states(wb, ids)
    assert set(got.values()) <= {"exact", "moved"}, got
    assert get_claim(wb, ids["founded"]).revision == 2
    assert_invariant(wb, doc)


def test_whole_article_replaced(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, ids = desk
    notice = "This article has been removed at the request of the publisher.\n"
    # A text with none of the article's wording is refused unless forced (another article?).
    with pytest.raises(InvalidInput, match="shares 0% of its wording with revision 1") as no:
        revise(wb, doc, notice)
    assert no.value.reason == "unrelated_text" and no.value.hint is not None
    assert no.value.hint.facts["field"] == "force"
    assert len(list_revisions(wb, doc)) == 1
    revise(wb, doc, notice, force=True)
    assert set(states(wb, ids).values()) == {"orphaned"}
    assert_invariant(wb, doc)
    # Back to the original text: every claim is found again, where it was.
    revise(wb, doc, OLD, force=True)
    assert set(states(wb, ids).values()) == {"exact"}
    assert all(get_claim(wb, i).revision == 3 for i in ids.values())
    assert_invariant(wb, doc)


def test_same_text_stores_nothing(
    desk: tuple[Workbench, int, dict[str, int]], counts: Counts
) -> None:
    wb, doc, _ = desk
    before = counts()
    result = update_document(wb, doc, Content(OLD, "text", "same.txt"))
    assert not result.created and result.revision.number == 1
    # No revision, span or claim changed; the one event is the check (document.checked, fix285).
    after = counts()
    assert after.pop("events") == before.pop("events") + 1
    assert after == before
    assert result.checked_at is not None


def test_refusals_write_nothing(
    desk: tuple[Workbench, int, dict[str, int]], counts: Counts
) -> None:
    wb, doc, _ = desk
    before = counts()
    with pytest.raises(InvalidInput, match="empty"):
        revise(wb, doc, "  \n")
    with pytest.raises(NotFound, match="no document #99"):
        revise(wb, 99, "text")
    with pytest.raises(NotFound, match="has no revision 5"):
        document_text(wb, doc, 5)
    assert counts() == before


def test_revisions_listed_and_diffed(desk: tuple[Workbench, int, dict[str, int]]) -> None:
    wb, doc, _ = desk
    new = OLD.replace("4560亿", "4650亿")
    revise(wb, doc, new)
    revs = list_revisions(wb, doc)
    assert [r.number for r in revs] == [1, 2]
    assert revs[1].length == len(new) and revs[1].source == "revised.txt"
    d = diff_revisions(wb, doc)
    assert (d.from_revision, d.to_revision) == (1, 2)
    [change] = d.diff.changes
    assert change.op == "replace"
    assert OLD[change.old_start : change.old_end] == change.old_text
    assert new[change.new_start : change.new_end] == change.new_text
    assert "56" in change.old_text and "65" in change.new_text
    assert document_text(wb, doc, 1) == OLD and document_text(wb, doc) == new


def test_a_document_of_one_revision_has_nothing_to_diff(wb: Workbench) -> None:
    """A trial: `doc diff 3` on a document never updated printed "revision 1 -> 1, no changes",
    as if a comparison had been made. Asked for by number, revision 1 against itself is what was
    asked."""
    doc = add_document(wb, OLD.encode()).document.id
    with pytest.raises(InvalidInput, match=f"document #{doc} has one revision") as refused:
        diff_revisions(wb, doc)
    assert refused.value.hint == step("update_document", document_id=doc)
    assert diff_revisions(wb, doc, 1, 1).diff.changes == []
    revise(wb, doc, OLD.replace("4560亿", "4650亿"))
    with pytest.raises(InvalidInput, match="revision 1 is the first") as first:
        diff_revisions(wb, doc, to=1)  # `doc diff D --to 1` of a document revised since
    assert first.value.hint == give("from")
    assert diff_revisions(wb, doc).to_revision == 2


def test_new_claims_pin_into_the_latest_revision(
    desk: tuple[Workbench, int, dict[str, int]],
) -> None:
    wb, doc, _ = desk
    new = "编者按：本文有更新。\n" + OLD
    revise(wb, doc, new)
    c = add_claim(wb, doc, "note", SpanRequest(quote="编者按"))
    assert c.revision == 2 and new[c.start : c.end] == "编者按"
    assert_invariant(wb, doc)


def test_adding_an_older_revision_says_so(wb: Workbench) -> None:
    doc = add_document(wb, OLD.encode()).document.id
    again = add_document(wb, OLD.encode())
    assert (again.created, again.revision, again.revisions) == (False, 1, 1)
    revise(wb, doc, OLD + P1 + "\n")
    older = add_document(wb, OLD.encode())
    assert (older.created, older.document.id, older.revision, older.revisions) == (False, doc, 1, 2)


def where(added: Added) -> tuple[bool, int, int, int]:
    return (added.created, added.document.id, added.revision, added.revisions)


def test_any_stored_revision_is_found_not_added_again(wb: Workbench, counts: Counts) -> None:
    doc = add_document(wb, OLD.encode()).document.id
    second, third = OLD + P1 + "\n", OLD + P2 + "\n"
    revise(wb, doc, second)
    revise(wb, doc, third)
    before = counts()
    # revision 1, an older later revision, and the latest: each named, none stored again
    assert where(add_document(wb, OLD.encode())) == (False, doc, 1, 3)
    assert where(add_document(wb, second.encode())) == (False, doc, 2, 3)
    assert where(add_document(wb, third.encode(), meta=DocumentMeta(title="ignored"))) == (
        False,
        doc,
        3,
        3,
    )
    # normalised first, as every text is: CRLF line endings find the revision all the same
    assert where(add_document(wb, third.replace("\n", "\r\n").encode())) == (False, doc, 3, 3)
    assert counts() == before
    assert add_document(wb, (OLD + P3 + "\n").encode()).created


def test_a_text_held_twice_reports_where_it_is_current(wb: Workbench) -> None:
    # Document 1 went back to its first text; document 2 came to hold document 1's second.
    first = add_document(wb, OLD.encode()).document.id
    revise(wb, first, OLD + P1 + "\n")
    revise(wb, first, OLD)
    assert where(add_document(wb, OLD.encode())) == (False, first, 3, 3)
    other = add_document(wb, P4.encode()).document.id
    revise(wb, other, OLD + P1 + "\n")
    assert where(add_document(wb, (OLD + P1 + "\n").encode())) == (False, other, 2, 2)
    revise(wb, other, P3, force=True)  # under a third of its length: cut_short (trial159)
    assert where(add_document(wb, (OLD + P1 + "\n").encode())) == (False, first, 2, 3)


def test_a_later_revision_is_found_by_its_index(wb: Workbench) -> None:
    """No scan of the revisions' texts: SQLite's plan searches the sha256 index."""
    if not wb.url.startswith("sqlite"):
        pytest.skip("the plan asked is SQLite's")
    from sqlalchemy import select

    from workbench.db.models import DocumentRevision

    query = select(DocumentRevision.document_id, DocumentRevision.number).where(
        DocumentRevision.sha256 == "0" * 64
    )
    with wb.engine().connect() as conn:
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "ix_document_revisions_sha256" in plan and "SCAN" not in plan


def test_adding_a_later_revisions_text_reports_that_revisions_hash_and_length(
    wb: Workbench,
) -> None:
    from workbench.domain.text import sha256_text
    from workbench.services.doc_show import show_document

    doc = add_document(wb, OLD.encode()).document.id
    new = OLD + "附言。\n"
    revise(wb, doc, new)
    again = add_document(wb, new.encode())
    assert (again.created, again.revision, again.revisions) == (False, 2, 2)
    got = again.to_json()
    assert (got["sha256"], got["length"]) == (sha256_text(new), len(new))
    first = add_document(wb, OLD.encode()).to_json()
    assert (first["revision"], first["sha256"], first["length"]) == (1, sha256_text(OLD), len(OLD))
    # `doc show`: sha256/length stay revision 1's (the document as added); current_* are the
    # latest revision's.
    shown = show_document(wb, doc).to_json()
    assert (shown["sha256"], shown["length"]) == (sha256_text(OLD), len(OLD))
    assert (shown["revisions"], shown["current_sha256"], shown["current_length"]) == (
        2,
        sha256_text(new),
        len(new),
    )


def test_update_with_no_source_needs_a_stored_url(wb: Workbench) -> None:
    from workbench.services.documents import NO_SOURCE, update_from

    doc = add_document(wb, OLD.encode()).document.id
    with pytest.raises(InvalidInput) as caught:
        update_from(wb, doc, None)
    assert caught.value.reason == NO_SOURCE and "no stored URL" in caught.value.message
    with pytest.raises(NotFound):
        update_from(wb, doc + 1, None)


def test_shared_wording_tells_a_revision_from_another_article() -> None:
    from workbench.domain.textdiff import UNRELATED_BELOW, shared_wording

    edited = OLD.replace("4560亿", "4650亿").replace(P3 + "\n", "")
    share = shared_wording(OLD, edited)
    assert share is not None and share > 0.8
    # Grown or cut: the shorter text's wording is all in the longer one.
    assert shared_wording(OLD, OLD + OLD.upper()) == 1.0
    assert shared_wording(OLD, P1 + P2) == 1.0
    other = "Harbour expansion approved by the city council on Tuesday by a vote of 9 to 2."
    unrelated = shared_wording(P4 * 3, other * 3)
    assert unrelated is not None and unrelated < UNRELATED_BELOW
    ev = (
        "据中国汽车工业协会统计，今年前十个月新能源汽车销量达到950万辆，同比增长35%。"
        "比亚迪继续领跑市场，月销量首次突破50万辆。业内人士预计，全年销量有望突破1200万辆。"
    )
    assert shared_wording(OLD, ev) == 0.0
    # Too short to judge by: a current text of a few words.
    assert shared_wording("Removed.", OLD) is None


def test_a_short_new_text_is_judged_by_its_own_wording() -> None:
    """A page taken down, a paywall's teaser: too short to sample, but no revision of the
    article either (stored, it would orphan every claim for good); an excerpt of it is one."""
    from workbench.domain.textdiff import UNRELATED_BELOW, shared_wording

    assert shared_wording(OLD, "Removed.") == 0.0
    assert shared_wording(OLD, "This article has been removed.") == 0.0
    assert shared_wording(OLD, "该文章已被删除。") == 0.0
    lede = P1.replace("。", "，")
    excerpt = shared_wording(OLD, lede)
    assert excerpt is not None and excerpt > 0.9
    edited = shared_wording(OLD, lede.replace("2021", "2022"))
    assert edited is not None and edited > UNRELATED_BELOW
    # A long current text is sampled; a short new one is still read whole, and found in it.
    long_old = OLD * 1000
    assert shared_wording(long_old, P1) == 1.0
    assert shared_wording(long_old, "Page not found") == 0.0


def test_a_takedown_notice_is_refused_unless_forced(wb: Workbench) -> None:
    doc = add_document(wb, OLD.encode()).document.id
    with pytest.raises(InvalidInput, match="shares 0% of its wording") as caught:
        revise(wb, doc, "This article has been removed.\n")
    assert caught.value.reason == "unrelated_text"
    assert len(list_revisions(wb, doc)) == 1
    assert revise(wb, doc, "This article has been removed.\n", force=True).created


DEBATE = (
    "MODERATOR: Welcome to the debate.\n"
    "OKAFOR: Unemployment is 4.1%, the lowest since 1971.\n"
    "MARSH: That is not true.\n"
    "OKAFOR: We built 38,000 homes last year.\n"
    "MARSH: Wrong again.\n"
)


def test_a_line_given_to_another_speaker_takes_the_documents_spelling(wb: Workbench) -> None:
    # The line now says MARSH, but the document's claims spell her Marsh: stored beside them
    # as MARSH, she was two speakers in `claim list --speaker` groupings and exports.
    doc = add_document(wb, DEBATE.encode(), meta=DocumentMeta(title="Debate")).document.id
    said = add_claim(wb, doc, "not true", SpanRequest(quote="That is not true"), speaker="Marsh")
    jobs = add_claim(
        wb, doc, "Unemployment is 4.1%", SpanRequest(quote="Unemployment is 4.1%"), speaker="OKAFOR"
    ).id
    fixed = DEBATE.replace("OKAFOR: Unemployment", "MARSH: Unemployment")
    added = update_document(wb, doc, Content(fixed, "text", "debate-v2.txt"))
    [moved] = [a for a in added.anchors if a.claim_id == jobs]
    assert (moved.old_speaker, moved.new_speaker) == ("OKAFOR", "Marsh")
    assert get_claim(wb, jobs).speaker == "Marsh" and get_claim(wb, said.id).speaker == "Marsh"
    assert_invariant(wb, doc)


def test_a_line_given_to_another_speaker_changes_the_claims_speaker(wb: Workbench) -> None:
    # The debate trial: a corrected transcript gave a line to another speaker, and the claim
    # went on naming (and publishing) the old one, its verdict unflagged.
    doc = add_document(wb, DEBATE.encode(), meta=DocumentMeta(title="Debate")).document.id
    # Typed "Okafor" first, so the document's claims spell the line's OKAFOR that way (claim
    # add stores the spelling the document's other claims use).
    homes = add_claim(
        wb, doc, "38,000 homes", SpanRequest(quote="We built 38,000 homes"), speaker="Okafor"
    ).id
    jobs = add_claim(
        wb, doc, "Unemployment is 4.1%", SpanRequest(quote="Unemployment is 4.1%"), speaker="OKAFOR"
    ).id
    # A speaker named by hand for words that are not on a speaker line of theirs is the
    # person's call, not the line's: a revision never changes it.
    said = add_claim(
        wb, doc, "not true", SpanRequest(quote="That is not true"), speaker="OKAFOR"
    ).id
    set_status(wb, jobs, "in_progress")
    set_status(wb, jobs, "unverifiable", note="no series goes back to 1971")
    fixed = DEBATE.replace("OKAFOR: Unemployment", "MARSH: Unemployment").replace(
        "OKAFOR: We built", "MARSH: We built"
    )
    added = update_document(wb, doc, Content(fixed, "text", "debate-v2.txt"))
    by_id = {a.claim_id: a for a in added.anchors}
    # The line's speaker is the claim's in any case (OKAFOR on the line, Okafor on the claim);
    # the claim now has the one on the line.
    assert (by_id[jobs].old_speaker, by_id[jobs].new_speaker) == ("Okafor", "MARSH")
    assert (by_id[homes].old_speaker, by_id[homes].new_speaker) == ("Okafor", "MARSH")
    assert by_id[said].new_speaker is None and get_claim(wb, said).speaker == "Okafor"
    # The words are the same (moved by the shorter name before them), but who said them
    # changed, so a verdict given on the old line is flagged like one on a changed quote.
    assert by_id[jobs].state == "moved" and by_id[jobs].new_quote == "Unemployment is 4.1%"
    assert [a.claim_id for a in added.flagged] == [jobs]
    c = get_claim(wb, jobs)
    assert c.speaker == "MARSH" and c.verdict_revision == 1
    assert get_claim(wb, homes).speaker == "MARSH"
    event = show_claim(wb, jobs).events[-1]
    assert event.action == "claim.flagged_for_review"
    # The stealth-edit report names who the line was given to: the quotes are alike, and
    # without it the claim listed as touched showed nothing that changed.
    [rev] = document_changes(wb, doc).revisions
    touched = {t.claim_id: t for t in rev.claims}
    assert touched[jobs].old_quote == touched[jobs].new_quote == "Unemployment is 4.1%"
    assert (touched[jobs].old_speaker, touched[jobs].new_speaker) == ("Okafor", "MARSH")
    assert touched[jobs].to_json()["new_speaker"] == "MARSH"
    assert_invariant(wb, doc)


def test_an_outcome_names_the_verdict_proposed_for_a_claim_in_review(
    desk: tuple[Workbench, int, dict[str, int]],
) -> None:
    """A claim in review has no verdict, only a proposed one: the outcome carries it, flagged
    and restored alike, so that what the front end says is the proposal, not `in_review`."""
    from workbench.services.evidence import EvidenceInput, add_evidence
    from workbench.services.settings import set_config

    wb, doc, ids = desk
    add_evidence(wb, ids["params"], EvidenceInput(stance="refutes", citation="filing"))
    set_config(wb, "review.required", "true")
    set_status(wb, ids["params"], "misleading", note="rounded")
    flagged = update_document(wb, doc, Content(OLD.replace("4560亿", "4650亿"), "text", "r.txt"))
    [outcome] = flagged.flagged
    assert (outcome.status, outcome.proposed_status) == ("in_review", "misleading")
    undone = update_document(wb, doc, Content(OLD, "text", "r.txt"))
    [back] = [a for a in undone.anchors if a.restored]
    assert (back.claim_id, back.status, back.proposed_status) == (
        ids["params"],
        "in_review",
        "misleading",
    )
    others = [a for a in undone.anchors if a.claim_id != ids["params"]]
    assert all(a.proposed_status is None for a in others)
    assert_invariant(wb, doc)


@pytest.mark.parametrize(
    ("back", "model", "params"),
    [
        (OLD, "exact", "exact"),
        ("\n".join([P1, P2.replace("4560亿", "4650亿"), P3, P4]) + "\n", "exact", "fuzzy"),
        ("\n".join([P1, P2.replace("国内首个", "国内第一个"), P3, P4]) + "\n", "fuzzy", "moved"),
    ],
)
def test_an_orphaned_claim_whose_quote_is_back_is_found_again(
    desk: tuple[Workbench, int, dict[str, int]], back: str, model: str, params: str
) -> None:
    """A trial: a revision restored an orphaned claim's sentence; `doc update` said only
    "claims: exact 2, moved 2" and the stealth-edit report left the claim out."""
    wb, doc, ids = desk
    revise(wb, doc, "\n".join([P1, P3, P4]) + "\n")
    gone = {ids["model"], ids["params"]}
    assert {i for i in gone if get_claim(wb, i).anchor_state == "orphaned"} == gone
    added = update_document(wb, doc, Content(back, "text", "back.txt"))
    expected = {ids["model"]: model, ids["params"]: params}
    assert {a.claim_id: a.state for a in added.anchors if a.found_again} == expected
    assert {i: get_claim(wb, i).anchor_state for i in gone} == expected
    _, rev = document_changes(wb, doc).revisions
    found = {t.claim_id: t for t in rev.claims if t.found_again}
    assert {i: t.state for i, t in found.items()} == expected
    assert all(t.old_quote is None for t in found.values())
    assert all(t.new_quote == get_claim(wb, i).quote for i, t in found.items())
    assert_invariant(wb, doc)


def test_a_flagged_orphan_back_on_its_words_is_restored_and_found_again(
    desk: tuple[Workbench, int, dict[str, int]],
) -> None:
    wb, doc, ids = desk
    set_status(wb, ids["model"], "unverifiable", note="judged")
    revise(wb, doc, "\n".join([P1, P3, P4]) + "\n")
    assert get_claim(wb, ids["model"]).flagged
    added = update_document(wb, doc, Content(OLD, "text", "back.txt"))
    [back] = [a for a in added.anchors if a.claim_id == ids["model"]]
    assert back.restored and back.found_again
    assert not get_claim(wb, ids["model"]).flagged
    _, rev = document_changes(wb, doc).revisions
    [found] = [t for t in rev.claims if t.claim_id == ids["model"]]
    assert (found.state, found.found_again, found.old_quote) == ("restored", True, None)
    assert_invariant(wb, doc)


def test_a_claim_with_no_verdict_gets_back_the_words_it_was_pinned_to(wb: Workbench) -> None:
    """trial47: a CMS slip escaped the quote marks (&quot;), the claim with no verdict moved
    onto ';Never again&', and the slip undone, byte for byte, left it on 'Never again': a
    flagged verdict got its words back, a claim without one drifted for good."""
    first = 'Residents posted photos with the caption "Never again" on Sunday, officials said.\n'
    doc = add_document(wb, first.encode()).document.id
    cid = add_claim(wb, doc, "caption", SpanRequest(quote='"Never again"')).id
    pinned = get_claim(wb, cid)
    revise(wb, doc, first.replace('"', "&quot;"))
    assert get_claim(wb, cid).anchor_state == "fuzzy"
    added = update_document(wb, doc, Content(first, "text", "back.txt"))
    [back] = added.anchors
    assert back.restored and not back.flagged
    claim = get_claim(wb, cid)
    assert (claim.start, claim.end, claim.quote) == (pinned.start, pinned.end, '"Never again"')
    assert (claim.prefix, claim.suffix, claim.anchor_state) == (
        pinned.prefix,
        pinned.suffix,
        "exact",
    )
    *_, rev = document_changes(wb, doc).revisions
    [touched] = rev.claims
    assert (touched.state, touched.new_quote, touched.verdict_before) == (
        "restored",
        '"Never again"',
        None,
    )
    assert_invariant(wb, doc)


def test_words_back_after_two_changes_are_the_first_ones(wb: Workbench) -> None:
    """Two revisions changed the quote in turn; the third undid both: the claim is back on
    the words it was pinned to, not on the first change's."""
    first = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n"
    doc = add_document(wb, first.encode()).document.id
    cid = add_claim(wb, doc, "d", SpanRequest(quote="Delta epsilon zeta")).id
    revise(wb, doc, first.replace("epsilon", "epsilons"))
    revise(wb, doc, first.replace("epsilon", "epsilonz"))
    assert get_claim(wb, cid).quote == "Delta epsilonz zeta"
    added = update_document(wb, doc, Content(first, "text", "back.txt"))
    assert [a.restored for a in added.anchors] == [True]
    assert get_claim(wb, cid).quote == "Delta epsilon zeta"
    assert_invariant(wb, doc)


def test_a_claim_with_no_verdict_whose_words_are_not_back_is_re_anchored_as_ever(
    wb: Workbench,
) -> None:
    first = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n"
    doc = add_document(wb, first.encode()).document.id
    cid = add_claim(wb, doc, "d", SpanRequest(quote="Delta epsilon zeta")).id
    revise(wb, doc, first.replace("epsilon", "epsilons"))
    added = update_document(wb, doc, Content(first.replace("epsilon", "epsilonz"), "text", "c"))
    assert [(a.restored, a.state) for a in added.anchors] == [(False, "fuzzy")]
    assert get_claim(wb, cid).quote == "Delta epsilonz zeta"


ABC = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n"
CHANGED = ABC.replace("epsilon", "epsilons")
MORE = CHANGED + "Kappa lambda mu nu xi omicron pi rho.\n"


def _judged_claim(wb: Workbench, text: str = "d") -> tuple[int, int]:
    """A document of ABC and a claim on "Delta epsilon zeta" with refuting evidence, ready for
    a verdict."""
    from workbench.services.evidence import EvidenceInput, add_evidence

    doc = add_document(wb, ABC.encode()).document.id
    cid = add_claim(wb, doc, text, SpanRequest(quote="Delta epsilon zeta")).id
    add_evidence(wb, cid, EvidenceInput(stance="refutes", citation="filing"))
    return doc, cid


def _changed_claim(wb: Workbench) -> tuple[int, int]:
    doc = add_document(wb, ABC.encode()).document.id
    cid = add_claim(wb, doc, "d", SpanRequest(quote="Delta epsilon zeta")).id
    revise(wb, doc, CHANGED)
    return doc, cid


def test_a_tag_after_the_change_does_not_move_the_words_it_was_pinned_to(wb: Workbench) -> None:
    """Review: the span after any event but a quote change was taken as the pinned one, so a
    tag made the changed words the pinned words."""
    from workbench.services.workflow import tag

    doc, cid = _changed_claim(wb)
    tag(wb, [cid], ["topic"])
    added = update_document(wb, doc, Content(ABC, "text", "back.txt"))
    assert [(a.restored, a.flag_cleared) for a in added.anchors] == [(True, False)]
    assert get_claim(wb, cid).quote == "Delta epsilon zeta"
    assert_invariant(wb, doc)


def test_an_edit_elsewhere_gives_nothing_back(wb: Workbench) -> None:
    """Review: after a tag, an edit elsewhere was said to give the claim its words back."""
    from workbench.services.workflow import tag

    doc, cid = _changed_claim(wb)
    tag(wb, [cid], ["topic"])
    added = update_document(wb, doc, Content(MORE, "text", "more.txt"))
    assert [a.restored for a in added.anchors] == [False]
    *_, rev = document_changes(wb, doc).revisions
    assert rev.claims == []
    assert_invariant(wb, doc)


def test_a_verdict_given_again_on_the_changed_words_is_not_given_them_back(
    wb: Workbench,
) -> None:
    """Review: a flagged verdict confirmed on the new words (flag cleared, still fuzzy) was then
    said to be "back on the words its verdict was given on" after an edit elsewhere."""
    doc, cid = _judged_claim(wb)
    set_status(wb, cid, "misleading", note="judged")
    revise(wb, doc, CHANGED)
    set_status(wb, cid, "misleading", note="still, on the new words")
    assert not get_claim(wb, cid).flagged
    added = update_document(wb, doc, Content(MORE, "text", "more.txt"))
    assert [a.restored for a in added.anchors] == [False]
    assert get_claim(wb, cid).quote == "Delta epsilons zeta"


def test_a_proposed_verdict_given_its_words_back_is_said_to_lose_its_flag(
    wb: Workbench,
) -> None:
    """Review: in review, the flag cleared was said only as "words back" (the status in_review
    is no verdict, so the proposal was missed)."""
    from workbench.cli.doc import changes_text
    from workbench.services.settings import set_config

    doc, cid = _judged_claim(wb)
    set_config(wb, "review.required", "true")
    set_status(wb, cid, "misleading", note="judged")
    revise(wb, doc, CHANGED)
    added = update_document(wb, doc, Content(ABC, "text", "back.txt"))
    assert [(a.restored, a.flag_cleared) for a in added.anchors] == [(True, True)]
    *_, rev = document_changes(wb, doc).revisions
    assert [(t.state, t.flag_cleared) for t in rev.claims] == [("restored", True)]
    assert "status in_review, words back: flag cleared" in changes_text(document_changes(wb, doc))


def test_doc_changes_shows_the_claim_as_it_was_worded_when_the_revision_came(
    wb: Workbench,
) -> None:
    """trial47b: reworded after the correction, a claim was shown with its new words beside
    the verdict its old words had been given."""
    from workbench.services.claim_edits import edit_claim

    doc, cid = _judged_claim(wb, "Delta is epsilon")
    set_status(wb, cid, "false", note="judged")
    revise(wb, doc, CHANGED)
    set_status(wb, cid, "in_progress", note="corrected; recheck")
    edit_claim(wb, cid, text="Delta is epsilons")
    *_, rev = document_changes(wb, doc).revisions
    [touched] = rev.claims
    assert (touched.text, touched.verdict_before) == ("Delta is epsilon", "false")
