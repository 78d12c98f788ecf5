"""Speed of "checked before?" (`claim similar`) at 100,000 claims, next to a plain scan.

    python bench/bench_similar.py [--claims 100000] [--scan-queries 1] [--db postgresql://...]

Builds a SQLite database (Alembic schema) in a temporary directory, or with `--db` in an empty
PostgreSQL database of your own (its claims are written by COPY), with `--claims` generated
claims in English and Chinese (company names, figures, years, common news verbs, drawn with a
fixed seed), plus the labelled pairs of tests/data/similar/pairs.yaml: their earlier claims hide
among the generated ones, and each reworded claim is a query. It reports:

- the one-off cost of indexing every claim (the first search after claims arrive pays it;
  later searches index only new or changed claims);
- `similar_claims` per query through the service (its transactions included), median and worst;
- a plain scan of the same question in the same run: read every claim, compute its terms and
  score it (what a search would cost without the index);
- top-1 accuracy of the pairs among the generated claims, and peak memory;
- a claim whose every term is held by thousands of others (COMMON_ONLY), asked once: is its
  exact duplicate, planted early, found, and how long does that take.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.defaults import SIMILAR_MIN_SCORE  # noqa: E402
from workbench.domain.similarity import (  # noqa: E402
    claim_terms,
    document_frequencies,
    idf,
    similarity,
    weigh,
)
from workbench.services.context import Workbench, transaction  # noqa: E402
from workbench.services.similar import similar_claims  # noqa: E402
from workbench.services.similar_index import refresh  # noqa: E402

SEED = 14
SYLLABLES = "al ber cor dan el fin gor hal in jor kel lum mar nor or pel quin ros sal tor ul ven"
ZH_CHARS = "星衡储能云帆智算海川蓝图天启光年远航金石长风明德正和新元恒信瑞丰华锦安泰博远"
EN_TEMPLATES = (
    "{co} raised US${n} million in {y}.",
    "{co} was founded in {y} in {city}.",
    "{co}'s revenue grew {p}% in {y}.",
    "{co} employs {n} people.",
    "{co} cut {n} jobs in {y}.",
    "Unemployment in {city} fell to {p} percent in {y}.",
    "{co} was the first company in {city} to list its shares.",
    "{co} ranks {r} in the world for shipments.",
)
ZH_TEMPLATES = (
    "{co}在{y}年完成了{n}亿元融资。",
    "{co}于{y}年在{city}成立。",
    "{co}{y}年营收同比增长{p}%。",
    "{co}员工总数超过{n}人。",
    "{co}是{city}首家上市的储能公司。",
    "{co}的出货量位列全球第{r}。",
    "{city}的失业率在{y}年降到{p}%。",
)
COMMON_ONLY = "Unemployment in Oslo fell."
CITIES_EN = [
    "Oslo",
    "Austin",
    "Denver",
    "Lyon",
    "Porto",
    "Kyoto",
    "Leeds",
    "Perth",
    "Quito",
    "Riga",
]
CITIES_ZH = ["合肥", "深圳", "杭州", "成都", "武汉", "西安", "苏州", "南京", "长沙", "厦门"]


def generated(count: int, rng: random.Random) -> list[tuple[str, str]]:
    syl = SYLLABLES.split(" ")
    en_names = [
        "".join(rng.choice(syl) for _ in range(2)).capitalize() + rng.choice(["", " Labs", " Inc"])
        for _ in range(3000)
    ]
    zh_names = [
        "".join(rng.sample(ZH_CHARS, 2)) + rng.choice(["科技", "储能", "集团"]) for _ in range(3000)
    ]
    out = []
    for i in range(count):
        zh = i % 2 == 1
        template = rng.choice(ZH_TEMPLATES if zh else EN_TEMPLATES)
        text = template.format(
            co=rng.choice(zh_names if zh else en_names),
            n=rng.randint(2, 9000),
            y=rng.randint(1995, 2025),
            p=rng.randint(1, 90),
            r=rng.randint(1, 10),
            city=rng.choice(CITIES_ZH if zh else CITIES_EN),
        )
        out.append((text, text))
    return out


def build(path: Path | str, claims: list[tuple[str, str]]) -> None:
    from workbench.db.revision import ensure_current
    from workbench.services.context import Workbench

    ensure_current(Workbench.open(db=str(path)).engine(write=True))
    if str(path).startswith("postgresql"):
        build_postgresql(str(path), claims)
        return
    conn = sqlite3.connect(path)
    at = "2026-01-01 00:00:00.000000"
    conn.execute(
        "INSERT INTO documents (id, title, text, sha256, length, added_by, created_at) "
        "VALUES (1, 'bench', 'x', 'bench', 1, 'bench', ?)",
        (at,),
    )
    conn.executemany(
        "INSERT INTO claims (id, document_id, span_start, span_end, quote, prefix, suffix, text, "
        "type, status, created_by, created_at, updated_at, version, priority) "
        "VALUES (?, 1, 0, 1, ?, '', '', ?, 'fact', 'unverified', 'bench', ?, ?, 1, 'normal')",
        [(i, quote, text, at, at) for i, (text, quote) in enumerate(claims, start=1)],
    )
    conn.commit()
    conn.close()


def build_postgresql(url: str, claims: list[tuple[str, str]]) -> None:
    """The same rows as `build` writes to SQLite, by COPY (executemany would take minutes)."""
    import psycopg

    at = "2026-01-01 00:00:00.000000+00"
    columns = (
        "id, document_id, span_start, span_end, quote, prefix, suffix, text, type, status, "
        "created_by, created_at, updated_at, version, priority"
    )
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256, length, added_by, created_at) "
            "VALUES (1, 'bench', 'x', 'bench', 1, 'bench', %s)",
            (at,),
        )
        with conn.cursor() as cur, cur.copy(f"COPY claims ({columns}) FROM STDIN") as copy:
            for i, (text, quote) in enumerate(claims, start=1):
                row = (i, 1, 0, 1, quote, "", "", text, "fact", "unverified", "bench", at, at)
                copy.write_row((*row, 1, "normal"))
        conn.execute("ANALYZE")


def plain_scan(wb: Workbench, text: str, quote: str, exclude: int) -> list[tuple[float, int]]:
    """Score every claim without the index: read all, compute all terms, rank."""
    from sqlalchemy import select

    from workbench.db.models import Claim

    with transaction(wb) as tx:
        rows = tx.session.execute(select(Claim.id, Claim.text, Claim.quote)).all()
    bags = {cid: claim_terms(t, q) for cid, t, q in rows}
    df = document_frequencies(bags.values())
    idf_of = {t: idf(k, len(bags)) for t, k in df.items()}
    query = weigh(claim_terms(text, quote), idf_of)
    scores = [
        (similarity(query, weigh(b, idf_of)), cid) for cid, b in bags.items() if cid != exclude
    ]
    return sorted(scores, reverse=True)[:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--scan-queries", type=int, default=1)
    parser.add_argument(
        "--db", help="an empty PostgreSQL database of your own (default: SQLite in a temp folder)"
    )
    args = parser.parse_args()
    data = yaml.safe_load((REPO / "tests/data/similar/pairs.yaml").read_text(encoding="utf-8"))
    pairs = data["pairs"]
    rng = random.Random(SEED)
    claims = generated(args.claims, rng)
    # The earlier claim of each pair hides at a random place; the reworded ones come last.
    slots = sorted(rng.sample(range(len(claims)), len(pairs)))
    for slot, p in zip(slots, pairs, strict=True):
        claims[slot] = (p["a"]["text"], p["a"]["quote"])
    # A claim whose every term is common (held by thousands of the generated claims): its
    # exact duplicate, planted early among them, must still be found.
    common_slot = next(i for i in range(len(claims) // 10, len(claims)) if i not in slots)
    claims[common_slot] = (COMMON_ONLY, COMMON_ONLY)
    first_query = len(claims) + 1
    claims += [(p["b"]["text"], p["b"]["quote"]) for p in pairs]
    expected = {first_query + k: slot + 1 for k, slot in enumerate(slots)}
    claims.append((COMMON_ONLY, COMMON_ONLY))
    common_query = len(claims)

    with tempfile.TemporaryDirectory() as tmp:
        path: Path | str = args.db or Path(tmp) / "similar.db"
        started = time.perf_counter()
        build(path, claims)
        print(f"{len(claims):,} claims written in {time.perf_counter() - started:.1f} s")
        wb = Workbench.open(db=str(path))
        started = time.perf_counter()
        with transaction(wb, write=True) as tx:
            indexed = refresh(tx)
        build_s = time.perf_counter() - started
        print(f"index built: {indexed:,} claims in {build_s:.1f} s ({indexed / build_s:,.0f}/s)")

        timings = []
        right = 0
        for qid, want in expected.items():
            started = time.perf_counter()
            found = similar_claims(wb, qid, min_score=SIMILAR_MIN_SCORE)
            timings.append(time.perf_counter() - started)
            right += bool(found) and found[0].claim.id == want
        scan = []
        scan_right = 0
        for qid, want in list(expected.items())[: args.scan_queries]:
            k = qid - first_query
            started = time.perf_counter()
            top = plain_scan(wb, pairs[k]["b"]["text"], pairs[k]["b"]["quote"], qid)
            scan.append(time.perf_counter() - started)
            scan_right += top[0][1] == want
        started = time.perf_counter()
        found = similar_claims(wb, common_query, min_score=SIMILAR_MIN_SCORE)
        common_s = time.perf_counter() - started
        common_right = bool(found) and found[0].claim.id == common_slot + 1
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{'what':<34}{'queries':>8}{'median s':>10}{'worst s':>9}{'top-1':>8}")
        print(
            f"{'similar_claims (indexed)':<34}{len(timings):>8}{statistics.median(timings):>10.3f}"
            f"{max(timings):>9.3f}{right / len(timings):>8.0%}"
        )
        print(
            f"{'plain scan (every claim)':<34}{len(scan):>8}{statistics.median(scan):>10.3f}"
            f"{max(scan):>9.3f}{scan_right / len(scan):>8.0%}"
        )
        print(
            f"{'only common terms (duplicate)':<34}{1:>8}{common_s:>10.3f}{common_s:>9.3f}"
            f"{common_right:>8.0%}"
        )
        ratio = statistics.median(scan) / statistics.median(timings)
        print(f"\nscan / indexed (median): {ratio:.0f}x")
        print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
