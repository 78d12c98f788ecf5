"""The "checked before?" index: each claim's terms in the database, kept in step with claims.

Tokenising every claim for every question would take seconds at 100,000 claims; the index
keeps the terms (`domain.similarity.claim_terms`) of each claim in `similar_terms`, how many
claims hold each term in `similar_df`, which version of each claim was indexed in
`similar_indexed`, and which version of the terms built it in `similar_meta`. Any claim that
is new or changed since (its `version` moved) is re-indexed before a search, whatever route it
came in by (a command, an import, a replay), so the index is never read stale. When
`claim_terms` itself changes (TERMS_VERSION), an index built by the earlier version is dropped
and built again: old and new terms must not be compared. It is derived data: it records
nothing a person did, so it writes no audit event, and emptying its tables loses nothing.

A search reads the postings of the query's rarer terms, keeps the claims that share the most
weight with it, and scores those exactly (`domain.similarity.similarity`): a paraphrase shares
its numbers, names or key words, which are rare, so the true match is always among the pool.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update

from workbench.db.models import Claim, SimilarDf, SimilarIndexed, SimilarMeta, SimilarTerm
from workbench.domain.similarity import claim_terms, explain, idf, similarity, weigh
from workbench.domain.similarity.words import surface_words
from workbench.domain.status import WITHDRAWN_VALUE
from workbench.services.context import Tx

BATCH = 500  # rows per statement (well under every backend's bound-parameter limit)
WINDOW = 5000  # claims looked at per read of the stale ones (at most their texts are held)
POOL = 200  # claims scored exactly per search
# Candidates are picked by the query's rarest terms (at most PICK of them). A term held by more
# claims than COMMON_SHARE of them (and than COMMON_FLOOR) picks none: it still counts in the
# exact score, but reading its postings would cost more than it tells.
PICK = 24
# When more claims than the pool holds tie on every rare term of the query, the LANE claims
# that hold its HOLD rarest terms and as many terms as it, or nearly, join the pool ahead of
# them (`_holding_all`).
LANE = 20
# How many of the query's rarest terms those claims must hold: the postings counted are theirs
# (all of a query's terms would count those of its commonest words, most of the index).
HOLD = 4
COMMON_SHARE = 0.02
COMMON_FLOOR = 1000

# Which version of `domain.similarity.claim_terms` built the index: bump it whenever the terms
# of a text change (a new concept, a number read differently), so that indexes built before
# are rebuilt. Kept in similar_meta's one row (a marker row of similar_df before migration
# 0008). Version 2: issue 14, session 16 (一 as an article, 亿 and 万 together, steel, employ).
# Version 3: session 17 (names as "@" terms, 多/余 in figures, possessives, measure concepts
# such as recall and sale). Version 4: session 17 round 2 (names from quotes too, provinces,
# acts opened/closed, store and dealer measures). Version 5: session 18 (English number words
# are whole words: sixty is not six). Version 6: session 18 round 3 (what a figure counts as
# "^" terms, Chinese text and its Latin names as "%" terms, exports as shipments, pounds and
# euros, provinces not read across 长江西岸). Version 7: session 18 round 4 (more verbs of rise
# and fall, signed and vetoed, imports, deliveries, GDP, wages, fares, doctors, nurses, beds,
# loans and stations as concepts; no character pair for a province straddling two words).
# Version 8: session 19 round 5 (hiring and layoffs, comparatives and more verbs of rise and
# fall, put into service as opened, students, teachers and cargo as measures; labels, periods,
# kinds of body and who did it, in English, as "=" terms). Version 9: review of round 5 (no
# actor read from a text whose opening name is acted on: "was sold to", "became part of", a
# passive with "by" of another shape; "to be bought by" and "got bought by" are passives; H1
# and H2 are halves only after "in", "the"... or next to a year, not hydrogen).
# Version 10: session 19 round 6 (the name a Chinese text opens with and the kind after it as
# "=named:" and "=kind:", owners as "=of:", Chinese places as "=place:", sums of money and
# units' kinds of quantity as "^money" and "^dim:", buying, abroad, debt, income, degrees).
# Version 11: a Chinese label's whole number (12345期 is phase 12345, not 345; 3.5期 no label).
# Version 12: session 20 round 7 (plans and targets as "~plan"; cancelling, ordering and
# resuming as acts "~cancel", "~order", "~resume"; towers, halls, piers, plants and blocks
# as labels, 3号航站楼 too, and no label from a count with a classifier: 3条跑道; a Chinese
# opening name after a date with 起 or 以来; who did it in Chinese: =agent: after 被,
# =actor: for the opening name of a text with no 被; the noun after "of" a unit as what it
# measures: 45 million litres of cider, ^cider).
# Version 13: round 8 (Chinese-digit years 一九五二年; a month's number is its period, not a
# figure; Mar. 2024 and 03/2024; fractions and shares as percentages, ratios as #17:1;
# approximate figures: "≈" for every figure of 10 or more, "#≈" for a hedged one; bounds;
# titles in 《》 as names; ~cumulative, 占总 and "make up" as ~share). Versions 14 to 21:
# session 21 rounds 9 to 11 and session 22 rounds 12 to 14 with their mends, each listed under
# its round in docs/benchmarks.md ("Checked before?"). Version 24: session 24 round 17 (the
# future tense as "=tense:future", and the other readings listed under round 17 there).
# Version 25: put into operation or production (投入运营, 投入生产) is opened, not money put in;
# 停产, 停运 closed; 全国 China's.
# Version 26: no stance from "as opposed to", a verb's "back" (bought back its shares), support
# as a noun (技术支持, 资金支持) or 反对派.
# Version 27: session 25 round 18 (a part or relative of what a claim names as "=part:", and
# the other readings listed under round 18 in docs/benchmarks.md).
# Version 28: offices are no names (Prime Minister, as Finance Minister, the Health Secretary).
# Version 29: round 19b (a bound on the figure stated, not its rounded value: "more than
# 287,000" is =bound:above:287000; the end of a year, half, quarter or month, and before a
# month, as an end, =period:e12; the figures an average is said of, =avg:; the kind of an
# area or body after a name, Province, County, University, Council, as =org:province and no
# name; "nine in ten" as 90%; centimetres and millimetres as lengths; no owner before a month,
# "Rookhaven's wettest October"; 2023-24 as both years and "before 2027" as the end of 2026;
# "used to chair", 原市长 and 前董事长 as ~former; "will close" and "plans to open" as ~close
# and ~open; and the other readings listed under round 19b in docs/benchmarks.md).
# Version 30: round 20 (power by its source, how people travel, heart procedures, deputies of
# a post, and the other readings listed under round 20 in docs/benchmarks.md).
# Version 31: round 21 (a Chinese name's pinyin as "=py:青岚:qinglan"; no name from a reporting
# verb, 据介绍, 表示; 零售 holds no figure 0; and the other readings listed under round 21 in
# docs/benchmarks.md).
# Version 32: round 22 (a relation after the subject's name with "of", "Mottisham Apps, a rival
# of Brackwith Software", and a co-defendant, read as an owner, =of:; a parent left unnamed,
# "X's parent group", 的母公司, as =part:parent; the city that governs a district, 泠州市下辖的
# 汀湾区, as an owner; applications, submitted, lodged, 提交 as ~filed; the month of a Chinese
# day, 11月28日, as =period:m11 as well, as in English; a power station's numbered units,
# Unit 2, 三号机组, as =label:unit:; a person's role in a case before the name, 被告人,
# 同案被告人, 犯罪嫌疑人, read as no name; 拟斥资, 拟投资, 拟建, 拟收购 as ~plan; council tax
# and parking charges, barley, oats, a single ticket and a day ticket, buy-to-let and
# first-time buyers as products).
# Version 33: round 23 (countries as =country:; a Chinese name anywhere before a kind of body,
# 鹊岩天文台, or after a post, 原副市长祁守正; the product of a Chinese name's kind dropped when
# another is named, 鸣泉啤酒's 饮料; "A paid B ... to sign" as =buys:A =sells:B; 超支, over
# budget as ~overrun; 索赔, sued as ~sought; 环比, 比上月, month on month as ~mom; 投资额, 总投资
# as ~cost; marketing as a selling expense; 预算收入 as revenue; 发行量 as a print run, 订户 as
# customers; slowed, eased, below normal as ~down and above normal as ~up; will order as
# ~order; missed as a denial; 主场 and 客场; 南站, 东站 as a station; coal power, floods,
# typhoons, earthquakes, droughts, wildfires, the flood season, grain and school subjects as
# products; and the other readings listed under round 23 in docs/benchmarks.md).
# Version 34: round 25 (the noun a Chinese figure counts, after its classifier or before the
# figure, as =obj:: 6座工厂, 牧场有六座).
# Version 35: a review of rounds 23 and 25 (no country inside another word or a place named
# after one: 中英国际, 印度洋, New Mexico; a sum's decimal point in "paid X £18.5m to sign";
# verbs and words of kind before a body are no name: 送往医院, 现代农业).
# Version 36: round 26 (the noun before a past act between it and a Chinese figure is what the
# figure counts: 平板电脑出货量为4100万台 as =obj:电脑, not 出货; the period a rate is given per
# as =per:, a year, 每月: see `similarity.rates`; what a sum is spent on as =for:, social care,
# 教育: see `similarity.spending`).
# Version 37: a review of round 26 (a verb before "spending" or "costs" is no thing spent on:
# the council increased spending, cut costs; no rate in "a year-earlier level", China Daily,
# 每日经济新闻, 今日均价, 今年均; the noun before a past act past 共, 累计, 已经: 平板电脑累计出货
# as =obj:电脑, not 累计; no thing spent on in 市总支出, 共支出, 人均支出, 政府支出, 前期投入).
# Version 38: no rate in a length of time (took a year, spent a month in, sentenced to a year,
# a year and a half, a year late).
# Version 39: a name opening a claim before "costs" or "spending" is whose it is, not what it is
# spent on (Marrowby street lighting costs: =for:street, =for:light, not =for:marrowby).
# Version 40: "a year on" is a rate when a thing follows it (£5m a year on road repairs: =per:year);
# it dates a figure only before a comma, "from" or nothing (a year on, the plant...).
# Version 41: the span after a launch in either Chinese ordinal (首周 and 第一周, 首月, first year).
# Version 42: 订单 is an order (~order), told from a delivery when a figure is shared.
# Version 43: a court's award names the party paid ("awarded X", "X was awarded", 获赔), 被……判赔
# the party ordered to pay.
# Versions 44 to 51 (round 28, session 35) were reverted after a review: the terms are version
# 43's again, under a new number so that an index built with any of them is rebuilt.
# Version 53: a figure of a year's size written as a count (2,050 people, 2000家) is marked so
# (=count:2050), a year written as one (2021年, "in 2021 the") too (=year:2021): 2,050 people are
# no longer "other years" against 2,049, and 1,998 patients no longer share 1998 with a year.
# Version 54: abbreviated months and weekdays are no names where they read as a date (Jan. 2026,
# 20 Jan), nor abbreviated ranks (Gen. Hosp.); pax are passengers; a high "not seen since" is a
# record, no denial; "ex-" before a post or a person says former (an ex-factory price is a
# factory-gate one, an ex gratia payment compensation); "cleared Tallack of bribery" is an
# acquittal.
# Version 55: a decimal said aloud is one figure ("one point eight six million" is 1.86 million,
# not 1, 8 and 6 million; not after "at one" or "by one"); planned treatment in a claim about
# hospitals or patients is elective care, no plan; an ex-solicitor (an ex-surgeon, an
# ex-journalist...) is a former one; WTGs are turbines, astronomical units a length; a festival
# is one by any of its names (Fest); a yield per mu (亩产, 单产) and "avg" say average.
# Version 56: a scale of a scale said aloud multiplies ("one thousand million" is 10^9, "one
# million million" 10^12; it added), not after "and" ("two million and three million"); "a"
# before a scale is one ("a million people", "half a million": not read before); light years
# and parsecs are lengths (212 light years is 65 parsecs; "light" alone is no length).
# Version 57: "and a half" is a half ("one and a half million" is 1.5 million; it read 1); 光年
# and 秒差距 are lengths (120光年 was a count of something); durations in years and months, race
# distances, heights, speeds and crop yields are restated in one shape each (`quantities`:
# "3y 9m" and 45 months, 200m butterfly, 1米97, 98 mph and 158 km/h, 8.9 t/ha and 3.6 tonnes an
# acre; "a million and a half" too), not the ends of a range (18 to 24 months), an age or the
# land of 5万亩; 时速162公里 is a speed; strokes and jumps are products; solar panels are solar.
# A term not in quarters of a year is in months (6y 4m: 76 months); a limit raised is a rise, no
# money raised; an ex-estate agent is former; 收入囊中 is a win; Jan-26 no name; 淏阳至栌川高速公路
# is also named 淏栌 (and 栌淏); a target in brackets after a figure, (target 78%), is context;
# 2026.1.12 is a date (2026年1月12日); the CPPCC is 政协 by any of its names. Acad. and Constab.
# are the words they shorten; NPP's and Int'l are no names; 原交通局长 is former; 每万人 per head;
# fish and shellfish are products.
# Version 58: a short name in title case after a year is a name, not a unit ("In 2017 Li Qiang
# sold...": Li was left out, as GWh is after 2); characters that show nothing (zero-width
# spaces and joiners) are read as nothing ($5\u200b.2 billion was 5 and 2 billion).
# Version 59: a Chinese name mid-sentence, before what the person did (，甘泊宁拿到……, 以438.6分),
# was a name; version 60 read who did it after 被 as a name too. fresh46, read blind, showed
# 被盗车辆 read as the name 盗车 (60), and a review found 今天, 随后 and 正式 before 宣布 read as
# names (59), halving true matches: version 62 takes both back (the terms are version 58's
# again; an index of 59 to 61 is rebuilt).
# Version 63: a negation denies only what it governs, the words after it in its clause (trial52:
# "She won't tell you that rent has risen", "Not true: rates have gone up" no longer deny the
# rise; "had no choice but to" denies nothing), and a rise or fall it governs is marked
# (=polarity:unchanged) for a figure unchanged; a whole place's average of a rate is marked
# as a benchmark (=bench:national).
# Version 64: a word with capitals inside opens a sentence as a name (OpenAI, MiniMax,
# ByteDance, NASA: "OpenAI was valued..." named no one), and any other capitalised word a
# sentence opens with is kept as a lead (=lead:tencent), a name only against a name of the
# other claim (trial57: OpenAI's valuation against Tencent's scored 0.88).
# Version 65: figures in traditional characters and in capital numerals are read (25億美元,
# 兩萬, 三點五億, 約為, 超過; 壹佰伍拾万: trial58 read 25億 as the bare figure 25, and a Taiwan
# report's claim scored as one giving another figure).
TERMS_VERSION = 65

# The index's tables: derived from the claims, recorded by no event (a bundle restore leaves
# them empty, to be built again here on first use).
INDEX_TABLES = (SimilarTerm, SimilarIndexed, SimilarDf, SimilarMeta)

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _stale(after: int = 0, upto: int | None = None) -> Any:
    """New or changed claims (with an id in (after, upto] when given), by id."""

    def in_window(claim_id: Any) -> list[Any]:
        return [claim_id > after] + ([] if upto is None else [claim_id <= upto])

    return (
        select(Claim.id, Claim.version, Claim.text, Claim.quote)
        # The id bounds are repeated in the join so that a planner that hashes or merges the
        # indexed claims (PostgreSQL does) reads only those of the window.
        .outerjoin(
            SimilarIndexed,
            and_(SimilarIndexed.claim_id == Claim.id, *in_window(SimilarIndexed.claim_id)),
        )
        .where(
            *in_window(Claim.id),
            or_(SimilarIndexed.claim_id.is_(None), SimilarIndexed.version != Claim.version),
        )
        .order_by(Claim.id)
    )


def _built_by(tx: Tx) -> int | None:
    """The TERMS_VERSION the index was built by (None: not built yet, or built before the
    version was recorded)."""
    return tx.session.execute(select(SimilarMeta.terms_version)).scalar_one_or_none()


def _outdated(tx: Tx) -> bool:
    """Must the index be emptied and built again by these terms? When it was built by another
    version of them, or by one nobody recorded: its terms cannot be compared with these."""
    return _built_by(tx) != TERMS_VERSION


def is_stale(tx: Tx) -> bool:
    """Does any claim wait to be (re-)indexed? Two queries at most, no writes."""
    return _outdated(tx) or tx.session.execute(_stale().limit(1)).first() is not None


def refresh(tx: Tx, batch: int = BATCH, window: int = WINDOW) -> int:
    """Index every new or changed claim (in a write transaction), `batch` claims at a time; how
    many were indexed."""
    start_afresh_if_outdated(tx)
    done = 0
    last = 0
    while (step := refresh_window(tx, last, batch, window)) is not None:
        last = step.last
        done += step.indexed
        if not step.full:
            break
    return done


def start_afresh_if_outdated(tx: Tx) -> bool:
    """Empty the index when it was built by other terms than these (`_outdated`), recording
    these as its terms' version; whether it was emptied."""
    if not _outdated(tx):
        return False
    session = tx.session
    for table in INDEX_TABLES:
        session.execute(delete(table))
    # Recorded before the claims are indexed, in the same transaction: the index is these
    # terms' from now on, whether or not there are claims to put in it yet.
    session.execute(insert(SimilarMeta), [{"id": 1, "terms_version": TERMS_VERSION}])
    return True


