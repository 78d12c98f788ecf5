"""At a terminal, `audit verify --file -` (and `doc add a.txt -`) told the person it waits for
the text on standard input, and then drew its progress bar over the line they were typing or
pasting into, redrawn as they typed (trial252). While the input is the terminal there is no bar:
the notice says what is wanted; piped in, with a terminal watching, the bar is drawn as before.

The terminal is faked through the in-process runner (each stream says it is a TTY, or all but
stdin); the bar's wish is read where the command asks for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click.testing
import pytest

from tests.inprocess import Outcome, run_cli

Run = Callable[..., Outcome]


@pytest.fixture
def run(db_url: str) -> Run:
    def go(*args: str, stdin: bytes = b"") -> Outcome:
        return run_cli(list(args), stdin=stdin, env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})

    assert go("demo").code == 0
    return go


def _ttys(monkeypatch: pytest.MonkeyPatch, *, stdin: bool) -> None:
    monkeypatch.setattr(
        click.testing._NamedTextIOWrapper,
        "isatty",
        lambda self: stdin or self.name != "<stdin>",
        raising=False,
    )


def _bars(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[bool]:
    """The `enabled` of each bar `module` asks for (none is drawn)."""
    asked: list[bool] = []

    @contextmanager
    def spy(label: str, *, enabled: bool) -> Iterator[None]:
        asked.append(enabled)
        yield None

    monkeypatch.setattr(module, "progress_bar", spy)
    return asked


def test_audit_verify_of_standard_input_at_a_terminal_draws_no_bar(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.cli.audit

    export = run("audit", "export")
    assert export.code == 0
    asked = _bars(monkeypatch, workbench.cli.audit)
    _ttys(monkeypatch, stdin=True)
    r = run("audit", "verify", "--file", "-", stdin=export.out.encode())
    assert r.code == 0, r.err
    assert "waiting for the exported events on standard input" in r.err
    assert asked == [False]


def test_audit_verify_of_a_pipe_at_a_terminal_still_draws_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.cli.audit

    export = run("audit", "export")
    asked = _bars(monkeypatch, workbench.cli.audit)
    _ttys(monkeypatch, stdin=False)
    r = run("audit", "verify", "--file", "-", stdin=export.out.encode())
    assert r.code == 0, r.err
    assert asked == [True]


def test_doc_add_with_standard_input_at_a_terminal_draws_no_bar(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import workbench.cli.progress

    other = tmp_path / "b.txt"
    other.write_text("Another article about jobs.\n", encoding="utf-8")
    asked = _bars(monkeypatch, workbench.cli.progress)  # doc add imports it when run
    _ttys(monkeypatch, stdin=True)
    r = run("doc", "add", str(other), "-", stdin=b"An article about wages.\n")
    assert r.code == 0, r.err
    assert asked == [False]
