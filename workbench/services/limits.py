"""Size limits, configurable per installation through the environment."""

from __future__ import annotations

import math
import os

from workbench.domain.errors import InvalidInput


def size_limit(env_var: str, default_mb: float) -> int:
    """A byte limit from an environment variable in megabytes (a positive number)."""
    raw = os.environ.get(env_var, "").strip()
    try:
        mb = float(raw) if raw else default_mb
    except ValueError:
        mb = -1.0
    # inf (1e400 reads as inf, and 1e308 megabytes is inf bytes) would be no limit, and
    # crashed int(); under a byte, no file could be read.
    size = mb * 1024 * 1024
    if not 1 <= size < math.inf:
        raise InvalidInput(f"{env_var}={raw!r} is not a positive number of megabytes")
    # A limit past any file (1e300, set to mean "none") is none: held at NO_FILE_IS_LARGER, as
    # the readers hand it (and twice it plus a little, a bundle's row) to C, where a byte count
    # of 300 digits was an OverflowError (zipfile's read, zlib's max_length).
    return min(int(size), NO_FILE_IS_LARGER)


# An exbibyte: more than any disk holds, and well within a C ssize_t even doubled.
NO_FILE_IS_LARGER = 1 << 60