class Window(NamedTuple):
    """A window of claims gone through: its last claim's id, how many of its claims were
    indexed, and whether it held as many claims as a window can (if not, it was the last)."""

    last: int
    indexed: int
    full: bool


def refresh_window(tx: Tx, last: int, batch: int = BATCH, window: int = WINDOW) -> Window | None:
    """Index the new or changed claims of the next `window` claims by id after `last`, `batch`
    at a time (None: no claim after `last`).

    A window of claims (by id) at a time, and of those the stale ones: only one window's texts
    are ever held, not every claim's. The window is fixed by the claims' ids, not by "the next
    N stale claims", because PostgreSQL cannot tell how many claims are stale and would then
    read every claim above the last one for each batch; a window's bounds keep each read to
    its own claims on both backends."""
    session = tx.session
    ids = select(Claim.id).where(Claim.id > last).order_by(Claim.id).limit(window).subquery()
    top, count = session.execute(select(func.max(ids.c.id), func.count())).one()
    if top is None:
        return None
    rows = session.execute(_stale(last, top)).all()
    for chunk in _chunks(rows, batch):
        _reindex(
            tx,
            [(cid, version, claim_terms(text, quote)) for cid, version, text, quote in chunk],
        )
    return Window(top, len(rows), count == window)


def claim_count(tx: Tx) -> int:
    """How many claims there are: what a catch-up of the whole index goes through."""
    return int(tx.session.execute(select(func.count()).select_from(Claim)).scalar_one())


