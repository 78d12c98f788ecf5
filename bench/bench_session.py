"""One session's new paths, measured against the session's start in the same run.

    python bench/bench_session.py --tree start=/tmp/base --tree end=. --desk year.db \\
        [--repeat 3] [--only startup,list,import,fetch] [--import-dir DIR]

Each `--tree NAME=DIR` is a checkout of the workbench (a `git worktree` of the session's start,
and the tree under test), run as `python -m workbench` with PYTHONPATH=DIR and the pure-Python
modules, so that both read the same desk (no migration may lie between them); --desk is a
SQLite file or a PostgreSQL URL (a schema: ?options=-csearch_path%3DNAME). The trees are
interleaved (start, end, start, end, ...), each figure the run with least CPU of --repeat,
each run a whole process measured as bench/measure.py does (CPU user + sys, its own peak).

- startup: `python -c pass`, `workbench --help`, `claim list --help`, and on the desk `claim
  show 1` and `db status --json`: what every command line pays before its work (the
  one-value-option check of once.py parses the command line a second time);
- list: `claim list --all --limit N --json` of every claim of the desk (render.json_text over
  a large output), beside `sqlite3 -json` of the same rows;
- import (SQLite): bench/bench_import.py's 20,000-row sheet (its --build, kept in
  --import-dir) into a fresh copy of its desk, by each tree and with --dry-run (writes, then
  rolls back) by the last; then the desk a real import made exports its claims (20,000 ids)
  and the same three import that export back onto copies of it;
- fetch: `doc add URL` (and fetch() alone, timed inside its process) of a local page served
  with an exact Content-Length and `Connection: keep-alive`, the server holding the connection
  open after the body (it ignores the request's `Connection: close`), and the same page from a
  server that closes after the body.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Run, best_of, conditions, run  # noqa: E402

PAGE = (
    "<html><head><meta charset='utf-8'><title>就业数据</title></head><body><article>"
    + "<p>部长说二〇二一年失业率上升到百分之七。The minister said unemployment rose to 7%.</p>"
    * 200
    + "</article></body></html>"
).encode()


DRY = "--dry-run"


def tree_env(tree: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(tree),
        "WORKBENCH_PURE_PYTHON": "1",
        "WORKBENCH_USER": "bench",
        "WORKBENCH_MAX_DOCUMENT_MB": "200",
    }


def wb(tree: Path, db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "workbench", "--db", db, *args]


def show(name: str, runs: dict[str, Run]) -> None:
    """One line: each run's CPU, wall and peak, and its CPU and wall as ratios to the first's."""
    first = next(iter(runs.values()))
    cells = [
        f"{label} {r.cpu:.3f} s CPU ({r.cpu / first.cpu:.2f}x), {r.seconds:.3f} s wall "
        f"({r.seconds / first.seconds:.2f}x), {r.peak_mb:.0f} MB"
        for label, r in runs.items()
    ]
    print(f"{name}: " + "; ".join(cells), flush=True)


def interleaved(
    trees: dict[str, Path],
    repeat: int,
    measure: Callable[[str, Path], Run],
    key: Callable[[Run], float] = lambda r: r.cpu,
) -> dict[str, Run]:
    """The least-CPU run of each tree (least `key`), the trees taking turns."""
    runs: dict[str, list[Run]] = {name: [] for name in trees}
    for _ in range(repeat):
        for name, tree in trees.items():
            runs[name].append(measure(name, tree))
    return {name: min(rs, key=key) for name, rs in runs.items()}


def startup(trees: dict[str, Path], db: str, repeat: int) -> None:
    floor = best_of(repeat, lambda: run([sys.executable, "-c", "pass"]))
    print(
        f"python -c pass: {floor.cpu:.3f} s CPU, {floor.seconds:.3f} s wall, {floor.peak_mb:.0f} MB"
    )
    for name, args in (
        ("workbench --help", ["--help"]),
        ("claim list --help", ["claim", "list", "--help"]),
        ("claim show 1", ["claim", "show", "1"]),
        ("db status --json", ["db", "status", "--json"]),
    ):

        def measure(_name: str, tree: Path, args: list[str] = args) -> Run:
            return run(wb(tree, db, *args), tree_env(tree))

        runs = interleaved(trees, repeat, measure)
        show(name, runs)
        print(
            "  ratio to python -c pass: "
            + ", ".join(f"{n} {r.cpu / floor.cpu:.1f}x" for n, r in runs.items())
        )


def listing(trees: dict[str, Path], db: str, repeat: int, out: Path) -> None:
    if db.startswith("postgresql"):
        import psycopg

        with psycopg.connect(db.replace("postgresql+psycopg", "postgresql")) as conn:
            (n,) = conn.execute("SELECT count(*) FROM claims").fetchone()  # type: ignore[misc]
    else:
        with sqlite3.connect(db) as conn:
            (n,) = conn.execute("SELECT count(*) FROM claims").fetchone()
    args = ["claim", "list", "--all", "--limit", str(n), "--json"]
    runs = interleaved(
        trees,
        repeat,
        lambda name, t: run(wb(t, db, *args), tree_env(t), stdout=out / f"list-{name}.json"),
    )
    show(f"claim list --all --limit {n} --json ({n:,} claims)", runs)
    sizes = {name: (out / f"list-{name}.json").stat().st_size for name in trees}
    same = len({(out / f"list-{name}.json").read_bytes() for name in trees}) == 1
    print(f"  output bytes {sizes}, identical: {same}")
    if not db.startswith("postgresql"):
        raw = best_of(
            repeat,
            lambda: run(
                ["sqlite3", "-json", db, "select * from claims order by id"],
                stdout=out / "list-raw.json",
            ),
        )
        print(
            f"  sqlite3 -json: {raw.cpu:.3f} s CPU, {raw.seconds:.3f} s wall, "
            f"{raw.peak_mb:.0f} MB, {raw.out_bytes:,} bytes"
        )


def importing(trees: dict[str, Path], repeat: int, workdir: Path) -> None:
    """bench_import.py's desk and 20,000-row sheet; each import into a fresh copy."""
    workdir.mkdir(parents=True, exist_ok=True)
    base = workdir / "base.db"
    any_tree = next(iter(trees.values()))
    if not (base.exists() and (workdir / "doc-1.csv").exists()):
        cmd = [sys.executable, str(HERE / "bench_import.py"), "--build", str(workdir), str(base)]
        run([*cmd, "--claims", "20000", "--docs", "1"], tree_env(any_tree))
    sheet = workdir / "doc-1.csv"

    def fresh(name: str) -> str:
        target = workdir / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(base, target)
        return str(target)

    def imported(onto: Callable[[str], str], path: Path) -> Callable[[str, Path], Run]:
        def go(name: str, tree: Path) -> Run:
            db = onto(name.replace(" ", "_"))
            args = ["import", "claims", str(path), "--doc", "1", "--json"]
            if name == DRY:
                args.append("--dry-run")
            return run(wb(tree, db, *args), tree_env(tree), stdout=workdir / "out.json")

        return go

    # The real import of each tree, and the dry run of the last (the session's end: the start
    # has no --dry-run), taking turns.
    variants = {**trees, DRY: list(trees.values())[-1]}
    runs = interleaved(variants, repeat, imported(fresh, sheet))
    show("import claims doc-1.csv (20,000 new)", runs)
    # The desk a real import made, its own export, imported back (every row present).
    made = fresh("made")
    run(wb(any_tree, made, "import", "claims", str(sheet), "--doc", "1"), tree_env(any_tree))
    export = workdir / "own.csv"
    run(
        wb(any_tree, made, "export", "claims", "--format", "csv", "-o", str(export), "--force"),
        tree_env(any_tree),
    )

    def copy_made(name: str) -> str:
        target = workdir / f"made-{name}.db"
        shutil.copyfile(made, target)
        return str(target)

    runs = interleaved(variants, repeat, imported(copy_made, export))
    show("import claims own export (20,000 present)", runs)


