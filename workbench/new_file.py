"""Putting a finished file in place without ever overwriting one (`backup`, `export bundle`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

_BUFFER = 1 << 20


def place_new(tmp: str, target: Path) -> None:
    """Put the finished file `tmp` at `target`, which must not exist: a hard link, which fails
    if the target appeared meanwhile; on a drive without links (exFAT, a USB stick) a copy into
    a file created here and only here (O_EXCL), removed if the copy fails. FileExistsError
    when the target exists. `tmp` stays for the caller to remove."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here: copy instead
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as src:
            shutil.copyfileobj(src, out, _BUFFER)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
