"""fetchsafe: the host's look-up is held to the fetch's deadline. It ran in the system's resolver
before the first connection with no limit of the workbench's (a resolver that does not answer,
a slow DNS server retried: `doc add URL` waited past the 20 s and the minute it states).
No network: the resolver is patched."""

from __future__ import annotations

import socket
import threading
from typing import Any

import pytest

from tests.services.test_fetch_deadline import TIMEOUT, fetched_within
from workbench.domain.errors import WorkbenchError


def test_a_look_up_that_hangs_is_held_to_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that never answers: the fetch gave up only when the system's resolver did (here,
    never), past every limit it states."""
    release = threading.Event()
    real = socket.getaddrinfo

    def stuck(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("slow.test", b"slow.test"):
            release.wait(30)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    try:
        got = fetched_within("http://slow.test/story", seconds=10)
    finally:
        release.set()
    assert isinstance(got, WorkbenchError), got
    assert "slow.test" in got.message, got.message
    assert f"within {TIMEOUT:g} s" in got.message, got.message
