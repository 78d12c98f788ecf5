"""Standard output whose write errors say they are standard output's.

A write into a full disk or `/dev/full` raises the system's error with no file name, and it
reached the one-line refusal as `error: No space left on device`, naming nothing, where `-o
/dev/full` says `cannot write /dev/full: ...` (trial308). Imported by --help: no SQLAlchemy.
"""

from __future__ import annotations

import io
from typing import Any


class StandardOutputError(OSError):
    """A write into the process's standard output failed (errno and words the system's)."""


class _Descriptor1(io.FileIO):
    abandoned = False

    def write(self, data: Any) -> int:
        if self.abandoned:
            return len(data)  # (see `abandon`)
        try:
            return super().write(data)  # (None only for a non-blocking file: not fd 1 here)
        except BlockingIOError:
            raise  # (BufferedWriter's own retry signal: not a failure)
        except OSError as exc:
            raise StandardOutputError(exc.errno, exc.strerror) from None


def abandon(out: Any) -> None:
    """What `out` (sys.stdout, as `named` made it) still holds is dropped from now on: its
    failure has been said, and the interpreter's flush at exit would only fail again, with a
    traceback and exit 120 in place of the refusal's 1."""
    raw = getattr(getattr(out, "buffer", None), "raw", getattr(out, "buffer", None))
    if isinstance(raw, _Descriptor1):
        raw.abandoned = True


def named(out: Any) -> Any:
    """`out` (sys.stdout) on a file descriptor 1 whose failures are StandardOutputError, with
    its encoding, error handler and buffering kept; `out` itself where it is not the process's
    fd 1 through a plain file (a test runner's capture, a Windows console)."""
    try:
        binary = out.buffer
        # (unbuffered, as `python -u` or PYTHONUNBUFFERED leave it: the file itself)
        buffered = not isinstance(binary, io.FileIO)
        if out.fileno() != 1 or not isinstance(binary.raw if buffered else binary, io.FileIO):
            return out
    except (AttributeError, OSError, ValueError):
        return out
    out.flush()
    raw = _Descriptor1(1, "wb", closefd=False)
    return io.TextIOWrapper(
        io.BufferedWriter(raw) if buffered else raw,
        encoding=out.encoding,
        errors=out.errors,
        line_buffering=out.line_buffering,
        write_through=out.write_through,
    )
