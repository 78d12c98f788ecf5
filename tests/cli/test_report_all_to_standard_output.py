"""`report --all -o -`: every other `-o -` is standard output, and `--db -` is refused as bad
usage for that reason (fix282), yet `report --all -o -` quietly made a folder named `-` in the
current folder and wrote the site into it ("wrote 1 document page and index.html to -"). The
pages of --all are many files and cannot go to standard output: bad usage (exit 2), said in
one line before anything is made; `./-` still names such a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import run_cli


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_all_to_a_dash_is_bad_usage_and_makes_no_folder(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: list[str]
) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert run_cli(["doc", "add", str(doc)], env=env).code == 0
    monkeypatch.chdir(tmp_path)
    r = run_cli(["report", "--all", "-o", "-", *force], env=env)
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.err.startswith(
        "error: with --all, -o names a folder, not standard output (a folder named - is ./-)"
    ), r.err
    assert r.out == ""
    assert not (tmp_path / "-").exists()


def test_a_folder_named_dash_is_still_reachable_as_dot_slash(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    doc = tmp_path / "a.txt"
    doc.write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    assert run_cli(["doc", "add", str(doc)], env=env).code == 0
    monkeypatch.chdir(tmp_path)
    r = run_cli(["report", "--all", "-o", "./-"], env=env)
    assert r.code == 0, r.err
    assert (tmp_path / "-" / "index.html").is_file()


def test_all_to_a_dash_with_json_is_said_as_a_folder_needed(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --json, the refusal was the one-page report's: "--json prints to stdout, where -o -
    writes the page: give -o FILE", a file, where --all needs a folder."""
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    monkeypatch.chdir(tmp_path)
    r = run_cli(["report", "--all", "-o", "-", "--json"], env=env)
    assert r.code == 2, (r.code, r.out, r.err)
    assert "with --all, -o names a folder, not standard output" in r.err, r.err
    assert not (tmp_path / "-").exists()
