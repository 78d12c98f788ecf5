"""Commands the workbench suggests, written so that each can be pasted as printed: every
argument one word that a POSIX shell reads back exactly. A review found `--role ROLE` printed
bare: a role or name holding a space, a quote, `$`, `;` or a backtick split in two when
pasted, or ran something else. The one home of that quoting for names, roles and URLs."""

from __future__ import annotations

import shlex
import string
from collections.abc import Sequence

# The ASCII characters no POSIX shell reads as anything but themselves, anywhere in a word:
# shlex.quote's own set, so that what is left bare is what shlex would leave bare.
_PLAIN_ASCII = frozenset(string.ascii_letters + string.digits + "@%+=:,./-_")


def shell_word(text: str) -> str:
    """`text` as one word a shell reads back exactly: as it is when the shell takes each of its
    characters literally (`ana`, `josé`, `王芳`: shlex.quote would quote every letter beyond
    ASCII, and a plain name reads best bare), else shlex-quoted (`'ben okafor'`), and one
    starting with `=` quoted too (`'=y.db'`); where no terminal shows it as it is, as `escaped`
    writes it."""
    if not text.isprintable():
        return escaped(text)
    if text.startswith("="):
        # zsh reads a word starting with `=` as a command's path (EQUALS, on by default):
        # `=y.db` is "y.db not found", `=python3` /usr/bin/python3 (rr347). shlex leaves `=`
        # bare anywhere, so it is quoted here; inside a word it is nothing to any shell.
        return "'" + text.replace("'", "'\"'\"'") + "'"
    if text and all(ch in _PLAIN_ASCII if ch.isascii() else not ch.isspace() for ch in text):
        return text
    return shlex.quote(text)


def escaped(text: str) -> str:
    """`text` holding bytes that are not UTF-8 (a Latin-1 file name, carried as surrogates) or
    characters no terminal shows (a newline), as bash, zsh and ksh's $'...' with each such byte
    written \\xNN: `$'r\\xe9.html'` (fix166: it was printed as r\\udce9.html, no file's name)."""
    said: list[str] = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8, as Python carries it
            said.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch in "'\\":
            said.append("\\" + ch)
        elif not ch.isprintable():
            said.extend(f"\\x{b:02x}" for b in ch.encode("utf-8", "surrogatepass"))
        else:
            said.append(ch)
    return "$'" + "".join(said) + "'"


def command_line(
    words: Sequence[str], operands: Sequence[str] = (), options: Sequence[str] = ()
) -> str:
    """A command to paste: `words` (the program, its subcommands and the options before the
    operands), the `operands`, then the `options` after them, each a shell word. An operand
    starting with `-` would be read as an option (`user add -ana`: "no such option"): then the
    options come first, and the operands after `--`, which ends the options for Click and for
    getopt alike."""
    if any(operand.startswith("-") for operand in operands):
        parts = [*words, *options, "--", *operands]
    else:
        parts = [*words, *operands, *options]
    return " ".join(shell_word(part) for part in parts)
