"""Whether the person is at a terminal: read by the progress bar (never drawn over a line
being typed) and by the notice a command gives before it reads `-` from standard input."""

from __future__ import annotations

import sys


def stdin_at_terminal() -> bool:
    """Whether standard input is a terminal (a closed or replaced one is not)."""
    stream = sys.stdin
    try:
        return stream is not None and not stream.closed and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
