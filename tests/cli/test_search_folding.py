"""`claim list --search` across the forms of characters (trial 53, finding 2).

The search compared the text as typed (NFC only) with the stored text, so a Chinese IME's
full-width comma (，) did not find an article's ASCII comma, nor full-width letters (ｋｉｍｉ)
the ASCII ones, although --quote anchoring, tags and names all fold these forms and stored
Chinese text mixes them freely. These are the trial's own tests, moved here.
"""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import ok
from tests.trial53_desk import Run, desk, listed


def test_trial53_search_folds_full_width_punctuation(cli: Run, tmp_path: Path) -> None:
    """The IME's `，` finds the article's `,` (it found nothing)."""
    desk(cli, tmp_path)
    assert listed(cli, "--search", "他表示,公司") == [1]
    assert listed(cli, "--search", "他表示，公司") == [1]


def test_trial53_search_folds_full_width_letters(cli: Run, tmp_path: Path) -> None:
    """Full-width letters find ASCII ones, in any case (they found nothing)."""
    desk(cli, tmp_path)
    assert listed(cli, "--search", "KIMI") == [2]
    assert listed(cli, "--search", "ｋｉｍｉ") == [2]


def test_trial53_desk_searches_as_the_trial_typed_them(cli: Run, tmp_path: Path) -> None:
    """The trial's other misses on its desk: full-width digits, and an ASCII quote mark for
    the article's curly one; and the other way round, an ASCII search for full-width text."""
    article = tmp_path / "b.txt"
    article.write_text("“我们是国内第一个”,公司员工已超过８１０人。ＧＰＴ－４发布。\n", "utf-8")
    ok(cli("doc", "add", str(article)))
    for quote in ("“我们是国内第一个”", "公司员工已超过８１０人", "ＧＰＴ－４发布"):
        ok(cli("claim", "add", "1", "--text", quote, "--quote", quote))
    assert listed(cli, "--search", '"我们是国内第一个') == [1]
    assert listed(cli, "--search", "公司员工已超过810人") == [2]
    assert listed(cli, "--search", "gpt-4") == [3]
    assert listed(cli, "--search", "GPT") == [3]


def test_the_search_help_says_what_it_folds() -> None:
    from click.testing import CliRunner

    from workbench.cli import cli

    out = " ".join(CliRunner().invoke(cli, ["claim", "list", "--help"]).output.split())
    assert "Full-width and ASCII forms are one" in out and "curly and straight" in out, out
