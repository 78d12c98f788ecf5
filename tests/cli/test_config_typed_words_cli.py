"""`config set` and `config get` read a setting's key and value typed full-width (a Chinese
IME in full-width mode) or in capitals, as every option of a fixed set does (rr266)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_config_set_reads_full_width_words(cli: Run) -> None:
    r = cli("config", "set", "ｒｅｖｉｅｗ．ｒｅｑｕｉｒｅｄ", "ｔｒｕｅ")
    assert (r.code, r.out.strip()) == (0, "review.required = true"), r.err
    r = cli("config", "get", "ＲＥＶＩＥＷ．ＲＥＱＵＩＲＥＤ")
    assert (r.code, r.out.strip()) == (0, "true"), r.err
    r = cli("config", "set", "REVIEW.REQUIRED", "ＯＦＦ")
    assert (r.code, r.out.strip()) == (0, "review.required = false"), r.err


def test_config_set_refuses_a_full_width_word_naming_none_as_typed(cli: Run) -> None:
    r = cli("config", "set", "review.required", "ｍａｙｂｅ")
    assert r.code == 2
    assert "review.required takes true or false, not 'ｍａｙｂｅ'" in r.err
    r = cli("config", "get", "ｒｅｖｉｅｗ")
    assert r.code == 2 and "unknown setting 'ｒｅｖｉｅｗ'" in r.err


def test_config_get_reads_the_setting_its_key_names(cli: Run) -> None:
    """A key with a space about it passed the check and was read as typed: no row, so the
    default was said whatever had been set."""
    assert cli("config", "set", "review.required", "true").code == 0
    r = cli("config", "get", " review.required")
    assert (r.code, r.out.strip()) == (0, "true"), r.err
