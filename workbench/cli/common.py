"""What every command needs from the root group: the workbench to run against."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from workbench.domain.errors import WorkbenchError
    from workbench.services.context import Workbench


def workbench_from(ctx: click.Context) -> Workbench:
    from workbench.cli.hints import error_text
    from workbench.domain.errors import EMPTY_SETTING, InvalidInput
    from workbench.services.context import Workbench

    root = ctx.find_root()
    opts = root.obj or {}
    try:
        wb = Workbench.open(opts.get("db"), opts.get("actor"))
    except InvalidInput as exc:
        if exc.reason != EMPTY_SETTING:
            raise
        # `--db ""`, WORKBENCH_USER= ...: a setting of `workbench` itself given empty is bad
        # usage (exit 2), and `workbench --help` is where those settings are described.
        raise click.UsageError(error_text(exc), root) from None
    # Said when the command ends, whether or not it succeeded, if the file is still there.
    root.call_on_close(lambda: say_if_created(wb))
    root.call_on_close(lambda: say_if_upgraded(wb))
    return wb


def say_if_upgraded(wb: Workbench) -> None:
    """The first use upgraded an older schema (a SQLite file, or `db upgrade`): say so once, on
    stderr (a --json result on stdout stays as it is). The older workbenches that wrote it
    refuse it from now on, so its owner should know it changed."""
    if wb.upgraded_from is None:
        return
    from workbench.cli.render import message
    from workbench.db.revision import HEAD_REVISION

    message(f"upgraded the database schema from {wb.upgraded_from} to {HEAD_REVISION}")


def say_if_created(wb: Workbench) -> None:
    """A write that found no database file made one: say where, once, on stderr, and when the
    name given reads as a PostgreSQL database's (or a mistyped URL), what was likely meant."""
    import os

    from workbench.cli.render import message
    from workbench.db.url import meant_url, sqlite_file

    path = sqlite_file(wb.url)
    # (a refused `import bundle` removes the file it made: then nothing was created)
    if not wb.created or path is None or not os.path.exists(path):
        return
    relative = os.path.relpath(path)
    shown = path if relative.startswith("..") else os.path.join(".", relative)
    message(f"created a new workbench database at {shown}")
    meant = meant_url(wb.given) if wb.given else None
    if meant:
        message(
            f"hint: {wb.given!r} has no folder and no .db suffix; for a PostgreSQL database "
            f"give its URL: --db {meant} (and remove {shown})"
        )


def usage_unless_none(problem: WorkbenchError | None) -> None:
    """A rule of how options combine, which the library states (and enforces) and the CLI asks
    before calling: broken, it is bad usage (exit 2), as a wrong option is, in the library's
    words (`claim add --start 5` with no --end, --quote with offsets...)."""
    if problem is not None:
        from workbench.cli.hints import error_text

        raise click.UsageError(error_text(problem))


def text_or_stdin(value: str | None) -> str | None:
    """`-` means: read the text from standard input (long notes, reasons written elsewhere).

    Bounded like every input (a note has a size limit), refused if stdin is closed.
    """
    if value != "-":
        return value
    from workbench.domain.limits import MAX_NOTE
    from workbench.domain.text import decode_utf8
    from workbench.services.inputs import read_stdin

    # UTF-8 takes at most 4 bytes a character; the character limit is checked by the service.
    return decode_utf8(read_stdin(4 * MAX_NOTE, " for a note"), "standard input")


WRITE_BUFFER = 1 << 20


@contextmanager
def output_file(
    path: str, *, binary: bool = False, never_over: str | None = None
) -> Iterator[IO[Any]]:
    """Write `path` atomically (`-` is stdout): a failed export never leaves a truncated file,
    and the result gets the usual permissions, as a shell redirect would give it.

    `never_over` (what is written, "a bundle"): an existing file is refused, as `backup`
    refuses one, before anything is written, and the finished file is linked into place, so
    that one appearing meanwhile is not overwritten either. A device or pipe is still written.
    """
    import os
    import sys
    import tempfile
    from pathlib import Path

    if path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        # Said here: the rename below would fail naming its temporary file, not `path`.
        raise click.ClickException(f"cannot write {path}: it is a directory")
    if target.exists() and not target.is_file():
        # A device or pipe (/dev/null, a FIFO): write into it as a shell redirect would. The
        # atomic rename below would replace the device node itself with a file (as root).
        # Written through a temporary file first: formats such as ZIP need to seek.
        import io
        import shutil

        try:
            # Opened first, and without waiting: a FIFO nobody reads refuses at once (ENXIO)
            # instead of hanging the command. Writes then block as usual.
            fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            raise click.ClickException(f"cannot write {path}: {exc.strerror}") from None
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as device, tempfile.TemporaryFile() as spool:
            if binary:
                yield spool
            else:
                text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
                yield text
                text.flush()
                text.detach()
            spool.seek(0)
            shutil.copyfileobj(spool, device)
        return
    if never_over is not None and (target.exists() or target.is_symlink()):
        raise _exists(path, never_over)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise click.ClickException(f"cannot write {path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        # A 1 MB buffer: an audit export of 10,000,000 events is some 5 GB, and the default
        # 8 KB buffer made that 600,000 write calls.
        f: IO[Any] = (
            os.fdopen(fd, "wb", buffering=WRITE_BUFFER)
            if binary
            else os.fdopen(fd, "w", encoding="utf-8", newline="", buffering=WRITE_BUFFER)
        )
        with f:
            yield f
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        if never_over is None:
            os.replace(tmp, target)
        else:
            # A link (or an O_EXCL copy), not a rename: it fails if the target appeared
            # meanwhile (as `backup`).
            from workbench.new_file import place_new

            try:
                place_new(tmp, target)
            except FileExistsError:
                raise _exists(path, never_over) from None
            Path(tmp).unlink()
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _exists(path: str, what: str) -> Exception:
    from workbench.domain.errors import InvalidInput

    return InvalidInput(f"{path} exists: {what} never overwrites a file")
