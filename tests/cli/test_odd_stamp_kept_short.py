"""rrbundle: `audit verify` keeps the first five events stamped otherwise than `format_at`
writes (odd_stamps, 947be105) with their stamps, to name them. On an exported file an event's
`at` is whatever its line holds, up to a line's 256 MiB: each odd one was kept whole, so five
forged lines (their hashes recomputed) held five such texts at once where verify otherwise holds
one line, and `--json` printed each whole. A stamp is 27 characters: what is kept and said of an
odd one is its start, cut with "…"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result
from tests.inprocess import ok
from workbench.domain.chain import record_hash
from workbench.domain.verification import ClockSteps

LONG_AT = "2026-12-06 " + "9" * 100_000


def test_an_odd_stamp_is_kept_cut_short() -> None:
    steps = ClockSteps()
    steps.feed(1, LONG_AT)
    steps.feed(2, "2026-12-06 10:00:00+02:00")
    assert steps.odd_count == 2
    kept = [s.at for s in steps.odd]
    assert len(kept[0]) <= 64 and kept[0].endswith("…") and LONG_AT.startswith(kept[0][:-1])
    assert kept[1] == "2026-12-06 10:00:00+02:00"  # a short one whole


def test_verify_file_says_a_long_odd_stamp_cut_short(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The mayor said taxes rose 5% last year.\n", encoding="utf-8")
    ok(cli("doc", "add", str(article), "--title", "T"))
    out = tmp_path / "trail.jsonl"
    ok(cli("audit", "export", "--format", "jsonl", "-o", str(out)))
    scope, *lines = out.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["at"] = LONG_AT
    old, last["hash"] = last["hash"], record_hash(last)
    scope = scope.replace(old, last["hash"])  # the head it states
    out.write_text("\n".join([scope, *lines[:-1], json.dumps(last)]) + "\n", encoding="utf-8")
    r = cli("audit", "verify", "--file", str(out), "--json")
    assert r.code == 0, r.out + r.err
    report = json.loads(r.out)
    assert report["odd_stamps"] == 1
    [odd] = report["odd_stamps_first"]
    assert odd["seq"] == last["seq"] and len(odd["at"]) <= 64, len(odd["at"])
    r = cli("audit", "verify", "--file", str(out))
    assert r.code == 0 and r.out.startswith("OK "), r.out + r.err
    [said] = [line for line in r.err.splitlines() if "stamped otherwise" in line]
    assert len(said) < 600, len(said)
