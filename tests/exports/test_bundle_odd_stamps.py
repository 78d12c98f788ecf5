"""rbundle: an event's `at` is documented as always `YYYY-MM-DDTHH:MM:SS.ffffffZ`, in UTC
(docs/audit-chain.md), and every workbench has written it so since the first. A trail holding
another form (`2026-12-06 10:00:00+02:00`, no zone, a space for the T) restored from a bundle
or read from a file verified OK without a word: `at` is hashed as text, so the chain holds,
while the clock check skips such a stamp and a window by time (`audit export --since`) sets it
by text. A step back hidden so went unsaid. Not a break (the chain holds, and the OK line stays
as scripts parse it): a warning on stderr, and `odd_stamps` in `--json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from export_desk import Run
from test_bundle import bundle_bytes, busy_desk
from test_bundle_replay import Tables, forge, target_url  # noqa: F401 (a fixture)

from workbench.services.bundle import import_bundle
from workbench.services.context import Workbench
from workbench.services.verify import verify_database

ODD = ("2026-12-06 10:00:00+02:00", "2026-12-06T10:00:00", "2026-12-06T10:00:00.000000+00:00")


def _stamped(at: str, seq: int) -> Any:
    def edit(t: Tables) -> None:
        t["events"][seq - 1]["at"] = at

    return edit


@pytest.mark.parametrize("at", ODD)
def test_a_restored_trail_with_an_odd_stamp_is_warned_of(
    wb: Workbench,
    tmp_path: Path,
    target_url: str,  # noqa: F811
    at: str,
) -> None:
    busy_desk(wb, tmp_path)
    path = tmp_path / "forged.zip"
    path.write_bytes(forge(bundle_bytes(wb), _stamped(at, 3)))
    target = Workbench(url=target_url, actor="t")
    import_bundle(target, str(path))
    report = verify_database(target)
    assert report.ok  # the chain holds: a warning, not a break
    assert report.odd_stamp_count == 1
    assert [s.to_json() for s in report.odd_stamps] == [{"seq": 3, "at": at}]


def test_an_honest_trail_has_none(wb: Workbench, tmp_path: Path) -> None:
    busy_desk(wb, tmp_path)
    report = verify_database(wb)
    assert (report.odd_stamp_count, report.odd_stamps) == (0, ())


def test_verify_file_says_it(run: Run, wb: Workbench, tmp_path: Path) -> None:
    """The same on an exported file, through the CLI: OK on stdout, the warning on stderr
    naming the event and its stamp, and the keys in --json."""
    from workbench.domain.chain import record_hash

    busy_desk(wb, tmp_path)
    out = tmp_path / "trail.jsonl"
    assert run("audit", "export", "--format", "jsonl", "-o", str(out)).code == 0
    scope, *lines = out.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["at"] = ODD[0]
    old, last["hash"] = last["hash"], record_hash(last)
    scope = scope.replace(old, last["hash"])  # the head it states
    out.write_text("\n".join([scope, *lines[:-1], json.dumps(last, ensure_ascii=False)]) + "\n")
    r = run("audit", "verify", "--file", str(out))
    assert r.code == 0 and r.out.startswith("OK "), r.out + r.err
    assert f"seq {last['seq']}" in r.err and repr(ODD[0]) in r.err, r.err
    assert "YYYY-MM-DDTHH:MM:SS.ffffffZ" in r.err, r.err
    report = json.loads(run("audit", "verify", "--file", str(out), "--json").out)
    assert report["odd_stamps"] == 1
    assert report["odd_stamps_first"] == [{"seq": last["seq"], "at": ODD[0]}]
