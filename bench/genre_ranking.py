"""How well claim discovery ranks the sparse genre: long-form profiles told mostly in scenes.

    python bench/genre_ranking.py                 # the shipped model, every threshold
    python bench/genre_ranking.py --lexical       # + two learnt lexical models, each left out

The issue's goal for the seed article is recall >= 0.95 at precision >= 0.7 at the default
threshold. For each labelled set this prints the shipped model's precision / recall at 0.5 and
the best precision it gives, at any threshold, where recall is at least 0.95: thresholds on a
grid of 0.001 and at every sentence's own score, each a fresh `find_candidates` call (a
clause is offered only when its sentence fell short, so the candidates of one threshold are no
filter of another's). Candidates are counted as `bench/extract_quality.py` counts them.

`--lexical` (needs scikit-learn, a dev dependency) asks whether a richer lexical model would do
better on the genre. Each of the session-67 profiles (NARRATIVE) is left out in turn, and a
logistic regression (C 1, classes balanced, no setting chosen on these figures) is fitted at
sentence level (the label files' items) on the dev articles and the other eight profiles: once
on the features the shipped Chinese model reads (named features, length band, characters and
edge grams, as tools/train_checkworthy.py builds its rows), once with character bigrams and
trigrams added. It prints, for the article left out, the best precision where recall is at
least 0.95 and the average precision (scikit-learn's, tied scores taken together). These are
sentence rankings by a plain fit, not `extract`'s candidates (no debate prior, no calibration,
no clauses): they compare the two feature sets with each other, not with the rows above. The
seed is never read by `--lexical`.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from extract_quality import DEV, NARRATIVE, load  # noqa: E402

from workbench.domain.checkworthy import find_candidates, span_features  # noqa: E402
from workbench.domain.checkworthy_model import CJK_PAIR  # noqa: E402
from workbench.domain.evaluation import evaluate  # noqa: E402

RECALL = 0.95
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def thresholds(names: list[str]) -> None:
    print(f"{'set':<10}{'at 0.5':>16}{'best precision at recall >= 0.95':>36}")
    for name in names:
        text, labels = load(name)
        positives = [lab for lab in labels if lab.checkworthy]
        at_half = evaluate(find_candidates(text, 0.5), positives)
        best: tuple[float, float, float] | None = None
        grid = {t / 1000 for t in range(1, 1000)}
        for t in sorted(grid | {c.score for c in find_candidates(text, 0.0)}):
            q = evaluate(find_candidates(text, t), positives)
            if q.recall >= RECALL and (best is None or q.precision > best[0]):
                best = (q.precision, q.recall, t)
        cell = "never" if best is None else f"{best[0]:.3f} (recall {best[1]:.3f} at {best[2]:.3f})"
        print(f"{name:<10}{f'{at_half.precision:.3f} / {at_half.recall:.3f}':>16}{cell:>36}")


Row = tuple[dict[str, float], dict[str, float], int]


def rows(name: str) -> list[Row]:
    """Each labelled sentence: the shipped features, those with longer character grams, label."""
    text, labels = load(name)
    spans = [(lab.start, lab.end) for lab in labels]
    out = []
    for lab, (fired, band, grams) in zip(labels, span_features(text, spans), strict=True):
        shipped = {f"f:{f}": 1.0 for f in fired}
        if band:
            shipped[f"b:{band}"] = 1.0
        # The trainer's rows: every gram of the shipped kind, no pairs of CJK characters.
        shipped.update((f"c:{g}", 1.0) for g in grams if not CJK_PAIR.fullmatch(g))
        richer = dict(shipped)
        folded = NUMBER.sub("0", text[lab.start : lab.end])
        for n in (2, 3):
            found = {folded[i : i + n] for i in range(len(folded) - n + 1)}
            # A long sentence's grams speak with one voice (as checkworthy_model.ngram_factor does
            # for English words).
            weight = 1.0 / math.sqrt(max(5, len(found)) / 5)
            richer.update((f"g{n}:{g}", weight) for g in found)
        out.append((shipped, richer, int(lab.checkworthy)))
    return out


def best_precision(scores: list[float], truth: list[int]) -> float:
    """The highest precision at any threshold whose recall is at least RECALL."""
    from sklearn.metrics import precision_recall_curve

    precision, recall, _ = precision_recall_curve(truth, scores)
    return float(max(p for p, r in zip(precision, recall, strict=True) if r >= RECALL))


def lexical() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score

    data = {name: rows(name) for name in (*DEV, *NARRATIVE)}
    for variant, title in ((0, "the shipped features"), (1, "+ character bigrams and trigrams")):
        print(f"\n{title}: best precision at recall >= {RECALL} / average precision")
        cells = []
        for held in NARRATIVE:
            train = [r for name, rs in data.items() if name != held for r in rs]
            vec = DictVectorizer()
            model: Any = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
            model.fit(vec.fit_transform([r[variant] for r in train]), [r[2] for r in train])
            test = data[held]
            scores = list(model.decision_function(vec.transform([r[variant] for r in test])))
            truth = [r[2] for r in test]
            cells.append((best_precision(scores, truth), average_precision_score(truth, scores)))
            print(f"  {held:<10}{cells[-1][0]:.3f} / {cells[-1][1]:.3f}", flush=True)
        mean_p = sum(p for p, _ in cells) / len(cells)
        mean_ap = sum(a for _, a in cells) / len(cells)
        print(f"  {'mean':<10}{mean_p:.3f} / {mean_ap:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(NARRATIVE), help="comma-separated label sets")
    parser.add_argument("--lexical", action="store_true", help="also the learnt lexical models")
    args = parser.parse_args()
    thresholds(args.sets.split(","))
    if args.lexical:
        lexical()


if __name__ == "__main__":
    main()
