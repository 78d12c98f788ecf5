"""`workbench doc add FILE...`: a folder of transcripts in one command, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import err_line, ok

Run = Callable[..., Any]


def _files(folder: Path, **texts: str) -> list[str]:
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_one_line_per_input_in_order_then_a_total(cli: Run, tmp_path: Path) -> None:
    old, a, b = _files(tmp_path, old="早就有的文本。", a="甲说了一句话。", b="乙说了另一句话。")
    ok(cli("doc", "add", old))
    r = ok(cli("doc", "add", a, old, b, a, "--lang", "zh-Hant"))
    # stdout: the documents added; stderr: the inputs that added nothing, and the total
    # (as every command says it changed nothing: fix184)
    lines = r.out.splitlines()
    assert lines[0].startswith(f"{a}: added document #2: 7 characters, sha256 ")
    assert lines[1].startswith(f"{b}: added document #3: ")
    assert len(lines) == 2
    said = r.err.splitlines()
    assert said[0] == f"{old}: already stored as document #1 (same text); nothing added"
    assert f"{a}: same text as {a} above (document #2); nothing added" in said
    assert said[-1] == "added 2 documents; 2 inputs already stored"
    # --lang is each input's; the stored document keeps its own (said, with the edit to run)
    assert "document #1 keeps its stored metadata" in r.err
    assert "workbench doc edit 1 --lang zh-Hant" in r.err
    listed = json.loads(ok(cli("doc", "list", "--json")).out)
    assert [d["language"] for d in listed] == ["zh", "zh-Hant", "zh-Hant"]  # (#1's read)
    events = [json.loads(x)["action"] for x in ok(cli("audit", "export")).out.splitlines()[1:]]
    assert events == ["document.added"] * 3


def test_json_is_an_object_for_one_input_and_an_array_for_several(cli: Run, tmp_path: Path) -> None:
    a, b = _files(tmp_path, a="甲说了一句话。", b="乙说了另一句话。")
    one = json.loads(ok(cli("doc", "add", a, "--json")).out)
    assert isinstance(one, dict) and one["id"] == 1 and one["created"] is True
    assert one["redirects"] == []
    again = json.loads(ok(cli("doc", "add", a, "--json")).out)
    # (the language read from the text is said when the document is added)
    assert one.pop("language_guessed") is True
    assert again == {**one, "created": False, "revision": 1, "revisions": 1}
    several = json.loads(ok(cli("doc", "add", a, b, "--json")).out)
    assert [(x["id"], x["created"]) for x in several] == [(1, False), (2, True)]
    assert set(several[0]) == set(again) and several[0] == again
    twice = json.loads(ok(cli("doc", "add", b, a, b, "--json")).out)
    assert [x.get("same_as_input") for x in twice] == [None, None, None]
    c, d = _files(tmp_path, c="丙说。", d="丁说。")
    fresh = json.loads(ok(cli("doc", "add", c, d, c, "--json")).out)
    assert [x.get("same_as_input") for x in fresh] == [None, None, 1]


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--title", "T"], "a title describes one document"),
        (["--url", "https://example.com/a"], "a URL describes one document"),
        (["--user-agent", "desk/1"], "a user agent goes with a URL"),
    ],
)
def test_options_that_describe_one_document_are_bad_usage_with_several(
    cli: Run, tmp_path: Path, extra: list[str], fragment: str
) -> None:
    a, b = _files(tmp_path, a="甲说了一句话。", b="乙说了另一句话。")
    err_line(cli("doc", "add", a, b, *extra), 2, fragment)
    assert ok(cli("doc", "list")).out.startswith("no documents yet")


def test_standard_input_twice_is_bad_usage(cli: Run, tmp_path: Path) -> None:
    (a,) = _files(tmp_path, a="甲说了一句话。")
    err_line(cli("doc", "add", "-", a, "-", input="乙说。"), 2, "given 2 times")
    r = ok(cli("doc", "add", a, "-", input="乙说了另一句话。"))
    assert r.out.splitlines()[1].startswith("standard input: added document #2")


def test_one_bad_input_adds_nothing_and_its_line_names_it(cli: Run, tmp_path: Path) -> None:
    a, b = _files(tmp_path, a="甲说了一句话。", b="乙说了另一句话。")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xff")
    err_line(cli("doc", "add", a, str(bad), b), 1, f"{bad} is not valid UTF-8")
    err_line(cli("doc", "add", a, b, str(tmp_path / "gone.txt")), 1, "no such file")
    r = cli("doc", "add", a, b, "--json")
    assert r.code == 0 and len(json.loads(r.out)) == 2
    r = cli("doc", "add", a, str(bad), "--json")
    assert r.code == 1 and json.loads(r.err)["error"]["kind"] == "invalid_input"
    assert len(json.loads(ok(cli("doc", "list", "--json")).out)) == 2


def test_too_many_inputs_are_refused_before_any_is_read(cli: Run, tmp_path: Path) -> None:
    from workbench.defaults import MAX_ADD_INPUTS

    many = [str(tmp_path / f"{i}.txt") for i in range(MAX_ADD_INPUTS + 1)]
    err_line(cli("doc", "add", *many), 2, f"at most {MAX_ADD_INPUTS:,} are added in one command")


def test_a_file_name_a_terminal_would_act_on_is_shown_escaped(cli: Run, tmp_path: Path) -> None:
    a, b = _files(tmp_path, a="甲说了一句话。", **{"b\x1b[2J": "乙说了另一句话。"})
    # Refused since fix262 (a recorded name holds no control character, as evidence's never
    # did), and still named escaped: the terminal is not acted on.
    r = cli("doc", "add", a, b)
    assert r.code == 1 and "\x1b" not in r.err
    assert "b\\u001b[2J.txt holds the control character U+001B" in r.err


def test_help_names_several_inputs(cli: Run) -> None:
    r = ok(cli("doc", "add", "--help"))
    assert "FILE|URL|-..." in r.out


def test_a_text_that_says_no_language_gets_one_read_from_it(cli: Run, tmp_path: Path) -> None:
    """A trial: .txt files were stored with no language, so ClaimReview had no inLanguage."""
    zh, en, fr = _files(
        tmp_path,
        zh="星衡科技2023年营收为12.5亿元，同比增长35%。",
        en="The council said the bridge would cost $12 million and open in 2026.",
        fr="Le gouvernement a annoncé une hausse de 12 % des dépenses en 2024.",
    )
    r = ok(cli("doc", "add", zh, en, fr))
    lines = r.out.splitlines()
    assert lines[0].endswith(", language zh (read from the text)")
    assert lines[1].endswith(", language en (read from the text)")
    assert "language" not in lines[2]  # French is not told from its script: none
    languages = [d["language"] for d in json.loads(ok(cli("doc", "list", "--json")).out)]
    assert languages == ["zh", "en", None]
    # Given, it is not read: nothing is said of it.
    other = tmp_path / "other.txt"
    other.write_text("另一篇：营收下降3%。", encoding="utf-8")
    added = json.loads(ok(cli("doc", "add", str(other), "--lang", "zh-Hant", "--json")).out)
    assert added["language"] == "zh-Hant" and "language_guessed" not in added


def test_a_text_two_languages_share_gets_none_and_says_which(cli: Run, tmp_path: Path) -> None:
    """A trial's Markdown file (a Chinese headline and byline, 51 Han characters against 28
    English words) was stored `language en (read from the text)`, and its ClaimReview said
    inLanguage en. Weighed in words, neither language holds most of it: none is stored, and
    the line names both."""
    md = tmp_path / "mixed.md"
    md.write_text(
        "# 港口扩建计划获市议会批准\n\n记者 王晓明\n\n"
        "The city council approved the harbour expansion on Tuesday by a vote of nine to two, "
        "and the mayor said the project would create four hundred new jobs.\n\n"
        "市长表示，该项目将在明年三月开工，预计两年内完工，总投资约为一亿两千万欧元。\n",
        encoding="utf-8",
    )
    r = ok(cli("doc", "add", str(md)))
    assert r.out.endswith(", no language: zh and en share the text (doc edit 1 --lang sets one)\n")
    shown = json.loads(ok(cli("doc", "show", "1", "--json")).out)
    assert shown["language"] is None and shown["title"] == "港口扩建计划获市议会批准"
    md.write_text(md.read_text(encoding="utf-8") + "另一段。\n", encoding="utf-8")
    added = json.loads(ok(cli("doc", "add", str(md), "--json")).out)
    assert added["languages_mixed"] == ["zh", "en"] and "language_guessed" not in added