def _reindex(tx: Tx, rows: list[tuple[int, int, Counter[str]]]) -> None:
    session = tx.session
    ids = [cid for cid, _, _ in rows]
    delta: Counter[str] = Counter()
    for (term,) in session.execute(select(SimilarTerm.term).where(SimilarTerm.claim_id.in_(ids))):
        delta[term] -= 1
    session.execute(delete(SimilarTerm).where(SimilarTerm.claim_id.in_(ids)))
    session.execute(delete(SimilarIndexed).where(SimilarIndexed.claim_id.in_(ids)))
    postings = [
        {"claim_id": cid, "term": term, "count": count}
        for cid, _, bag in rows
        for term, count in sorted(bag.items())
    ]
    for _, _, bag in rows:
        delta.update(dict.fromkeys(bag, 1))
    for chunk in _chunks(postings):
        session.execute(insert(SimilarTerm), list(chunk))
    session.execute(
        insert(SimilarIndexed), [{"claim_id": cid, "version": version} for cid, version, _ in rows]
    )
    _apply_df(tx, {t: d for t, d in delta.items() if d})


def _apply_df(tx: Tx, delta: dict[str, int]) -> None:
    session = tx.session
    known = _df(tx, delta)
    changed = {t: known[t] + d for t, d in delta.items() if t in known}
    fresh = [{"term": t, "df": d} for t, d in delta.items() if t not in known and d > 0]
    keep = [{"t": t, "df": df} for t, df in changed.items() if df > 0]
    gone = [t for t, df in changed.items() if df <= 0]
    if keep:
        stmt = update(SimilarDf).where(SimilarDf.term == bindparam("t")).values(df=bindparam("df"))
        session.connection().execute(stmt, keep)
    for terms in _chunks(gone):
        session.execute(delete(SimilarDf).where(SimilarDf.term.in_(terms)))
    for rows in _chunks(fresh):
        session.execute(insert(SimilarDf), list(rows))


