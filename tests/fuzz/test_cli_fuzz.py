"""Generated hostile input against every command, through the real entry point (in process).

For each command (found by walking the Click tree, so a new command is fuzzed without being
listed here), hypothesis builds argument lists from the command's own parameters, with values
that are sometimes right and often wrong: huge and negative integers, NaN, control characters,
zero-width and bidi characters, look-alike names, `-` with standard input closed or full of
bad bytes, devices, FIFOs, directories, symlinks and empty files where a file is expected.

Every case must end in exit 0, 1 or 2 with no exception escaping (no traceback), a refusal must
say so in at most two lines of stderr, and a refused command must leave the database exactly
as it was (a digest of every table's rows, compared before and after).

How many cases: WORKBENCH_FUZZ_EXAMPLES per command (default 15, for a quick local run);
.ci/run sets it so that a CI run makes at least 10,000 cases on SQLite and fewer on
PostgreSQL (see .ci/run). The count actually run is written to stdout at the end (-s).
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.inprocess import Outcome, run_cli

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("WORKBENCH_FUZZ_EXAMPLES", "15"))
CASE_SECONDS = 30  # a hang becomes a failure, not a stuck CI run
SKIP = {("demo",)}  # demo = seed + stats: seed is fuzzed itself; demo only repeats it, slowly


def command_paths() -> Iterator[tuple[tuple[str, ...], click.Command]]:
    from workbench.cli import COMMANDS, cli

    ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        command = cli.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                yield (name, sub), command.commands[sub]
        else:
            yield (name,), command


COMMANDS = [(path, cmd) for path, cmd in command_paths() if path not in SKIP]


# -- values ---------------------------------------------------------------------------------

HOSTILE_CHARS = "\x00\x07\x1b\n\r\t\u200b\u200d\u202e\u2066\ufeff\ud800\udce9\u0301🇨👨\u200d👩"
NAMES = ["tester", "alice", "ＡＬＩＣＥ", "ali\u200bce", "\u0430lice", "", " ", "a\nb", "x" * 150]


def texts() -> st.SearchStrategy[str]:
    plain = st.text(max_size=30)
    hostile = st.text(st.sampled_from(list(HOSTILE_CHARS) + list("ab 中=;,-")), max_size=12)
    fixed = st.sampled_from(
        ["-", "", " ", "=SUM(A1)", "MiniMax", "2021年底", "claim.*", "a;b", "x" * 600]
    )
    return st.one_of(plain, hostile, fixed).map(lambda s: s.replace("\x00", "\\0"))


def integers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-2, 6),
        st.integers(-(2**70), 2**70),
        st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63]),
    ).map(str) | st.sampled_from(["abc", "1e3", "0x10", " 3", ""])


def floats() -> st.SearchStrategy[str]:
    return st.sampled_from(["0", "0.5", "1", "-1", "2", "nan", "inf", "-inf", "x", "1e400"])


def dates() -> st.SearchStrategy[str]:
    return st.sampled_from(
        ["2026-11-29", "2999-01-01", "2000-02-30", "yesterday", "2026-11-29T10:00:00+02:00", ""]
    )


class Pool:
    """Files a hostile user would point the workbench at."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        (root / "text.txt").write_text("MiniMax在2021年底创业。Zola écrit.", encoding="utf-8")
        (root / "empty.txt").touch()
        (root / "binary.bin").write_bytes(b"\x00\xff\xfe" * 50)
        (root / "latin1.txt").write_bytes("café".encode("latin-1"))
        (root / "dir").mkdir()
        (root / "link.txt").symlink_to(root / "text.txt")
        (root / "dangling").symlink_to(root / "nothing")
        (root / "seed.yaml").write_text(
            "document: {file: text.txt}\nclaims:\n  - {quote: '2021年底', text: founded}\n",
            encoding="utf-8",
        )
        (root / "bad.yaml").write_text("claims: [: : :", encoding="utf-8")
        (root / "export.jsonl").write_text('{"export": 1}\nnot json\n', encoding="utf-8")
        os.mkfifo(root / "fifo")
        (root / "out").mkdir()
        self.inputs = [str(root / n) for n in os.listdir(root) if n != "out"] + [
            "/dev/zero",
            "/dev/null",
            str(root / "missing.txt"),
            "-",
        ]
        self.outputs = ["-", str(root / "out" / "x.out"), str(root / "no" / "such" / "dir")]


def value_for(param: click.Parameter, pool: Pool) -> st.SearchStrategy[str]:
    kind = param.type
    name = (param.name or "").lower()
    if isinstance(kind, click.Choice):
        return st.sampled_from([str(c) for c in kind.choices]) | texts()
    if isinstance(kind, click.types.IntParamType):
        return integers()
    if isinstance(kind, click.types.FloatParamType):
        return floats()
    if name in {"output"}:
        return st.sampled_from(pool.outputs)
    if isinstance(kind, click.Path) or name in {"file", "files", "path", "seed_file"}:
        return st.sampled_from(pool.inputs) | texts()
    if name in {"since", "until", "due", "published", "accessed", "when"}:
        return dates() | texts()
    if name in {"to", "actors", "actor", "name"}:
        return st.sampled_from(NAMES) | texts()
    if name in {"url"}:
        return (
            st.sampled_from(["https://a.example/x", "ftp://x", "https://", "http://a b"]) | texts()
        )
    return texts()


