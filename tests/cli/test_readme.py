"""The README runs as written: every ```console block is executed and its output compared.

How to add or change an example (README.md is shared: keep to this and it keeps passing):
- A ```console block is run; a ```sh block is not (set-up lines, sketches with placeholders).
- In a console block a line starting `$ ` is a command (a trailing backslash continues it on
  the next line); the lines after it, up to the next `$ `, are what it prints: stdout, then
  stderr, as in a pipe (no colour, `[[...]]` around quotes, plain tables).
- `...` alone on a line matches any number of lines; `...` inside a line matches any text
  (use it for timestamps and hashes, nothing else).
- A command must exit 0, unless its output shows a line starting `error:` (then exit 1 or 2).
- All blocks run in README order as one session, in one fresh folder with a fresh
  `./workbench.db`, as WORKBENCH_USER=editor; `seeds/` and `docs/` of the repository are there,
  so paths read as in a clone. A block may use what earlier blocks made.
- `workbench ...` runs in-process through `workbench.cli.main` (fast, real exit codes);
  anything else (cp, head, `|`) runs in bash. `&&`, `> FILE` and `NAME=value` prefixes work.
- To write the expected output of a new example: `README_UPDATE=1 pytest -n0
  tests/cli/test_readme.py` rewrites the output of every command that does not match; read
  the diff, then put `...` where a timestamp or hash appears.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.status import STATUS_MEANINGS

REPO = Path(__file__).resolve().parents[2]
README_PATH = REPO / "README.md"
README = README_PATH.read_text(encoding="utf-8")
ENV_ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")


@dataclass
class Example:
    command: str
    expected: list[str]
    line: int  # 1-based line of the `$ ` in README.md
    first_output_line: int  # 0-based index into README lines where the output starts
    end_line: int  # 0-based index just past the output
    actual: list[str] = field(default_factory=list)


def console_examples(text: str) -> list[Example]:
    lines = text.splitlines()
    examples: list[Example] = []
    inside = False
    for i, line in enumerate(lines):
        if line.strip() == "```console":
            inside = True
            continue
        if inside and line.strip() == "```":
            inside = False
            if examples and examples[-1].end_line == -1:
                examples[-1].end_line = i
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            if examples and examples[-1].end_line == -1:
                examples[-1].end_line = i
            examples.append(Example(line[2:], [], i + 1, i + 1, -1))
        elif examples and examples[-1].end_line == -1:
            current = examples[-1]
            if current.command.endswith("\\") and current.first_output_line == i:
                current.command = current.command[:-1].rstrip() + " " + line.strip()
                current.first_output_line = i + 1
            else:
                current.expected.append(line)
    return examples


def _pattern(expected: list[str]) -> re.Pattern[str]:
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            body = ".*?".join(re.escape(piece) for piece in line.rstrip().split("..."))
            parts.append(body + r"\n")
    return re.compile("".join(parts), re.DOTALL)


def _matches(expected: list[str], actual: list[str]) -> bool:
    text = "".join(line.rstrip() + "\n" for line in actual)
    return _pattern(expected).fullmatch(text) is not None


def _shell(command: str, env: dict[str, str]) -> tuple[int, str]:
    path = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    proc = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        env={**env, "PATH": path},
        timeout=120,
    )
    return proc.returncode, proc.stdout + proc.stderr


def _run(command: str, run_main: Callable[..., Any], env: dict[str, str]) -> tuple[int, str]:
    """One README command line: in-process when every part is `workbench ...`."""
    if "|" in command or not all(
        part.strip().split()[0] == "workbench"
        or ENV_ASSIGNMENT.match(part.strip().split()[0]) is not None
        for part in command.split("&&")
    ):
        return _shell(command, env)
    out = ""
    for part in command.split("&&"):
        words = shlex.split(part)
        extra: dict[str, str] = {}
        while ENV_ASSIGNMENT.match(words[0]):
            name, value = words.pop(0).split("=", 1)
            extra[name] = value
        target = None
        if ">" in words:
            at = words.index(">")
            target, words = words[at + 1], words[:at]
        assert words[0] == "workbench", command
        r = run_main(words[1:], env={**env, **extra})
        if target is not None:
            Path(target).write_text(r.out, encoding="utf-8")
            out += r.err
        else:
            out += r.out + r.err
        if r.code != 0:
            return r.code, out
    return 0, out


def _rewrite(examples: list[Example]) -> None:
    """README_UPDATE=1: put the actual output under each command that did not match."""
    lines = README.splitlines()
    for ex in reversed(examples):
        if not _matches(ex.expected, ex.actual):
            lines[ex.first_output_line : ex.end_line] = ex.actual
    README_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_console_example_prints_what_the_readme_shows(
    tmp_path: Path, workbench_main: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("seeds", "docs"):
        (tmp_path / folder).symlink_to(REPO / folder)
    monkeypatch.setenv("WORKBENCH_USER", "editor")
    env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_DB"}
    examples = console_examples(README)
    assert len(examples) >= 20, "the README's console examples were not found"
    failures = []
    for ex in examples:
        code, out = _run(ex.command, workbench_main, env)
        ex.actual = [line.rstrip() for line in out.splitlines()]
        wants_error = any(line.startswith("error:") for line in ex.expected)
        if (code != 0) != wants_error or not _matches(ex.expected, ex.actual):
            failures.append(
                f"README.md:{ex.line}: $ {ex.command}\n(exit {code})\n"
                + "expected:\n"
                + "\n".join(ex.expected)
                + "\nactual:\n"
                + out
            )
    if failures and os.environ.get("README_UPDATE"):
        _rewrite(examples)
    assert not failures, "\n\n".join(failures[:3])


def test_setup_commands_are_exact() -> None:
    # One pasteable line each, creating and using .venv (PEP 668 refuses system-wide pip).
    assert (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && workbench demo"
        in README
    )
    assert (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[dev]' && pytest"
        in README
    )


def test_status_table_matches_the_code() -> None:
    for status, meaning in STATUS_MEANINGS.items():
        assert f"| `{status.value}` | {meaning} |" in README


def test_the_runner_compares_and_wildcards() -> None:
    examples = console_examples(
        "```console\n$ workbench a \\\n    --b\nline 1\n2026-... x\n$ workbench c\n...\n```\n"
    )
    assert [e.command for e in examples] == ["workbench a --b", "workbench c"]
    assert examples[0].expected == ["line 1", "2026-... x"]
    assert _matches(examples[0].expected, ["line 1", "2026-11-30T09:00Z x"])
    assert not _matches(examples[0].expected, ["line 1", "2025-11-30 x"])
    assert not _matches(examples[0].expected, ["line 1", "2026-1 x", "extra"])
    assert _matches(examples[1].expected, ["anything", "at all"]) and _matches(["..."], [])