def _df(tx: Tx, terms: Iterable[str], known: dict[str, int] | None = None) -> dict[str, int]:
    """How many claims hold each of `terms` (those held by none left out). `known`: the counts
    read by earlier searches of the same operation (0 for a term held by none), read from and
    added to."""
    wanted = set(terms)
    found: dict[str, int] = {}
    if known is not None:
        found = {t: known[t] for t in wanted & known.keys() if known[t]}
        wanted -= known.keys()
    for chunk in _chunks(sorted(wanted)):
        rows = tx.session.execute(
            select(SimilarDf.term, SimilarDf.df).where(SimilarDf.term.in_(chunk))
        )
        found.update((term, df) for term, df in rows)
    if known is not None:
        known.update((t, found.get(t, 0)) for t in wanted)
    return found


@dataclass
class Memo:
    """What the searches of one operation share, with nothing indexed between them (a seed file
    or an accepted extraction comparing each of its claims): how many claims the index holds,
    and the counts of terms read so far (the same words recur in claim after claim)."""

    n: int
    df: dict[str, int] = field(default_factory=dict)
    withdrawn: frozenset[int] = frozenset()


def memo(tx: Tx) -> Memo:
    return Memo(indexed_count(tx), withdrawn=withdrawn_ids(tx))


def withdrawn_ids(tx: Tx) -> frozenset[int]:
    """The withdrawn claims (by the status index; few: each was picked out by mistake). They
    stay indexed, as every claim is, but are never found: taken back, a claim answers no
    "checked before?" (it has no verdict, and a duplicate would list its original twice)."""
    rows = tx.session.scalars(select(Claim.id).where(Claim.status == WITHDRAWN_VALUE))
    return frozenset(rows)


