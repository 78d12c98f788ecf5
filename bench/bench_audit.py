"""Benchmark the audit trail: export, verify and replay against raw baselines.

    python bench/bench_audit.py [--events N] [--keep DIR]

Builds a SQLite database of N events (default 1,000,000) that the workbench itself would
accept: documents, claims, status changes with their notes, notes, all hash-chained and with
table rows matching the events (the replay measurement checks that). Each measurement then
runs in a fresh subprocess, so its peak RSS is its own:

- baseline read: the raw sqlite3 module reading the events the export reads;
- export: `workbench.services.audit.export_jsonl` into a file;
- baseline hash: the raw sqlite3 read plus hashlib SHA-256 of each event's canonical text,
  built with the cheapest correct Python (checked against the stored hashes);
- verify: `workbench.services.verify.verify_database`;
- replay: `workbench.services.replay.replay`.

Goals: export and verify within 3x of their baselines, peak RSS under 150 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

EVENTS_COLUMNS = (
    "seq, at, actor, action, entity_type, entity_id, claim_id, payload, prev_hash, hash"
)
INSERT_EVENT = f"INSERT INTO events ({EVENTS_COLUMNS}) VALUES ({'?,' * 9}?)"  # noqa: S608
ACTORS = ("alice", "bob", "chen.wei", "dana", "李明")
STATUS_CYCLE = {
    "unverified": "in_progress",
    "in_progress": "false",
    "false": "in_progress",
}
FINAL = {"false"}
EVENTS_PER_DOCUMENT = 2000
CLAIMS_PER_DOCUMENT = 20
BATCH = 10_000


def _progress(text: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{text}", end="", file=sys.stderr, flush=True)


# --- building the database -----------------------------------------------------------------


def _table_time(moment: dt.datetime) -> str:
    """How SQLAlchemy stores a UTC datetime in SQLite (naive text)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


