"""Checked before? New claims are matched against every claim in every document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.claims import SpanRequest, add_claim, set_status
from workbench.services.context import Workbench
from workbench.services.documents import add_document
from workbench.services.evidence import EvidenceInput, add_evidence
from workbench.services.revisions import update_document
from workbench.services.seeds import load_seed
from workbench.services.similar import similar_claims
from workbench.services.sources import Content

OTHER = "报道称,在美国只有四家公司能坐上牌桌。另有消息称该公司估值翻倍。"


def test_a_claim_checked_elsewhere_is_found_with_its_verdict(wb: Workbench) -> None:
    load_seed(wb)
    doc = add_document(wb, OTHER.encode()).document.id
    first = add_claim(
        wb, doc, "Only four US firms are at the table", SpanRequest(quote="只有四家公司")
    ).id
    add_evidence(wb, first, EvidenceInput(stance="refutes", citation="Meta, Mistral, ..."))
    set_status(wb, first, "false", note="More than four")
    seed_doc = 1
    again = add_claim(
        wb,
        seed_doc,
        "Only four US companies are really at the table",
        SpanRequest(quote="真正能坐在大模型牌桌上的其实只有四家公司"),
    )
    assert again.similar is not None
    refs = {r.id: r for r in again.similar}
    assert first in refs
    assert refs[first].status == "false" and refs[first].rating == "False"
    assert "similar to #" in refs[first].sentence() and "rated False" in refs[first].sentence()
    assert again.to_json()["similar"][0]["similarity"] >= 0.7


def test_a_flagged_verdict_is_not_given_as_standing(wb: Workbench) -> None:
    """A trial: "similar to #1 (misleading, rated Misleading; 0.630)" for a verdict flagged for
    re-review, whose rating exports withhold."""
    text = "The council approved a budget of 5 million dollars in March. Crime rose."
    doc = add_document(wb, text.encode()).document.id
    first = add_claim(wb, doc, "A 5 million dollar budget", SpanRequest(quote=text[:61])).id
    add_evidence(wb, first, EvidenceInput(stance="refutes", citation="the budget"))
    set_status(wb, first, "misleading", note="6 million")
    update_document(wb, doc, Content(text.replace("5 million", "6 million"), "text", "v2.txt"))
    again = add_claim(wb, doc, "A 5 million dollar budget in March", SpanRequest(quote=text[62:]))
    ref = next(r for r in again.similar or () if r.id == first)
    assert (ref.status, ref.rating, ref.flagged) == ("misleading", "Misleading", True)
    assert f"similar to #{first} (misleading (flagged), rating withheld; " in ref.sentence()
    assert again.to_json()["similar"][0]["flagged"] is True
    [found] = [s for s in similar_claims(wb, again.id) if s.claim.id == first]
    assert found.claim.flagged and found.ref() == ref


def test_similar_lists_best_first_with_claim_fields(wb: Workbench) -> None:
    load_seed(wb)
    doc = add_document(wb, OTHER.encode()).document.id
    cid = add_claim(
        wb, doc, "US AI firms: only four at the frontier", SpanRequest(quote="只有四家公司")
    ).id
    found = similar_claims(wb, cid)
    assert found, "the seed's four-firms claim should match"
    scores = [s.similarity for s in found]
    assert scores == sorted(scores, reverse=True) and all(0 <= x <= 1 for x in scores)
    js = found[0].to_json()
    assert {"id", "status", "text", "quote", "similarity"} <= set(js)
    assert "只有四家公司" in js["quote"]
    assert all(s.claim.id != cid for s in found)
    assert similar_claims(wb, cid, min_score=1.0) == [s for s in found if s.similarity == 1.0]
    with pytest.raises(InvalidInput, match="between 0 and 1"):
        similar_claims(wb, cid, min_score=1.5)
    with pytest.raises(NotFound):
        similar_claims(wb, 9999)
    # --limit 0 lists none, as for every list with a --limit (extract, claim list, stats)
    assert similar_claims(wb, cid, limit=0) == []
    assert similar_claims(wb, cid, limit=1) == found[:1]
    with pytest.raises(InvalidInput, match=r"limit must be 0 or more \(got -1\)"):
        similar_claims(wb, cid, limit=-1)


def test_seed_claims_are_not_similar_to_their_siblings(wb: Workbench) -> None:
    r = load_seed(wb)
    assert r.similar == {}


def test_a_reworded_claim_is_found_across_languages_and_number_forms(wb: Workbench) -> None:
    doc = add_document(
        wb, "他在商汤科技工作了7年。单次高达1500万美金的算力成本。".encode()
    ).document.id
    seven = add_claim(
        wb, doc, "Yan Junjie worked at SenseTime for seven years", SpanRequest(quote="工作了7年")
    ).id
    money = add_claim(
        wb, doc, "One training run cost US$15 million", SpanRequest(quote="1500万美金的算力成本")
    ).id
    other = add_document(
        wb, "闫俊杰在商汤任职七年。一次训练花费一千五百万美元。".encode()
    ).document.id
    again = add_claim(wb, other, "闫俊杰在商汤任职七年", SpanRequest(quote="闫俊杰在商汤任职七年"))
    assert again.similar and again.similar[0].id == seven
    cost = add_claim(wb, other, "一次训练花费1500万美元", SpanRequest(quote="一千五百万美元"))
    assert cost.similar and cost.similar[0].id == money
    assert [s.claim.id for s in similar_claims(wb, cost.id)][:1] == [money]


def test_the_index_follows_changed_claims_without_duplicates(wb: Workbench) -> None:
    doc = add_document(wb, b"Northwind was founded in 2011 in Oslo. Northwind dates from 2011.")
    first = add_claim(
        wb, doc.document.id, "Northwind was founded in 2011 in Oslo", SpanRequest(quote="Oslo")
    )
    probe = add_claim(
        wb,
        doc.document.id,
        "Northwind, of Oslo, was set up in 2011",
        SpanRequest(quote="Northwind dates from 2011."),
    )
    before = similar_claims(wb, probe.id)
    set_status(wb, first.id, "in_progress")  # a new version: indexed again
    after = similar_claims(wb, probe.id)
    assert [s.claim.id for s in after] == [s.claim.id for s in before] == [first.id]
    assert after[0].similarity == before[0].similarity
    assert after[0].claim.status == "in_progress"


def test_a_claim_with_a_very_long_word_is_indexed_and_found(wb: Workbench) -> None:
    word = "x" * 300
    digits = "9" * 120
    doc = add_document(wb, f"{word} {digits} {word}.".encode()).document.id
    first = add_claim(wb, doc, f"{word} {digits}", SpanRequest(quote=word, occurrence=1)).id
    again = add_claim(wb, doc, f"{word} {digits}", SpanRequest(quote=word, occurrence=2))
    assert again.similar and again.similar[0].id == first


def test_an_index_built_by_older_terms_is_built_again(wb: Workbench) -> None:
    from sqlalchemy import delete, select, update

    from workbench.db.models import SimilarMeta, SimilarTerm
    from workbench.services import similar_index
    from workbench.services.context import transaction

    doc = add_document(wb, "美国把钢铁关税上调至25%。".encode()).document.id
    first = add_claim(wb, doc, "Steel tariffs rose to 25%", SpanRequest(quote="钢铁关税")).id
    probe = add_claim(wb, doc, "钢铁关税上调至25%", SpanRequest(quote="上调至25%")).id
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]
    with transaction(wb, write=True) as tx:
        # What an index built before "steel" was a concept looks like: the old term, no
        # version row.
        tx.session.execute(delete(SimilarMeta))
        tx.session.execute(
            update(SimilarTerm).where(SimilarTerm.term == "~steel").values(term="steel")
        )
    with transaction(wb) as tx:
        assert similar_index.is_stale(tx)
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]
    with transaction(wb) as tx:
        assert not similar_index.is_stale(tx)
        terms = set(tx.session.scalars(select(SimilarTerm.term)))
        version = tx.session.scalar(select(SimilarMeta.terms_version))
    assert "~steel" in terms and "steel" not in terms
    assert version == similar_index.TERMS_VERSION


def test_an_index_built_by_the_previous_version_is_built_again(wb: Workbench) -> None:
    from sqlalchemy import delete, select, update

    from workbench.db.models import SimilarDf, SimilarMeta, SimilarTerm
    from workbench.services import similar_index
    from workbench.services.context import transaction

    doc = add_document(wb, b"Wren Air has served Oporto since 2011. Oporto since 2011.")
    first = add_claim(
        wb, doc.document.id, "Wren Air flies to Oporto", SpanRequest(quote="Oporto", occurrence=1)
    )
    probe = add_claim(
        wb, doc.document.id, "Wren Air's Oporto route", SpanRequest(quote="Oporto", occurrence=2)
    )
    assert [s.claim.id for s in similar_claims(wb, probe.id)] == [first.id]
    with transaction(wb, write=True) as tx:
        # An index of the version before names: no "@" terms, its own version number.
        tx.session.execute(delete(SimilarTerm).where(SimilarTerm.term.like("@%")))
        tx.session.execute(delete(SimilarDf).where(SimilarDf.term.like("@%")))
        tx.session.execute(
            update(SimilarMeta).values(terms_version=similar_index.TERMS_VERSION - 1)
        )
    with transaction(wb) as tx:
        assert similar_index.is_stale(tx)
    assert [s.claim.id for s in similar_claims(wb, probe.id)] == [first.id]
    with transaction(wb) as tx:
        assert not similar_index.is_stale(tx)
        terms = set(tx.session.scalars(select(SimilarTerm.term)))
        version = tx.session.scalar(select(SimilarMeta.terms_version))
    assert {"@wren", "@oporto"} <= terms and version == similar_index.TERMS_VERSION


def test_an_emptied_index_is_built_by_the_current_terms(wb: Workbench) -> None:
    """Its tables emptied by hand (as bench/bench_scale.py does) and similar_meta left saying
    an older version: the index built again says the current one, and is then not stale."""
    from sqlalchemy import delete, select, update

    from workbench.db.models import SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
    from workbench.services import similar_index
    from workbench.services.context import transaction

    doc = add_document(wb, "美国把钢铁关税上调至25%。".encode()).document.id
    first = add_claim(wb, doc, "Steel tariffs rose to 25%", SpanRequest(quote="钢铁关税")).id
    probe = add_claim(wb, doc, "钢铁关税上调至25%", SpanRequest(quote="上调至25%")).id
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]
    with transaction(wb, write=True) as tx:
        for table in (SimilarTerm, SimilarIndexed, SimilarDf):
            tx.session.execute(delete(table))
        tx.session.execute(
            update(SimilarMeta).values(terms_version=similar_index.TERMS_VERSION - 1)
        )
    assert [s.claim.id for s in similar_claims(wb, probe)] == [first]
    with transaction(wb) as tx:
        assert not similar_index.is_stale(tx)
        assert tx.session.execute(select(SimilarMeta.id, SimilarMeta.terms_version)).all() == [
            (1, similar_index.TERMS_VERSION)
        ]


def test_a_claim_about_another_named_place_is_not_similar(wb: Workbench) -> None:
    text = (
        "Wren Air has served Oporto since 2011. Wren Air has served Malaga since 2011. "
        "Wren Air's Oporto service, launched in 2011."
    )
    doc = add_document(wb, text.encode()).document.id
    oporto = add_claim(
        wb,
        doc,
        "Wren Air has flown the Oporto route since 2011.",
        SpanRequest(quote="Wren Air has served Oporto since 2011"),
    ).id
    malaga = add_claim(
        wb,
        doc,
        "Wren Air has flown the Malaga route since 2011.",
        SpanRequest(quote="Wren Air has served Malaga since 2011"),
    ).id
    probe = add_claim(
        wb,
        doc,
        "Wren Air began flying to Oporto in 2011.",
        SpanRequest(quote="Wren Air's Oporto service, launched in 2011"),
    )
    assert [r.id for r in probe.similar or ()] == [oporto]
    every = similar_claims(wb, probe.id, min_score=0.0)
    assert [s.claim.id for s in every] == [oporto, malaga]
    assert every[0].similarity >= 0.5 > every[1].similarity
    assert "other names: oporto / malaga (x0.50)" in every[1].why
    assert every[1].to_json()["why"] == list(every[1].why)
    assert every[0].why[0].startswith("shares ") and len(every[0].why) == 1


def _index_tables(wb: Workbench) -> tuple[list[tuple[object, ...]], ...]:
    from sqlalchemy import select

    from workbench.db.models import SimilarDf, SimilarIndexed, SimilarTerm
    from workbench.services.context import transaction

    with transaction(wb) as tx:
        return tuple(
            [tuple(row) for row in tx.session.execute(select(*t.__table__.c).order_by(*pk))]
            for t, pk in (
                (SimilarTerm, (SimilarTerm.claim_id, SimilarTerm.term)),
                (SimilarIndexed, (SimilarIndexed.claim_id,)),
                (SimilarDf, (SimilarDf.term,)),
            )
        )


def test_an_index_built_across_batch_edges_is_the_one_built_in_one_batch(wb: Workbench) -> None:
    from sqlalchemy import delete, select, update

    from workbench.db.engine import get_engine
    from workbench.db.models import Claim, SimilarDf, SimilarIndexed, SimilarTerm
    from workbench.services import similar_index
    from workbench.services.context import transaction

    load_seed(wb)
    doc = add_document(wb, OTHER.encode()).document.id
    add_claim(wb, doc, "Only four US firms are at the table", SpanRequest(quote="只有四家公司"))
    add_claim(wb, doc, "The valuation doubled", SpanRequest(quote="估值翻倍"))

    def rebuild(batch: int, window: int) -> tuple[list[tuple[object, ...]], ...]:
        with transaction(wb, write=True) as tx:
            for table in (SimilarTerm, SimilarIndexed, SimilarDf):
                tx.session.execute(delete(table))
            total = tx.session.query(Claim).count()
            assert similar_index.refresh(tx, batch=batch, window=window) == total
            assert not similar_index.is_stale(tx)
        return _index_tables(wb)

    whole = rebuild(10_000, 10_000)
    assert whole[0] and whole[2]
    # Batches of 3 and 7, windows of 5 and 4, split the seed's claims so that a term's
    # document frequency is counted in several batches, a window ends inside a batch's worth,
    # and the last batch and window are short ones.
    for batch, window in ((1, 1), (3, 10_000), (7, 5), (10_000, 4), (3, 5)):
        assert rebuild(batch, window) == whole, (batch, window)

    with transaction(wb) as tx:
        before = tx.session.execute(select(Claim.id, Claim.text, Claim.version)).all()

    def changed(batch: int, window: int) -> tuple[list[tuple[object, ...]], ...]:
        # Some claims change after the index was built (every third one, so each small batch
        # holds changed and unchanged claims), and only they are indexed again.
        # The claims are changed behind the services' back (no events), on the engine itself:
        # the audit guard of transaction() refuses an unrecorded change, rightly.
        with get_engine(wb.url).begin() as conn:
            for cid, text, version in before:
                conn.execute(
                    update(Claim).where(Claim.id == cid).values(text=text, version=version)
                )
        rebuild(10_000, 10_000)
        with get_engine(wb.url).begin() as conn:
            conn.execute(
                update(Claim)
                .where(Claim.id % 3 == 0)
                .values(text=Claim.text + " steel 25%", version=Claim.version + 1)
            )
        with transaction(wb, write=True) as tx:
            assert similar_index.refresh(tx, batch=batch, window=window) == len(before) // 3
        return _index_tables(wb)

    after = changed(10_000, 10_000)
    assert after != whole
    for batch, window in ((1, 1), (4, 10_000), (2, 7)):
        assert changed(batch, window) == after, (batch, window)


@pytest.mark.parametrize("in_sql", [True, False], ids=["left-out-in-sql", "dropped-as-read"])
def test_an_accepted_extraction_is_matched_with_earlier_claims_not_its_own(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, in_sql: bool
) -> None:
    """Claims accepted together are not "checked before" for each other, whichever way they
    are left out of the search (ranges of ids in SQL for many, as the rows come for a few)."""
    from workbench.services import similar_index
    from workbench.services.extract import accept_candidates

    monkeypatch.setattr(similar_index, "FEW", 1 if in_sql else 10**9)
    said = "The city council approved a budget of 12 million dollars on Tuesday."
    doc = add_document(wb, said.encode()).document.id
    earlier = add_claim(wb, doc, "Council approved a $12m budget", SpanRequest(quote=said)).id
    text = (
        "On Tuesday the council approved a budget of 12 million dollars.\n"
        "The mayor said 40 percent of the 12 million dollars goes to roads.\n"
        "Roads get 40 percent of the 12 million dollars, the mayor said.\n"
    )
    accepted = accept_candidates(wb, add_document(wb, text.encode()).document.id)
    own = {c.id for c in accepted.added}
    assert len(own) == 3
    found = {r.id for c in accepted.added for r in c.similar or ()}
    assert found == {earlier}
    assert len(similar_index.outside(own)) == (1 if in_sql else 0)


def test_ids_left_out_in_sql_are_runs_of_consecutive_ids() -> None:
    from workbench.services.similar_index import FEW, MAX_RUNS, outside

    run = set(range(100, 100 + FEW))
    assert len(outside(run)) == 1
    assert len(outside(run | {5, 7})) == 3
    assert outside(set(range(FEW - 1))) == []  # a few: dropped as the rows come
    scattered = set(range(0, 4 * FEW * MAX_RUNS, 4))
    assert outside(scattered) == []  # too many runs: one condition each would cost more


def test_a_claim_of_only_common_terms_still_finds_its_duplicate(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When every term of a claim is held by too many claims to pick by, the claims holding
    all of them and the fewest others are the pool: an exact duplicate is found even behind
    newer claims that say more, and a claim missing a term is not (session 44's new user:
    "Prices rose sharply." among 10,000 such claims found nothing)."""
    from workbench.services import similar_index

    # Every term held by more than one claim counts as common here, and one claim is scored.
    monkeypatch.setattr(similar_index, "COMMON_FLOOR", 1)
    monkeypatch.setattr(similar_index, "COMMON_SHARE", 0.0)
    monkeypatch.setattr(similar_index, "POOL", 1)
    text = (
        "Prices rose sharply. Prices rose. Prices fell sharply. Oil prices rose sharply in Leeds. "
        "Prices rose sharply."
    )
    doc = add_document(wb, text.encode()).document.id
    first = add_claim(
        wb, doc, "Prices rose sharply", SpanRequest(quote="Prices rose sharply.", occurrence=1)
    ).id
    add_claim(wb, doc, "Prices rose", SpanRequest(quote="Prices rose."))
    add_claim(wb, doc, "Prices fell sharply", SpanRequest(quote="Prices fell sharply."))
    more = "Oil prices rose sharply in Leeds"
    newer = add_claim(wb, doc, more, SpanRequest(quote=more + ".")).id
    again = add_claim(
        wb, doc, "Prices rose sharply", SpanRequest(quote="Prices rose sharply.", occurrence=2)
    )
    assert [s.id for s in again.similar or ()] == [first]
    assert [s.claim.id for s in similar_claims(wb, again.id, min_score=0)] == [first]
    monkeypatch.setattr(similar_index, "POOL", 200)
    found = [s.claim.id for s in similar_claims(wb, again.id, min_score=0)]
    assert found[0] == first and newer in found


