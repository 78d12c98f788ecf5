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
    return int(size)
