"""`claim add --text -` and `claim edit ID --text -` read the claim's text from standard input,
as every `--note -` does: a claim text may hold 100,000 characters (README), which no command
line carries (Linux takes 131,072 bytes an argument: about 43,000 Chinese characters)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]


def test_a_claim_text_given_as_dash_is_read_from_stdin_not_stored_as_a_dash(cli: Run) -> None:
    """An editor piping a long claim text, `workbench claim add 1 --quote 代价是惨重的 --text -
    < long.txt`, as the README's `note add ID -` and `--note -` read one, got 'added claim
    #32' whose text was the one character '-', the 120,000 bytes piped in left unread; `claim
    edit 32 --text -` made it '-' too. The text is read from standard input now, within the
    claim text's limit, and an empty one is refused as an empty note is."""
    assert cli("demo").code == 0
    long_text = "这是一个很长的说法。" * 5000  # 50,000 characters, 150,000 bytes
    added = cli(
        "claim", "add", "1", "--quote", "代价是惨重的", "--text", "-", "--json", input=long_text
    )
    assert added.code == 0, added.err
    claim = json.loads(added.out)["id"]
    shown = json.loads(cli("claim", "show", str(claim), "--json").out)
    assert shown["text"] == long_text
    edited = cli("claim", "edit", str(claim), "--text", "-", input="一句更短的话。\n")
    assert edited.code == 0, edited.err
    shown = json.loads(cli("claim", "show", str(claim), "--json").out)
    assert shown["text"] == "一句更短的话。"
    empty = cli("claim", "edit", str(claim), "--text", "-", input="")
    assert empty.code == 1 and "empty" in empty.err, (empty.code, empty.err)