def test_a_duplicate_behind_older_claims_sharing_its_rare_terms_is_found(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More claims share a claim's rare terms than the pool holds: tied on them, the oldest
    would fill it; the claims holding every term join it first, so a later exact duplicate
    is found (bench/bench_similar.py's COMMON_ONLY found its own only by the luck of its id)."""
    from workbench.services import similar_index

    # Terms held by more than three claims are common: "Oslo" is rare, the rest are not.
    monkeypatch.setattr(similar_index, "COMMON_FLOOR", 3)
    monkeypatch.setattr(similar_index, "COMMON_SHARE", 0.0)
    monkeypatch.setattr(similar_index, "POOL", 1)
    said = [
        "Unemployment in Oslo rose.",
        "Unemployment in Leeds fell.",
        "Unemployment in Perth fell.",
        "Unemployment in Oslo fell.",
    ]
    doc = add_document(wb, " ".join([*said, said[-1]]).encode()).document.id
    ids = [add_claim(wb, doc, s[:-1], SpanRequest(quote=s, occurrence=1)).id for s in said]
    again = add_claim(wb, doc, said[-1][:-1], SpanRequest(quote=said[-1], occurrence=2))
    assert [s.id for s in again.similar or ()] == [ids[-1]]


def test_a_catch_up_indexes_a_window_per_transaction(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trial53: the first search after a restore indexed 100,000 claims in one write
    transaction (126 s): a colleague's `claim tag` failed on SQLite's lock meanwhile. The
    catch-up now commits a window at a time, and the index it builds is the one built whole."""
    from sqlalchemy import delete

    from workbench.db.models import SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
    from workbench.services import similar
    from workbench.services.context import transaction

    load_seed(wb)
    whole = _index_tables(wb)
    with transaction(wb, write=True) as tx:  # as a restore leaves it: no index at all
        for table in (SimilarTerm, SimilarIndexed, SimilarDf, SimilarMeta):
            tx.session.execute(delete(table))
    commits: list[int] = []
    real = similar.transaction

    def counted(*args: object, **kwargs: object) -> object:
        if kwargs.get("derived"):
            commits.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(similar, "transaction", counted)
    monkeypatch.setattr(similar, "CATCH_UP_WINDOW", 4)
    monkeypatch.setattr(similar, "writer_handover", lambda _name: 0.0)
    heard: list[tuple[int, int | None]] = []
    assert similar.catch_up(wb, lambda done, total: heard.append((done, total))) == 31
    # one to start afresh, one per window of 4 of the 31 claims (the eighth, of 3, the last)
    assert len(commits) == 1 + 8
    assert heard[-1] == (31, 31) and len(heard) > 2
    assert _index_tables(wb) == whole
    assert similar.catch_up(wb) == 0  # up to date: nothing written


def test_a_writer_waiting_on_a_catch_up_gets_its_turn(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catch-up committing one window and beginning the next at once starved another
    writer on SQLite (its waiters poll): a colleague's command waited out the whole rebuild.
    Here each window is made slow (a second) while notes are still to come, and a note is
    added while each of three windows runs: each commits before the next window begins, which
    its transaction sees. Asked of each of three writers, not of one before the catch-up
    ends: with no hand-over a waiting writer still met the odd gap between two windows, and
    the one-writer test passed 5 runs in 6 without it (rC)."""
    import queue
    import threading
    import time

    from sqlalchemy import delete, func, select

    from tests.pg_waiters import append_lock_waiters
    from workbench.db.models import Note, SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
    from workbench.services import similar, similar_index
    from workbench.services.context import transaction
    from workbench.services.notes import add_note

    load_seed(wb)
    with transaction(wb, write=True) as tx:
        for table in (SimilarTerm, SimilarIndexed, SimilarDf, SimilarMeta):
            tx.session.execute(delete(table))
    monkeypatch.setattr(similar, "CATCH_UP_WINDOW", 4)  # 8 windows of the seed's 31 claims
    notes = 3
    seen: list[int] = []  # the notes each window's transaction sees as it begins
    running: queue.Queue[int] = queue.Queue()
    real = similar_index.refresh_window

    def slow(tx: Any, *args: object, **kwargs: object) -> object:
        seen.append(tx.session.scalar(select(func.count()).select_from(Note)))
        if seen[-1] < notes:
            running.put(seen[-1])
            writer_waiting(tx)  # a window's work, made long enough to be waited on
        return real(tx, *args, **kwargs)  # type: ignore[arg-type]

    def writer_waiting(tx: Any) -> None:
        """Until this note's writer waits on the window's lock. PostgreSQL shows its waiter
        (pg_locks: the desk's append lock asked, not granted) and queues it; a second's sleep
        there failed on a loaded CI machine (seen [0, 0, 1, 2, ...]: the note's command had
        not yet asked for the lock when the window ended). SQLite's waiter cannot be seen: it
        polls, and a second is ten of its polls."""
        if tx.session.get_bind().dialect.name != "postgresql":
            time.sleep(1.0)
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not append_lock_waiters(tx.session):
            time.sleep(0.02)

    monkeypatch.setattr(similar_index, "refresh_window", slow)
    worker = threading.Thread(target=lambda: similar.catch_up(wb))
    worker.start()
    try:
        for n in range(notes):
            running.get(timeout=20)  # a window runs: this note waits for its lock
            add_note(wb, 1, f"checked while the index catches up ({n + 1})")
    finally:
        worker.join(60)
    assert seen[: notes + 1] == list(range(notes + 1)), seen


def test_a_catch_up_on_a_database_without_the_tables_indexes_nothing_and_sets_nothing_up(
    tmp_path: Path,
) -> None:
    """A write's first step (seed load, claim add, extract --accept): a database without the
    workbench's tables (another program's SQLite file; a server's empty schema) has no claim
    to index. Was: the catch-up's read transaction refused it as a read ("a read does not set
    a desk up"), and so the write. Now it indexes nothing and sets nothing up, leaving that to
    the write."""
    import sqlite3

    from workbench.services import similar

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t(x)")
    conn.close()
    assert similar.catch_up(Workbench(url=f"sqlite:///{path}", actor="tester")) == 0
    with sqlite3.connect(path) as conn:
        tables = [row[0] for row in conn.execute("select name from sqlite_master")]
    conn.close()
    assert tables == ["t"]


def test_a_catch_up_of_one_window_waits_for_no_other_writer(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pause between two windows of a catch-up gives a waiting writer its turn
    (backend.writer_handover: 0.12 s on SQLite). It was taken after every window, the last
    too, before the read that finds no claim left: a `claim add` after any change to a claim
    on a desk of fewer than CATCH_UP_WINDOW claims slept 0.12 s for a turn no window followed
    (4.3 s of the 9.3 s a 36-claim desk took to build through the services). A window that
    holds fewer claims than it could is the last; the pause stays after each full one."""
    from sqlalchemy import delete

    from workbench.db.models import SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
    from workbench.services import similar, similar_index
    from workbench.services.context import transaction

    load_seed(wb)
    set_status(wb, 1, "in_progress")
    slept: list[float] = []
    monkeypatch.setattr(similar.time, "sleep", slept.append)
    # (PostgreSQL queues its writers and pauses for none: the pause is SQLite's, for both)
    monkeypatch.setattr(similar, "writer_handover", lambda _name: 0.12)
    assert similar.catch_up(wb) == 1
    assert slept == []
    # The whole index again, in windows of 4: a pause after each full window, none after
    # the last one that is not (with a multiple of 4, the read finding no claim is the last).
    with transaction(wb, write=True) as tx:
        claims = similar_index.claim_count(tx)
        for table in (SimilarTerm, SimilarIndexed, SimilarDf, SimilarMeta):
            tx.session.execute(delete(table))
    monkeypatch.setattr(similar, "CATCH_UP_WINDOW", 4)
    assert similar.catch_up(wb) == claims
    assert len(slept) == claims // 4


@pytest.mark.parametrize("claims", [12, 13])
def test_an_index_caught_up_in_bulk_leaves_the_server_statistics_of_its_rows(
    wb: Workbench, monkeypatch: pytest.MonkeyPatch, claims: int
) -> None:
    """pgscale: on PostgreSQL the first `claim similar` on a year desk (or the first after a
    restore) wrote 2.3 million postings into tables the server's statistics described as
    empty or never read (nothing the workbench did told it otherwise, and autovacuum may be
    off or minutes away), so every search read its pool's postings, `claim_id IN (200 ids)`,
    by a sequential scan of all 2.3 million rows: 0.24 s of the server's a search, where the
    primary key's index reads them in 0.015 s once the statistics say what is there. A
    catch-up that indexed a window or more now leaves the server the statistics of the rows
    it wrote. SQLite's planner reads none unless ANALYZE ran once (and would then steer every
    other statement by them): nothing is asked of it."""
    from sqlalchemy import delete, text

    from workbench.db.models import SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
    from workbench.services import similar
    from workbench.services.context import transaction

    # rpgscale: 12 claims end on a full window, then one that finds none; 13 end on a window
    # of one claim, which the catch-up stopped after without telling the server (the year
    # desk's 100,000 claims are 50 full windows, so bench_daily saw only the first case)
    sentences = [f"第{i}号报告说,今年{i}月全市新增岗位{i * 37}个。" for i in range(1, claims + 1)]
    doc = add_document(wb, "".join(sentences).encode()).document.id
    for i, sentence in enumerate(sentences, 1):
        add_claim(
            wb, doc, f"Report {i}: {i * 37} new jobs in month {i}", SpanRequest(quote=sentence)
        )
    with transaction(wb, write=True) as tx:  # as a restore leaves it: no index at all
        for table in (SimilarTerm, SimilarIndexed, SimilarDf, SimilarMeta):
            tx.session.execute(delete(table))
    monkeypatch.setattr(similar, "CATCH_UP_WINDOW", 4)
    monkeypatch.setattr(similar, "writer_handover", lambda _name: 0.0)
    assert similar.catch_up(wb) == claims
    with transaction(wb) as tx:
        conn = tx.session.connection()
        if conn.dialect.name != "postgresql":
            found = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
            )
            assert found.all() == []
            return
        postings = conn.execute(text("SELECT count(*) FROM similar_terms")).scalar_one()
        counted = dict(
            conn.execute(
                text(
                    "SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                    "AND c.relname IN ('similar_terms', 'similar_indexed', 'similar_df')"
                )
            ).all()
        )
        described = conn.execute(
            text(
                "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() "
                "AND tablename = 'similar_terms' AND attname = 'claim_id'"
            )
        ).scalar_one()
    assert postings > claims
    assert counted["similar_terms"] == postings and counted["similar_indexed"] == claims
    assert described == 1


def test_a_catch_up_is_not_refused_for_a_table_the_server_is_vacuuming(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rpgscale: the catch-up's ANALYZE (pgscale) waits for the SHARE UPDATE EXCLUSIVE lock
    of each index table, which a VACUUM or ANALYZE of another session (a maintenance job,
    autovacuum until the server cancels it) or CREATE INDEX holds: the last window then sat
    holding the desk's writer lock for the whole lock wait (30 s), every other writer behind
    it, and was refused "the database stayed locked by another writer", its window undone,
    though only the statistics were kept waiting (found on a desk of 2,101 claims by `claim
    similar` beside a psql session holding that lock on similar_df). Statistics are the
    planner's help, not the search's work: a table locked is left to whoever holds it."""
    from sqlalchemy import delete, func, select, text

    import workbench.db.sqlite as sqlite_backend
    from workbench.db.engine import get_engine
    from workbench.db.models import SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
    from workbench.services import similar
    from workbench.services.context import transaction

    wb = Workbench(url=postgres_url, actor="tester")
    sentences = [f"第{i}号报告说,今年{i}月全市新增岗位{i * 37}个。" for i in range(1, 6)]
    doc = add_document(wb, "".join(sentences).encode()).document.id
    for i, sentence in enumerate(sentences, 1):
        add_claim(wb, doc, f"Report {i}: {i * 37} new jobs", SpanRequest(quote=sentence))
    with transaction(wb, write=True) as tx:
        for table in (SimilarTerm, SimilarIndexed, SimilarDf, SimilarMeta):
            tx.session.execute(delete(table))
    monkeypatch.setattr(similar, "CATCH_UP_WINDOW", 4)
    monkeypatch.setattr(similar, "writer_handover", lambda _name: 0.0)
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 300)  # the wait, shortened
    with get_engine(postgres_url).connect() as vacuuming:
        vacuuming.execute(text("LOCK TABLE similar_df IN SHARE UPDATE EXCLUSIVE MODE"))
        assert similar.catch_up(wb) == 5
        vacuuming.rollback()
    with transaction(wb) as tx:
        indexed = tx.session.execute(select(func.count()).select_from(SimilarIndexed))
        assert indexed.scalar_one() == 5
