"""Every word of a fixed set an option takes is read as a person types it, full-width too.

fix232 read `--status`, `--type` and `--priority` as a Chinese IME types them (ＨＩＧＨ,
ｖｅｒｉｆｉｅｄ); the other options of a fixed set still refused what they type the same way:
`claim list --sort ＵＰＤＡＴＥＤ`, `evidence add --stance ｒｅｆｕｔｅｓ`, `claim list --anchor
ｆｕｚｚｙ`, `export claims --format ｃｓｖ`, `extract --speakers ＯＦＦ`, `stats --by ｔａｇ`
("'ＵＰＤＡＴＥＤ' is not one of 'id', 'updated', ..."). Each is a `TypedChoice` now; a word
naming none is refused as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tests.inprocess import err_line, ok


def _choices(command: click.Command, path: str) -> list[tuple[str, str, click.Choice[Any]]]:
    found = [
        (path, p.name or "", p.type) for p in command.params if isinstance(p.type, click.Choice)
    ]
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            found += _choices(sub, f"{path} {name}")
    return found


def test_every_choice_of_the_cli_is_read_as_typed() -> None:
    from workbench.cli import cli
    from workbench.cli.options import TypedChoice

    choices = _choices(cli, "workbench")
    assert len(choices) >= 10
    plain = [(path, name) for path, name, kind in choices if not isinstance(kind, TypedChoice)]
    assert plain == []


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("公司去年营收增长了百分之十。利润没有变化。", encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(cli("claim", "add", "1", "--quote", "营收增长了百分之十", "--text", "Revenue grew 10%"))
    ok(cli("claim", "tag", "1", "财报"))


def test_full_width_words_do_what_their_ascii_does(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    listed = json.loads(ok(cli("claim", "list", "--sort", "ＵＰＤＡＴＥＤ", "--json")).out)
    assert [c["id"] for c in listed] == [1]
    anchored = json.loads(ok(cli("claim", "list", "--anchor", "ｅｘａｃｔ", "--json")).out)
    assert [c["id"] for c in anchored] == [1]
    added = ok(
        cli("evidence", "add", "1", "--citation", "年报", "--stance", "ｒｅｆｕｔｅｓ", "--json")
    )
    assert json.loads(added.out)["stance"] == "refutes"
    out = tmp_path / "c.csv"
    ok(cli("export", "claims", "--format", "ＣＳＶ", "-o", str(out)))
    assert out.read_text(encoding="utf-8").startswith("id,")
    by = json.loads(ok(cli("stats", "--by", "ｔａｇ", "--json")).out)
    assert "财报" in json.dumps(by, ensure_ascii=False)
    ok(cli("extract", "1", "--speakers", "ＯＦＦ"))


def test_a_word_naming_none_is_still_refused(cli: Any, tmp_path: Path) -> None:
    _desk(cli, tmp_path)
    err_line(cli("claim", "list", "--sort", "ｓｉｚｅ"), 2, "'ｓｉｚｅ' is not one of")
