"""The words for text an output's encoding cannot hold, at the CLI's edge (workbench.cli.errors):
whatever stream raised it, it is never worded as bad input."""

from __future__ import annotations

import io
from typing import Any

import click
import pytest

from workbench.cli.errors import run


@click.command()
def _writes_chinese_in_cp1252() -> None:
    "中文".encode("cp1252")


@click.command()
def _meets_a_lone_surrogate() -> None:
    "\udce4".encode("utf-8")


def test_an_output_encoding_error_is_no_input_error(
    capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A UnicodeEncodeError from an output stream in cp1252 was reported as "the input is not
    valid UTF-8 text (check the terminal's or the file's encoding)", exit 1: the input was
    fine, the output's encoding could not hold it."""
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(io.BytesIO(), encoding="cp1252"))
    with pytest.raises(SystemExit) as exit_:
        run(_writes_chinese_in_cp1252, [])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the output could not be written in cp1252"), err
    assert "input" not in err


def test_a_lone_surrogate_is_still_bad_input(capsys: Any) -> None:
    """(Unchanged) UTF-8 cannot encode a lone surrogate: the text came from an argument that
    was not UTF-8, which Python decoded as it could; that is the input's fault."""
    with pytest.raises(SystemExit) as exit_:
        run(_meets_a_lone_surrogate, [])
    assert exit_.value.code == 1
    assert "the input is not valid UTF-8" in capsys.readouterr().err
