"""Which stored address names the same page is answered alike on SQLite and PostgreSQL
(review rrfetch, of rfetch's `_same_url`): up to the first #, a fragment holding a # itself,
characters beyond the BMP counted as one (substr counts characters on both), and a URL's % and
_ taken as themselves, not as LIKE's wildcards."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import run_cli

STORED = "https://x.example/😀/a_b?q=50%25#part#2"


@pytest.mark.parametrize(
    ("second", "same"),
    [
        ("https://x.example/😀/a_b?q=50%25", True),
        ("https://x.example/😀/a_b?q=50%25#other", True),
        ("https://x.example/😀/a_b?q=50%25x", False),
        ("https://x.example/😀/aXb?q=50%25", False),
        ("https://X.example/😀/a_b?q=50%25", False),
    ],
)
def test_an_address_differing_only_in_its_fragment_is_the_same_page(
    db_url: str, tmp_path: Path, second: str, same: bool
) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    (tmp_path / "one.txt").write_text("The minister said it rose.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("The minister said it rose to 7 percent.", encoding="utf-8")
    assert run_cli(["doc", "add", str(tmp_path / "one.txt"), "--url", STORED], env=env).code == 0
    r = run_cli(["doc", "add", str(tmp_path / "two.txt"), "--url", second], env=env)
    assert r.code == 0, (r.code, r.out, r.err)
    assert ("document #1 has the same URL" in r.err) is same, r.err
