"""Peak memory of the audit commands on a desk of a few very long documents.

    python bench/bench_payloads.py [--db PATH_OR_URL] [--docs 5] [--mb 15] [--revisions 1]
                                   [--repeat 1] [--keep]

A document's events carry its whole text (`document.added`, and `document.revised` for each
later text), so a desk of a few 15 MB documents has a handful of 15 MB events among a few small
ones. Whatever reads the trail must hold a few of those at a time, not a batch of them: this
builds such a desk through the CLI (`doc add`, then `doc update` for each further revision),
then runs `audit verify`, `audit replay` and `audit export` each as a whole process and reports
its wall and CPU seconds and its own peak resident memory (bench/measure.py, `wait4`).

--db is a new SQLite file (default: one in a temporary directory) or a PostgreSQL URL whose
database is empty (its schema is created by `workbench db upgrade`); --keep leaves the SQLite
file where it is and reuses it when it exists.
"""

from __future__ import annotations

import random
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from measure import add_repeat, best_of, conditions, desk_parser, workbench  # noqa: E402

# Words of both scripts the desk reads, so the texts are as long in characters as in bytes
# roughly as a real mixed desk's (Chinese is three UTF-8 bytes a character).
WORDS = (
    "the", "valuation", "reached", "billion", "in", "revenue", "grew", "per", "cent", "said",
    "估值", "发布", "模型", "营收", "增长", "数据中心", "排名", "全国", "报道", "同比",
)  # fmt: skip


def text(seed: int, megabytes: float) -> str:
    """About `megabytes` MB (UTF-8) of sentences, different for every seed."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    lines, size = [], 0
    while size < target:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + f" {rng.random()}."
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def build(db: str, docs: int, megabytes: float, revisions: int, folder: Path) -> None:
    if db.startswith("postgres"):
        workbench(db, "db", "upgrade")
    files = []
    for n in range(docs):
        path = folder / f"doc-{n + 1}.txt"
        path.write_text(text(n, megabytes), encoding="utf-8")
        files.append(str(path))
    workbench(db, "doc", "add", *files)
    for revision in range(2, revisions + 2):
        for n in range(docs):
            path = folder / f"doc-{n + 1}-r{revision}.txt"
            path.write_text(text(1000 * revision + n, megabytes), encoding="utf-8")
            workbench(db, "doc", "update", str(n + 1), str(path))
        print(f"built revision {revision}", file=sys.stderr)


COMMANDS = {
    "audit verify": ["audit", "verify"],
    "audit replay": ["audit", "replay"],
    "audit export (jsonl)": ["audit", "export", "-o", "{out}/trail.jsonl", "--force"],
}


def main() -> None:
    ap = desk_parser(__doc__)
    ap.add_argument("--docs", type=int, default=5)
    ap.add_argument("--mb", type=float, default=15.0, help="each text's size in MB (UTF-8)")
    ap.add_argument("--revisions", type=int, default=1, help="later texts of each document")
    add_repeat(ap)
    ap.add_argument("--keep", action="store_true", help="reuse the SQLite file if it exists")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-payloads-") as tmp:
        folder = Path(tmp)
        db = args.db or str(folder / "desk.db")
        server = db.startswith("postgres")
        if server or not (args.keep and Path(db).exists()):
            build(db, args.docs, args.mb, args.revisions, folder)
        print(f"| command ({args.docs} documents of {args.mb:g} MB, {args.revisions} later "
              "texts each) | seconds | CPU s | peak RSS MB |")  # fmt: skip
        print("|---|---:|---:|---:|")
        for name, cmd in COMMANDS.items():
            argv = [a.replace("{out}", tmp) for a in cmd]
            best = best_of(args.repeat, partial(workbench, db, *argv))
            print(f"| `{name}` | {best.seconds:.2f} | {best.cpu:.2f} | {best.peak_mb:.0f} |")
        print(f"\n{conditions()}.")


if __name__ == "__main__":
    main()
