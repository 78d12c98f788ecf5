"""Size limits, configurable per installation through the environment."""

from __future__ import annotations

import os

from workbench.domain.errors import InvalidInput


def size_limit(env_var: str, default_mb: float) -> int:
    """A byte limit from an environment variable in megabytes (a positive number)."""
    raw = os.environ.get(env_var, "").strip()
    try:
        mb = float(raw) if raw else default_mb
    except ValueError:
        mb = -1.0
    if not mb > 0:
        raise InvalidInput(f"{env_var}={raw!r} is not a positive number of megabytes")
    return int(mb * 1024 * 1024)
