"""A transliterated foreign name's middle dot, typed as Chinese IMEs and keyboards type it.

A Chinese desk writes a foreign name with a separator dot (阿卜杜拉·默罕默德), and which dot
arrives depends on the IME, the keyboard and where the name was pasted from: U+00B7 `·` (GB
text), U+30FB `・` (Japanese keyboards, many fonts' "Chinese" dot), U+2027 `‧` (Big5, Taiwan
text). `same_person_key` (workbench/domain/status.py) folds case, width and spacing but not
these, and the quote matching does not fold them either.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.inprocess import ok

ARTICLE = (
    "据悉，该中心由一位前谷歌科学家阿卜杜拉·默罕默德领导。\n"
    "阿卜杜拉·默罕默德此前曾在谷歌大脑工作了八年。\n"
)


def _desk(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ok(cli("doc", "add", str(article)))
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "他领导该中心",
            "--quote",
            "该中心由一位前谷歌科学家",
            "--speaker",
            "阿卜杜拉·默罕默德",
        )
    )


def _ids(cli: Any, *args: str) -> list[int]:
    return [c["id"] for c in json.loads(ok(cli("claim", "list", *args, "--json")).out)]


def test_speaker_filter_finds_the_name_with_another_middle_dot(cli: Any, tmp_path: Path) -> None:
    """`claim list --speaker 阿卜杜拉・默罕默德` (U+30FB) and `--speaker 阿卜杜拉‧默罕默德`
    (U+2027) found nothing of the speaker stored as 阿卜杜拉·默罕默德 (U+00B7), though "a
    speaker is one person however it is typed"."""
    _desk(cli, tmp_path)
    assert _ids(cli, "--speaker", "阿卜杜拉·默罕默德") == [1]
    assert _ids(cli, "--speaker", "阿卜杜拉・默罕默德") == [1]
    assert _ids(cli, "--speaker", "阿卜杜拉‧默罕默德") == [1]


def test_claim_add_stores_the_documents_spelling_of_the_speaker(cli: Any, tmp_path: Path) -> None:
    """`claim add --speaker 阿卜杜拉・默罕默德` stored a second spelling beside the document's
    阿卜杜拉·默罕默德, and `stats --by speaker` counted one person as two speakers."""
    _desk(cli, tmp_path)
    ok(
        cli(
            "claim",
            "add",
            "1",
            "--text",
            "他在谷歌大脑工作八年",
            "--quote",
            "此前曾在谷歌大脑工作了八年",
            "--speaker",
            "阿卜杜拉・默罕默德",
        )
    )
    shown = json.loads(ok(cli("claim", "show", "2", "--json")).out)
    assert shown["speaker"] == "阿卜杜拉·默罕默德", shown["speaker"]
    rows = json.loads(ok(cli("stats", "--by", "speaker", "--json")).out)
    assert len(rows) == 1, rows


def test_quote_with_another_middle_dot_is_found(cli: Any, tmp_path: Path) -> None:
    """`claim add --quote 阿卜杜拉‧默罕默德此前曾在谷歌大脑工作了八年` (the Big5 dot, as a
    Taiwanese source writes it) was refused as "quote not found", though a quote typed with
    other punctuation is still found (README)."""
    _desk(cli, tmp_path)
    r = cli(
        "claim",
        "add",
        "1",
        "--text",
        "他在谷歌大脑工作八年",
        "--quote",
        "阿卜杜拉‧默罕默德此前曾在谷歌大脑工作了八年",
    )
    assert r.code == 0, (r.code, r.out, r.err)
    assert "阿卜杜拉·默罕默德此前曾在谷歌大脑工作了八年" in r.out


def test_search_finds_the_name_with_another_middle_dot(cli: Any, tmp_path: Path) -> None:
    """`claim list --search 阿卜杜拉・默罕默德` (U+30FB) found nothing of a claim whose note
    names 阿卜杜拉·默罕默德 (U+00B7): the search folds quote styles and widths
    (workbench/domain/forms.py, EXTRA_FOLDS) but no middle dot."""
    _desk(cli, tmp_path)
    ok(cli("note", "add", "1", "已联系阿卜杜拉·默罕默德本人核实。"))
    assert _ids(cli, "--search", "阿卜杜拉·默罕默德本人") == [1]
    assert _ids(cli, "--search", "阿卜杜拉・默罕默德本人") == [1]
