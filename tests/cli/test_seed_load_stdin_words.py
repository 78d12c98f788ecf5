"""`seed load -` called standard input "-" in its refusals (`error: - is not a seed file`,
`error: -: claim 1: quote not found ...`), where every other reader of `-` says "standard
input"; and its help did not say PATH may be `-` (fix272)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.inprocess import Outcome, run_cli

Run = Callable[..., Outcome]
DOC = "document:\n  file: doc.txt\n"


@pytest.fixture
def run(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    (tmp_path / "doc.txt").write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def go(seed: str) -> Outcome:
        env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
        return run_cli(["seed", "load", "-"], stdin=seed.encode(), env=env)

    return go


@pytest.mark.parametrize(
    ("seed", "said"),
    [
        ("- just a list\n", "error: standard input is not a seed file: "),
        ("document: [\n", "error: standard input is not valid YAML: "),
        (DOC + "claims:\n  - quote: nope\n    text: a\n", "error: standard input: claim 1: "),
        (DOC + "claims:\n  - quote: 1\n", "error: standard input: claim 1: quote: "),
        ("claims: []\n", "error: standard input: document: missing"),
        ("a: 1\na: 2\nclaims: []\n", "error: standard input: "),
    ],
)
def test_standard_input_is_named_as_such(run: Run, seed: str, said: str) -> None:
    r = run(seed)
    assert r.crash is None, repr(r.crash)
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.startswith(said), r.err


def test_the_help_says_a_dash_reads_standard_input() -> None:
    r = run_cli(["seed", "load", "--help"])
    assert r.code == 0
    assert "`-`" in r.out and "standard input" in r.out, r.out


def test_bytes_not_utf8_on_standard_input(db_url: str) -> None:
    env = {"WORKBENCH_DB": db_url, "WORKBENCH_USER": "t"}
    r = run_cli(["seed", "load", "-"], stdin=b"a: \xff\n", env=env)
    assert r.code == 1, (r.code, r.err)
    assert r.err.startswith("error: standard input is not valid UTF-8"), r.err


def test_a_document_through_a_link_out_names_standard_input(run: Run, tmp_path: Path) -> None:
    """The refusal of a document reached through a link out of the folder said "-: document:
    file: ..." (rr275)."""
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "doc.txt").write_text("The GDP grew 5% in 2020.\n", encoding="utf-8")
    (tmp_path / "out").symlink_to(elsewhere)
    r = run("document:\n  file: out/doc.txt\nclaims: []\n")
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.startswith("error: standard input: document: file: 'out/doc.txt' leads out"), r.err
