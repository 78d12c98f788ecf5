"""A suggested command as a POSIX shell reads it: shlex.split's words, checked against what `sh`
itself passes to a program (shlex.split leaves `;`, `&`, `$` and backticks in a word, which
the shell reads as another command, a variable or a command's output)."""

from __future__ import annotations

import shlex
import subprocess


def shell_reads(command: str) -> list[str]:
    """The words of `command` (its program first), read by shlex.split and by `sh`, which must
    agree. `set -f`: a `*` or `?` left bare would be expanded only where files match."""
    words = shlex.split(command)
    done = subprocess.run(
        ["sh", "-c", "set -f; printf '%s\\0' " + command],
        capture_output=True,
        timeout=30,
        check=False,
    )
    read = done.stdout.decode("utf-8", "surrogateescape").split("\0")[:-1]
    assert (done.returncode, read) == (0, words), (command, done.stderr)
    return words