class Builder:
    """Writes events and rows as the services would, with raw sqlite3 for speed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        from workbench.domain.chain import GENESIS

        self.conn = conn
        self.seq = 0
        self.prev = GENESIS
        self.events: list[tuple[Any, ...]] = []
        self.notes: list[tuple[Any, ...]] = []
        self.claims: dict[int, dict[str, Any]] = {}
        self.note_id = 0
        self.rng = random.Random(20261129)
        self.start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def moment(self) -> dt.datetime:
        return self.start + dt.timedelta(milliseconds=50 * self.seq)

    def record(
        self,
        actor: str,
        action: str,
        etype: str,
        eid: int,
        claim_id: int | None,
        payload: dict[str, Any],
        at: str,
    ) -> None:
        from workbench.domain.chain import canonical_json, event_hash

        self.seq += 1
        text = canonical_json(payload)
        digest = event_hash(
            seq=self.seq,
            at=at,
            actor=actor,
            action=action,
            entity_type=etype,
            entity_id=str(eid),
            claim_id=claim_id,
            payload_json=text,
            prev_hash=self.prev,
        )
        self.events.append(
            (self.seq, at, actor, action, etype, str(eid), claim_id, text, self.prev, digest)
        )
        self.prev = digest
        if len(self.events) >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.conn.executemany(INSERT_EVENT, self.events)
        self.conn.executemany(
            "INSERT INTO notes (id, claim_id, author, body, created_at) VALUES (?,?,?,?,?)",
            self.notes,
        )
        self.events.clear()
        self.notes.clear()

    def document(self, doc_id: int) -> str:
        from workbench.domain.clock import format_at
        from workbench.domain.text import sha256_text

        rng = self.rng
        sentences = [
            f"第{i}段:MiniMax在{rng.randint(2015, 2025)}年发布了{rng.randint(1, 99)}个模型,"
            f"估值约{rng.randint(1, 500)}亿美元。Source {rng.random():.6f} says so."
            for i in range(40)
        ]
        text = "\n".join(sentences)
        moment = self.moment()
        actor = rng.choice(ACTORS)
        view = {
            "id": doc_id,
            "title": f"Article {doc_id}",
            "url": f"https://example.org/{doc_id}",
            "author": "Reporter",
            "published": "2025-12-31",
            "language": "zh",
            "sha256": sha256_text(text),
            "length": len(text),
            "added_by": actor,
            "created_at": format_at(moment),
        }
        self.conn.execute(
            "INSERT INTO documents (id, title, url, author, published, language, text, sha256, "
            "length, added_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc_id,
                view["title"],
                view["url"],
                view["author"],
                view["published"],
                view["language"],
                text,
                view["sha256"],
                view["length"],
                actor,
                _table_time(moment),
            ),
        )
        self.record(
            actor,
            "document.added",
            "document",
            doc_id,
            None,
            {"after": {**view, "text": text}},
            view["created_at"],
        )
        return text

    def claim(self, claim_id: int, doc_id: int, text: str, index: int) -> None:
        from workbench.domain.clock import format_at

        sentence = text.split("\n")[index]
        start = text.index(sentence)
        end = start + len(sentence)
        moment = self.moment()
        actor = self.rng.choice(ACTORS)
        at = format_at(moment)
        view = {
            "id": claim_id,
            "document_id": doc_id,
            "text": f"Claim {claim_id} about the article",
            "quote": sentence,
            "start": start,
            "end": end,
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "speaker": None,
            "type": "quantity",
            "status": "unverified",
            "created_by": actor,
            "created_at": at,
            "updated_at": at,
            "version": 1,
        }
        self.claims[claim_id] = {**view, "_created": moment, "_updated": moment}
        self.record(actor, "claim.added", "claim", claim_id, claim_id, {"after": view}, at)

    def _note(self, claim_id: int, actor: str, body: str, moment: dt.datetime) -> dict[str, Any]:
        from workbench.domain.clock import format_at

        self.note_id += 1
        self.notes.append((self.note_id, claim_id, actor, body, _table_time(moment)))
        return {
            "id": self.note_id,
            "claim_id": claim_id,
            "author": actor,
            "body": body,
            "created_at": format_at(moment),
        }

    def status_change(self, claim_id: int) -> None:
        from workbench.domain.clock import format_at

        claim = self.claims[claim_id]
        current = claim["status"]
        target = STATUS_CYCLE[current]
        actor = self.rng.choice(ACTORS)
        moment = self.moment()
        needs_reason = target in FINAL or current in FINAL
        note = (
            self._note(
                claim_id, actor, f"Reason {self.seq + 1}: the filing says otherwise.", moment
            )
            if needs_reason
            else None
        )
        before = {"status": current, "version": claim["version"], "updated_at": claim["updated_at"]}
        claim.update(status=target, version=claim["version"] + 1, updated_at=format_at(moment))
        claim["_updated"] = moment
        after = {"status": target, "version": claim["version"], "updated_at": claim["updated_at"]}
        payload = {"before": before, "after": after, "note": note}
        self.record(
            actor, "claim.status_changed", "claim", claim_id, claim_id, payload, format_at(moment)
        )

    def note(self, claim_id: int) -> None:
        from workbench.domain.clock import format_at

        actor = self.rng.choice(ACTORS)
        moment = self.moment()
        body = f"Checked source {self.rng.randint(1, 10**6)}; 需要再核实 #{self.seq + 1}."
        note = self._note(claim_id, actor, body, moment)
        self.record(
            actor, "note.added", "note", note["id"], claim_id, {"after": note}, format_at(moment)
        )

    def finish(self) -> None:
        self.flush()
        rows = [
            (
                c["id"],
                c["document_id"],
                c["start"],
                c["end"],
                c["quote"],
                c["prefix"],
                c["suffix"],
                c["text"],
                c["speaker"],
                c["type"],
                c["status"],
                c["created_by"],
                _table_time(c["_created"]),
                _table_time(c["_updated"]),
                c["version"],
            )
            for c in self.claims.values()
        ]
        self.conn.executemany(
            "INSERT INTO claims (id, document_id, span_start, span_end, quote, prefix, suffix, "
            "text, speaker, type, status, created_by, created_at, updated_at, version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def build(path: Path, events: int) -> None:
    from workbench.db.engine import get_engine
    from workbench.db.migrate import upgrade

    url = f"sqlite:///{path}"
    upgrade(get_engine(url))
    get_engine(url).dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    b = Builder(conn)
    doc_id = claim_id = 0
    while b.seq < events:
        if b.seq % EVENTS_PER_DOCUMENT == 0:
            doc_id += 1
            text = b.document(doc_id)
            for i in range(CLAIMS_PER_DOCUMENT):
                if b.seq >= events:
                    break
                claim_id += 1
                b.claim(claim_id, doc_id, text, i)
            continue
        target = b.rng.randint(1, claim_id)
        if b.rng.random() < 0.6:
            b.status_change(target)
        else:
            b.note(target)
        if b.seq % 50_000 == 0:
            _progress(f"building: {b.seq:,} / {events:,} events")
    b.finish()
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _progress("")


# --- measurements (each in its own process) --------------------------------------------------


def _read_rows(path: str) -> Iterator[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    cur = conn.execute(f"SELECT {EVENTS_COLUMNS} FROM events ORDER BY seq")  # noqa: S608
    while rows := cur.fetchmany(5000):
        yield from rows
    conn.close()


def m_baseline_read(path: str) -> int:
    count = 0
    for _row in _read_rows(path):
        count += 1
    return count


def m_baseline_hash(path: str) -> int:
    """Read, build each event's canonical text, SHA-256 it: the least a verifier must do.

    `at` and the hashes are fixed-format ASCII, so only the free-text fields need escaping.
    """
    from json.encoder import encode_basestring as dumps

    sha256 = hashlib.sha256
    count = matched = 0
    for seq, at, actor, action, etype, eid, claim_id, payload, prev, stored in _read_rows(path):
        cid = "null" if claim_id is None else claim_id
        canonical = (
            f'{{"action":{dumps(action)},"actor":{dumps(actor)},"at":"{at}","claim_id":{cid},'
            f'"entity_id":{dumps(eid)},"entity_type":{dumps(etype)},"payload":{payload},'
            f'"prev_hash":"{prev}","seq":{seq}}}'
        )
        matched += sha256(canonical.encode()).hexdigest() == stored
        count += 1
    if matched != count:
        raise SystemExit(f"baseline hashed {matched} of {count} events to their stored hash")
    return count


def _wb(path: str) -> Any:
    from workbench.services.context import Workbench

    return Workbench(url=f"sqlite:///{path}", actor="bench")


def m_export(path: str) -> int:
    from workbench.services.audit import export_jsonl

    out = Path(path).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        count = export_jsonl(_wb(path), f)
    out.unlink()
    return count


def m_verify(path: str) -> int:
    from workbench.services.verify import verify_database

    report = verify_database(_wb(path))
    if not report.ok:
        raise SystemExit(f"verify failed: {report.broken}")
    return report.count


def m_replay(path: str) -> int:
    from workbench.services.replay import replay

    report = replay(_wb(path))
    if not report.consistent:
        raise SystemExit(f"replay found differences: {report.differences[:3]}")
    return report.events


MEASURES: dict[str, tuple[str, Callable[[str], int]]] = {
    "baseline_read": ("baseline: sqlite3 read", m_baseline_read),
    "export": ("audit export --format jsonl", m_export),
    "baseline_hash": ("baseline: sqlite3 read + sha256", m_baseline_hash),
    "verify": ("audit verify", m_verify),
    "replay": ("audit replay", m_replay),
}
VERSUS = {"export": "baseline_read", "verify": "baseline_hash", "replay": "baseline_read"}


def peak_rss_mb() -> float:
    """This process's own high-water RSS. (getrusage's ru_maxrss would count the parent's
    memory at fork time, which survives exec on Linux.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_here(name: str, path: str) -> None:
    if not name.startswith("baseline"):
        # Import what the measurement uses before the clock starts: throughput, not start-up.
        # (Its memory counts: the peak is the whole process's.)
        import workbench.services.audit
        import workbench.services.replay
        import workbench.services.verify  # noqa: F401

    fn = MEASURES[name][1]
    started = time.perf_counter()
    count = fn(path)
    seconds = time.perf_counter() - started
    print(json.dumps({"count": count, "seconds": seconds, "peak_mb": peak_rss_mb()}))


