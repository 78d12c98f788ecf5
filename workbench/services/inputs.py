"""Reading what a user points at: bounded while reading, regular files only, no silent symlinks.

`doc add /dev/zero` must not read until memory runs out, and `< /dev/zero` must not either:
every read stops one byte past its limit. A FIFO, a device or a directory is not a file to
archive; a symlink is followed only when asked, and then the resolved name is what is recorded.
Only `evidence add` asks (--follow-symlinks); every other command that reads a user's file
refuses a symlink (`refuse_symlink`), and its advice names no option the command lacks.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from workbench.defaults import MAX_DOCUMENT_MB, MAX_DOCUMENT_MB_ENV
from workbench.domain.decoding import BINARY_SAMPLE, marked_encoding, utf16_advice
from workbench.domain.errors import InvalidInput, give
from workbench.new_file import through_a_file
from workbench.services.limits import size_limit

CHUNK = 1 << 20
STDIN_CLOSED = (
    "standard input is closed: pipe the text in (`... - < FILE`) or give it as an argument"
)


@dataclass(frozen=True, slots=True)
class Input:
    data: bytes
    # What to call it in messages and records: the path given, or the resolved target of a
    # followed symlink; "standard input" for `-`.
    name: str


def real_path(path: str | Path) -> Path:
    """`path` with its symbolic links resolved, as far as they lead. Not Path.resolve: on a
    link that leads to itself (`ln -s loop loop`) Python 3.11's raises RuntimeError, a
    traceback (trial252); here the loop is left in the name, and opening it then says "Too many
    levels of symbolic links" as every other read of one does."""
    return Path(os.path.realpath(path))


def refuse_symlink(path: str, *, can_follow: bool = False) -> None:
    """Refuse `path` if it is a symbolic link; `can_follow`: the caller offers to follow it
    (follow_symlinks), and the refusal says so. A missing path is left to the caller."""
    p = Path(path)
    try:
        if not stat.S_ISLNK(p.lstat().st_mode):
            return
        target = os.readlink(p)
    except OSError:
        return
    raise InvalidInput(
        f"{path} is a symbolic link (to {target}): give the file itself",
        hint=give("follow_symlinks") if can_follow else None,
    )


def open_regular(path: str) -> BinaryIO:
    """`path` opened for reading, refused unless it names a regular file (no symbolic link),
    in the words `read_input` uses: no such file, a directory, a device, pipe or socket."""
    refuse_symlink(path)
    try:
        return _open_file(path, follow=False)
    except InvalidInput:
        refuse_symlink(path)  # made a link since: said as such
        raise


