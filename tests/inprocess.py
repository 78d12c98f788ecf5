"""Running the real `workbench` entry point inside the test process (fast: no interpreter
start, no re-import), with its own stdin, environment and captured stdout/stderr."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from click.testing import CliRunner


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    # An exception that escaped the CLI's error handling (a traceback a user would see).
    crash: BaseException | None = None


def run_cli(
    args: list[str],
    *,
    stdin: bytes | None = b"",
    env: Mapping[str, str | None] | None = None,
) -> Outcome:
    """`workbench ARGS` as a shell would run it; stdin=None runs it with stdin closed."""
    from workbench.cli import main

    runner = CliRunner()
    crash: BaseException | None = None
    code = 0
    with runner.isolation(input=stdin or b"", env=dict(env or {})) as (out, err, _):
        if stdin is None:
            sys.stdin = None  # type: ignore[assignment]  # what `<&-` gives Python
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException as exc:
            crash = exc
            code = -1
        # Commands that write to sys.stdout directly (exports) leave text in its buffer.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(ValueError, OSError):
                stream.flush()
    return Outcome(
        code,
        out.getvalue().decode("utf-8", "replace"),
        err.getvalue().decode("utf-8", "replace"),
        crash,
    )


def ok(r: Any) -> Any:
    """The run succeeded (its code, output and errors shown when not)."""
    assert r.code == 0, (r.code, r.out, r.err)
    return r


def err_line(r: Any, code: int, fragment: str) -> None:
    """The run exited with `code` and said one line on stderr, an error holding `fragment`."""
    assert r.code == code, (r.code, r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0], r.err