@contextmanager
def page_server(hold: bool) -> Iterator[str]:
    """A server answering every request with PAGE, its exact Content-Length and `Connection:
    keep-alive`; with `hold`, it keeps the connection open after the body (until the client
    closes), as a keep-alive server that ignores the request's `Connection: close` does."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: %d\r\nConnection: keep-alive\r\n\r\n" % len(PAGE)
    )

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    got = conn.recv(65536)
                    if not got:
                        break
                    request += got
                conn.sendall(head + PAGE)
                if hold:
                    conn.settimeout(5)
                    try:
                        while conn.recv(65536):
                            pass
                    except OSError:
                        pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page"
    finally:
        stop.set()
        thread.join()
        listener.close()


def fetching(trees: dict[str, Path], repeat: int, workdir: Path) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    for hold in (True, False):
        with page_server(hold) as url:

            def add(name: str, tree: Path, url: str = url) -> Run:
                db = workdir / f"fetch-{name}.db"
                db.unlink(missing_ok=True)
                subprocess.run(
                    wb(tree, str(db), "db", "upgrade"),
                    env=tree_env(tree),
                    check=True,
                    capture_output=True,
                )
                return run(wb(tree, str(db), "doc", "add", url), tree_env(tree))

            # What a wait costs shows in wall time alone: the least wall time is kept.
            runs = interleaved(trees, repeat, add, key=lambda r: r.seconds)
            what = "held open (keep-alive)" if hold else "closed after the body"
            show(f"doc add URL, {len(PAGE):,} bytes, connection {what}", runs)
            # The fetch alone, timed inside its process: a busy machine's start-up is not in it.
            alone: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(repeat):
                for name, tree in trees.items():
                    probe = [sys.executable, "-c", _FETCH_ALONE, url]
                    out = subprocess.run(
                        probe, env=tree_env(tree), check=True, capture_output=True, text=True
                    )
                    alone[name].append(float(out.stdout))
            print(
                "  fetch() alone, least wall of the runs: "
                + ", ".join(f"{n} {min(v) * 1000:.0f} ms" for n, v in alone.items()),
                flush=True,
            )


_FETCH_ALONE = """
import sys, time
from workbench.services.fetch import fetch
began = time.perf_counter()
fetch(sys.argv[1], max_bytes=10**7, timeout=10)
print(time.perf_counter() - began)
"""


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--tree", action="append", default=[], help="NAME=DIR, e.g. start=/tmp/b")
    ap.add_argument("--desk", help="a year desk (bench/desk.py): SQLite file or URL")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="startup,list,import,fetch")
    ap.add_argument("--import-dir", type=Path, help="bench_import's desk and sheet (kept)")
    args = ap.parse_args(argv)
    trees = {n: Path(d).resolve() for n, _, d in (t.partition("=") for t in args.tree)}
    only = set(args.only.split(","))
    scratch = Path(tempfile.mkdtemp(prefix="bench-session-"))
    # `python -m` puts the working folder first on the path: out of every tree.
    os.chdir(scratch)
    try:
        if "startup" in only:
            startup(trees, args.desk, args.repeat)
        if "list" in only:
            listing(trees, args.desk, args.repeat, scratch)
        if "import" in only:
            importing(trees, args.repeat, args.import_dir or scratch / "import")
        if "fetch" in only:
            fetching(trees, args.repeat, scratch)
    finally:
        shutil.rmtree(scratch)
    print(f"\n{conditions()}.")


if __name__ == "__main__":
    main()
