"""Progress bars: on a terminal for long operations; never in a pipe or with --json."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import pty
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from retarget import without_document

from workbench.cli.progress import progress_bar, wanted
from workbench.services.context import Workbench
from workbench.services.progress import EVERY, Tally, counted
from workbench.services.verify import verify_database


def _claims(cli: Callable[..., object]) -> None:
    r = cli("demo", "--json")
    assert r.code == 0, r.err  # type: ignore[attr-defined]


def test_counted_reports_batches_and_the_end() -> None:
    heard: list[tuple[int, int | None]] = []
    items = list(counted(range(2 * EVERY + 3), lambda d, t: heard.append((d, t)), 99))
    assert items == list(range(2 * EVERY + 3))
    assert heard == [(EVERY, 99), (2 * EVERY, 99), (2 * EVERY + 3, 99)]
    assert list(counted([1, 2], None, None)) == [1, 2]


def test_a_tally_counts_phases_and_batches_as_one() -> None:
    """Items counted as they pass and batches added both move one count; `progress` hears it
    each time it passes another EVERY (not only at exact multiples) and at the end, with the
    total known by then."""
    heard: list[tuple[int, int | None]] = []
    tally = Tally(lambda d, t: heard.append((d, t)))
    tally.add(EVERY - 1)
    assert heard == []
    tally.total = 3 * EVERY
    assert list(tally.counting(range(2))) == [0, 1]  # crosses EVERY at the first item
    tally.add(EVERY + 10)
    tally.add(5)
    tally.end()
    assert heard == [(EVERY, 3 * EVERY), (2 * EVERY + 11, 3 * EVERY), (2 * EVERY + 16, 3 * EVERY)]
    stopped = Tally(None)
    for item in stopped.counting("abc"):
        if item == "b":
            break
    stopped.end()
    assert stopped.done == 1  # the item stopped at is not done


def test_verify_reports_every_event(wb: Workbench, cli: Callable[..., object]) -> None:
    _claims(cli)
    heard: list[tuple[int, int | None]] = []
    report = verify_database(wb, progress=lambda d, t: heard.append((d, t)))
    assert report.ok
    assert heard[-1] == (report.count, report.count)


def _files(cli: Callable[..., object], folder: Path) -> dict[str, str]:
    """The inputs the file-reading commands need: an export, a bundle, a claims table."""
    trail, bundle, table = folder / "trail.jsonl", folder / "desk.zip", folder / "claims.csv"
    for args in (
        ("audit", "export", "--output", str(trail)),
        ("export", "bundle", str(bundle)),
        ("export", "claims", "--doc", "1", "-o", str(table)),
    ):
        r = cli(*args)
        assert r.code == 0, (args, r.err)  # type: ignore[attr-defined]
    without_document(table)  # imported into another document
    return {"trail": str(trail), "bundle": str(bundle), "table": str(table)}


def _doc(cli: Callable[..., object], folder: Path) -> str:
    """A copy of the seed article as a new document, for claims to be imported into."""
    text = cli("doc", "text", "1").out  # type: ignore[attr-defined]
    path = folder / "copy.txt"
    path.write_text(text + "\n附言。", encoding="utf-8")
    r = cli("doc", "add", str(path), "--json")
    assert r.code == 0, r.err  # type: ignore[attr-defined]
    return str(json.loads(r.out)["id"])  # type: ignore[attr-defined]


WORDS = ("verifying", "replaying", "exporting", "importing", "scoring", "restoring")


def test_no_bar_in_a_pipe_or_with_json(cli: Callable[..., object], tmp_path: Path) -> None:
    _claims(cli)
    files = _files(cli, tmp_path)
    doc = _doc(cli, tmp_path)
    for args in (
        ("audit", "verify"),
        ("audit", "verify", "--json"),
        ("audit", "verify", "--file", files["trail"]),
        ("audit", "verify", "--file", files["trail"], "--json"),
        ("audit", "replay"),
        ("audit", "export"),
        ("audit", "export", "--output", "trail.jsonl", "--force"),  # _files wrote it
        ("audit", "export", "--format", "md"),
        ("audit", "export", "--format", "md", "--output", "trail.md"),
        ("import", "claims", files["table"], "--doc", doc),
        ("import", "claims", files["table"], "--doc", doc, "--json"),
        ("extract", "1"),
        ("extract", "1", "--json"),
        ("extract", doc, "--accept", "--json"),
        ("export", "bundle", str(tmp_path / "again.zip")),
        ("--db", str(tmp_path / "new.db"), "import", "bundle", files["bundle"]),
        ("--db", str(tmp_path / "other.db"), "import", "bundle", files["bundle"], "--json"),
    ):
        r = cli(*args)
        err = r.err  # type: ignore[attr-defined]
        assert r.code == 0, (args, err)  # type: ignore[attr-defined]
        assert "\x1b" not in err, (args, err)
        assert not any(word in err for word in WORDS), (args, err)


def _listen() -> tuple[list[tuple[int, int | None]], Callable[[int, int | None], None]]:
    heard: list[tuple[int, int | None]] = []
    return heard, lambda done, total: heard.append((done, total))


def test_import_reports_rows_checked_then_written(wb: Workbench, tmp_path: Path) -> None:
    from workbench.services.documents import add_document
    from workbench.services.imports import import_claims

    doc = add_document(wb, "甲说了一句话。乙也说了。丙没说。").document.id
    path = tmp_path / "in.csv"
    path.write_text("quote,text\n甲说了一句话,A\n乙也说了,B\n甲说了一句话,A\n", encoding="utf-8")
    heard, progress = _listen()
    result = import_claims(wb, str(path), doc, progress=progress)
    assert (len(result.added), result.present) == (2, 1)
    assert heard == [(3, 3), (2, 2)]  # three rows checked, two written (one repeats)


def test_timeline_and_file_verify_report_every_event(
    wb: Workbench, cli: Callable[..., object], tmp_path: Path
) -> None:
    from workbench.exports.events import export_events
    from workbench.services.verify import verify_file

    _claims(cli)
    heard, progress = _listen()
    count = export_events(wb, "md", io.StringIO(), progress=progress).count
    assert count > 0 and heard[-1] == (count, count)
    trail = _files(cli, tmp_path)["trail"]
    heard, progress = _listen()
    report = verify_file(trail, progress=progress)
    assert report.ok and heard[-1] == (report.count, report.count)


def test_bundle_export_and_restore_report_rows(
    wb: Workbench, cli: Callable[..., object], tmp_path: Path
) -> None:
    from workbench.services.bundle import export_bundle, import_bundle
    from workbench.services.replay import COMPARED_TABLES

    _claims(cli)
    heard, progress = _listen()
    with (tmp_path / "desk.zip").open("wb") as out:
        summary = export_bundle(wb, out, progress)
    rows = sum(summary.tables.values())
    assert heard == [(rows, rows)]
    heard, progress = _listen()
    target = Workbench(url=f"sqlite:///{tmp_path / 'new.db'}", actor="t")
    restored = import_bundle(target, str(tmp_path / "desk.zip"), progress)
    # the rows restored, the events read again to check the chain, then replayed, and the rows
    # replay compares with them
    compared = sum(restored.tables[name] for name in COMPARED_TABLES)
    total = rows + 2 * restored.events + compared
    assert heard[-1] == (total, total)
    assert all(total_heard == total for _, total_heard in heard)


def test_extract_reports_the_sentences_scored(wb: Workbench) -> None:
    from workbench.domain.checkworthy import PROGRESS_EVERY, candidate_units
    from workbench.services.documents import add_document
    from workbench.services.extract import extract

    text = "".join(f"公司在{2000 + i % 20}年营收增长{i}%。" for i in range(PROGRESS_EVERY + 5))
    doc = add_document(wb, text).document.id
    heard, progress = _listen()
    extract(wb, doc, progress=progress)
    units = len(candidate_units(text))
    assert units > PROGRESS_EVERY
    assert heard == [(0, units), (PROGRESS_EVERY, units), (units, units)]


def test_accept_reports_sentences_scored_then_claims_added_and_compared(wb: Workbench) -> None:
    """`extract --accept` on a long transcript spent most of its time after the scoring (85 s
    silent on a trial's 12,000 lines): each claim is counted as it is added, then as it is
    compared with the earlier claims, on one count from 0 to twice the claims added."""
    from workbench.services.documents import add_document
    from workbench.services.extract import ExtractOptions, accept_candidates
    from workbench.services.progress import CLAIMS_EVERY

    lines = [f"HOLT: Exports rose {i} percent in {1990 + i}." for i in range(CLAIMS_EVERY + 5)]
    doc = add_document(wb, "\n".join(lines)).document.id  # check-worthy, every line
    heard, progress = _listen()
    result = accept_candidates(wb, doc, ExtractOptions(min_score=0.0), progress)
    n = len(result.added)
    assert n == CLAIMS_EVERY + 5
    scored = heard[: heard.index((0, 2 * n))]
    assert scored[0][0] == 0 and scored[-1][0] == scored[-1][1] == scored[0][1]
    assert heard[len(scored) :] == [
        (0, 2 * n),
        *((k, 2 * n) for k in range(CLAIMS_EVERY, 2 * n, CLAIMS_EVERY)),
        (2 * n, 2 * n),
    ]


def test_wanted(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    monkeypatch.setattr(sys, "stderr", Tty(True))
    monkeypatch.setattr(sys, "stdout", Tty(True))
    assert wanted() and not wanted(as_json=True)
    monkeypatch.setattr(sys, "stdout", Tty(False))
    assert not wanted() and wanted(to_stdout=False)  # piped output; --output to a file
    monkeypatch.setattr(sys, "stderr", Tty(False))
    assert not wanted(to_stdout=False)


def test_disabled_bar_gives_no_callback() -> None:
    with progress_bar("x", enabled=False) as progress:
        assert progress is None


def _on_a_terminal(db_url: str, folder: Path, *args: str, piped: bool = False) -> str:
    """Run `workbench ARGS` with a real terminal (a pty) as stdout and stderr (stderr alone
    when `piped`: stdout then goes nowhere); what it showed."""
    leader, follower = pty.openpty()
    env = {**os.environ, "WORKBENCH_DB": db_url, "TERM": "xterm", "COLUMNS": "100"}
    env["WORKBENCH_USER"] = "tester"
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL if piped else follower,
        stderr=follower,
        env=env,
        cwd=folder,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    code = proc.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert code == 0, (args, shown)
    return shown


def _drained(leader: int) -> tuple[threading.Thread, list[bytes]]:
    """A thread reading what the terminal shows until it closes (a writer to a pty whose
    reader waits would block once the terminal's buffer is full)."""
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    return reader, chunks


def _in_process_on_a_terminal(
    db_url: str, monkeypatch: pytest.MonkeyPatch, *args: str, piped: bool = False
) -> str:
    """`_on_a_terminal` in this process: `workbench.cli.main` with a real terminal (a pty) as
    sys.stdout and sys.stderr (stderr alone when `piped`: stdout then goes to /dev/null). What
    decides the bar is whether those streams are terminals, and these are; a process of its
    own for each command cost a second apiece of starting Python and importing the tool."""
    from workbench.cli import main

    leader, follower = pty.openpty()
    reader, chunks = _drained(leader)
    for name, value in (
        ("WORKBENCH_DB", db_url),
        ("WORKBENCH_USER", "tester"),
        ("TERM", "xterm"),
        ("COLUMNS", "100"),
    ):
        monkeypatch.setenv(name, value)
    sigpipe = signal.getsignal(signal.SIGPIPE)
    code: object = 0
    with (
        open(follower, "w", encoding="utf-8", buffering=1) as tty,
        open(os.devnull, "w", encoding="utf-8") as nowhere,
        contextlib.redirect_stdout(nowhere if piped else tty),
        contextlib.redirect_stderr(tty),
    ):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code
    signal.signal(signal.SIGPIPE, sigpipe)  # main() sets the default action for `| head`
    reader.join(timeout=30)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert code in (0, None), (args, shown)
    return shown


def test_bar_on_a_terminal(
    db_url: str, cli: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real terminal (a pty): each long operation draws its bar on it while it works. The
    first runs `python -m workbench` in a process of its own, the console script's path to
    the terminal; the rest run in this process on a pty of their own (each had been a process,
    a second apiece of the suite's time for the same streams)."""
    _claims(cli)
    files = _files(cli, tmp_path)
    doc = _doc(cli, tmp_path)
    shown = _on_a_terminal(db_url, tmp_path, "audit", "verify")
    assert "verifying the chain" in shown
    assert "OK " in shown
    on_a_terminal = functools.partial(_in_process_on_a_terminal, db_url, monkeypatch)
    for label, args in (
        ("verifying the file", ("audit", "verify", "--file", files["trail"])),
        ("importing claims", ("import", "claims", files["table"], "--doc", doc)),
        ("scoring sentences", ("extract", "1")),
        ("exporting events", ("audit", "export", "--format", "md", "-o", "trail.md")),
        ("exporting the bundle", ("export", "bundle", "again.zip")),
        ("restoring the bundle", ("--db", "new.db", "import", "bundle", files["bundle"])),
    ):
        assert label in on_a_terminal(*args), args
    # --accept counts the claims it adds after the sentences it scores; its report is a few
    # lines, so with its output piped (`| tee log`) the bar still shows on the terminal's stderr.
    for piped in (False, True):
        doc = _transcript(cli, f"{piped}")
        shown = on_a_terminal("extract", doc, "--accept", piped=piped)
        assert "scoring sentences, then adding claims" in shown, piped
    assert "adding claims" not in on_a_terminal(
        "extract", _transcript(cli, "json"), "--accept", "--json"
    )


def _transcript(cli: Callable[..., object], tag: str, lines: int = 20) -> str:
    """A debate transcript of check-worthy lines, as a new document."""
    text = "\n".join(f"HOLT: Exports rose {i} percent in {1990 + i} ({tag})." for i in range(lines))
    r = cli("doc", "add", "-", "--json", input=text)
    assert r.code == 0, r.err  # type: ignore[attr-defined]
    return str(json.loads(r.out)["id"])  # type: ignore[attr-defined]


def test_claims_table_reports_every_claim_written(
    wb: Workbench, cli: Callable[..., object]
) -> None:
    from workbench.services.exports import stream_claim_rows

    _claims(cli)
    heard, progress = _listen()
    rows = list(stream_claim_rows(wb, progress=progress))
    assert rows and heard == [(len(rows), len(rows))]
    heard, progress = _listen()
    assert list(stream_claim_rows(wb, document_ids=[1], progress=progress)) == rows
    assert heard == [(len(rows), len(rows))]