def indexed_count(tx: Tx) -> int:
    """How many claims the index holds."""
    count: int = tx.session.execute(select(func.count()).select_from(SimilarIndexed)).scalar_one()
    return count


# Claims to leave out of a search are left out in SQL, as ranges of consecutive ids, when there
# are at least FEW of them in at most MAX_RUNS runs; else as the rows come (cheaper for a few).
FEW = 64
MAX_RUNS = 16


def outside(ids: Collection[int]) -> list[Any]:
    """Conditions leaving `ids` out of a read of postings (`search`'s `leave_out`), as ranges
    of consecutive ids: the claims of one operation (an accepted extraction's thousands) are
    numbered in a run and share its words, so reading their postings only to drop them cost
    most of each search. Built once for all of an operation's searches."""
    runs: list[list[int]] = []
    for cid in sorted(ids):
        if runs and cid == runs[-1][1] + 1:
            runs[-1][1] = cid
        else:
            runs.append([cid, cid])
    if not runs or len(runs) > MAX_RUNS or len(ids) < FEW:
        return []
    return [~SimilarTerm.claim_id.between(a, b) for a, b in runs]


def _holding_all(
    tx: Tx,
    terms: Sequence[str],
    size: int,
    skip: Collection[int],
    leave_out: Sequence[Any],
    most: int,
) -> list[int]:
    """The claims (at most `most`, none of `skip`) that hold every one of `terms` (the query's
    rarest, at most HOLD of them), those whose number of terms is nearest `size` (the query's)
    first, then the newest: the head of the pool when the rare terms cannot settle it. An
    exact duplicate holds them all and as many terms as the query, so it comes first however
    many claims say more or less or share the rare terms. The counting is the database's (no
    posting list is read into memory), over the postings of HOLD terms at the most."""
    if not terms:
        return []
    holding = (
        select(SimilarTerm.claim_id)
        .where(SimilarTerm.term.in_(terms), *leave_out)
        .group_by(SimilarTerm.claim_id)
        .having(func.count() == len(terms))
    )
    nearest = (
        select(SimilarTerm.claim_id)
        .where(SimilarTerm.claim_id.in_(holding))
        .group_by(SimilarTerm.claim_id)
        .order_by(func.abs(func.count() - size), SimilarTerm.claim_id.desc())
        .limit(most + len(skip))
    )
    return [cid for cid in tx.session.scalars(nearest) if cid not in skip][:most]