def measure(name: str, path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", name, "--db", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the database in this folder.")
    parser.add_argument(
        "--repeat", type=int, default=1, help="Run each measurement N times; keep the fastest."
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args.measure, args.db)
        return

    folder = args.keep or Path(tempfile.mkdtemp(prefix="wb-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{args.events}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - started:.0f} s")
    size = path.stat().st_size / 1024**2
    print(
        f"database {path} ({size:,.0f} MB); Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs; best of {args.repeat}"
    )
    # Rounds over all measurements, rather than each one N times in a row: a busy spell on a
    # shared machine then slows one run of several measurements, not all runs of one.
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in MEASURES}
    for round_ in range(max(1, args.repeat)):
        for name in MEASURES:
            _progress(f"round {round_ + 1}: {name}            ")
            runs[name].append(measure(name, path))
    results = {name: min(found, key=lambda r: r["seconds"]) for name, found in runs.items()}
    _progress("")
    print()
    head = ("measurement", "seconds", "events/s", "vs baseline", "peak RSS MB")
    print("| {:<34} | {:>8} | {:>10} | {:>11} | {:>11} |".format(*head))
    print(f"|{'-' * 36}|{'-' * 9}:|{'-' * 11}:|{'-' * 12}:|{'-' * 12}:|")
    for name, (label, _) in MEASURES.items():
        r = results[name]
        rate = r["count"] / r["seconds"]
        base = VERSUS.get(name)
        ratio = f"{r['seconds'] / results[base]['seconds']:.2f}x" if base else "-"
        cells = (label, f"{r['seconds']:.2f}", f"{rate:,.0f}", ratio, f"{r['peak_mb']:.0f}")
        print("| {:<34} | {:>8} | {:>10} | {:>11} | {:>11} |".format(*cells))
    if args.keep is None:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
