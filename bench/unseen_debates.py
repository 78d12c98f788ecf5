"""Check-worthiness on debates the model never saw: MAP as the CheckThat! 2019 lab computes it.

    python bench/unseen_debates.py DIR

DIR holds debates in the lab's test format, one `.tsv` file a debate, one sentence a row:
line number, speaker, sentence, label (1 = check-worthy), tab-separated, quoted as CSV. The
2019 lab's annotated test debates (seven, `data/test_annotated/` of its task-1 repository)
are the set issue 14 names; they are not in ../shared and are never copied into the project
(nor tuned on: the weights are fitted on the training debates and ClaimBuster only, see
tools/train_checkworthy.py). ../shared/data/checkworthy/README.md asks the developers not to look
for them nor use them (they are the held-out sets the project is measured on independently):
this script is for that measurement, and the project has not run it since session 38.

Each debate is scored three ways, side by side:
- `extract`: the path a user takes. The debate becomes a transcript (`SPEAKER: sentence`, one
  line a row), `find_candidates` reads it with its speakers and each sentence's context
  (`turn_context`) at threshold 0, and a row's score is the highest of the candidates on its
  line (0 for a row with none);
- `alone`: each sentence scored on its own, as prose (`score_text`: no speaker, no neighbours);
- `digit`: the one-line rule "the sentence contains a digit".
Average precision per debate: rows ranked by score (ties in line order), the mean of
precision@k over the ranks k of its check-worthy rows; MAP is the mean over the debates. The
best 2019 submission reached 0.166 on the seven test debates (Atanasova et al. 2019).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.domain.checkworthy import find_candidates, score_text  # noqa: E402
from workbench.domain.transcript import read_transcript  # noqa: E402

BEST_2019 = 0.166
# A row's text is capped: the lab's sentences are short; a longer cell is a broken file.
MAX_CELL = 10_000


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    speaker: str
    text: str
    label: int


def read_debate(path: Path) -> list[Row]:
    """The rows of one debate file, in line order. A malformed row is an error, not a skip:
    a figure over a half-read debate would mislead."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, cells in enumerate(csv.reader(f, delimiter="\t"), start=1):
            if len(cells) != 4 or cells[3] not in ("0", "1") or not cells[0].isdigit():
                raise SystemExit(f"{path}:{n}: expected line, speaker, sentence, label 0/1")
            if len(cells[2]) > MAX_CELL:
                raise SystemExit(f"{path}:{n}: a sentence of over {MAX_CELL} characters")
            rows.append(Row(int(cells[0]), cells[1].strip(), cells[2], int(cells[3])))
    return sorted(rows, key=lambda r: r.line)


def extract_scores(rows: Sequence[Row]) -> list[float]:
    """Each row's score on the path `workbench extract` takes on the debate as a transcript."""
    lines: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for row in rows:
        # One line a row: a sentence's own line breaks would start a line with no speaker.
        text = " ".join(row.text.split())
        prefix = f"{row.speaker or 'UNKNOWN'}: "
        spans.append((at + len(prefix), at + len(prefix) + len(text)))
        lines.append(prefix + text)
        at += len(prefix) + len(text) + 1
    doc = "\n".join(lines)
    transcript = read_transcript(doc, "on")
    best = [0.0] * len(rows)
    starts = [s for s, _ in spans]
    row_of = 0
    for cand in find_candidates(doc, min_score=0.0, transcript=transcript):
        # Candidates come in document order: walk the rows alongside them.
        while row_of + 1 < len(rows) and starts[row_of + 1] <= cand.start:
            row_of += 1
        best[row_of] = max(best[row_of], cand.score)
    return best


def alone_scores(rows: Sequence[Row]) -> list[float]:
    return [score_text(row.text)[0] for row in rows]


def digit_scores(rows: Sequence[Row]) -> list[float]:
    return [float(any(ch.isdigit() for ch in row.text)) for row in rows]


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])  # stable: ties in line order
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, start=1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="a folder of debates in the lab's .tsv format")
    args = parser.parse_args()
    files = sorted(args.dir.glob("*.tsv"))
    if not files:
        parser.error(f"no .tsv file in {args.dir}")
    ways = ("extract", "alone", "digit")
    print(f"{'debate':<30}{'rows':>6}{'pos':>5}" + "".join(f"{w:>9}" for w in ways))
    table: list[list[float]] = []
    for path in files:
        rows = read_debate(path)
        labels = [r.label for r in rows]
        aps = [
            average_precision(scores, labels)
            for scores in (extract_scores(rows), alone_scores(rows), digit_scores(rows))
        ]
        table.append(aps)
        print(
            f"{path.stem:<30}{len(rows):>6}{sum(labels):>5}" + "".join(f"{a:>9.3f}" for a in aps),
            flush=True,
        )
    means = [sum(r[k] for r in table) / len(table) for k in range(len(ways))]
    print(f"{f'MAP (mean of {len(table)} APs)':<41}" + "".join(f"{m:>9.3f}" for m in means))
    print(f"best submission of 2019 on the lab's seven test debates: {BEST_2019:.3f}")


if __name__ == "__main__":
    main()