def strategies_for(command: click.Command, pool: Pool) -> dict[str, st.SearchStrategy[str]]:
    """One value strategy per parameter, built once per command rather than on every draw."""
    return {param.name or "": value_for(param, pool) for param in command.params}


@st.composite
def invocations(
    draw: st.DrawFn,
    path: tuple[str, ...],
    command: click.Command,
    values: dict[str, st.SearchStrategy[str]],
) -> Any:
    args: list[str] = []
    if draw(st.booleans()):
        args += ["--as", draw(st.sampled_from(NAMES))]
    args += list(path)
    for param in command.params:
        if param.name in {"help"}:
            continue
        if isinstance(param, click.Argument):
            if draw(st.integers(0, 9)) == 0:
                continue  # a missing argument: a usage error
            count = draw(st.integers(1, 3)) if param.nargs == -1 else 1
            args += [draw(values[param.name or ""]) for _ in range(count)]
        elif isinstance(param, click.Option) and draw(st.booleans()):
            flag = param.opts[0]
            if param.is_flag:
                args.append(flag)
            else:
                args += [flag, draw(values[param.name or ""])]
    stdin = draw(
        st.one_of(
            st.none(),
            st.binary(max_size=60),
            st.text(max_size=60).map(lambda s: s.encode("utf-8", "surrogatepass")),
            st.just("见 2025 年报\n".encode()),
        )
    )
    return args, stdin


# -- the database, before and after ---------------------------------------------------------


def digest(url: str) -> str:
    """Every row of every table, hashed: a refused command must not change one of them. Read
    through the driver with the statements compiled once: a case's digest had cost as much as
    the command it checks (SQLAlchemy built and compiled 14 selects each time)."""
    from workbench.db.engine import get_engine

    engine = get_engine(url)
    h = hashlib.sha256()
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for name, statement in _row_queries(engine.dialect):
            cursor.execute(statement)
            for row in cursor.fetchall():
                h.update(repr((name, tuple(row))).encode("utf-8", "surrogatepass"))
        raw.rollback()
    finally:
        raw.close()
    return h.hexdigest()


_ROW_QUERIES: dict[str, list[tuple[str, str]]] = {}


def _row_queries(dialect: Any) -> list[tuple[str, str]]:
    """Each table's rows in key order, as SQL for this backend (compiled on first use)."""
    if dialect.name not in _ROW_QUERIES:
        from sqlalchemy import select

        from workbench.db.models import Base

        queries = []
        for name, table in sorted(Base.metadata.tables.items()):
            key = list(table.primary_key.columns) or list(table.columns)
            queries.append((name, str(select(table).order_by(*key).compile(dialect=dialect))))
        _ROW_QUERIES[dialect.name] = queries
    return _ROW_QUERIES[dialect.name]


def seeded(db_url: str, pool: Pool) -> None:
    """A desk with something on it: two documents, claims, a note, evidence, review on."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    steps = [
        ["doc", "add", str(pool.root / "text.txt"), "--title", "A"],
        ["claim", "add", "1", "--text", "founded 2021", "--quote", "2021年底"],
        ["claim", "add", "1", "--text", "Zola", "--quote", "Zola"],
        ["note", "add", "1", "first note"],
        ["evidence", "add", "1", "--url", "https://a.example/", "--stance", "supports"],
        ["claim", "tag", "1", "2", "money"],
        ["config", "set", "review.required", "true"],
        ["claim", "status", "2", "in_progress"],
    ]
    for args in steps:
        r = run_cli(args, env=env)
        assert r.code == 0, (args, r.err)


class Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise Timeout


RUN: dict[str, int] = {"cases": 0}


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_fuzz_command(
    path: tuple[str, ...], command: click.Command, db_url: str, tmp_path: Path
) -> None:
    pool = Pool(tmp_path / "pool")
    seeded(db_url, pool)
    env_base = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "tester"}
    state = {"digest": digest(db_url)}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        # CI replays the same generated cases every run (a red CI blocks a landing, so it
        # must not hinge on luck); anywhere else each run explores new ones.
        derandomize=os.environ.get("CI") == "true",
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(invocations(path, command, strategies_for(command, pool)))
    def case(invocation: tuple[list[str], bytes | None]) -> None:
        args, stdin = invocation
        before = state["digest"]
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(CASE_SECONDS)
        try:
            r = run_cli(args, stdin=stdin, env=env_base)
        except Timeout:
            pytest.fail(f"workbench {args!r} did not finish in {CASE_SECONDS}s")
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        RUN["cases"] += 1
        check(args, r)
        if r.code != 0:
            after = digest(db_url)
            assert after == before, f"refused but changed the database: {args!r}\n{r.err}"
        else:
            state["digest"] = digest(db_url)

    case()


def check(args: list[str], r: Outcome) -> None:
    where = f"workbench {args!r}"
    assert r.crash is None, f"{where} raised {r.crash!r}"
    assert r.code in (0, 1, 2), f"{where} exited {r.code}: {r.err}"
    assert "Traceback" not in r.err, f"{where}: {r.err}"
    if r.code != 0:
        lines = r.err.splitlines()
        assert len(lines) <= 2, f"{where} said {len(lines)} lines on refusal:\n{r.err}"


def test_fuzz_count_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """How many cases a full run makes: one per example per command (for the closing note)."""
    assert len(COMMANDS) >= 30
    with capsys.disabled():
        print(
            f"\nfuzz: {len(COMMANDS)} commands x {EXAMPLES} examples = "
            f"{len(COMMANDS) * EXAMPLES} cases"
        )
