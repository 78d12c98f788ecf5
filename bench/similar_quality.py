"""How well "checked before?" finds a claim reworded: top-1 accuracy and score gaps.

    python bench/similar_quality.py [--min-score 0.3] [--split dev|test|all] [--show]

Reads tests/data/similar/pairs.yaml (see its header): each pair is an earlier claim `a` and the
same claim reworded `b`. The earlier claims of every pair and the unrelated claims make the
database; each `b` asks for its most similar claims. A query is right at top 1 when its own `a`
ranks first. "gap" is the true match's score minus the best score of any other claim (positive
is good); "others >= min" counts other claims that scored at or above the threshold (the goal is
none). Figures per language and split: `test` pairs were held out while the normaliser and the
default threshold were chosen on `dev`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.defaults import SIMILAR_MIN_SCORE  # noqa: E402
from workbench.domain.similarity import (  # noqa: E402
    claim_terms,
    cosine,
    document_frequencies,
    idf,
    weigh,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=float, default=SIMILAR_MIN_SCORE)
    parser.add_argument("--show", action="store_true", help="print every query's top match")
    args = parser.parse_args()
    data = yaml.safe_load((REPO / "tests/data/similar/pairs.yaml").read_text(encoding="utf-8"))
    pairs = data["pairs"]
    corpus = [(p["id"], p["a"]) for p in pairs] + [
        (f"u{i}", c) for i, c in enumerate(data["unrelated"], start=1)
    ]
    bags = {cid: claim_terms(c["text"], c["quote"]) for cid, c in corpus}
    df = document_frequencies(bags.values())
    n = len(bags)
    idf_of = {t: idf(k, n) for t, k in df.items()}
    vectors = {cid: weigh(bag, idf_of) for cid, bag in bags.items()}

    groups: dict[tuple[str, str], list[tuple[bool, float, float, int]]] = {}
    for p in pairs:
        q = weigh(claim_terms(p["b"]["text"], p["b"]["quote"]), idf_of)
        scores = sorted(((cosine(q, v), cid) for cid, v in vectors.items()), reverse=True)
        true = next(s for s, cid in scores if cid == p["id"])
        other, other_id = next((s, cid) for s, cid in scores if cid != p["id"])
        above = sum(1 for s, cid in scores if cid != p["id"] and s >= args.min_score)
        row = (scores[0][1] == p["id"], true, true - other, above)
        for key in ((p["lang"], p["split"]), ("all", p["split"])):
            groups.setdefault(key, []).append(row)
        if args.show:
            mark = "ok " if row[0] else "MISS"
            print(f"{mark} {p['id']:<5} true {true:.3f} best other {other:.3f} ({other_id})")
    print(f"threshold {args.min_score}")
    header = (
        f"{'set':<7}{'split':<6}{'pairs':>6}{'top-1':>8}{'mean true':>11}{'min true':>10}"
        f"{'mean gap':>10}{'min gap':>9}{'others >= min':>15}"
    )
    print(header)
    print("-" * len(header))
    for (lang, split), rows in sorted(groups.items()):
        k = len(rows)
        print(
            f"{lang:<7}{split:<6}{k:>6}{sum(r[0] for r in rows) / k:>8.0%}"
            f"{sum(r[1] for r in rows) / k:>11.3f}{min(r[1] for r in rows):>10.3f}"
            f"{sum(r[2] for r in rows) / k:>10.3f}{min(r[2] for r in rows):>9.3f}"
            f"{sum(r[3] for r in rows):>15}"
        )


if __name__ == "__main__":
    main()
