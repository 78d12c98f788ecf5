"""`export claimreview` over a desk of a few hundred documents: seconds, peak memory, statements.

    python bench/bench_claimreview.py [--db PATH_OR_URL] [--documents 208] [--claims 20]
                                      [--repeat 1] [--built]

Builds a desk with bench/desk.py (--documents documents of --claims claims each, ten events a
claim: owners, tags, evidence, notes, verdicts) at --db (a new SQLite file, default one in a
temporary directory, or an empty PostgreSQL database's URL), unless --built says an earlier run
built it there. Then runs `workbench export claimreview -o FILE` as a whole process (wall and
CPU seconds, its own peak RSS: bench/measure.py) and, in a process of its own, counts the SQL
statements the export sends.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from measure import Run, add_repeat, best_of, conditions, desk_parser, workbench  # noqa: E402

ORG = ["--org", "Desk", "--org-url", "https://desk.example"]
EVENTS_PER_CLAIM = 10

COUNT_STATEMENTS = """
import sys
from sqlalchemy import event
from workbench.db.engine import get_engine
from workbench.services.context import Workbench
from workbench.services.exports import export_claimreview
from workbench.services.review_selection import ReviewSelection

url = sys.argv[1]
seen = []
event.listen(get_engine(url), "before_cursor_execute", lambda *a: seen.append(1))
result = export_claimreview(Workbench(url=url, actor="bench"),
                            ReviewSelection(org="Desk", org_url="https://desk.example"))
print(len(seen), len(result.reviews))
"""


def build(db: str, documents: int, claims: int) -> None:
    import desk  # bench/desk.py: the one generator

    desk.CLAIMS_PER_DOCUMENT = claims
    total = documents * claims
    built = desk.generate(db, claims=total, events=total * EVENTS_PER_CLAIM)
    print(f"built {built['documents']} documents, {built['claims']:,} claims, "
          f"{built['events']:,} events in {built['seconds']:.0f} s", file=sys.stderr)  # fmt: skip


def main() -> None:
    ap = desk_parser(__doc__)
    ap.add_argument("--documents", type=int, default=208)
    ap.add_argument("--claims", type=int, default=20, help="claims per document")
    add_repeat(ap)
    ap.add_argument("--built", action="store_true", help="the desk at --db is built already")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-claimreview-") as tmp:
        db = args.db or str(Path(tmp) / "desk.db")
        if not args.built:
            build(db, args.documents, args.claims)
        out = Path(tmp) / "reviews.json"

        def export() -> Run:
            out.unlink(missing_ok=True)
            return workbench(db, "export", "claimreview", *ORG, "-o", str(out))

        best = best_of(args.repeat, export)
        reviews = len(json.loads(out.read_text(encoding="utf-8")))
        counted = subprocess.run(
            [sys.executable, "-c", COUNT_STATEMENTS, db if "://" in db else f"sqlite:///{db}"],
            capture_output=True,
            text=True,
            check=True,
        )
        statements = int(counted.stdout.split()[0])
        print("| desk | seconds | CPU s | peak RSS MB | statements | reviews |")
        print("|---|---:|---:|---:|---:|---:|")
        print(
            f"| {args.documents} documents x {args.claims} claims | {best.seconds:.2f} | "
            f"{best.cpu:.2f} | {best.peak_mb:.0f} | {statements:,} | {reviews:,} |"
        )
        print(f"\n{conditions()}.")


if __name__ == "__main__":
    main()