def _open_file(path: str, *, follow: bool) -> BinaryIO:
    """`path` opened for reading if it is a regular file, else InvalidInput. O_NONBLOCK:
    opening a FIFO with no writer would otherwise wait forever; the type is then checked on the
    open file, so it cannot be swapped between a check and the read. Without `follow`, a
    symbolic link is not opened (O_NOFOLLOW)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        link = " (a symbolic link to nothing?)" if follow else ""
        raise InvalidInput(f"no such file: {path}{link}") from None
    except OSError as exc:
        raise cannot_read(path, exc) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InvalidInput(f"{path} is a directory, not a file")
        raise InvalidInput(
            f"{path} is not a regular file (a device, pipe or socket): save it to a file first"
        )
    return os.fdopen(fd, "rb")


def cannot_read(path: str, exc: OSError) -> InvalidInput:
    """The refusal of a path the system would not open: through a file (`notes.txt/x.txt`)
    said as the outputs and --db say it (the file on the way named), not as "Not a directory"."""
    why = through_a_file(path) if exc.errno == errno.ENOTDIR else exc.strerror
    return InvalidInput(f"cannot read {path}: {why}")


def read_stdin(limit: int, hint: str) -> bytes:
    """At most `limit` bytes of standard input; one more is an error, not a truncation."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    if buffer is None or buffer.closed:
        raise InvalidInput(STDIN_CLOSED)
    # A chunk at a time, as a file is read: one read(limit + 1) made a pipe's buffered reader
    # allocate the whole limit up front, and a limit raised far (WORKBENCH_MAX_DOCUMENT_MB=100000)
    # was a MemoryError on a line of input (past sys.maxsize, an OverflowError).
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit:
            chunk = buffer.read(min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except (OSError, ValueError):
        raise InvalidInput(STDIN_CLOSED) from None
    if total > limit:
        raise InvalidInput(f"standard input is over the {limit:,}-byte limit{hint}")
    return b"".join(chunks)


def read_input(
    path: str,
    limit: int,
    *,
    hint: str = "",
    follow_symlinks: bool = False,
    can_follow: bool = False,
    limit_name: str = "limit",
) -> Input:
    """The bytes of `path` (`-`: standard input), at most `limit` of them. A symlink is read
    only with `follow_symlinks`; `can_follow`: the caller offers that, and a refusal says so."""
    if path == "-":
        return Input(read_stdin(limit, hint), "standard input")
    chunks: list[bytes] = []
    name = _read_chunks(
        path, limit, chunks.append, hint, follow_symlinks, limit_name, can_follow=can_follow
    )
    return Input(b"".join(chunks), name)


def spool_input(path: str, limit: int, *, hint: str = "") -> BinaryIO:
    """A private copy of the file `path` (at most `limit` bytes) in an anonymous temporary
    file, positioned at its start: for input read more than once (a check pass, then a write
    pass) without holding it in memory, and without reading a file that changed in between."""
    copy = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it (or it goes with it)
    try:
        _read_chunks(path, limit, copy.write, hint, False, "limit")
    except BaseException:
        copy.close()
        raise
    copy.seek(0)
    return copy


def _read_chunks(
    path: str,
    limit: int,
    take: Callable[[bytes], object],
    hint: str,
    follow_symlinks: bool,
    limit_name: str,
    *,
    can_follow: bool = False,
) -> str:
    """Hand `take` the bytes of the regular file `path` a chunk at a time, refusing more than
    `limit` of them; the name to record (a followed symlink's target)."""
    p = Path(path)
    try:
        link = p.lstat()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}") from None
    except OSError as exc:
        raise cannot_read(path, exc) from None
    name = path
    if stat.S_ISLNK(link.st_mode):
        if not follow_symlinks:
            refuse_symlink(path, can_follow=can_follow)
        name = str(real_path(p))
    with _open_file(path, follow=True) as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise InvalidInput(
                f"{path} is {size:,} bytes, over the {limit:,}-byte {limit_name}{hint}"
            )
        total = 0
        while total <= limit:  # a file growing while read is still bounded
            chunk = f.read(min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total <= limit:
                take(chunk)
    if total > limit:
        raise InvalidInput(f"{path} grew past the {limit:,}-byte limit while being read{hint}")
    return name


def spool_text_source(path: str) -> BinaryIO:
    """`spool_source` of a file read as UTF-8 text: a UTF-16 or UTF-32 one (by its byte-order
    mark) copied as UTF-8, within the same limit (`utf8_spool`)."""
    hint = f" (raise it with {MAX_DOCUMENT_MB_ENV})"
    return utf8_spool(spool_source(path), path, max_document_bytes(), hint=hint)


def utf8_spool(copy: BinaryIO, name: str, limit: int, *, hint: str = "") -> BinaryIO:
    """`copy` (a private copy at its start, as `spool_input` gives), or, when it starts with a
    UTF-16 or UTF-32 byte-order mark, a private copy of its text in UTF-8 in its place (`copy`
    is closed): for a reader of UTF-8 only. Refused: text whose UTF-8 is over `limit` (read a
    chunk at a time, never all held), bytes that are no text in the marked encoding, and a
    copy with no mark that looks like UTF-16 (`utf16_advice`)."""
    head = copy.read(BINARY_SAMPLE)
    copy.seek(0)
    marked = marked_encoding(head)
    if marked is None:
        if (advice := utf16_advice(head, "it")) is not None:
            raise InvalidInput(f"{name} is not UTF-8: {advice}")
        return copy
    codec, label = marked
    size = os.fstat(copy.fileno()).st_size
    decoder = codecs.getincrementaldecoder(codec)()
    text = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it (or it goes with it)
    try:
        read = written = 0
        while True:
            chunk = copy.read(CHUNK)
            pending = len(decoder.getstate()[0])
            try:
                data = decoder.decode(chunk, final=not chunk).encode("utf-8")
            except UnicodeDecodeError as exc:
                where = read - pending + exc.start
                raise InvalidInput(
                    f"{name} is not valid {label}: bad bytes at byte offset {where}"
                    + (" (it ends inside a character: cut short?)" if not chunk else "")
                ) from None
            written += len(data)
            if written > limit:
                raise InvalidInput(
                    f"{name} as text (UTF-8) is over the {limit:,}-byte limit ({size:,} bytes "
                    f"as {label}){hint}"
                )
            text.write(data)
            read += len(chunk)
            if not chunk:
                break
    except BaseException:
        text.close()
        raise
    copy.close()
    text.seek(0)
    return text


def max_document_bytes() -> int:
    return size_limit(MAX_DOCUMENT_MB_ENV, MAX_DOCUMENT_MB)


def read_source(path: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a file (or `-` for stdin), refusing what cannot be a document."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    return read_input(path, limit, hint=f" (raise it with {MAX_DOCUMENT_MB_ENV})").data


def spool_source(path: str) -> BinaryIO:
    """A private copy of a file read as a document is (the same limit), for reading in passes."""
    return spool_input(path, max_document_bytes(), hint=f" (raise it with {MAX_DOCUMENT_MB_ENV})")