class Found(NamedTuple):
    claim_id: int
    score: float  # 0..1, rounded to 3 places
    why: tuple[str, ...]  # the reasons of the score (`domain.similarity.Explained.reasons`)


def search(
    tx: Tx,
    text: str,
    quote: str,
    exclude: Collection[int],
    min_score: float,
    leave_out: Sequence[Any] = (),
    shared: Memo | None = None,
) -> list[Found]:
    """Indexed claims (not in `exclude`, nor withdrawn) that score at least `min_score` against
    a claim with this text and quote, best first. `leave_out`: `outside(exclude)`, and
    `shared`: `memo(tx)`, for many searches of one operation that exclude the same many
    claims."""
    session = tx.session
    n = shared.n if shared is not None else indexed_count(tx)
    if not n:
        return []
    known = shared.df if shared is not None else None
    bag = claim_terms(text, quote)
    df = _df(tx, bag, known)
    idf_of = {t: idf(df.get(t, 0), n) for t in bag}
    query = weigh(bag, idf_of)
    common = max(COMMON_FLOOR, int(COMMON_SHARE * n))
    # A name's "@" term weighs nothing (its word is weighed as a word): it picks no claims.
    rare = sorted((df[t], t) for t, w in query.items() if w and 0 < df.get(t, 0) <= common)
    picking = [t for _, t in rare[:PICK]]
    partial: dict[int, float] = {}
    for chunk in _chunks(picking):
        for cid, term in session.execute(
            select(SimilarTerm.claim_id, SimilarTerm.term).where(
                SimilarTerm.term.in_(chunk), *leave_out
            )
        ):
            partial[cid] = partial.get(cid, 0.0) + query[term] * idf_of[term]
    withdrawn = shared.withdrawn if shared is not None else withdrawn_ids(tx)
    skip = withdrawn.union(exclude)
    ranked = sorted(partial.items(), key=lambda item: (-item[1], item[0]))
    pool = [cid for cid, _ in ranked if cid not in skip]
    # An exact duplicate holds every picked term, so it is among the claims with the highest
    # partial weight there can be; only when more of those than the pool holds tie there
    # (the oldest would be kept), or when no term was rare enough to pick by, is it looked
    # for among the claims holding every term of the query, the fewest others first.
    most = sum(query[t] * idf_of[t] for t in picking)
    tied = sum(1 for cid in pool[: POOL + 1] if partial[cid] >= most * (1 - 1e-9))
    if tied > POOL or not picking:
        held = sorted((df[t], t) for t, w in query.items() if w and df.get(t, 0))
        whole = _holding_all(
            tx,
            [t for _, t in held[:HOLD]],
            len(bag),
            skip,
            leave_out,
            POOL if not picking else LANE,
        )
        pool = list(dict.fromkeys(whole + pool))
    pool = pool[:POOL]
    if not pool:
        return []
    bags: dict[int, Counter[str]] = {cid: Counter() for cid in pool}
    for ids in _chunks(pool):
        for cid, term, count in session.execute(
            select(SimilarTerm.claim_id, SimilarTerm.term, SimilarTerm.count).where(
                SimilarTerm.claim_id.in_(ids)
            )
        ):
            bags[cid][term] = count
    every = {t for b in bags.values() for t in b}
    df.update(_df(tx, every - df.keys(), known))
    idf_of.update({t: idf(df.get(t, 0), n) for t in every})
    vectors = {cid: weigh(b, idf_of) for cid, b in bags.items()}
    scored = [(cid, round(similarity(query, v), 3)) for cid, v in vectors.items()]
    ranked = sorted(
        ((cid, s) for cid, s in scored if s >= min_score), key=lambda item: (-item[1], item[0])
    )
    # Only the claims kept are explained: the reasons cost more than the score. Their terms
    # are shown as the words of the claim asked about ("vehicles", not the stem "vehicl").
    words = surface_words(text, quote)
    return [
        Found(cid, s, tuple(explain(query, vectors[cid], words=words).reasons()))
        for cid, s in ranked
    ]
