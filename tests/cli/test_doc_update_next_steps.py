"""`doc update` that takes a claim's quote out, or changes it, says what the desk does next
(newuser's finding, session 65: `claim show` of an orphaned claim names its next step, but the
update that orphaned it listed "#6 quote gone" and stopped): pin it anew or withdraw it, and
read a changed quote against the claim's text (its figure may be the old one). An update that
leaves every quote as it was says nothing more, nor does --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.inprocess import ok

Run = Callable[..., Any]

FIRST = "第一段落，足够长的一段文字。\n\n公司在2024年融资6亿美元。\n\n公司员工超过500人。\n"


def _desk(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    ok(cli("doc", "add", str(tmp_path / "a.txt")))
    ok(cli("claim", "add", "1", "--text", "融资6亿美元", "--quote", "公司在2024年融资6亿美元"))
    ok(cli("claim", "add", "1", "--text", "员工500人", "--quote", "员工超过500人"))


def _update(cli: Run, tmp_path: Path, text: str, *extra: str) -> Any:
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    return ok(cli("doc", "update", "1", str(tmp_path / "b.txt"), *extra))


def test_a_quote_gone_and_a_quote_changed_each_name_the_next_step(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    out = _update(cli, tmp_path, "第一段落，足够长的一段文字。\n\n公司员工超过600人。\n").out
    assert "#1 quote gone" in out and "#2 quote changed" in out
    assert (
        "next: pin #1 anew in this revision (`workbench claim edit ID --quote TEXT`) "
        "or withdraw it (`workbench claim withdraw ID --reason TEXT`)"
    ) in out
    assert (
        "next: #2's text still gives 500, which this revision took out of its quote: "
        "`workbench claim edit 2 --text TEXT`"
    ) in out


def test_a_changed_quote_whose_claim_gives_no_figure_it_lost_says_no_next_step(
    cli: Run, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    ok(cli("claim", "edit", "2", "--text", "员工规模较大"))
    out = _update(cli, tmp_path, FIRST.replace("500", "600")).out
    assert "#2 quote changed" in out and "next:" not in out


def test_an_update_that_keeps_every_quote_says_no_next_step(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    out = _update(cli, tmp_path, FIRST.replace("第一段落", "首段")).out
    assert "next:" not in out


def test_json_says_no_next_step(cli: Run, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    out = _update(cli, tmp_path, "第一段落，足够长的一段文字。\n", "--json")
    assert "next:" not in out.out + out.err
    assert json.loads(out.out)["number"] == 2


def test_a_withdrawn_claim_is_given_no_next_step(cli: Run, tmp_path: Path) -> None:
    """A withdrawn claim is re-anchored too, but every step named for it is refused (it is
    withdrawn already, and its text and span are what was taken back): none is named."""
    _desk(cli, tmp_path)
    ok(cli("claim", "withdraw", "1", "--reason", "picked out by mistake"))
    ok(cli("claim", "withdraw", "2", "--reason", "a duplicate"))
    out = _update(cli, tmp_path, "第一段落，足够长的一段文字。\n\n公司员工超过600人。\n").out
    assert "#1 quote gone" in out and "#2 quote changed" in out
    assert "next:" not in out


def test_a_withdrawn_claim_among_others_is_left_out_of_their_steps(
    cli: Run, tmp_path: Path
) -> None:
    _desk(cli, tmp_path)
    ok(cli("claim", "add", "1", "--text", "融资6亿", "--quote", "融资6亿美元"))
    ok(cli("claim", "withdraw", "1", "--reason", "a duplicate of #3"))
    out = _update(cli, tmp_path, "第一段落，足够长的一段文字。\n\n公司员工超过600人。\n").out
    assert "next: pin #3 anew in this revision" in out
    assert "#1" not in out.split("next:", 1)[1]


def test_readme_quotes_the_next_steps_as_doc_update_writes_them(cli: Run, tmp_path: Path) -> None:
    """README's account of `doc update` named the verdicts it flags and stopped: the next steps
    it says for a quote taken out or a figure left in a claim's text were written nowhere. Each
    line README quotes (a code span, spaced inside: one ends in a backtick) is the one this
    update writes (README's lines rewrapped as one)."""
    readme = " ".join((Path(__file__).parents[2] / "README.md").read_text("utf-8").split())
    _desk(cli, tmp_path)
    out = _update(cli, tmp_path, "第一段落，足够长的一段文字。\n\n公司员工超过600人。\n").out
    lines = [line for line in out.splitlines() if line.startswith("next: ")]
    assert len(lines) == 2
    for line in lines:
        assert f"`` {line} ``" in readme, line
