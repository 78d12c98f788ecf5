"""A long first `claim similar` in a pipe says so once on stderr: trial57's first search on a
restored year desk ran three minutes without a word when not on a terminal, and was taken for
a hang."""

from __future__ import annotations

import pytest

from workbench.cli.progress import progress_or_notice


def test_a_pipe_hears_once_of_long_work(capsys: pytest.CaptureFixture[str]) -> None:
    with progress_or_notice("indexing claims", enabled=False, at_least=10_000) as progress:
        assert progress is not None
        progress(0, 100_000)
        progress(5_000, 100_000)
        progress(100_000, 100_000)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "indexing claims: 100,000 to do first, once\n"


def test_short_or_unknown_work_passes_in_silence(capsys: pytest.CaptureFixture[str]) -> None:
    with progress_or_notice("indexing claims", enabled=False, at_least=10_000) as progress:
        assert progress is not None
        progress(0, 9_999)
        progress(0, None)
    assert capsys.readouterr().err == ""
