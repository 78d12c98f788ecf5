"""A URL typed decomposed (macOS, some keyboards: `u` and a combining diaeresis) is stored in
NFC, as the desk's every text is, and so is one address with the one typed composed (review
rfetch: it was stored decomposed, and a newer copy at the composed address was not said to
share document #1's URL; review52 fixed the same for titles)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from tests.inprocess import Outcome, run_cli
from workbench.domain.urls import check_http_url

DECOMPOSED = "https://bu\u0308cher.example/e\u0301te\u0301"
COMPOSED = unicodedata.normalize("NFC", DECOMPOSED)


def cli(db_url: str, *args: str) -> Outcome:
    return run_cli(list(args), env={"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"})


def test_a_typed_url_is_taken_in_nfc() -> None:
    assert COMPOSED != DECOMPOSED
    assert check_http_url(DECOMPOSED) == COMPOSED
    # A restored bundle's URL is checked, not rewritten.
    assert check_http_url(DECOMPOSED, stored=True) == DECOMPOSED


def test_a_url_typed_decomposed_is_stored_composed_and_found_by_it(
    db_url: str, tmp_path: Path
) -> None:
    (tmp_path / "one.txt").write_text("The minister said it rose.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("The minister said it rose to 7 percent.", encoding="utf-8")
    assert cli(db_url, "doc", "add", str(tmp_path / "one.txt"), "--url", DECOMPOSED).code == 0
    assert json.loads(cli(db_url, "doc", "show", "1", "--json").out)["url"] == COMPOSED
    r = cli(db_url, "doc", "add", str(tmp_path / "two.txt"), "--url", COMPOSED)
    assert r.code == 0, (r.code, r.out, r.err)
    assert "document #1 has the same URL" in r.err, r.err
