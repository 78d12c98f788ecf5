"""A URL whose host IDNA 2008 refuses is bad usage wherever it is given, in one line that
says why (review rrfetch: `doc add a.txt --url http://☃.net/` was stored, its host asked for
as IDNA 2003 wrote it, where no registry gives such a name out)."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import run_cli


def test_a_symbol_host_given_as_url_is_bad_usage(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("一篇。", encoding="utf-8")
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    r = run_cli(["doc", "add", str(tmp_path / "a.txt"), "--url", "http://☃.net/a"], env=env)
    assert r.crash is None, f"traceback: {r.crash!r}"
    assert (r.code, r.out) == (2, ""), (r.code, r.out, r.err)
    assert "'http://☃.net/a' names no host that can be looked up (☃.net: " in r.err, r.err
    assert "U+2603" in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert run_cli(["doc", "list", "--json"], env=env).out.strip() == "[]"
