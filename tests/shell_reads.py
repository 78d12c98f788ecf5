"""A suggested command as a POSIX shell reads it: shlex.split's words, checked against what `sh`
itself passes to a program (shlex.split leaves `;`, `&`, `$` and backticks in a word, which
the shell reads as another command, a variable or a command's output)."""

from __future__ import annotations

import shlex
import shutil
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
    if shutil.which("zsh") is not None:
        # zsh too where it is installed (docs/errors.md writes for it): it reads a word
        # starting with `=` as a command's path, where sh reads it as itself (rr347).
        done = subprocess.run(
            ["zsh", "-fc", "setopt noglob; printf '%s\\0' " + command],
            capture_output=True,
            timeout=30,
            check=False,
        )
        read = done.stdout.decode("utf-8", "surrogateescape").split("\0")[:-1]
        assert (done.returncode, read) == (0, words), ("zsh", command, done.stderr)
    return words


def pasted(message: str) -> list[str]:
    """The last `workbench ...` command of a message between backticks, as a shell reads it
    (shlex.split, and `sh`): it ends at the first backtick the shell does not read as quoted
    (inside the command, one it would read as command substitution)."""
    start = message.rindex("`workbench ") + 1
    quoted: str | None = None
    i = start
    while i < len(message):
        ch = message[i]
        if quoted == "'":
            quoted = None if ch == "'" else quoted
        elif ch == "\\":
            i += 1
        elif quoted == '"':
            quoted = None if ch == '"' else quoted
        elif ch in "'\"":
            quoted = ch
        elif ch == "`":
            return shell_reads(message[start:i])
        i += 1
    raise AssertionError(f"no command ends in {message!r}")
