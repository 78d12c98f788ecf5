"""The document-revision path, as review48 found it wrong (each test failed before its fix):
an undo and a speaker, `doc changes` of an earlier revision, a verdict decided again on an
orphaned claim, NUL and NFC in a revision, a claim moved to a repeated line and back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.services.changes import document_changes
from workbench.services.claims import SpanRequest, add_claim, get_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import DocumentMeta, add_document, document_text
from workbench.services.queries import ClaimFilter, list_claims
from workbench.services.replay import replay
from workbench.services.revisions import update_document
from workbench.services.sources import Content
from workbench.services.verify import verify_database


def revise(wb: Workbench, doc: int, text: str) -> Any:
    return update_document(wb, doc, Content(text, "text", "r.txt"))


def assert_invariant(wb: Workbench, doc: int) -> None:
    for c in list_claims(wb, ClaimFilter(document_id=doc)):
        assert document_text(wb, doc, c.revision)[c.start : c.end] == c.quote, c
    assert verify_database(wb).ok
    report = replay(wb)
    assert report.consistent, [d.message for d in report.differences]


DEBATE = (
    "MODERATOR: Welcome to the debate.\n"
    "OKAFOR: In the region we have governed since the election, unemployment is 4.1% "
    "according to the latest figures.\n"
    "MARSH: That is not true.\n"
    "NGUYEN: Let me answer that.\n"
)


def test_undo_restore_ignores_a_line_given_to_another_speaker(wb: Workbench) -> None:
    """Rev 2 changes the figure (verdict flagged); rev 3 puts the figure back but gives the line
    to NGUYEN (a name as long as OKAFOR's, so the words are back at the same offset). The
    restore path clears the flag and keeps speaker OKAFOR: the verdict on OKAFOR's line is
    published for words the transcript now gives to NGUYEN."""
    doc = add_document(wb, DEBATE.encode(), meta=DocumentMeta(title="Debate")).document.id
    cid = add_claim(
        wb,
        doc,
        "Unemployment is 4.1%",
        SpanRequest(quote="unemployment is 4.1%"),
        speaker="OKAFOR",
    ).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no series")
    revise(wb, doc, DEBATE.replace("4.1%", "4.3%"))
    assert get_claim(wb, cid).verdict_revision == 1  # flagged
    fixed = DEBATE.replace("OKAFOR: In the region", "NGUYEN: In the region")
    added = revise(wb, doc, fixed)
    [outcome] = added.anchors
    c = get_claim(wb, cid)
    # Without the detour through 4.3%, the same correction flags the verdict and names NGUYEN:
    # (see test_revisions.test_a_line_given_to_another_speaker_changes_the_claims_speaker).
    assert c.speaker == "NGUYEN", (c.speaker, outcome)
    assert c.verdict_revision is not None, outcome
    assert_invariant(wb, doc)


ARTICLE = (
    "The council met on Tuesday to discuss the budget for the coming year.\n"
    "The mayor said revenue rose 12 percent last year, and profits doubled.\n"
    "Opposition members asked for an independent audit of the accounts.\n"
)


def test_changes_report_shows_todays_quote_for_a_claim_orphaned_back_then(wb: Workbench) -> None:
    """`doc changes` reads the quote of an orphaning event from the claim row as it is now
    (the orphaning event carries no quote): after a later revision changed the quote, the
    report's revision 2 says the removed words were revision 3's."""
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="t")).document.id
    quote = "revenue rose 12 percent last year, and profits doubled"
    cid = add_claim(wb, doc, "revenue", SpanRequest(quote=quote)).id
    removed = ARTICLE.replace(
        "The mayor said revenue rose 12 percent last year, and profits doubled.\n", ""
    )
    revise(wb, doc, removed)
    assert get_claim(wb, cid).anchor_state == "orphaned"
    revise(wb, doc, ARTICLE.replace("12 percent", "15 percent"))
    assert get_claim(wb, cid).quote == quote.replace("12", "15")
    report = document_changes(wb, doc)
    [t2] = report.revisions[0].claims
    assert t2.state == "orphaned"
    assert t2.old_quote == quote, t2.old_quote  # the words revision 2 removed


def test_changes_report_shows_todays_anchor_state_for_an_earlier_revision(wb: Workbench) -> None:
    """A claim already fuzzy whose quote a revision changes again gets an event without
    anchor_state (unchanged); `doc changes` then shows the claim's state of today for that
    revision (here "moved", after a later revision moved it) instead of "fuzzy"."""
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="t")).document.id
    quote = "revenue rose 12 percent last year, and profits doubled"
    cid = add_claim(wb, doc, "revenue", SpanRequest(quote=quote)).id
    v2 = ARTICLE.replace("12 percent", "14 percent")
    v3 = ARTICLE.replace("12 percent", "15 percent")
    v4 = "A paragraph added above everything else.\n" + v3
    revise(wb, doc, v2)
    revise(wb, doc, v3)
    revise(wb, doc, v4)
    assert get_claim(wb, cid).anchor_state == "moved"
    report = document_changes(wb, doc)
    states = [[t.state for t in r.claims] for r in report.revisions]
    assert states == [["fuzzy"], ["fuzzy"], []], states


def test_update_refuses_a_nul_as_add_does(wb: Workbench) -> None:
    """`doc add` refuses a text holding NUL (PostgreSQL cannot store it); `doc update` has no
    such check: SQLite stores the revision, PostgreSQL fails with a driver error."""
    import pytest

    from workbench.domain.errors import InvalidInput

    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="t")).document.id
    with pytest.raises(InvalidInput):
        add_document(wb, (ARTICLE + "\0").encode())
    with pytest.raises(InvalidInput):
        revise(wb, doc, ARTICLE.replace("Tuesday", "Wednesday") + "\0")


def test_a_verdict_decided_again_on_an_orphaned_claim_is_reflagged_by_every_revision(
    wb: Workbench,
) -> None:
    """Revision 2 removes the claim's sentence: its verdict is flagged. The desk decides again
    (knowing the words are gone), which clears the flag. Revision 3 only fixes a typo in
    another paragraph, yet flags the new verdict again (and so would every later revision):
    an orphaned claim keeps its old span, so each re-anchoring 'orphans' it anew."""
    doc = add_document(wb, ARTICLE.encode(), meta=DocumentMeta(title="t")).document.id
    quote = "revenue rose 12 percent last year, and profits doubled"
    cid = add_claim(wb, doc, "revenue", SpanRequest(quote=quote)).id
    set_status(wb, cid, "in_progress")
    set_status(wb, cid, "unverifiable", note="no figures")
    removed = ARTICLE.replace(
        "The mayor said revenue rose 12 percent last year, and profits doubled.\n", ""
    )
    revise(wb, doc, removed)
    assert get_claim(wb, cid).verdict_revision == 1
    set_status(wb, cid, "in_progress", note="the article dropped the sentence")
    set_status(wb, cid, "unverifiable", note="decided again after revision 2")
    assert get_claim(wb, cid).verdict_revision is None
    added = revise(wb, doc, removed.replace("Tuesday", "Tuesday evening"))
    assert added.flagged == [], added.flagged
    assert get_claim(wb, cid).verdict_revision is None
    assert_invariant(wb, doc)


REPEAT = (
    "The minister opened the session with a short statement.\n"
    "He said crime fell by half.\n"
    "Members then debated the police budget for two hours.\n"
    "He said crime fell by half.\n"
    "The session closed at noon.\n"
)


def test_an_undo_leaves_a_claim_on_the_other_occurrence_and_seed_load_duplicates_it(
    wb: Workbench, tmp_path: Path
) -> None:
    from workbench.services.seeds import load_seed

    (tmp_path / "a.txt").write_text(REPEAT, encoding="utf-8")
    seed = tmp_path / "seed.yaml"
    seed.write_text(
        "document: {file: a.txt, title: t}\n"
        "claims:\n  - {quote: 'crime fell by half', occurrence: 1, text: 'crime halved'}\n",
        encoding="utf-8",
    )
    first = load_seed(wb, str(seed))
    doc = first.document.id
    [c] = list_claims(wb, ClaimFilter(document_id=doc))
    at = c.start
    revise(wb, doc, REPEAT.replace("He said crime fell by half.\nMembers", "Members", 1))
    revise(wb, doc, REPEAT)  # the edit undone: revision 3 is revision 1 byte for byte
    c = get_claim(wb, c.id)
    again = load_seed(wb, str(seed))
    claims = list_claims(wb, ClaimFilter(document_id=doc))
    assert (again.claims_added, len(claims)) == (0, 1), (
        again.claims_added,
        [(x.id, x.start) for x in claims],
    )
    assert c.start == at, (c.start, at)
    assert_invariant(wb, doc)


def test_a_markdown_revision_is_stored_without_nfc(wb: Workbench) -> None:
    """read_markdown drops emphasis marks after NFC: 'Cafe*\u0301*' becomes 'Cafe\u0301' (e +
    combining acute), which is not NFC. `doc add` refuses it with an internal-sounding message
    (insert_document's check); `doc update` stores it, and a quote typed 'Café' (NFC) is not
    found in it."""
    from workbench.domain.text import normalise
    from workbench.services.sources import read_content

    plain = "The Cafe opened in 2020 and served many people every single day of the week.\n"
    doc = add_document(wb, plain.encode(), fmt="text").document.id
    content = read_content(plain.replace("Cafe", "Cafe*\u0301*").encode(), "b.md", "markdown")
    update_document(wb, doc, content)
    stored = document_text(wb, doc)
    assert stored == normalise(stored), ascii(stored[:12])


EDGES = (
    "“这是历史上第一次有中部城市进入前三，”副秘书长王志强说。全市有充电站1500座。\n\n"
    "The council approved a $412 million budget, the largest in the city's history. Crime "
    "fell 18 percent, the police chief said. Officials said it was the first time in 40 years "
    "the city ran a surplus.\n"
)


def test_words_added_or_removed_at_a_quotes_edge_change_it(wb: Workbench) -> None:
    """trial50: 不, 约, "one of", "nearly" and "not" added right before a quote left the claim
    moved, "quote unchanged", and its True verdict published."""
    doc = add_document(wb, EDGES.encode(), meta=DocumentMeta(title="t")).document.id
    quotes = [
        "是历史上第一次有中部城市进入前三",
        "1500座",
        "the largest in the city's history",
        "18 percent",
        "the first time in 40 years",
    ]
    ids = [add_claim(wb, doc, q, SpanRequest(quote=q)).id for q in quotes]
    edited = (
        EDGES.replace("这是", "这不是")
        .replace("充电站1500", "充电站约1500")
        .replace(", the largest", ", one of the largest")
        .replace("fell 18", "fell nearly 18")
        .replace("was the first", "was not the first")
    )
    revise(wb, doc, edited)
    assert [(get_claim(wb, c).anchor_state, get_claim(wb, c).quote) for c in ids] == [
        ("fuzzy", "不是历史上第一次有中部城市进入前三"),
        ("fuzzy", "约1500座"),
        ("fuzzy", "one of the largest in the city's history"),
        ("fuzzy", "nearly 18 percent"),
        ("fuzzy", "not the first time in 40 years"),
    ]
    assert_invariant(wb, doc)


def test_a_sentence_added_before_a_quote_or_a_mark_changed_leaves_it(wb: Workbench) -> None:
    doc = add_document(wb, EDGES.encode(), meta=DocumentMeta(title="t")).document.id
    quote = "Crime fell 18 percent"
    cid = add_claim(wb, doc, "crime", SpanRequest(quote=quote)).id
    revise(wb, doc, EDGES.replace("history. Crime", "history. A new sentence here. Crime"))
    assert get_claim(wb, cid).anchor_state == "moved"
    revise(wb, doc, EDGES.replace("18 percent,", "18 percent;"))
    assert get_claim(wb, cid).anchor_state in ("exact", "moved")
    # a word removed right before it: changed
    doc2 = add_document(wb, EDGES.replace("was the first", "was not the first").encode()).document
    cid2 = add_claim(wb, doc2.id, "first", SpanRequest(quote="the first time in 40 years")).id
    revise(wb, doc2.id, EDGES)
    assert get_claim(wb, cid2).anchor_state == "fuzzy"
